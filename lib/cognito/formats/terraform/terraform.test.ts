import { readFileSync } from "node:fs";
import { parse as parseHcl } from "@cdktf/hcl2json";
import { describe, expect, test } from "vitest";
import type { PoolDocument } from "../../spec/document-schema";
import { readPoolDocument } from "../read-pool-document";
import { BLOG_POOL_DOCUMENT, MAXIMAL_POOL_DOCUMENT, poolDocument } from "@/test/support/pool-documents";
import { quote } from "./hcl";
import { parseTerraform } from "./parse-terraform";
import { renderTerraform, scopesValue } from "./render-terraform";

type Json = Record<string, unknown>;
type Bodies = Record<string, Record<string, Json[]>>;

const OPENMCF_EXAMPLES = new URL("../../../../test/fixtures/reference/openmcf-examples/", import.meta.url);

/** OpenMCF's documentation examples, with the preset placeholders OpenMCF fills in replaced. */
function openMcfExample(file: string): PoolDocument {
  const text = readFileSync(new URL(file, OPENMCF_EXAMPLES), "utf8").replaceAll("${name}", "webapp").replaceAll("<aws-region>", "us-east-1");
  const result = readPoolDocument(text, file);
  if (!result.document) throw new Error(`${file}: ${JSON.stringify(result.diagnostics)}`);
  return result.document;
}

async function hcl(doc: PoolDocument, options = {}): Promise<{ resource: Bodies } & Json> {
  const result = renderTerraform(doc, options);
  return (await parseHcl("main.tf", result.files[0].content)) as { resource: Bodies } & Json;
}

describe("renderTerraform: the Terraform blog post's pool", () => {
  test("the pool, resource server, domain and client carry the document's values", async () => {
    const { resource } = await hcl(BLOG_POOL_DOCUMENT);
    const pool = resource.aws_cognito_user_pool.this[0];
    expect(pool.name).toBe("blog-pool");
    expect(pool.auto_verified_attributes).toEqual(["email"]);
    expect(pool.password_policy).toEqual([
      { minimum_length: 12, require_lowercase: true, require_numbers: true, require_symbols: true, require_uppercase: true },
    ]);
    expect(pool.verification_message_template).toEqual([{ default_email_option: "CONFIRM_WITH_CODE" }]);
    expect(pool.account_recovery_setting).toEqual([{ recovery_mechanism: [{ name: "verified_email", priority: 1 }] }]);
    // Custom String attribute: an empty constraints block; standard email: AWS's documented 0–2048.
    expect(pool.schema).toEqual([
      { name: "email", attribute_data_type: "String", mutable: true, required: true, string_attribute_constraints: [{ min_length: "0", max_length: "2048" }] },
      { name: "tenant_id", attribute_data_type: "String", mutable: true, required: false, string_attribute_constraints: [{}] },
    ]);

    const server = resource.aws_cognito_resource_server.api[0];
    expect(server).toMatchObject({ identifier: "https://api.example.com", name: "api", user_pool_id: "${aws_cognito_user_pool.this.id}" });
    expect(server.scope).toEqual([{ scope_name: "read", scope_description: "Read access to API" }]);

    expect(resource.aws_cognito_user_pool_domain.this[0]).toEqual({
      domain: "blog-pool-auth",
      user_pool_id: "${aws_cognito_user_pool.this.id}",
      lifecycle: [{ create_before_destroy: true }],
    });

    const client = resource.aws_cognito_user_pool_client.web_app[0];
    expect(client).toMatchObject({
      name: "web-app",
      user_pool_id: "${aws_cognito_user_pool.this.id}",
      allowed_oauth_flows: ["code"],
      allowed_oauth_flows_user_pool_client: true,
      // As in the blog post's Terraform: the client takes the resource server's scope identifiers, which orders creation.
      allowed_oauth_scopes: "${aws_cognito_resource_server.api.scope_identifiers}",
      callback_urls: ["https://app.example.com/callback"],
      logout_urls: ["https://app.example.com/logout"],
      enable_token_revocation: true,
      prevent_user_existence_errors: "ENABLED",
    });
  });

  test("the provider block carries the region and no warning is reported", () => {
    const result = renderTerraform(BLOG_POOL_DOCUMENT);
    expect(result.diagnostics).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual(["main.tf"]);
    expect(result.files[0].content).toContain('provider "aws" {\n  region = "eu-central-1"\n}');
  });

  test("imports back to the same document", async () => {
    const result = await parseTerraform(renderTerraform(BLOG_POOL_DOCUMENT).files[0].content);
    expect(result.diagnostics).toEqual([]);
    expect(result.document).toEqual(BLOG_POOL_DOCUMENT);
  });
});

describe("renderTerraform: OpenMCF's documentation examples", () => {
  test("01 email auth: username attributes, recovery and an SRP client", async () => {
    const { resource } = await hcl(openMcfExample("01-email-auth-basic.yaml"));
    const pool = resource.aws_cognito_user_pool.this[0];
    expect(pool.username_attributes).toEqual(["email"]);
    expect(pool.account_recovery_setting).toEqual([{ recovery_mechanism: [{ name: "verified_email", priority: 1 }] }]);
    expect(resource.aws_cognito_user_pool_client.web_app[0].explicit_auth_flows).toEqual(["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
  });

  test("02 OAuth with hosted UI: password policy, code flow, token validity in minutes, domain", async () => {
    const { resource } = await hcl(openMcfExample("02-oauth-with-hosted-ui.yaml"));
    const pool = resource.aws_cognito_user_pool.this[0];
    expect(pool.password_policy).toEqual([{ minimum_length: 10, require_lowercase: true, require_uppercase: true, require_numbers: true }]);
    const client = resource.aws_cognito_user_pool_client.web_app[0];
    expect(client.allowed_oauth_flows).toEqual(["code"]);
    expect(client.allowed_oauth_scopes).toEqual(["openid", "email", "profile"]);
    expect(client.default_redirect_uri).toBe("https://app.example.com/callback");
    expect(client.access_token_validity).toBe(60);
    // OpenMCF's *Minutes fields arrive as minutes, and the document carries those units.
    expect(client.token_validity_units).toEqual([expect.objectContaining({ access_token: "minutes", id_token: "minutes" })]);
    expect(resource.aws_cognito_user_pool_domain.this[0].domain).toBe("webapp-auth");
  });

  test("03 production: MFA with TOTP, SES email, deletion protection and two clients", async () => {
    const { resource } = await hcl(openMcfExample("03-production-multi-client.yaml"));
    const pool = resource.aws_cognito_user_pool.this[0];
    expect(pool.password_policy).toEqual([
      { minimum_length: 12, require_lowercase: true, require_uppercase: true, require_numbers: true, require_symbols: true, temporary_password_validity_days: 3 },
    ]);
    expect(pool.mfa_configuration).toBe("OPTIONAL");
    expect(pool.software_token_mfa_configuration).toEqual([{ enabled: true }]);
    expect(pool.deletion_protection).toBe("ACTIVE");
    expect(pool.email_configuration).toEqual([
      {
        email_sending_account: "DEVELOPER",
        source_arn: "arn:aws:ses:us-east-1:123456789012:identity/noreply@example.com",
        from_email_address: "App Auth <noreply@example.com>",
      },
    ]);
    const server = resource.aws_cognito_user_pool_client.api_server[0];
    expect(server.generate_secret).toBe(true);
    expect(server.allowed_oauth_flows).toEqual(["client_credentials"]);
    expect(server.allowed_oauth_scopes).toEqual(["api/read", "api/write"]);
    expect(resource.aws_cognito_user_pool_client.web_spa[0].allowed_oauth_flows).toEqual(["code"]);
  });
});

describe("renderTerraform options", () => {
  test("variables: region, domain and callback/logout URLs become variables with the document's values as defaults", async () => {
    const result = renderTerraform(MAXIMAL_POOL_DOCUMENT, { variables: true });
    expect(result.files.map((f) => f.path)).toEqual(["main.tf", "variables.tf"]);
    const main = (await parseHcl("main.tf", result.files[0].content)) as { provider: { aws: Json[] }; resource: Bodies };
    expect(main.provider.aws[0].region).toBe("${var.region}");
    expect(main.resource.aws_cognito_user_pool_domain.this[0].domain).toBe("${var.domain}");
    expect(main.resource.aws_cognito_user_pool_client.web_spa[0].callback_urls).toBe("${var.web_spa_callback_urls}");
    const vars = (await parseHcl("variables.tf", result.files[1].content)) as { variable: Record<string, Json[]> };
    expect(vars.variable.region[0].default).toBe("us-east-1");
    expect(vars.variable.web_spa_callback_urls[0].default).toEqual(["https://app.example.com/callback", "http://localhost:3000/callback"]);
    // The kitchen sink's domain is a custom one: its DNS record is opt-in through the hosted zone variable.
    expect(Object.keys(vars.variable).sort()).toEqual(["domain", "region", "route53_zone_id", "web_spa_callback_urls", "web_spa_logout_urls"]);
    expect(vars.variable.route53_zone_id[0].default).toBeNull();
  });

  test("a prefix and a custom domain: two domain resources, the custom one's CloudFront distribution as an output and an opt-in Route 53 alias", async () => {
    const doc = structuredClone(MAXIMAL_POOL_DOCUMENT);
    doc.spec.domain = { domain: "shop-auth", managedLoginVersion: 2 };
    doc.spec.customDomain = { domain: "auth.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc" };
    const result = renderTerraform(doc);
    expect(result.diagnostics).toEqual([]);
    const main = (await parseHcl("main.tf", result.files[0].content)) as { resource: Bodies; output: Record<string, Json[]> };
    expect(main.resource.aws_cognito_user_pool_domain.this[0]).toMatchObject({ domain: "shop-auth", managed_login_version: 2 });
    expect(main.resource.aws_cognito_user_pool_domain.custom[0]).toMatchObject({ domain: "auth.example.com", certificate_arn: "arn:aws:acm:us-east-1:123456789012:certificate/abc" });
    expect(main.resource.aws_route53_record.custom_domain[0]).toMatchObject({
      count: "${var.route53_zone_id == null ? 0 : 1}",
      type: "A",
      alias: [{ name: "${aws_cognito_user_pool_domain.custom.cloudfront_distribution}", zone_id: "${aws_cognito_user_pool_domain.custom.cloudfront_distribution_zone_id}" }],
    });
    expect(main.output.custom_domain_cloudfront_distribution[0].value).toBe("${aws_cognito_user_pool_domain.custom.cloudfront_distribution}");
    const back = await parseTerraform(result.files.map((f) => `# ==> ${f.path} <==\n${f.content}`).join("\n"));
    expect([back.document?.spec.domain, back.document?.spec.customDomain]).toEqual([doc.spec.domain, doc.spec.customDomain]);
  });

  test("live ids: import blocks with the provider's import id formats; a client without an id is reported", async () => {
    const result = renderTerraform(MAXIMAL_POOL_DOCUMENT, { liveIds: { userPoolId: "us-east-1_Ab12", clients: { "web-spa": "4k2j" } } });
    const imports = result.files.find((f) => f.path === "imports.tf");
    const json = (await parseHcl("imports.tf", imports?.content ?? "")) as { import: Json[] };
    expect(json.import).toEqual([
      { to: "${aws_cognito_user_pool.this}", id: "us-east-1_Ab12" },
      { to: "${aws_cognito_resource_server.orders_api}", id: "us-east-1_Ab12|https://api.example.com" },
      { to: "${aws_cognito_resource_server.reports}", id: "us-east-1_Ab12|reports" },
      { to: "${aws_cognito_user_pool_domain.this}", id: "auth.example.com" },
      { to: "${aws_cognito_user_pool_client.web_spa}", id: "us-east-1_Ab12/4k2j" },
    ]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ path: "spec.clients[1]", code: "no-live-id" })]);
  });
});

describe("renderTerraform: what the provider cannot say, and perpetual-diff guards", () => {
  test("refresh token rotation and the inbound federation trigger are warnings, not output", () => {
    const doc = structuredClone(BLOG_POOL_DOCUMENT);
    doc.spec.clients = [{ name: "web", refreshTokenRotation: { feature: "ENABLED" } }];
    doc.spec.lambdaConfig = { inboundFederation: { lambdaVersion: "V1_0", lambdaArn: "arn:aws:lambda:eu-central-1:123456789012:function:fed" } };
    const result = renderTerraform(doc);
    expect(result.diagnostics.map((d) => d.path)).toEqual(["spec.lambdaConfig.inboundFederation", "spec.clients[0].refreshTokenRotation"]);
    expect(result.files[0].content).not.toContain("refresh_token_rotation");
    expect(result.files[0].content).not.toContain("inbound_federation");
  });

  test("TOTP switched off while MFA is off is left out with a warning", () => {
    const doc = structuredClone(BLOG_POOL_DOCUMENT);
    doc.spec.softwareTokenMfaConfiguration = { enabled: false };
    const result = renderTerraform(doc);
    expect(result.files[0].content).not.toContain("software_token_mfa_configuration");
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: "written-as-absent" })]);
  });

  test("token validity units are written only as the document sets them (the provider defaults the rest)", async () => {
    const doc = structuredClone(BLOG_POOL_DOCUMENT);
    doc.spec.clients = [
      { name: "web", accessTokenValidity: 2 },
      { name: "cli", refreshTokenValidity: 1, tokenValidityUnits: { refreshToken: "hours" } },
    ];
    const { resource } = await hcl(doc);
    expect(resource.aws_cognito_user_pool_client.web[0]).toMatchObject({ access_token_validity: 2 });
    expect(resource.aws_cognito_user_pool_client.web[0]).not.toHaveProperty("token_validity_units");
    expect(resource.aws_cognito_user_pool_client.cli[0].token_validity_units).toEqual([{ refresh_token: "hours" }]);
  });

  test("client defaults are written into each client, with a warning", async () => {
    const doc = structuredClone(BLOG_POOL_DOCUMENT);
    doc.spec.clientDefaults = { enableTokenRevocation: false, explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"] };
    const result = renderTerraform(doc);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["client-defaults-inlined"]);
    const { resource } = (await parseHcl("main.tf", result.files[0].content)) as { resource: Bodies };
    // The client's own true wins over the default false.
    expect(resource.aws_cognito_user_pool_client.web_app[0]).toMatchObject({ enable_token_revocation: true, explicit_auth_flows: ["ALLOW_USER_SRP_AUTH"] });
  });
});

describe("scopesValue", () => {
  const servers = [
    { identifier: "https://api", name: "api", scopes: [{ name: "read", description: "r" }, { name: "write", description: "w" }] },
  ];
  const labels = new Map([["https://api", "api"]]);
  test("all of a server's scopes in order become scope_identifiers, kept in list order with concat", () => {
    expect(scopesValue(["openid", "https://api/read", "https://api/write", "email"], servers, labels)).toEqual({
      code: 'concat(["openid"], aws_cognito_resource_server.api.scope_identifiers, ["email"])',
    });
  });
  test("some of a server's scopes are written as identifier references", () => {
    expect(scopesValue(["https://api/write", "openid"], servers, labels)).toEqual({
      code: '["${aws_cognito_resource_server.api.identifier}/write", "openid"]',
    });
  });
  test("scopes of servers not in the document stay literal", () => {
    expect(scopesValue(["other/read"], servers, labels)).toEqual({ code: '["other/read"]' });
  });
});

describe("quote", () => {
  test("escapes template sequences and characters HCL has no short escape for", () => {
    expect(quote('a "b" ${c} %{d} \\ \n\b')).toBe('"a \\"b\\" $${c} %%{d} \\\\ \\n\\u0008"');
  });
  test("a backslash before b or f stays a backslash (only a real backspace or form feed is written as \\u)", () => {
    expect(quote("\\b \\f \f")).toBe('"\\\\b \\\\f \\u000c"');
  });
  test("text with nothing to escape is written between quotes as it is", () => {
    expect(quote("https://example.com/a?b=c é")).toBe('"https://example.com/a?b=c é"');
  });
  test("backslashes, escapes and template sequences read back literally", async () => {
    const doc = structuredClone(BLOG_POOL_DOCUMENT);
    doc.spec.verificationMessageTemplate = { emailSubject: "a\\b c\\f ${x} $5 100%" };
    const result = await parseTerraform(renderTerraform(doc).files[0].content);
    expect(result.document?.spec.verificationMessageTemplate).toEqual({ emailSubject: "a\\b c\\f ${x} $5 100%" });
  });
  test("a quoted template sequence reads back literally", async () => {
    const doc = structuredClone(BLOG_POOL_DOCUMENT);
    doc.spec.verificationMessageTemplate = { emailSubject: "Code ${x} %{y}" };
    const result = await parseTerraform(renderTerraform(doc).files[0].content);
    expect(result.document?.spec.verificationMessageTemplate).toEqual({ emailSubject: "Code ${x} %{y}" });
  });
});

describe("parseTerraform", () => {
  test("the kitchen sink document round-trips exactly", async () => {
    const result = await parseTerraform(renderTerraform(MAXIMAL_POOL_DOCUMENT).files[0].content);
    expect(result.document).toEqual(MAXIMAL_POOL_DOCUMENT);
  });

  test("resources, blocks and arguments outside the model are warnings naming them", async () => {
    const text = `
provider "aws" {
  region = "eu-west-1"
}
resource "aws_cognito_user_pool" "main" {
  name          = "pool"
  unknown_thing = true
}
resource "aws_cognito_user_pool_ui_customization" "ui" {
  css          = ".label-customizable { font-weight: 400; }"
  user_pool_id = aws_cognito_user_pool.main.id
}
output "pool_id" {
  value = aws_cognito_user_pool.main.id
}`;
    const result = await parseTerraform(text);
    expect(result.document).toEqual({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "pool" }, spec: { region: "eu-west-1" } });
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "main.tf (line 13): output blocks are not part of the pool model; they were not imported",
      "resource aws_cognito_user_pool_ui_customization.ui (main.tf line 9) is not part of the pool model; it was not imported",
      "aws_cognito_user_pool.main.unknown_thing has no place in the pool model and was not imported (main.tf line 7)",
    ]);
  });

  test("invalid HCL is one error with the parser's position; no pool is an error", async () => {
    const broken = await parseTerraform('resource "aws_cognito_user_pool" "x" {', "pool.tf");
    expect(broken.diagnostics).toEqual([expect.objectContaining({ severity: "error", code: "unparsable" })]);
    expect(broken.diagnostics[0].message).toMatch(/^pool\.tf is not valid HCL: .*pool\.tf:1/u);
    const empty = await parseTerraform('variable "x" {}');
    expect(empty.diagnostics).toEqual([expect.objectContaining({ code: "no-user-pool" })]);
  });

  test("legacy top-level verification messages are read into the template", async () => {
    const text = `resource "aws_cognito_user_pool" "p" {
  name                       = "pool"
  region                     = "eu-west-1"
  email_verification_subject = "Your code"
  sms_verification_message   = "Code {####}"
}`;
    const result = await parseTerraform(text);
    expect(result.document?.spec).toEqual({ region: "eu-west-1", verificationMessageTemplate: { emailSubject: "Your code", smsMessage: "Code {####}" } });
  });
});

describe("groups and identity providers (aws_cognito_user_group, aws_cognito_identity_provider)", () => {
  const secretRef = { source: "secretsManager" as const, name: "prod/google", jsonKey: "client_secret" };
  const doc = poolDocument({
    groups: [{ name: "admins", precedence: 0, roleArn: "arn:aws:iam::123456789012:role/admins" }],
    identityProviders: [
      { providerName: "Google", providerType: "Google" as const, providerDetails: { client_id: "c", authorize_scopes: "openid" }, secretRef, attributeMapping: { email: "email" } },
    ],
    clients: [{ name: "web", supportedIdentityProviders: ["COGNITO", "Google"] }],
  });

  test("the secret is a sensitive variable without a default; the client depends on the provider; import ids follow the docs", () => {
    const { files, diagnostics } = renderTerraform(doc, { liveIds: { userPoolId: "eu-west-1_Abc", clients: { web: "client1" } } });
    expect(diagnostics).toEqual([]);
    const main = files.find((f) => f.path === "main.tf")?.content ?? "";
    expect(main).toContain('resource "aws_cognito_identity_provider" "google" {');
    expect(main).toContain("client_secret    = var.google_client_secret");
    expect(main).toContain("depends_on = [aws_cognito_identity_provider.google]");
    expect(main).toContain('resource "aws_cognito_user_group" "admins" {');
    const variables = files.find((f) => f.path === "variables.tf")?.content ?? "";
    expect(variables).toContain('variable "google_client_secret" {');
    expect(variables).toContain("sensitive   = true");
    expect(variables).not.toContain("default");
    const imports = files.find((f) => f.path === "imports.tf")?.content ?? "";
    expect(imports).toContain('id = "eu-west-1_Abc:Google"');
    expect(imports).toContain('id = "eu-west-1_Abc/admins"');
  });

  test("a literal secret in a hand-written file is not imported; a plain sensitive variable reads as IDP_SECRET_<variable>", async () => {
    const text = `
provider "aws" {
  region = "eu-west-1"
}
variable "okta_secret" {
  type      = string
  sensitive = true
}
resource "aws_cognito_user_pool" "p" {
  name = "pool"
}
resource "aws_cognito_identity_provider" "google" {
  user_pool_id  = aws_cognito_user_pool.p.id
  provider_name = "Google"
  provider_type = "Google"
  provider_details = {
    client_id        = "c"
    authorize_scopes = "openid"
    client_secret    = "GOCSPX-literal-in-a-file"
  }
}
resource "aws_cognito_identity_provider" "okta" {
  user_pool_id  = aws_cognito_user_pool.p.id
  provider_name = "Okta"
  provider_type = "OIDC"
  provider_details = {
    client_id     = "o"
    client_secret = var.okta_secret
  }
}`;
    const result = await parseTerraform(text);
    expect(JSON.stringify(result.document)).not.toContain("GOCSPX-literal-in-a-file");
    expect(result.diagnostics.map((d) => d.code)).toContain("provider-secret-removed");
    const providers = (result.document as { spec: { identityProviders: { providerName: string; secretRef?: unknown }[] } }).spec.identityProviders;
    expect(providers.map((p) => [p.providerName, p.secretRef])).toEqual([
      ["Google", undefined],
      ["Okta", { source: "env", name: "IDP_SECRET_okta_secret" }],
    ]);
  });
});
