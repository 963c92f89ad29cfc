import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { BLOG_POOL_DOCUMENT } from "@/test/support/pool-documents";
import type { ImportFilesResult, ImportedPool, SourceFile } from "../types";
import { importTerraformFiles } from "./import-terraform";
import { renderTerraform } from "./render-terraform";

const BLOG_MAIN_TF = readFileSync(new URL("../../../../test/fixtures/terraform-blog/main.tf", import.meta.url), "utf8");

const files = (map: Record<string, string>): SourceFile[] => Object.entries(map).map(([path, content]) => ([path, content] as const)).map(([path, content]) => ({ path, content }));

async function only(map: Record<string, string>, options: Partial<Parameters<typeof importTerraformFiles>[0]> = {}): Promise<ImportedPool & { result: ImportFilesResult }> {
  const result = await importTerraformFiles({ files: files(map), ...options });
  expect(result.pools).toHaveLength(1);
  return { ...result.pools[0], result };
}

const spec = (pool: ImportedPool) => pool.draft.spec as Record<string, unknown>;
const PROVIDER = 'provider "aws" {\n  region = "eu-west-1"\n}\n';

describe("several files, as Terraform loads a folder", () => {
  const folder = {
    "main.tf": `resource "aws_cognito_user_pool" "this" {
  name = "\${var.app}-users-\${var.env}"
}
`,
    "variables.tf": `variable "app" {
  type = string
}

variable "env" {
  type    = string
  default = "dev"
}
`,
    "providers.tf": PROVIDER,
  };

  test("a variable with no default is a gap: the field is unset, an error says which input to supply, file and line", async () => {
    const pool = await only(folder);
    expect(pool.document).toBeUndefined();
    expect((pool.draft.metadata as Record<string, unknown>).name).toBeUndefined();
    expect(spec(pool).region).toBe("eu-west-1");
    expect(pool.unresolved).toEqual([{ name: "var.app", kind: "variable", suppliable: true, file: "variables.tf", line: 1, type: "string", fields: ["metadata.name"] }]);
    expect(pool.diagnostics).toContainEqual({
      severity: "error",
      path: "metadata.name",
      code: "unresolved-input",
      message: 'set from "${var.app}-users-${var.env}" in main.tf line 2; supply var.app',
    });
    // The schema's own "name is required" is not repeated for a field the file does set.
    expect(pool.diagnostics.filter((d) => d.path === "metadata.name")).toHaveLength(1);
  });

  test("precedence: default < terraform.tfvars < *.auto.tfvars (lexical) < -var-file < -var", async () => {
    const name = async (extra: Record<string, string>, options = {}) =>
      (await only({ ...folder, ...extra }, options)).name;
    expect(await name({}, { variables: { app: "shop" } })).toBe("shop-users-dev");
    expect(await name({ "terraform.tfvars": 'app = "a"\nenv = "tfvars"\n' })).toBe("a-users-tfvars");
    expect(await name({ "terraform.tfvars": 'app = "a"\nenv = "tfvars"\n', "b.auto.tfvars": 'env = "b"\n', "a.auto.tfvars.json": '{"env": "a"}' })).toBe("a-users-b");
    expect(
      await name({ "terraform.tfvars": 'app = "a"\n', "x.auto.tfvars": 'env = "auto"\n' }, { variableFiles: [{ path: "prod.tfvars", content: 'env = "file"\n' }] }),
    ).toBe("a-users-file");
    expect(
      await name({ "terraform.tfvars": 'app = "a"\n' }, { variableFiles: [{ path: "prod.tfvars", content: 'env = "file"\n' }], variables: { env: "cli" } }),
    ).toBe("a-users-cli");
  });

  test("a tfvars file Terraform does not load by itself, and a file that is not Terraform, are named and not read", async () => {
    const pool = await only({ ...folder, "prod.tfvars": 'app = "x"\n', "README.md": "# infra" });
    expect(pool.unresolved.map((u) => u.name)).toEqual(["var.app"]);
    const messages = pool.result.diagnostics.map((d) => d.message);
    expect(messages).toContain("prod.tfvars is not loaded automatically by Terraform; pass it with -var-file to use its values; it was not read");
    expect(messages).toContain("README.md is not a Terraform file (.tf, terraform.tfvars, *.auto.tfvars, *.tfvars.json); it was not read");
  });

  test("-var values are read by the variable's type: lists and numbers as HCL, strings as they are", async () => {
    const pool = await only(
      {
        "main.tf": `${PROVIDER}
variable "verified" {
  type = list(string)
}
variable "length" {
  type = number
}
variable "name" {
  type = string
}
resource "aws_cognito_user_pool" "p" {
  name                     = var.name
  auto_verified_attributes = var.verified
  password_policy {
    minimum_length = var.length
  }
}
`,
      },
      { variables: { verified: '["email"]', length: "12", name: "[not a list]" } },
    );
    expect(pool.name).toBe("[not a list]");
    expect(spec(pool)).toMatchObject({ autoVerifiedAttributes: ["email"], passwordPolicy: { minimumLength: 12 } });
  });

  test("an unparsable file is an error naming file and line; the other files are still read", async () => {
    const result = await importTerraformFiles({ files: files({ ...folder, "broken.tf": 'resource "x" {\n' }), variables: { app: "a" } });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ severity: "error", code: "unparsable", message: expect.stringMatching(/^broken\.tf is not valid HCL: .*broken\.tf:\d/u) }));
    expect(result.pools.map((p) => p.name)).toEqual(["a-users-dev"]);
  });
});

describe("evaluation: locals, functions, references, unknown values", () => {
  test("locals in dependency order, functions, conditionals and references between Cognito resources", async () => {
    const pool = await only({
      "main.tf": `${PROVIDER}
locals {
  # Declared before what it uses: order in the file does not matter.
  pool_name = format("%s-%s", local.prefix, var.env)
  prefix    = lower("SHOP")
  scopes    = ["read", "write"]
  urls      = concat(["https://app.example.com/cb"], var.env == "prod" ? [] : ["http://localhost:3000/cb"])
  tags      = merge({ team = "identity" }, { env = var.env })
}
variable "env" {
  default = "dev"
}
resource "aws_cognito_user_pool" "main" {
  name                = local.pool_name
  deletion_protection = var.env == "prod" ? "ACTIVE" : "INACTIVE"
  tags                = local.tags
}
resource "aws_cognito_resource_server" "api" {
  user_pool_id = aws_cognito_user_pool.main.id
  identifier   = "https://api.\${local.prefix}.example.com"
  name         = "api"
  dynamic "scope" {
    for_each = toset(local.scopes)
    content {
      scope_name        = scope.value
      scope_description = "\${title(scope.value)} access"
    }
  }
}
resource "aws_cognito_user_pool_client" "web" {
  user_pool_id                         = aws_cognito_user_pool.main.id
  name                                 = join("-", [local.prefix, "web"])
  callback_urls                        = local.urls
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_scopes                 = concat(["openid"], aws_cognito_resource_server.api.scope_identifiers)
  supported_identity_providers         = ["COGNITO"]
}
`,
    });
    expect(pool.unresolved).toEqual([]);
    expect(pool.document).toBeDefined();
    expect(pool.document?.metadata.name).toBe("shop-dev");
    expect(pool.document?.spec).toMatchObject({
      region: "eu-west-1",
      deletionProtection: "INACTIVE",
      userPoolTags: { team: "identity", env: "dev" },
      resourceServers: [{ identifier: "https://api.shop.example.com", name: "api", scopes: [{ name: "read", description: "Read access" }, { name: "write", description: "Write access" }] }],
      clients: [{ name: "shop-web", callbackUrls: ["https://app.example.com/cb", "http://localhost:3000/cb"], allowedOAuthScopes: ["openid", "https://api.shop.example.com/read", "https://api.shop.example.com/write"] }],
    });
  });

  test("a cycle between locals is reported with file and line, and its fields are gaps", async () => {
    const result = await importTerraformFiles({
      files: files({
        "main.tf": `${PROVIDER}locals {
  a = "\${local.b}-x"
  b = "\${local.a}-y"
}
resource "aws_cognito_user_pool" "p" {
  name = local.a
}
`,
      }),
    });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: "cycle", message: expect.stringMatching(/^main\.tf line \d: local\.\w depends on itself \(local\.\w → local\.\w → local\.\w\)/u) }));
    const pool = result.pools[0];
    expect(pool.unresolved).toEqual([expect.objectContaining({ kind: "local", suppliable: false, file: "main.tf", fields: ["metadata.name"] })]);
  });

  test("data sources and other resources' attributes are gaps that say they are only known when Terraform runs", async () => {
    const pool = await only({
      "main.tf": `${PROVIDER}data "aws_ssm_parameter" "from" {
  name = "/auth/from"
}
resource "aws_lambda_function" "pre" {
  function_name = "pre-sign-up"
}
resource "aws_cognito_user_pool" "p" {
  name = "pool"
  email_configuration {
    email_sending_account = "DEVELOPER"
    source_arn            = data.aws_ssm_parameter.from.value
  }
  lambda_config {
    pre_sign_up = aws_lambda_function.pre.arn
  }
}
`,
    });
    expect(pool.unresolved).toEqual([
      expect.objectContaining({ name: "data.aws_ssm_parameter.from.value", kind: "data-source", suppliable: false, file: "main.tf", line: 4, fields: ["spec.emailConfiguration.sourceArn"] }),
      expect.objectContaining({ name: "aws_lambda_function.pre.arn", kind: "resource-attribute", suppliable: false, line: 17, fields: ["spec.lambdaConfig.preSignUp"] }),
    ]);
    expect(pool.diagnostics).toContainEqual(
      expect.objectContaining({ path: "spec.lambdaConfig.preSignUp", message: "set from aws_lambda_function.pre.arn in main.tf line 17; aws_lambda_function.pre.arn is only known when Terraform runs: set the field in the draft" }),
    );
    expect(pool.result.diagnostics.map((d) => d.message)).toContain("resource aws_lambda_function.pre (main.tf line 7) is not part of the pool model; it was not imported");
  });
});

describe("count, for_each and dynamic blocks", () => {
  const tf = (clients: string) => ({
    "main.tf": `${PROVIDER}variable "enabled" {
  default = false
}
variable "apps" {
  default = {
    web    = "https://web.example.com/cb"
    mobile = "myapp://cb"
  }
}
resource "aws_cognito_user_pool" "p" {
  name = "pool"
}
${clients}`,
  });

  test("for_each over a map: one client per key, with each.key and each.value", async () => {
    const pool = await only(
      tf(`resource "aws_cognito_user_pool_client" "app" {
  for_each      = var.apps
  user_pool_id  = aws_cognito_user_pool.p.id
  name          = each.key
  callback_urls = [each.value]
}`),
    );
    expect(pool.document?.spec.clients).toEqual([
      { name: "mobile", callbackUrls: ["myapp://cb"] },
      { name: "web", callbackUrls: ["https://web.example.com/cb"] },
    ]);
  });

  test("count with count.index, and count = var.enabled ? 1 : 0", async () => {
    const pool = await only(
      tf(`resource "aws_cognito_user_group" "tier" {
  count        = 3
  user_pool_id = aws_cognito_user_pool.p.id
  name         = "tier-\${count.index}"
  precedence   = count.index * 10
}
resource "aws_cognito_user_pool_client" "optional" {
  count        = var.enabled ? 1 : 0
  user_pool_id = aws_cognito_user_pool.p.id
  name         = "optional"
}
resource "aws_cognito_user_pool_domain" "d" {
  count        = var.enabled ? 0 : 1
  user_pool_id = aws_cognito_user_pool.p.id
  domain       = "pool-auth"
}`),
    );
    expect(pool.document?.spec.groups).toEqual([
      { name: "tier-0", precedence: 0 },
      { name: "tier-1", precedence: 10 },
      { name: "tier-2", precedence: 20 },
    ]);
    expect(pool.document?.spec.clients).toBeUndefined();
    expect(pool.document?.spec.domain).toEqual({ domain: "pool-auth" });
  });

  test("a count that cannot be evaluated reads the resource once; the item is a gap naming the input", async () => {
    const counted = files(
      tf(`variable "n" {
  type = number
}
resource "aws_cognito_user_pool_client" "c" {
  count        = var.n
  user_pool_id = aws_cognito_user_pool.p.id
  name         = "c-\${count.index}"
}`),
    );
    const pool = (await importTerraformFiles({ files: counted })).pools[0];
    expect(pool.draft.spec).toMatchObject({ clients: [{ name: "c-0" }] });
    expect(pool.unresolved).toEqual([expect.objectContaining({ name: "var.n", type: "number", line: 16, fields: ["spec.clients[0]"] })]);
    expect(pool.diagnostics).toContainEqual(
      expect.objectContaining({ severity: "error", path: "spec.clients[0]", message: "set from count = var.n (so it was read once) in main.tf line 20; supply var.n" }),
    );
    const supplied = await importTerraformFiles({ files: counted, variables: { n: "2" } });
    expect(supplied.pools[0].document?.spec.clients).toEqual([{ name: "c-0" }, { name: "c-1" }]);
  });

  test("dynamic schema and lambda_config blocks over known lists, with iterator", async () => {
    const pool = await only({
      "main.tf": `${PROVIDER}locals {
  attributes = [
    { name = "tenant_id", type = "String" },
    { name = "plan", type = "String" },
  ]
  triggers = { pre_sign_up = "arn:aws:lambda:eu-west-1:123456789012:function:pre" }
}
resource "aws_cognito_user_pool" "p" {
  name = "pool"
  dynamic "schema" {
    for_each = local.attributes
    iterator = attr
    content {
      name                = attr.value.name
      attribute_data_type = attr.value.type
      mutable             = true
    }
  }
  dynamic "lambda_config" {
    for_each = length(local.triggers) > 0 ? [local.triggers] : []
    content {
      pre_sign_up = lambda_config.value.pre_sign_up
    }
  }
}
`,
    });
    expect(pool.document?.spec.schemaAttributes).toEqual([
      { name: "tenant_id", attributeDataType: "String", mutable: true },
      { name: "plan", attributeDataType: "String", mutable: true },
    ]);
    expect(pool.document?.spec.lambdaConfig).toEqual({ preSignUp: "arn:aws:lambda:eu-west-1:123456789012:function:pre" });
  });
});

describe("several pools", () => {
  const twoPools = {
    "main.tf": `${PROVIDER}resource "aws_cognito_user_pool" "customers" {
  name = "customers"
}
resource "aws_cognito_user_pool" "staff" {
  name = "staff"
}
resource "aws_cognito_user_pool_client" "shop" {
  user_pool_id = aws_cognito_user_pool.customers.id
  name         = "shop"
}
resource "aws_cognito_user_pool_client" "admin" {
  user_pool_id = aws_cognito_user_pool.staff.id
  name         = "admin"
}
resource "aws_cognito_user_pool_client" "stray" {
  user_pool_id = var.pool_id
  name         = "stray"
}
`,
  };

  test("each pool is its own draft with the clients that refer to it; a client of no known pool is named", async () => {
    const result = await importTerraformFiles({ files: files(twoPools) });
    expect(result.pools.map((p) => [p.address, p.name, p.document?.spec.clients?.map((c) => c.name)])).toEqual([
      ["aws_cognito_user_pool.customers", "customers", ["shop"]],
      ["aws_cognito_user_pool.staff", "staff", ["admin"]],
    ]);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: "no-pool", message: expect.stringContaining("aws_cognito_user_pool_client.stray (main.tf line 18): user_pool_id = var.pool_id names no pool") }));
  });

  test("request.pool picks one by address (or name); an unknown one lists what there is", async () => {
    const picked = await importTerraformFiles({ files: files(twoPools), pool: "aws_cognito_user_pool.staff" });
    expect(picked.pools.map((p) => p.name)).toEqual(["staff"]);
    expect((await importTerraformFiles({ files: files(twoPools), pool: "customers" })).pools.map((p) => p.address)).toEqual(["aws_cognito_user_pool.customers"]);
    const missing = await importTerraformFiles({ files: files(twoPools), pool: "nope" });
    expect(missing.pools).toEqual([]);
    expect(missing.diagnostics).toContainEqual(expect.objectContaining({ code: "no-such-pool", message: 'no pool "nope" in the files; they hold aws_cognito_user_pool.customers ("customers"), aws_cognito_user_pool.staff ("staff")' }));
  });

  test("a pool with for_each gives one draft per key, and its clients follow with each.key", async () => {
    const result = await importTerraformFiles({
      files: files({
        "main.tf": `${PROVIDER}resource "aws_cognito_user_pool" "env" {
  for_each = toset(["dev", "prod"])
  name     = "app-\${each.key}"
}
resource "aws_cognito_user_pool_client" "web" {
  for_each     = aws_cognito_user_pool.env
  user_pool_id = aws_cognito_user_pool.env[each.key].id
  name         = "web-\${each.key}"
}
`,
      }),
    });
    expect(result.pools.map((p) => [p.address, p.document?.spec.clients?.map((c) => c.name)])).toEqual([
      ['aws_cognito_user_pool.env["dev"]', ["web-dev"]],
      ['aws_cognito_user_pool.env["prod"]', ["web-prod"]],
    ]);
  });
});

describe("region", () => {
  const pool = 'resource "aws_cognito_user_pool" "p" {\n  name = "pool"\n}\n';
  test("from provider aws (evaluated), else the request, else unset: a valid design without a Region (the target gives it)", async () => {
    expect(spec(await only({ "main.tf": pool, "p.tf": 'variable "r" {\n  default = "ap-south-1"\n}\nprovider "aws" {\n  region = var.r\n}\n' }, { region: "us-east-1" })).region).toBe("ap-south-1");
    expect(spec(await only({ "main.tf": pool }, { region: "us-east-1" })).region).toBe("us-east-1");
    const none = await only({ "main.tf": pool });
    expect(none.draft.spec).toEqual({});
    expect(none.diagnostics).toEqual([]);
    expect(none.document).toEqual({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "pool" }, spec: {} });
  });

  test("a provider region from a variable nobody supplied is a gap, unless --region is given", async () => {
    const files = { "main.tf": pool, "p.tf": 'variable "region" {}\nprovider "aws" {\n  region = var.region\n}\n' };
    const gap = await only(files);
    expect(gap.unresolved).toEqual([expect.objectContaining({ name: "var.region", file: "p.tf", line: 1, fields: ["spec.region"] })]);
    expect(spec(await only(files, { region: "eu-north-1" })).region).toBe("eu-north-1");
    expect(spec(await only(files, { variables: { region: "eu-south-1" } })).region).toBe("eu-south-1");
  });

  test("a region that is not one is reported at spec.region; provider default_tags are named, not imported", async () => {
    const pool = await only({ "main.tf": `provider "aws" {\n  region = "moon-1"\n  default_tags {\n    tags = { team = "id" }\n  }\n}\n${'resource "aws_cognito_user_pool" "p" {\n  name = "pool"\n}\n'}` });
    expect(pool.diagnostics).toContainEqual(expect.objectContaining({ severity: "error", path: "spec.region", code: expect.not.stringMatching(/no-region/u) }));
    expect(pool.result.diagnostics.map((d) => d.message)).toContain('provider "aws" (main.tf line 1): default_tags is not imported into the pool\'s tags; add the tags to the pool if it should carry them');
  });

  test("a resource's provider alias picks that provider's region", async () => {
    const text = `provider "aws" {
  region = "eu-west-1"
}
provider "aws" {
  alias  = "us"
  region = "us-west-2"
}
resource "aws_cognito_user_pool" "p" {
  provider = aws.us
  name     = "pool"
}
`;
    expect(spec(await only({ "main.tf": text })).region).toBe("us-west-2");
  });
});

describe("the blog post's Terraform (pasted as printed, variables not declared)", () => {
  test("imports as one draft: 1 pool, 1 client, 1 resource server, 1 domain; each gap names its variable and line", async () => {
    const result = await importTerraformFiles({ files: [{ path: "main.tf", content: BLOG_MAIN_TF }], region: "eu-central-1" });
    expect(result.pools).toHaveLength(1);
    const pool = result.pools[0];
    const s = spec(pool) as { clients: unknown[]; resourceServers: unknown[]; domain: unknown; groups?: unknown[] };
    expect([s.clients.length, s.resourceServers.length, s.domain ? 1 : 0, s.groups?.length ?? 0]).toEqual([1, 1, 1, 0]);
    expect(pool.address).toBe("aws_cognito_user_pool.this");
    expect(pool.unresolved.map((u) => [u.name, u.line, u.fields])).toEqual([
      ["var.cognito_user_pool_name", 2, ["metadata.name", "spec.domain.domain"]],
      ["var.auto_verified_attributes", 3, ["spec.autoVerifiedAttributes"]],
      ["var.default_email_option", 5, ["spec.verificationMessageTemplate.defaultEmailOption"]],
      ["var.cognito_recovery_mechanisms", 8, ["spec.accountRecoverySetting.recoveryMechanisms"]],
      ["var.cognito_schema", 16, ["spec.schemaAttributes"]],
      ["var.cognito_resource_server_name", 36, ["spec.resourceServers[0].identifier", "spec.resourceServers[0].name", "spec.clients[0].allowedOAuthScopes"]],
      ["var.cognito_app_client_name", 46, ["spec.clients[0].name"]],
      ["var.callback_urls", 51, ["spec.clients[0].callbackUrls"]],
      ["var.logout_urls", 52, ["spec.clients[0].logoutUrls"]],
    ]);
    expect(pool.unresolved.every((u) => u.suppliable && u.file === "main.tf")).toBe(true);
    // What the post's file says that the draft keeps.
    expect(s.clients[0]).toEqual({ allowedOAuthFlows: ["code"], allowedOAuthFlowsUserPoolClient: true, enableTokenRevocation: true, preventUserExistenceErrors: "ENABLED" });
    // user_pool_id = var.cognito_user_pool_id: read as part of the only pool, with a warning naming the line.
    expect(result.diagnostics.filter((d) => d.code === "pool-assumed").map((d) => d.message)).toEqual([
      "aws_cognito_resource_server.this (main.tf line 35): user_pool_id = var.cognito_user_pool_id does not name a pool of these files; it was read as part of aws_cognito_user_pool.this, the only one",
      "aws_cognito_user_pool_client.this (main.tf line 45): user_pool_id = var.cognito_user_pool_id does not name a pool of these files; it was read as part of aws_cognito_user_pool.this, the only one",
    ]);
  });

  test("supplying the variables fills every field that used them and gives a valid document", async () => {
    const tfvars = `cognito_user_pool_name       = "blog-pool"
auto_verified_attributes     = ["email"]
default_email_option         = "CONFIRM_WITH_CODE"
cognito_recovery_mechanisms  = [{ name = "verified_email", priority = 1 }]
cognito_schema               = [{ attribute_data_type = "String", mutable = true, name = "email", required = true }]
cognito_resource_server_name = "blog-api"
cognito_app_client_name      = "web-app"
callback_urls                = ["https://app.example.com/callback"]
logout_urls                  = ["https://app.example.com/logout"]
`;
    const result = await importTerraformFiles({ files: [{ path: "main.tf", content: BLOG_MAIN_TF }], variableFiles: [{ path: "blog.tfvars", content: tfvars }], region: "eu-central-1" });
    const pool = result.pools[0];
    expect(pool.unresolved).toEqual([]);
    expect(pool.draft).toMatchObject({
      metadata: { name: "blog-pool" },
      spec: {
        region: "eu-central-1",
        autoVerifiedAttributes: ["email"],
        accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }] },
        schemaAttributes: [{ name: "email", attributeDataType: "String", mutable: true, required: true }],
        domain: { domain: "blog-pool" },
        resourceServers: [{ identifier: "blog-api", name: "blog-api", scopes: [{ name: "api/read" }] }],
        clients: [{ name: "web-app", allowedOAuthScopes: ["blog-api/api/read"], callbackUrls: ["https://app.example.com/callback"] }],
      },
    });
    // The post's scope name "api/read" is not a valid Cognito scope name (no "/"): the draft says so at the field.
    expect(pool.diagnostics.filter((d) => d.severity === "error").map((d) => d.path)).toEqual(["spec.resourceServers[0].scopes[0].name"]);
  });
});

describe("round trip and robustness", () => {
  test("the exported module folder (main.tf + variables.tf) imports back to the same document", async () => {
    const exported = renderTerraform(BLOG_POOL_DOCUMENT, { variables: true });
    const result = await importTerraformFiles({ files: exported.files });
    expect(result.pools.map((p) => p.document)).toEqual([BLOG_POOL_DOCUMENT]);
    expect(result.diagnostics).toEqual([]);
  });

  test("never throws, whatever the files hold", async () => {
    const fragments = [
      'resource "aws_cognito_user_pool" "p" {',
      'resource "aws_cognito_user_pool_client" "c" {',
      "}",
      "name = var.x",
      'name = "${local.a}"',
      "count = var.n",
      'for_each = toset(["a"])',
      "user_pool_id = aws_cognito_user_pool.p.id",
      'dynamic "schema" {',
      "for_each = var.l",
      "content {",
      "locals {",
      "a = local.a",
      'variable "x" {',
      "default = 3",
      'provider "aws" {',
      "region = 1",
      "\n",
      '"',
      "${",
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...fragments), { maxLength: 30 }), fc.string({ maxLength: 40 }), async (parts, noise) => {
        const result = await importTerraformFiles({ files: [{ path: "main.tf", content: parts.join("\n") }, { path: "terraform.tfvars", content: noise }] });
        expect(result.diagnostics.filter((d) => d.code === "internal-error")).toEqual([]);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe("positions", () => {
  test("a gap's line is its own argument's, not a same-named one in a nested block before it", async () => {
    const pool = await only({
      "main.tf": `${PROVIDER}resource "aws_cognito_user_pool" "p" {
  schema {
    name                = "tenant"
    attribute_data_type = "String"
  }
  name = var.pool_name
}
`,
    });
    expect(pool.unresolved).toEqual([expect.objectContaining({ name: "var.pool_name", line: 9, fields: ["metadata.name"] })]);
    expect(pool.diagnostics).toContainEqual(expect.objectContaining({ path: "metadata.name", message: expect.stringContaining("in main.tf line 9;") }));
  });
});
