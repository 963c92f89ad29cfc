/**
 * Test support: real Terraform plans of Cognito changes, made with the real `terraform` and hashicorp/aws
 * provider against moto. One configuration (a pool with `for_each` clients, a domain, a Google identity
 * provider whose secret is a sensitive variable, and a second pool through the vendored mineiros module, a
 * resource in a module with `count`) is applied once; users are added with AdminCreateUser; then each scenario
 * writes a changed configuration and saves `terraform show -json` of its plan (never applied).
 * The saved plans are kept in test/fixtures/terraform-plans (scripts/regenerate-terraform-plan-fixtures.sh).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { AdminCreateUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { motoCognito } from "./moto-cognito";
import { terraform, writeCliConfig, writeMotoProviderOverride } from "./terraform";

export const PLAN_FIXTURES = resolve("test", "fixtures", "terraform-plans");
const MINEIROS_MODULE = resolve("test", "fixtures", "terraform-aws-cognito-user-pool");
export const PLAN_REGION = "eu-west-1";

/** What a scenario changes from the applied configuration. */
export interface Variant {
  usernameAttributes?: string;
  minimumLength?: number;
  callbackUrls?: string[];
  clientNames?: string[];
  appHost?: string;
  googleSecret?: string;
  poolTags?: Record<string, string>;
  staffClient?: string;
}

const BASE: Required<Variant> = {
  usernameAttributes: "email",
  minimumLength: 12,
  callbackUrls: ["https://shop.example.com/cb"],
  clientNames: ["web", "mobile"],
  appHost: "app.shop.example.com",
  googleSecret: "google-secret-1",
  poolTags: { team: "shop" },
  staffClient: "portal",
};

/** The configuration of a variant (the applied one is `{}`). */
export function shopConfiguration(variant: Variant, domain: string): string {
  const v = { ...BASE, ...variant };
  const list = (items: readonly string[]) => `[${items.map((i) => JSON.stringify(i)).join(", ")}]`;
  return `provider "aws" {
  region = "${PLAN_REGION}"
}

variable "google_secret" {
  type      = string
  sensitive = true
}

variable "app_host" {
  type    = string
  default = ${JSON.stringify(v.appHost)}
}

# Its output is known only after apply when app_host changes: the clients' logout URL follows it.
resource "terraform_data" "host" {
  input = var.app_host
}

resource "aws_cognito_user_pool" "shop" {
  name                = "shop"
  username_attributes = ["${v.usernameAttributes}"]
  tags                = { ${Object.entries(v.poolTags).map(([k, x]) => `${k} = ${JSON.stringify(x)}`).join(", ")} }

  password_policy {
    minimum_length    = ${v.minimumLength}
    require_lowercase = true
    require_numbers   = true
    require_symbols   = true
    require_uppercase = true
  }
}

resource "aws_cognito_user_pool_client" "app" {
  for_each                             = toset(${list(v.clientNames)})
  name                                 = each.key
  user_pool_id                         = aws_cognito_user_pool.shop.id
  callback_urls                        = ${list(v.callbackUrls)}
  logout_urls                          = ["https://\${terraform_data.host.output}/signed-out"]
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "email"]
  allowed_oauth_flows_user_pool_client = true
  supported_identity_providers         = ["COGNITO"]
  generate_secret                      = each.key == "web"
}

resource "aws_cognito_user_pool_domain" "shop" {
  domain       = ${JSON.stringify(domain)}
  user_pool_id = aws_cognito_user_pool.shop.id
}

resource "aws_cognito_identity_provider" "google" {
  user_pool_id  = aws_cognito_user_pool.shop.id
  provider_name = "Google"
  provider_type = "Google"
  provider_details = {
    client_id        = "shop.apps.googleusercontent.com"
    client_secret    = var.google_secret
    authorize_scopes = "openid email"
  }
  attribute_mapping = {
    email    = "email"
    username = "sub"
  }
}

module "staff" {
  source              = ${JSON.stringify(MINEIROS_MODULE)}
  name                = "staff"
  username_attributes = ["email"]
  clients = [
    {
      name                                 = ${JSON.stringify(v.staffClient)}
      callback_urls                        = ["https://staff.example.com/cb"]
      allowed_oauth_flows                  = ["code"]
      allowed_oauth_scopes                 = ["openid"]
      allowed_oauth_flows_user_pool_client = true
      supported_identity_providers         = ["COGNITO"]
    }
  ]
}
`;
}

export interface PlanScenario {
  name: string;
  description: string;
  variant: Variant;
  /** `terraform plan` options besides -out. */
  planArgs?: string[];
}

/**
 * A saved plan as the repository keeps it: the vendored module's absolute path and moto's port (both in the
 * plan's configuration) made the same on every machine.
 */
export function fixtureText(planJson: string, endpoint: string): string {
  const plan = JSON.parse(planJson.split(MINEIROS_MODULE).join("./test/fixtures/terraform-aws-cognito-user-pool").split(endpoint).join("http://127.0.0.1:5000")) as unknown;
  return `${JSON.stringify(plan, null, 1)}\n`;
}

/** The scenarios the tests review; each is planned against the applied base configuration. */
export const PLAN_SCENARIOS: PlanScenario[] = [
  {
    name: "replace-pool",
    description: "username attributes change (forces a replacement), minimum password length 12 → 8, a callback URL added, client mobile renamed ios",
    variant: { usernameAttributes: "phone_number", minimumLength: 8, callbackUrls: ["https://shop.example.com/cb", "https://evil.example.net/cb"], clientNames: ["web", "ios"] },
  },
  { name: "harmless", description: "a tag of the pool changes", variant: { poolTags: { team: "shop", cost_center: "cx-42" } } },
  { name: "unknown-and-secret", description: "the app host changes (logout URLs known after apply) and the Google client secret is rotated (sensitive)", variant: { appHost: "login.shop.example.com", googleSecret: "google-secret-2" } },
  { name: "module-client-renamed", description: "the mineiros module's client portal is renamed intranet", variant: { staffClient: "intranet" } },
  { name: "refresh-only", description: "terraform plan -refresh-only: no resource changes", variant: {}, planArgs: ["-refresh-only"] },
  { name: "destroy", description: "terraform plan -destroy: every pool is destroyed", variant: {}, planArgs: ["-destroy"] },
];

export interface PlanWorkspace {
  folder: string;
  cliConfig: string;
  shopPoolId: string;
  staffPoolId: string;
  users: number;
  /** The shop pool's domain prefix (one per run: a domain belongs to one pool on the moto server). */
  domain: string;
}

function run(folder: string, cliConfig: string, args: string[], secret: string): string {
  const result = terraform(folder, cliConfig, args, { TF_VAR_google_secret: secret });
  if (result.status !== 0) throw new Error(`terraform ${args.join(" ")} failed (${result.status}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** init + apply the base configuration against moto, then add `users` users to the shop pool. */
export async function applyBase(work: string, mirror: string, endpoint: string, users: number): Promise<PlanWorkspace> {
  const folder = join(work, "shop");
  mkdirSync(folder, { recursive: true });
  const cliConfig = writeCliConfig(work, mirror);
  writeMotoProviderOverride(folder, endpoint);
  const domain = `shop-review-${Date.now().toString(36)}`;
  writeFileSync(join(folder, "main.tf"), shopConfiguration({}, domain));
  run(folder, cliConfig, ["init", "-input=false", "-no-color"], BASE.googleSecret);
  run(folder, cliConfig, ["apply", "-auto-approve", "-input=false", "-no-color"], BASE.googleSecret);
  const state = JSON.parse(run(folder, cliConfig, ["show", "-json"], BASE.googleSecret)) as { values: { root_module: { resources: { address: string; values: { id: string } }[]; child_modules?: { resources: { type: string; values: { id: string } }[] }[] } } };
  const shopPoolId = state.values.root_module.resources.find((r) => r.address === "aws_cognito_user_pool.shop")?.values.id ?? "";
  const staffPoolId = state.values.root_module.child_modules?.[0]?.resources.find((r) => r.type === "aws_cognito_user_pool")?.values.id ?? "";
  const { sdk } = motoCognito(endpoint, PLAN_REGION);
  for (let i = 0; i < users; i++) await sdk.send(new AdminCreateUserCommand({ UserPoolId: shopPoolId, Username: `user${i}@example.com`, MessageAction: "SUPPRESS" }));
  return { folder, cliConfig, shopPoolId, staffPoolId, users, domain };
}

/** Plans a scenario against the applied base and returns `terraform show -json` of the saved plan. */
export function planScenario(workspace: PlanWorkspace, scenario: PlanScenario): string {
  const { folder, cliConfig, domain } = workspace;
  writeFileSync(join(folder, "main.tf"), shopConfiguration(scenario.variant, domain));
  const secret = scenario.variant.googleSecret ?? BASE.googleSecret;
  run(folder, cliConfig, ["plan", "-input=false", "-no-color", "-out=plan.bin", ...(scenario.planArgs ?? [])], secret);
  return run(folder, cliConfig, ["show", "-json", "plan.bin"], secret);
}
