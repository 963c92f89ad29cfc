/**
 * The API in front of a resource server through the real tools: the blog pool exported with two routes
 * - as plain Terraform: `terraform init`, `validate`, `fmt -check`, then `apply` against moto (which implements
 *   API Gateway's REST APIs, authorizers, resources, methods and MOCK integrations) and a second
 *   `plan -detailed-exitcode` that must be clean; the state holds the authorizer on the pool's ARN and the
 *   methods with their scopes, as moto answered them back;
 * - as the mineiros module export (the module vendored in test/fixtures, called by a local path): `validate`;
 * - as CloudFormation: cfn-lint finds no error or warning.
 * terraform, the provider mirror and cfn-lint are part of the test contract: a machine without them fails here.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { checkApiRoutes } from "../lib/cognito/api-authorizer";
import { exportPoolDocument } from "../lib/cognito/formats";
import type { PoolDocument } from "../lib/cognito/spec/document-schema";
import { BLOG_POOL_DOCUMENT } from "./support/pool-documents";
import { startMoto, type MotoServer } from "./support/moto";
import { findProviderMirror, terraform, terraformVersion, writeCliConfig, writeMotoProviderOverride } from "./support/terraform";

const MODULE_SOURCE = resolve(__dirname, "fixtures", "terraform-aws-cognito-user-pool");
const READ = "https://api.example.com/read";
const ADMIN = "https://api.example.com/admin";

// The blog pool with a second scope, so the two routes need different ones.
const DESIGN: PoolDocument = structuredClone(BLOG_POOL_DOCUMENT);
DESIGN.metadata.name = "blog-pool-api";
DESIGN.spec.domain = { domain: "blog-pool-api-test" };
DESIGN.spec.resourceServers = [{ identifier: "https://api.example.com", name: "api", scopes: [{ name: "read", description: "Read" }, { name: "admin", description: "Administer" }] }];
DESIGN.spec.clients = (DESIGN.spec.clients ?? []).map((c) => ({ ...c, allowedOAuthScopes: [READ, ADMIN] }));

const CHECKED = checkApiRoutes(
  {
    routes: [
      { method: "GET", path: "/posts", scopes: [READ] },
      { method: "DELETE", path: "/posts/{id}", scopes: [ADMIN] },
    ],
  },
  DESIGN,
);
const API = CHECKED.api;

let moto: MotoServer;
let work: string;
let cliConfig = "";
const mirror = findProviderMirror();
const tfVersion = terraformVersion();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "api-exports-"));
  if (mirror) cliConfig = writeCliConfig(work, mirror);
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

function writeExport(folder: string, format: "terraform" | "terraform-module" | "cloudformation"): string[] {
  mkdirSync(folder, { recursive: true });
  const exported = exportPoolDocument(DESIGN, format, { api: API });
  expect(exported.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  for (const f of exported.files) writeFileSync(join(folder, f.path), f.content);
  return exported.files.map((f) => f.path);
}

type StateResource = { type: string; name: string; instances: { attributes: Record<string, unknown> }[] };

test("the routes check clean against the design", () => {
  expect(CHECKED.diagnostics).toEqual([]);
  expect(API).toBeDefined();
});

test("the plain Terraform export with the API validates, applies to moto, and re-plans clean", () => {
  expect(tfVersion && mirror, "terraform and the hashicorp/aws provider mirror are required (test/terraform-exports.integration.test.ts says how)").toBeTruthy();
  const folder = join(work, "terraform");
  expect(writeExport(folder, "terraform")).toEqual(["main.tf", "api-gateway.tf"]);
  writeMotoProviderOverride(folder, moto.endpoint, ["cognitoidp", "apigateway"]);
  const init = terraform(folder, cliConfig, ["init", "-input=false", "-no-color"]);
  expect(init.stderr, "terraform init").toBe("");
  const validate = terraform(folder, cliConfig, ["validate", "-no-color"]);
  expect(validate.stdout + validate.stderr, "terraform validate").toContain("Success");
  const fmt = spawnSync("terraform", ["fmt", "-check", "-diff", "api-gateway.tf"], { cwd: folder, encoding: "utf8" });
  expect(fmt.stdout, "terraform fmt").toBe("");

  const apply = terraform(folder, cliConfig, ["apply", "-auto-approve", "-input=false", "-no-color"]);
  expect(apply.stderr, "terraform apply").toBe("");
  expect(apply.status).toBe(0);
  const plan = terraform(folder, cliConfig, ["plan", "-detailed-exitcode", "-input=false", "-no-color"]);
  expect(plan.stderr, "terraform plan").toBe("");
  expect(plan.status, `a second plan changes nothing:\n${plan.stdout}`).toBe(0);

  const state = JSON.parse(readFileSync(join(folder, "terraform.tfstate"), "utf8")) as { resources: StateResource[] };
  const attributes = (type: string, name: string) => state.resources.find((r) => r.type === type && r.name === name)?.instances[0]?.attributes ?? {};
  const poolArn = attributes("aws_cognito_user_pool", "this").arn;
  expect(poolArn).toMatch(/^arn:aws:cognito-idp:eu-central-1:\d+:userpool\//u);
  expect(attributes("aws_api_gateway_authorizer", "cognito")).toMatchObject({ type: "COGNITO_USER_POOLS", provider_arns: [poolArn] });
  expect(attributes("aws_api_gateway_method", "get_posts")).toMatchObject({ http_method: "GET", authorization: "COGNITO_USER_POOLS", authorization_scopes: [READ] });
  expect(attributes("aws_api_gateway_method", "delete_posts_id")).toMatchObject({ http_method: "DELETE", authorization_scopes: [ADMIN] });
  expect(attributes("aws_api_gateway_resource", "posts_id")).toMatchObject({ path: "/posts/{id}", path_part: "{id}" });
}, 600_000);

test("the mineiros module export with the API validates (the pool's ARN from the module's user_pool output)", () => {
  expect(tfVersion && mirror, "terraform and the hashicorp/aws provider mirror are required").toBeTruthy();
  const folder = join(work, "module");
  writeExport(folder, "terraform-module");
  cpSync(MODULE_SOURCE, join(folder, "module"), { recursive: true });
  const main = readFileSync(join(folder, "main.tf"), "utf8");
  const local = main.replace(/source\s*=\s*"mineiros-io\/cognito-user-pool\/aws"\n\s*version\s*=\s*"[^"]*"\n/u, 'source = "./module"\n');
  expect(local).toContain('source = "./module"');
  writeFileSync(join(folder, "main.tf"), local);
  const init = terraform(folder, cliConfig, ["init", "-input=false", "-no-color"]);
  expect(init.stderr, "terraform init").toBe("");
  const validate = terraform(folder, cliConfig, ["validate", "-no-color"]);
  expect(validate.stdout + validate.stderr, "terraform validate").toContain("Success");
}, 600_000);

test("cfn-lint finds no error or warning in the CloudFormation template with the API", () => {
  const folder = join(work, "cloudformation");
  writeExport(folder, "cloudformation");
  const file = join(folder, "template.yaml");
  expect(readFileSync(file, "utf8")).toContain("Type: AWS::ApiGateway::Authorizer");
  // cfn-lint exits 0 when clean, 2 for errors, 4 for warnings, 8 for informational (bit flags).
  const run = spawnSync("cfn-lint", ["--format", "parseable", file], { encoding: "utf8" });
  expect(run.error, "cfn-lint is not installed (python3 -m pip install cfn-lint)").toBeUndefined();
  expect(run.stdout.split("\n").filter((line) => /:[EW]\d+:/u.test(line))).toEqual([]);
  expect(run.status === null ? -1 : run.status & 6).toBe(0);
}, 120_000);
