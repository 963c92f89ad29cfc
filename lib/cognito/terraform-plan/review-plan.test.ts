/**
 * The review of saved Terraform plans: the fixtures are real `terraform show -json` output made by
 * test/terraform-plan-review.integration.test.ts (terraform + hashicorp/aws against moto), so these tests run
 * without terraform. Hand-made plans cover what the real ones cannot show on moto.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { renderReviewJson, renderReviewMarkdown, renderReviewText, verdictLine } from "./render-review";
import { RISK_KINDS, RISK_WORDS } from "./risks";
import { blockingRisks, reviewTerraformPlan } from "./review-plan";

const fixture = (name: string) => readFileSync(join("test", "fixtures", "terraform-plans", `${name}.json`), "utf8");
/** The users the integration test added to the shop pool before planning (AdminCreateUser). */
const USERS_IN_STATE = 7;

describe("a plan that replaces the pool (username attributes), weakens the password policy, adds a callback URL and renames a client", () => {
  test("the replacement deletes the users, with the rule that forces it", async () => {
    const review = await reviewTerraformPlan(fixture("replace-pool"));
    const shop = review.pools.find((p) => p.address === "aws_cognito_user_pool.shop");
    expect(shop?.deletesUsers).toBe(true);
    expect(shop?.users).toEqual({ inState: USERS_IN_STATE, notRead: "no AWS access was given" });
    const pool = shop?.plan?.entries.find((e) => e.type === "userPool");
    expect(pool?.action).toBe("replace");
    expect(pool?.reasons.map((r) => r.rule)).toEqual(["pool.username-attributes"]);
    expect(review.risks.filter((r) => r.kind === "users-deleted").map((r) => r.message)).toEqual([`replaces user pool "shop": deletes ${USERS_IN_STATE} users`]);
    expect(shop?.disagreements).toEqual([]);
    // Without AWS access the blast radius counts the users the plan's refresh recorded, as the headline does.
    expect(shop?.plan?.worstImpact.details[0]).toContain(`(${USERS_IN_STATE} users)`);
  });

  test("security flags and blast radius", async () => {
    const review = await reviewTerraformPlan(fixture("replace-pool"));
    const plan = review.pools[0]?.plan;
    expect(plan?.securityChanges.map((s) => `${s.code} ${s.address}`)).toEqual(expect.arrayContaining(["password-policy-weakened user_pool", 'callback-url-added app_client["web"]']));
    expect(plan?.blastRadius.clients.map((c) => `${c.name} ${c.outcome} ${c.hasSecret}`).sort()).toEqual(["mobile deleted false", "web recreated true"]);
    expect(plan?.blastRadius.domain?.outcome).toBe("recreated");
    expect(plan?.entries.find((e) => e.address === 'app_client["ios"]')?.action).toBe("create");
    expect(blockingRisks(review).map((r) => r.kind)).toEqual(expect.arrayContaining(["users-deleted", "security"]));
  });

  test("the live user count is read when the caller can, else the reason is kept", async () => {
    const calls: string[] = [];
    const live = await reviewTerraformPlan(fixture("replace-pool"), { readUserCount: async (id, region) => (calls.push(`${id} ${region}`), 12_345) });
    expect(calls).toEqual([`${live.pools[0]?.userPoolId} eu-west-1`]);
    expect(live.pools[0]?.plan?.worstImpact.headline).toBe('USER POOL "shop" WILL BE REPLACED: EVERY USER IN IT IS DELETED (12,345 USERS).');
    expect(renderReviewText(live)).toContain("Users deleted: 12,345 users (EstimatedNumberOfUsers, read live)");
    const failing = await reviewTerraformPlan(fixture("replace-pool"), { readUserCount: async () => Promise.reject(new Error("AccessDenied")) });
    expect(failing.pools[0]?.users).toEqual({ inState: USERS_IN_STATE, notRead: "AccessDenied" });
  });
});

test("the headline names the risks in words, from the one table the studio's review page uses too", async () => {
  const review = await reviewTerraformPlan(fixture("replace-pool"));
  const headline = verdictLine(review);
  expect(headline).toMatch(/^RISKY: \d+ risks \(users deleted and a security setting changed\) in what this plan does to Cognito\.$/u);
  for (const kind of RISK_KINDS) expect(headline).not.toContain(kind.includes("-") ? kind : `(${kind}`);
  expect(renderReviewMarkdown(review)).toContain("- **Users deleted** `aws_cognito_user_pool.shop`: replaces user pool");
  // Every kind has words, and no two kinds share them.
  expect(new Set(RISK_KINDS.map((k) => RISK_WORDS[k].label)).size).toBe(RISK_KINDS.length);
  expect(new Set(RISK_KINDS.map((k) => RISK_WORDS[k].phrase)).size).toBe(RISK_KINDS.length);
});

test("a harmless plan (a tag) is an in-place update with no blocking risk", async () => {
  const review = await reviewTerraformPlan(fixture("harmless"));
  expect(review.pools.map((p) => p.address)).toEqual(["aws_cognito_user_pool.shop"]);
  const pool = review.pools[0]?.plan?.entries.find((e) => e.type === "userPool");
  expect(pool?.action).toBe("update");
  expect(pool?.changes.map((c) => c.path)).toEqual(["userPoolTags"]);
  expect(blockingRisks(review)).toEqual([]);
  expect(renderReviewText(review)).toMatch(/No risk found \(checked for users deleted, a security setting changed or a blocking team policy broken\)\.\n$/u);
  expect(verdictLine(review, [])).toBe("No risk checked (--fail-on none).");
});

test("values known after apply are named, a sensitive change is flagged, and no sensitive value is ever shown", async () => {
  const text = fixture("unknown-and-secret");
  // terraform show -json holds sensitive values in clear: the review must not repeat them.
  expect(text).toContain("google-secret-2");
  const review = await reviewTerraformPlan(text);
  const web = review.pools[0]?.resources.find((r) => r.address === 'aws_cognito_user_pool_client.app["web"]');
  expect(web?.unknown).toEqual(["logout_urls[0]"]);
  const google = review.pools[0]?.resources.find((r) => r.address === "aws_cognito_identity_provider.google");
  expect(google?.sensitiveChanges).toEqual(["provider_details.client_secret"]);
  expect(review.pools[0]?.plan?.securityChanges.map((s) => s.code)).toEqual(["identity-provider-secret-changed"]);
  // Unknown logout URLs are not compared: no client change is invented.
  expect(review.pools[0]?.plan?.entries.filter((e) => e.type === "appClient" && e.action !== "noop")).toEqual([]);
  for (const out of [renderReviewText(review), renderReviewMarkdown(review), renderReviewJson(review)]) {
    expect(out).not.toMatch(/google-secret-\d/u);
    expect(out).not.toContain("TERRAFORM_PLAN");
  }
});

test("resources in a module: the mineiros module's pool (count) and clients (for_each)", async () => {
  const review = await reviewTerraformPlan(fixture("module-client-renamed"));
  expect(review.pools.map((p) => `${p.address} ${p.poolName}`)).toEqual(["module.staff.aws_cognito_user_pool.user_pool[0] staff"]);
  const entries = review.pools[0]?.plan?.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action}`);
  expect(entries).toEqual(['app_client["intranet"] create', 'app_client["portal"] delete']);
  expect(review.risks.find((r) => r.kind === "resources-destroyed")?.message).toMatch(/^destroys app client "portal"/u);
});

test("a refresh-only plan has nothing to review", async () => {
  const review = await reviewTerraformPlan(fixture("refresh-only"));
  expect(review.refreshOnly).toBe(true);
  expect(review.pools).toEqual([]);
  expect(renderReviewText(review)).toContain("Nothing to review: the plan changes no resource (refresh only, or no changes).");
});

test("terraform plan -destroy: both pools destroyed, every user deleted", async () => {
  const review = await reviewTerraformPlan(fixture("destroy"));
  expect(review.pools.map((p) => `${p.poolName} ${p.poolDestroyed} ${p.users.inState}`).sort()).toEqual(["shop true 7", "staff true 0"]);
  expect(review.pools.every((p) => p.plan === undefined)).toBe(true);
  expect(blockingRisks(review).map((r) => r.kind)).toEqual(["users-deleted", "users-deleted"]);
});

describe("input that is not a plan", () => {
  test.each([
    ["not JSON", "resource \"aws_cognito_user_pool\" \"x\" {}", "not-json"],
    ["a state file", JSON.stringify({ format_version: "1.0", values: { root_module: {} } }), "not-a-plan"],
    ["an array", "[]", "not-a-plan"],
    ["null", "null", "not-a-plan"],
  ])("%s is an error naming what to run", async (_name, text, code) => {
    const review = await reviewTerraformPlan(text);
    expect(review.diagnostics.map((d) => d.code)).toEqual([code]);
    expect(review.diagnostics[0]?.message).toContain("terraform show -json");
  });

  test("odd shapes never throw", async () => {
    for (const text of ['{"resource_changes": 5}', '{"resource_changes": [null, 1, {"type": "aws_cognito_user_pool"}]}', '{"resource_changes": [{"address": "a", "type": "aws_cognito_user_pool", "mode": "managed", "change": {"actions": ["create"], "after": {"name": 5}}}]}']) {
      const review = await reviewTerraformPlan(text);
      expect(Array.isArray(review.pools)).toBe(true);
    }
  });
});

/** A minimal hand-made plan: one resource change per entry. */
function handPlan(changes: { address: string; type: string; name: string; index?: string; actions: string[]; before?: object | null; after?: object | null; after_unknown?: object; module_address?: string }[]): string {
  return JSON.stringify({
    format_version: "1.2",
    resource_changes: changes.map((c) => ({ address: c.address, mode: "managed", type: c.type, name: c.name, ...(c.index ? { index: c.index } : {}), ...(c.module_address ? { module_address: c.module_address } : {}), change: { actions: c.actions, before: c.before ?? null, after: c.after ?? null, after_unknown: c.after_unknown ?? {} } })),
  });
}

test("a client of a pool this configuration does not manage is reviewed under its pool id", async () => {
  const text = handPlan([
    { address: "aws_cognito_user_pool_client.web", type: "aws_cognito_user_pool_client", name: "web", actions: ["update"], before: { id: "abc", name: "web", user_pool_id: "eu-west-1_Abc", callback_urls: ["https://a.example.com/cb"] }, after: { name: "web", user_pool_id: "eu-west-1_Abc", callback_urls: ["https://a.example.com/cb", "https://b.example.com/cb"] } },
  ]);
  const review = await reviewTerraformPlan(text);
  expect(review.pools.map((p) => p.address)).toEqual(['user_pool_id = "eu-west-1_Abc"']);
  expect(review.pools[0]?.plan?.securityChanges.map((s) => s.message)).toEqual(["callback URL added: https://b.example.com/cb"]);
  expect(review.diagnostics.map((d) => d.code)).toEqual(["pool-not-in-plan"]);
});

test("a callback list cleared by Terraform is a removal, not 'not managed'", async () => {
  const text = handPlan([
    { address: "aws_cognito_user_pool.p", type: "aws_cognito_user_pool", name: "p", actions: ["no-op"], before: { id: "eu-west-1_P", name: "p" }, after: { name: "p" } },
    { address: "aws_cognito_user_pool_client.c", type: "aws_cognito_user_pool_client", name: "c", actions: ["update"], before: { id: "c1", name: "c", user_pool_id: "eu-west-1_P", callback_urls: ["https://a.example.com/cb"] }, after: { name: "c", user_pool_id: "eu-west-1_P", callback_urls: null } },
  ]);
  const review = await reviewTerraformPlan(text);
  const client = review.pools[0]?.plan?.entries.find((e) => e.type === "appClient");
  expect(client?.changes.map((c) => `${c.path} ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`)).toEqual(['callbackUrls ["https://a.example.com/cb"] -> []']);
});

test("a pool Terraform replaces for a reason the studio's table does not know is still reported as deleting users", async () => {
  const text = handPlan([
    { address: "aws_cognito_user_pool.p", type: "aws_cognito_user_pool", name: "p", actions: ["delete", "create"], before: { id: "eu-west-1_P", name: "p" }, after: { name: "p" } },
  ]);
  const review = await reviewTerraformPlan(text);
  expect(review.pools[0]?.deletesUsers).toBe(true);
  expect(review.pools[0]?.disagreements[0]).toMatch(/^Terraform replaces aws_cognito_user_pool\.p/u);
  expect(blockingRisks(review).map((r) => r.kind)).toEqual(["users-deleted"]);
});
