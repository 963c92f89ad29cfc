import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import type { Diagnostic } from "../../spec/diagnostics";
import { applyEnvironmentValues } from "../../environments";
import { findPlaceholders } from "../../findings";
import { parseOpenMcf } from "./parse";

const REFERENCE = join(__dirname, "../../../../test/fixtures/reference/openmcf-examples");
const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");
const reference = (name: string) => readFileSync(join(REFERENCE, name), "utf8");

/** Fills a preset's placeholders the way OpenMCF does when it instantiates one. */
const fillPreset = (text: string) =>
  text.replaceAll("${name}", "acme").replaceAll("${org}", "acme-org").replaceAll("${env}", "staging").replaceAll("${id}", "cog-1").replaceAll("<aws-region>", "eu-west-1");

const errors = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === "error");
const warnings = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === "warning");

/** A small valid manifest to break one field at a time. */
function manifest(spec: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: "aws.openmcf.org/v1",
    kind: "AwsCognitoUserPool",
    metadata: { name: "test-pool" },
    spec: { region: "us-east-1", clients: [{ name: "web" }], ...spec },
    ...extra,
  };
}

describe("parseOpenMcf: OpenMCF's documentation examples", () => {
  it("Quick Start: email sign-in, labels kept, one SRP client", () => {
    const { document, diagnostics } = parseOpenMcf(fixture("seed-001-quick-start.yaml"));
    expect(diagnostics).toEqual([]);
    expect(document?.metadata.name).toBe("my-auth");
    expect(document?.metadata.labels?.["pulumi.openmcf.org/stack.name"]).toBe("dev.AwsCognitoUserPool.my-auth");
    expect(Object.keys(document?.metadata.labels ?? {})).toHaveLength(4);
    expect(document?.spec.region).toBe("us-east-1");
    expect(document?.spec.usernameAttributes).toEqual(["email"]);
    expect(document?.spec.autoVerifiedAttributes).toEqual(["email"]);
    // The OpenMCF modules always send case_sensitive = false when the field is unset.
    expect(document?.spec.usernameConfiguration).toEqual({ caseSensitive: false });
    expect(document?.spec.clients).toEqual([{ name: "web-app", explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }]);
    expect(document?.spec.passwordPolicy).toBeUndefined();
    expect(document?.spec.domain).toBeUndefined();
  });

  it("Hosted UI: password policy, recovery, OAuth client and a prefix domain", () => {
    const { document, diagnostics } = parseOpenMcf(fixture("seed-001-hosted-ui.yaml"));
    expect(errors(diagnostics)).toEqual([]);
    const spec = document?.spec;
    expect(spec?.passwordPolicy).toEqual({ minimumLength: 10, requireLowercase: true, requireUppercase: true, requireNumbers: true });
    expect(spec?.accountRecoverySetting).toEqual({ recoveryMechanisms: [{ name: "verified_email", priority: 1 }] });
    const client = spec?.clients?.[0];
    expect(client?.allowedOAuthFlowsUserPoolClient).toBe(true);
    expect(client?.allowedOAuthFlows).toEqual(["code"]);
    expect(client?.allowedOAuthScopes).toEqual(["openid", "email", "profile"]);
    expect(client?.callbackUrls).toEqual(["https://staging.example.com/callback"]);
    expect(client?.logoutUrls).toEqual(["https://staging.example.com/logout"]);
    expect(client?.enableTokenRevocation).toBe(true);
    expect(client?.preventUserExistenceErrors).toBe("ENABLED");
    expect(client?.tokenValidityUnits).toBeUndefined();
    expect(spec?.domain).toEqual({ domain: "acme-staging-auth" });
  });

  it("Production: MFA, SES email, deletion protection, two clients; only warns about api/* scopes", () => {
    const { document, diagnostics } = parseOpenMcf(fixture("seed-001-production.yaml"));
    expect(errors(diagnostics)).toEqual([]);
    expect(warnings(diagnostics).map((d) => [d.path, d.code])).toEqual([
      ["spec.clients[1].allowedOauthScopes[0]", "scope-not-defined"],
      ["spec.clients[1].allowedOauthScopes[1]", "scope-not-defined"],
    ]);
    const spec = document?.spec;
    expect(spec?.mfaConfiguration).toBe("OPTIONAL");
    expect(spec?.softwareTokenMfaConfiguration).toEqual({ enabled: true });
    expect(spec?.passwordPolicy?.temporaryPasswordValidityDays).toBe(3);
    expect(spec?.passwordPolicy?.requireSymbols).toBe(true);
    expect(spec?.emailConfiguration).toEqual({
      emailSendingAccount: "DEVELOPER",
      sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/noreply@example.com",
      from: "Acme <noreply@example.com>",
    });
    expect(spec?.deletionProtection).toBe("ACTIVE");
    const [spa, api] = spec?.clients ?? [];
    expect(spa?.accessTokenValidity).toBe(60);
    expect(spa?.refreshTokenValidity).toBe(30);
    expect(spa?.tokenValidityUnits).toEqual({ accessToken: "minutes", idToken: "minutes", refreshToken: "days" });
    expect(api?.name).toBe("api-server");
    expect(api?.generateSecret).toBe(true);
    expect(api?.allowedOAuthFlows).toEqual(["client_credentials"]);
    expect(api?.accessTokenValidity).toBe(30);
    expect(api?.idTokenValidity).toBeUndefined();
    expect(api?.tokenValidityUnits).toEqual({ accessToken: "minutes", idToken: "minutes", refreshToken: "days" });
    expect(spec?.domain?.domain).toBe("acme-prod-auth");
  });
});

describe("parseOpenMcf: the OpenMCF reference examples", () => {
  it("hack manifest: metadata org/env/id carried as labels, explicit false and OFF kept", () => {
    const { document, diagnostics } = parseOpenMcf(reference("hack-manifest.yaml"));
    expect(diagnostics).toEqual([]);
    expect(document?.metadata).toEqual({
      name: "test-auth-pool",
      labels: { "openmcf.cognito-studio.dev/org": "test-org", "openmcf.cognito-studio.dev/env": "dev", "openmcf.cognito-studio.dev/id": "awscog-test-001" },
    });
    expect(document?.spec.region).toBe("us-west-2");
    expect(document?.spec.mfaConfiguration).toBe("OFF");
    expect(document?.spec.passwordPolicy?.requireSymbols).toBe(false);
    expect(document?.spec.deletionProtection).toBe("INACTIVE");
    expect(document?.spec.clients?.[0]?.callbackUrls).toEqual(["http://localhost:3000/callback"]);
    expect(document?.spec.domain).toEqual({ domain: "test-auth-pool" });
  });

  it("preset 01 (placeholders filled): basic email pool", () => {
    const { document, diagnostics } = parseOpenMcf(fillPreset(reference("01-email-auth-basic.yaml")));
    expect(diagnostics).toEqual([]);
    expect(document?.metadata.name).toBe("acme");
    expect(document?.metadata.labels?.["openmcf.org/stack"]).toBe("staging.AwsCognitoUserPool.acme");
    expect(document?.metadata.labels?.["openmcf.cognito-studio.dev/org"]).toBe("acme-org");
    expect(document?.spec.region).toBe("eu-west-1");
    expect(document?.spec.accountRecoverySetting?.recoveryMechanisms).toEqual([{ name: "verified_email", priority: 1 }]);
  });

  it("preset 02 (placeholders filled): OAuth with hosted UI, default redirect and token lifetimes", () => {
    const { document, diagnostics } = parseOpenMcf(fillPreset(reference("02-oauth-with-hosted-ui.yaml")));
    expect(errors(diagnostics)).toEqual([]);
    const client = document?.spec.clients?.[0];
    expect(client?.defaultRedirectUri).toBe("https://app.example.com/callback");
    expect(client?.supportedIdentityProviders).toEqual(["COGNITO"]);
    expect(client?.idTokenValidity).toBe(60);
    expect(client?.refreshTokenValidity).toBe(30);
    expect(document?.spec.domain?.domain).toBe("acme-auth");
  });

  it("preset 03 (placeholders filled): production pool; only the api/* scopes warn", () => {
    const { document, diagnostics } = parseOpenMcf(fillPreset(reference("03-production-multi-client.yaml")));
    expect(errors(diagnostics)).toEqual([]);
    expect(warnings(diagnostics).every((d) => d.code === "scope-not-defined")).toBe(true);
    expect(document?.spec.emailConfiguration?.from).toBe("App Auth <noreply@example.com>");
    expect(document?.spec.clients?.[1]?.explicitAuthFlows).toEqual(["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
  });

  it("an unfilled preset is an error that says the value is a placeholder", () => {
    const { document, diagnostics } = parseOpenMcf(reference("01-email-auth-basic.yaml"));
    expect(document).toBeUndefined();
    expect(diagnostics.map((d) => d.path)).toEqual(["metadata.name", "spec.region"]);
    expect(diagnostics[1]?.message).toContain('"<aws-region>" looks like a preset placeholder');
  });

  it("accepts the post-rename apiVersion aws.planton.dev/v1 as the same document", () => {
    const text = reference("hack-manifest.yaml");
    const renamed = parseOpenMcf(text.replace("aws.openmcf.org/v1", "aws.planton.dev/v1"));
    expect(renamed.diagnostics).toEqual([]);
    expect(renamed.document).toEqual(parseOpenMcf(text).document);
  });

  it("accepts an already-parsed object as well as text", () => {
    const text = fixture("seed-001-quick-start.yaml");
    expect(parseOpenMcf(YAML.parse(text)).document).toEqual(parseOpenMcf(text).document);
  });
});

describe("parseOpenMcf: mapping details", () => {
  it("reads StringValueOrRef as a plain string or {value}; a {valueFrom} reference becomes a per-environment placeholder named after it", () => {
    const { document, diagnostics } = parseOpenMcf(
      manifest({
        lambdaConfig: {
          preSignUp: "arn:aws:lambda:us-east-1:123456789012:function:pre",
          postConfirmation: { value: "arn:aws:lambda:us-east-1:123456789012:function:post" },
          customMessage: { valueFrom: { kind: "AwsLambda", name: "messages", fieldPath: "status.outputs.function_arn" } },
        },
      }),
    );
    expect(errors(diagnostics)).toEqual([]);
    expect(document?.spec.lambdaConfig).toEqual({
      preSignUp: "arn:aws:lambda:us-east-1:123456789012:function:pre",
      postConfirmation: "arn:aws:lambda:us-east-1:123456789012:function:post",
      customMessage: `arn:aws:lambda:${document?.spec.region}:123456789012:function:messages`,
    });
    expect(diagnostics).toEqual([expect.objectContaining({ severity: "warning", path: "spec.lambdaConfig.customMessage.valueFrom", code: "openmcf-reference-per-environment" })]);
    expect(diagnostics[0]?.message).toBe(
      `a reference to AwsLambda "messages" (status.outputs.function_arn) differs per environment: the design holds the placeholder arn:aws:lambda:${document?.spec.region}:123456789012:function:messages, named after it; give each target its own value on the target's page ("Custom message trigger" under Per-environment settings) or with --values`,
    );
  });

  it("a referenced SES identity and certificate become placeholders too: flagged in the design, replaced by a target's values", () => {
    const { document, diagnostics } = parseOpenMcf(
      manifest({
        emailConfiguration: { emailSendingAccount: "DEVELOPER", sourceArn: { valueFrom: { kind: "AwsSesEmailIdentity", name: "shop mail" } }, fromEmailAddress: "no-reply@shop.test" },
        domain: { domain: "auth.shop.test", certificateArn: { valueFrom: { kind: "AwsCertManagerCert", name: "auth-cert", fieldPath: "status.outputs.cert_arn" } } },
      }),
    );
    expect(errors(diagnostics)).toEqual([]);
    const region = document?.spec.region;
    expect(document?.spec.emailConfiguration?.sourceArn).toBe(`arn:aws:ses:${region}:123456789012:identity/shop-mail`);
    expect(document?.spec.domain?.certificateArn).toBe("arn:aws:acm:us-east-1:123456789012:certificate/auth-cert");
    expect(diagnostics.map((d) => d.message.match(/\("([^"]+)" under/u)?.[1])).toEqual(["SES identity (email source ARN)", "Certificate ARN (custom domain)"]);
    if (!document) return;
    // The placeholders are what keeps the design from any target beyond development...
    expect(findPlaceholders(document).map((d) => d.path)).toEqual(expect.arrayContaining(["spec.emailConfiguration.sourceArn", "spec.domain.certificateArn"]));
    // ...until the target gives its own values.
    const prod = applyEnvironmentValues(document, {
      email: { sourceArn: "arn:aws:ses:eu-west-1:210987654321:identity/shop.test" },
      certificateArn: "arn:aws:acm:us-east-1:210987654321:certificate/prod",
    }).document;
    expect(findPlaceholders(prod).map((d) => d.path)).not.toEqual(expect.arrayContaining(["spec.emailConfiguration.sourceArn"]));
    expect(findPlaceholders(prod).map((d) => d.path)).not.toEqual(expect.arrayContaining(["spec.domain.certificateArn"]));
  });

  it("maps custom attributes and their constraints by data type; constraints OpenMCF ignores warn", () => {
    const { document, diagnostics } = parseOpenMcf(
      manifest({
        customAttributes: [
          { name: "tenant_id", attributeDataType: "String", mutable: false, stringMinLength: "1", stringMaxLength: "64" },
          { name: "age", attributeDataType: "Number", required: false, numberMinValue: "0", numberMaxValue: "150" },
          { name: "score", attributeDataType: "Number", stringMaxLength: "10" },
        ],
      }),
    );
    expect(errors(diagnostics)).toEqual([]);
    expect(document?.spec.schemaAttributes).toEqual([
      { name: "tenant_id", attributeDataType: "String", mutable: false, stringAttributeConstraints: { minLength: "1", maxLength: "64" } },
      { name: "age", attributeDataType: "Number", required: false, numberAttributeConstraints: { minValue: "0", maxValue: "150" } },
      { name: "score", attributeDataType: "Number" },
    ]);
    expect(diagnostics.map((d) => [d.path, d.code])).toEqual([["spec.customAttributes[2].stringMaxLength", "openmcf-field-ignored"]]);
  });

  it("token lifetimes of 0 are unset; units appear only with a lifetime", () => {
    const { document } = parseOpenMcf(manifest({ clients: [{ name: "a", accessTokenValidityMinutes: 0, refreshTokenValidityDays: 0 }, { name: "b", refreshTokenValidityDays: 7 }] }));
    expect(document?.spec.clients?.[0]).toEqual({ name: "a" });
    expect(document?.spec.clients?.[1]).toEqual({ name: "b", refreshTokenValidity: 7, tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" } });
  });

  it("empty proto strings are unset, and YAML nulls are ignored like protojson does", () => {
    const { document, diagnostics } = parseOpenMcf(
      "apiVersion: aws.openmcf.org/v1\nkind: AwsCognitoUserPool\nmetadata:\n  name: p\n  org: ''\nspec:\n  region: us-east-1\n  mfaConfiguration: ''\n  lambdaConfig:\n  clients:\n    - name: web\n      preventUserExistenceErrors: ''\n      defaultRedirectUri: ''\n",
    );
    expect(diagnostics).toEqual([]);
    expect(document?.metadata).toEqual({ name: "p" });
    expect(document?.spec.mfaConfiguration).toBeUndefined();
    expect(document?.spec.lambdaConfig).toBeUndefined();
    expect(document?.spec.clients).toEqual([{ name: "web" }]);
  });

  it("names what it cannot hold: status, annotations, tags", () => {
    const { document, diagnostics } = parseOpenMcf(
      manifest({}, { metadata: { name: "p", annotations: { a: "b" }, tags: ["t"] }, status: { outputs: { user_pool_id: "us-east-1_abc" } } }),
    );
    expect(document).toBeDefined();
    expect(diagnostics.map((d) => [d.severity, d.path])).toEqual([
      ["warning", "metadata.annotations"],
      ["warning", "metadata.tags"],
      ["warning", "status"],
    ]);
  });
});

describe("parseOpenMcf: OpenMCF's rules, with paths into the manifest", () => {
  const check = (spec: Record<string, unknown>) => parseOpenMcf(manifest(spec));
  const only = (spec: Record<string, unknown>) => errors(check(spec).diagnostics).map((d) => [d.path, d.code]);

  it("an unknown field is an error naming it, with a suggestion", () => {
    const { document, diagnostics } = check({ clients: [{ name: "web", callbackURLs: ["https://a.example.com/cb"] }] });
    expect(document).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: "error", path: "spec.clients[0].callbackURLs", code: "unknown-field" });
    expect(diagnostics[0]?.message).toContain('did you mean "callbackUrls"');
  });

  it("native-only fields are unknown in an OpenMCF spec", () => {
    expect(only({ resourceServers: [] })).toEqual([["spec.resourceServers", "unknown-field"]]);
  });

  it("at least one client (repeated.min_items = 1)", () => {
    expect(only({ clients: [] })).toEqual([["spec.clients", "too-small"]]);
    const missing = parseOpenMcf({ ...manifest(), spec: { region: "us-east-1" } });
    expect(errors(missing.diagnostics).map((d) => [d.path, d.code])).toEqual([["spec.clients", "required"]]);
  });

  it("field constraints of the proto", () => {
    expect(only({ passwordPolicy: { requireNumbers: true } })).toEqual([["spec.passwordPolicy.minimumLength", "required"]]);
    expect(only({ passwordPolicy: { minimumLength: 5 } })).toEqual([["spec.passwordPolicy.minimumLength", "too-small"]]);
    expect(only({ passwordPolicy: { minimumLength: 8, temporaryPasswordValidityDays: 366 } })).toEqual([["spec.passwordPolicy.temporaryPasswordValidityDays", "too-big"]]);
    expect(only({ customAttributes: [{ name: "a_very_long_attribute_name", attributeDataType: "String" }] })).toEqual([["spec.customAttributes[0].name", "too-big"]]);
    expect(only({ clients: [{ name: "web", accessTokenValidityMinutes: 1441 }] })).toEqual([["spec.clients[0].accessTokenValidityMinutes", "too-big"]]);
    expect(only({ region: "" })).toEqual([["spec.region", "too-small"]]);
    expect(only({ accountRecoveryMechanisms: [{ name: "verified_email" }] })).toEqual([["spec.accountRecoveryMechanisms[0].priority", "required"]]);
    expect(only({ usernameCaseSensitive: "no" })).toEqual([["spec.usernameCaseSensitive", "invalid-type"]]);
  });

  it.each([
    [{ usernameAttributes: ["email"], aliasAttributes: ["preferred_username"] }, "spec.aliasAttributes", "username_or_alias_attributes"],
    [{ usernameAttributes: ["preferred_username"] }, "spec.usernameAttributes[0]", "username_attributes_valid"],
    [{ aliasAttributes: ["email", "nickname"] }, "spec.aliasAttributes[1]", "alias_attributes_valid"],
    [{ autoVerifiedAttributes: ["preferred_username"] }, "spec.autoVerifiedAttributes[0]", "auto_verified_attributes_valid"],
    [{ mfaConfiguration: "REQUIRED" }, "spec.mfaConfiguration", "mfa_configuration_valid"],
    [{ softwareTokenMfaEnabled: true }, "spec.softwareTokenMfaEnabled", "software_token_mfa_requires_mfa"],
    [{ mfaConfiguration: "OFF", softwareTokenMfaEnabled: true }, "spec.softwareTokenMfaEnabled", "software_token_mfa_requires_mfa"],
    [{ clients: [{ name: "web" }, { name: "web" }] }, "spec.clients[1].name", "client_names_unique"],
    [{ accountRecoveryMechanisms: [{ name: "email", priority: 1 }] }, "spec.accountRecoveryMechanisms[0].name", "account_recovery_name_valid"],
    [{ accountRecoveryMechanisms: [{ name: "verified_email", priority: 3 }] }, "spec.accountRecoveryMechanisms[0].priority", "account_recovery_priority_range"],
    [{ domain: { domain: "auth.example.com" } }, "spec.domain.certificateArn", "custom_domain_requires_certificate"],
    [{ emailConfiguration: { emailSendingAccount: "SES" } }, "spec.emailConfiguration.emailSendingAccount", "email_sending_account_valid"],
    [{ emailConfiguration: { emailSendingAccount: "DEVELOPER" } }, "spec.emailConfiguration.sourceArn", "developer_email_requires_source_arn"],
    [{ customAttributes: [{ name: "x", attributeDataType: "Integer" }] }, "spec.customAttributes[0].attributeDataType", "attribute_data_type_valid"],
    [{ clients: [{ name: "web", allowedOauthFlows: ["password"] }] }, "spec.clients[0].allowedOauthFlows[0]", "allowed_oauth_flows_valid"],
    [{ clients: [{ name: "web", explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_AUTH"] }] }, "spec.clients[0].explicitAuthFlows[1]", "explicit_auth_flows_valid"],
    [{ clients: [{ name: "web", preventUserExistenceErrors: "ON" }] }, "spec.clients[0].preventUserExistenceErrors", "prevent_user_existence_errors_valid"],
  ])("CEL rule %#: %j → %s (%s), reported once", (spec, path, code) => {
    const { document, diagnostics } = check(spec);
    expect(document).toBeUndefined();
    expect(errors(diagnostics).map((d) => [d.path, d.code])).toEqual([[path, code]]);
    expect(diagnostics.filter((d) => d.path === path)).toHaveLength(1);
  });

  it("a passing case for the same rules: valid values give no errors", () => {
    const ok = check({
      aliasAttributes: ["email", "preferred_username"],
      autoVerifiedAttributes: ["email"],
      mfaConfiguration: "ON",
      softwareTokenMfaEnabled: true,
      accountRecoveryMechanisms: [{ name: "verified_email", priority: 1 }, { name: "verified_phone_number", priority: 2 }],
      domain: { domain: "auth.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc" },
      emailConfiguration: { emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/example.com" },
      customAttributes: [{ name: "x", attributeDataType: "DateTime" }],
      clients: [{ name: "web", explicitAuthFlows: ["ALLOW_CUSTOM_AUTH"], preventUserExistenceErrors: "LEGACY" }],
    });
    expect(errors(ok.diagnostics)).toEqual([]);
    expect(ok.document?.spec.aliasAttributes).toEqual(["email", "preferred_username"]);
  });
});

describe("parseOpenMcf: AWS rules of the native validator, mapped back to manifest paths", () => {
  const pathsOf = (spec: Record<string, unknown>) => errors(parseOpenMcf(manifest(spec)).diagnostics).map((d) => [d.path, d.code]);
  const oauth = { allowedOauthFlowsUserPoolClient: true, allowedOauthFlows: ["code"], allowedOauthScopes: ["openid"] };

  it("a callback URL with a fragment → spec.clients[0].callbackUrls[1]", () => {
    expect(pathsOf({ clients: [{ name: "web", ...oauth, callbackUrls: ["https://a.example.com/cb", "https://a.example.com/cb#x"] }], domain: { domain: "acme-login" } })).toEqual([
      ["spec.clients[0].callbackUrls[1]", "redirect-uri-invalid"],
    ]);
  });

  it("a too-short access token lifetime → accessTokenValidityMinutes", () => {
    expect(pathsOf({ clients: [{ name: "web", accessTokenValidityMinutes: 3 }] })).toEqual([["spec.clients[0].accessTokenValidityMinutes", "token-validity-range"]]);
  });

  it("fromEmailAddress without DEVELOPER → emailConfiguration.fromEmailAddress", () => {
    expect(pathsOf({ emailConfiguration: { emailSendingAccount: "COGNITO_DEFAULT", fromEmailAddress: "a@example.com" } })).toEqual([
      ["spec.emailConfiguration.fromEmailAddress", "needs-developer-email"],
    ]);
  });

  it("OAuth scopes without the OAuth flag → allowedOauthScopes / allowedOauthFlowsUserPoolClient", () => {
    const found = pathsOf({ clients: [{ name: "web", allowedOauthScopes: ["openid"] }] });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every(([p]) => p?.startsWith("spec.clients[0].allowedOauth"))).toBe(true);
  });

  it("a client name with a character AWS does not allow → spec.clients[0].name", () => {
    expect(pathsOf({ clients: [{ name: "web/app" }] })).toEqual([["spec.clients[0].name", "invalid-format"]]);
  });

  it("a string constraint outside AWS's range → customAttributes[0].stringMaxLength", () => {
    expect(pathsOf({ customAttributes: [{ name: "bio", attributeDataType: "String", stringMaxLength: "4096" }] })).toEqual([
      ["spec.customAttributes[0].stringMaxLength", "constraints-range"],
    ]);
  });
});

describe("parseOpenMcf: input it cannot use", () => {
  it.each([
    ["a list", [1, 2], "not-a-document"],
    ["a number", 42, "not-a-document"],
    ["null", null, "not-a-document"],
  ])("%s → one error", (_, input, code) => {
    const { document, diagnostics } = parseOpenMcf(input);
    expect(document).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual([code]);
  });

  it("unparsable text → one error with line and column", () => {
    const { diagnostics } = parseOpenMcf("spec:\n  clients: [\n    name: x\n  region: {");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toMatch(/line \d+, column \d+/u);
  });

  it("a wrong apiVersion names the accepted ones", () => {
    const { diagnostics } = parseOpenMcf({ ...manifest(), apiVersion: "aws.openmcf.org/v1alpha1" });
    expect(diagnostics[0]?.path).toBe("apiVersion");
    expect(diagnostics[0]?.message).toContain("aws.openmcf.org/v1");
    expect(diagnostics[0]?.message).toContain("aws.planton.dev/v1");
  });
});
