/**
 * `cognito-studio review-plan` on real Terraform plans: the real terraform and hashicorp/aws provider (from a
 * local mirror, offline) apply a configuration to moto, users are added with AdminCreateUser, and each
 * scenario's changed configuration is planned (`terraform plan -out`, `terraform show -json`) and reviewed.
 * A replacement is reported as deleting the N users moto holds and exits 2; a harmless plan exits 0.
 *
 * The saved plans in test/fixtures/terraform-plans (read by the unit tests) come from here:
 * scripts/regenerate-terraform-plan-fixtures.sh sets UPDATE_TERRAFORM_PLAN_FIXTURES=1 to rewrite them; otherwise
 * this test checks that each fixture still lists the Cognito changes terraform plans today.
 *
 * terraform and the provider mirror are part of the test contract: a machine without them fails here.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { runCli } from "@/cli/main";
import { memoryIo } from "@/test/support/cli-io";
import { motoCognito } from "@/test/support/moto-cognito";
import { startMoto, type MotoServer } from "@/test/support/moto";
import { findProviderMirror, terraformVersion } from "@/test/support/terraform";
import { PLAN_FIXTURES, PLAN_REGION, PLAN_SCENARIOS, type PlanWorkspace, applyBase, fixtureText, planScenario } from "@/test/support/terraform-plans";

const USERS = 7;
const UPDATE = process.env.UPDATE_TERRAFORM_PLAN_FIXTURES === "1";

let moto: MotoServer;
let work: string;
let workspace: PlanWorkspace;
const plans = new Map<string, string>();
const mirror = findProviderMirror();
const tfVersion = terraformVersion();

beforeAll(async () => {
  if (!mirror || !tfVersion) return;
  // The CLI reads the user count with the SDK's default credential chain, as a pipeline with AWS access would.
  vi.stubEnv("AWS_ACCESS_KEY_ID", "testing");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "testing");
  moto = await startMoto();
  work = mkdtempSync(join(tmpdir(), "tf-review-"));
  workspace = await applyBase(work, mirror, moto.endpoint, USERS);
  for (const scenario of PLAN_SCENARIOS) plans.set(scenario.name, planScenario(workspace, scenario));
  if (UPDATE) for (const [name, json] of plans) writeFileSync(join(PLAN_FIXTURES, `${name}.json`), fixtureText(json, moto.endpoint));
}, 900_000);

afterAll(async () => {
  await moto?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs the CLI on a scenario's plan with moto's endpoint and fake credentials (as a pipeline would have real ones). */
async function review(name: string, args: string[] = [], env: Record<string, string> = { AWS_ACCESS_KEY_ID: "testing" }) {
  const io = memoryIo({ files: { "plan.json": plans.get(name) ?? "" }, env });
  const code = await runCli(["review-plan", "plan.json", "--endpoint", moto.endpoint, ...args], io);
  return { code, out: io.out(), err: io.err() };
}

async function liveUsers(userPoolId: string): Promise<number | undefined> {
  const { sdk } = motoCognito(moto.endpoint, PLAN_REGION);
  return (await sdk.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }))).UserPool?.EstimatedNumberOfUsers;
}

test("terraform and the hashicorp/aws provider mirror are installed (set TF_PROVIDER_MIRROR; .ci/run finds it)", () => {
  expect(tfVersion, "terraform is not on PATH").toBeDefined();
  expect(mirror, "no hashicorp/aws provider mirror found").toBeDefined();
});

describe("a plan that replaces the pool, weakens the password policy, adds a callback URL and renames a client", () => {
  test("is risky (exit 2) and deletes the N users moto holds, read live", async () => {
    const n = await liveUsers(workspace.shopPoolId);
    expect(n).toBe(USERS);
    const { code, out } = await review("replace-pool");
    expect(code).toBe(2);
    expect(out).toContain(`Users deleted: ${n} users (EstimatedNumberOfUsers, read live)`);
    expect(out).toContain(`[users-deleted] aws_cognito_user_pool.shop: replaces user pool "shop": deletes ${n} users`);
    expect(out).toContain("because usernameAttributes: username attributes are chosen when the pool is created and cannot be changed");
    expect(out).toContain("-/+ aws_cognito_user_pool.shop  # forces replacement: username_attributes");
  });

  test("names the security changes and what the applications lose", async () => {
    const { out } = await review("replace-pool", ["--format", "json"]);
    const json = JSON.parse(out) as { verdict: string; pools: { address: string; plan: { blastRadius: { clients: { name: string; outcome: string; clientId?: string; hasSecret: boolean }[]; domain?: { outcome: string } }; securityChanges: { code: string; address: string }[] } }[] };
    expect(json.verdict).toBe("risky");
    const shop = json.pools.find((p) => p.address === "aws_cognito_user_pool.shop");
    expect(shop?.plan.securityChanges.map((s) => `${s.code} ${s.address}`)).toEqual(expect.arrayContaining(["password-policy-weakened user_pool", 'callback-url-added app_client["web"]']));
    const clients = shop?.plan.blastRadius.clients ?? [];
    expect(clients.find((c) => c.name === "web")).toMatchObject({ outcome: "recreated", hasSecret: true, clientId: expect.stringMatching(/\w+/u) });
    expect(clients.find((c) => c.name === "mobile")).toMatchObject({ outcome: "deleted" });
    expect(shop?.plan.blastRadius.domain?.outcome).toBe("recreated");
  });

  test("without AWS access the users are not read, and the count the plan's state recorded is named", async () => {
    const { code, out } = await review("replace-pool", ["--no-live"]);
    expect(code).toBe(2);
    expect(out).toContain(`Users deleted: not read (no AWS access was given); the plan's state recorded ${USERS} at its refresh`);
  });

  test("markdown for a pull-request comment", async () => {
    const { code, out } = await review("replace-pool", ["--format", "markdown"]);
    expect(code).toBe(2);
    expect(out).toContain("### Cognito review of this Terraform plan: :rotating_light: risky");
    expect(out).toContain(`**This plan replaces the user pool: every user in it is deleted.** Users: ${USERS} users (EstimatedNumberOfUsers, read live).`);
  });
});

test("a harmless plan (a tag changes) passes: exit 0", async () => {
  const { code, out } = await review("harmless");
  expect(out).toContain("~ aws_cognito_user_pool.shop");
  expect(out).toContain("No risk found");
  expect(code).toBe(0);
});

test("values known only after apply are named; a rotated secret is flagged and never shown", async () => {
  const { code, out } = await review("unknown-and-secret");
  const markdown = (await review("unknown-and-secret", ["--format", "markdown"])).out;
  const json = (await review("unknown-and-secret", ["--format", "json"])).out;
  expect(out).toMatch(/aws_cognito_user_pool_client\.app\["web"\]\n\s+known after apply \(not compared\): logout_urls/u);
  expect(out).toContain("identity-provider-secret-changed");
  for (const text of [out, markdown, json]) {
    expect(text).not.toContain("google-secret-1");
    expect(text).not.toContain("google-secret-2");
  }
  expect(code).toBe(2);
});

test("resources in a module (the mineiros module, count and for_each): a renamed client is destroyed and a new one created", async () => {
  const { code, out } = await review("module-client-renamed");
  expect(out).toContain('== user pool "staff" (module.staff.aws_cognito_user_pool.user_pool[0]');
  expect(out).toContain('  - module.staff.aws_cognito_user_pool_client.client["portal"]');
  expect(out).toContain('  + module.staff.aws_cognito_user_pool_client.client["intranet"]');
  expect(out).toContain('[resources-destroyed] module.staff.aws_cognito_user_pool.user_pool[0]: destroys app client "portal"');
  // The new client's callback URL is a new place sign-in can redirect to: a security change, so risky by default.
  expect(out).toContain('[security] module.staff.aws_cognito_user_pool.user_pool[0]: app_client["intranet"] callbackUrls: callback URL added: https://staff.example.com/cb');
  expect(code).toBe(2);
  expect((await review("module-client-renamed", ["--fail-on", "users-deleted"])).code).toBe(0);
  expect((await review("module-client-renamed", ["--fail-on", "resources-destroyed"])).code).toBe(2);
});

test("a refresh-only plan has nothing to review: exit 0", async () => {
  const { code, out } = await review("refresh-only");
  expect(out).toContain("Nothing to review");
  expect(code).toBe(0);
});

test("terraform plan -destroy deletes every user of both pools: exit 2", async () => {
  const { code, out } = await review("destroy");
  expect(out).toContain(`USER POOL "shop" WILL BE DESTROYED: EVERY USER IN IT IS DELETED (${USERS} users (EstimatedNumberOfUsers, read live))`);
  expect(out).toContain('USER POOL "staff" WILL BE DESTROYED');
  expect(code).toBe(2);
});

test.each(PLAN_SCENARIOS.map((s) => s.name))("the saved fixture %s.json lists the Cognito changes terraform plans today", (name) => {
  const file = join(PLAN_FIXTURES, `${name}.json`);
  expect(existsSync(file), `${file} is missing: run scripts/regenerate-terraform-plan-fixtures.sh`).toBe(true);
  const actions = (text: string) =>
    ((JSON.parse(text) as { resource_changes?: { address: string; type: string; change: { actions: string[] } }[] }).resource_changes ?? [])
      .filter((rc) => rc.type.startsWith("aws_cognito_"))
      .map((rc) => `${rc.address} ${rc.change.actions.join("+")}`)
      .sort();
  expect(actions(readFileSync(file, "utf8"))).toEqual(actions(plans.get(name) ?? "{}"));
});
