/**
 * The studio's Terraform plan review on a real SQLite studio: the uploaded plan (a real `terraform show -json`
 * fixture) is read in the real parse worker, and each reviewed pool is matched with a design by live pool id,
 * by name, or by the pool the review was opened from.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { byRole, newBlankPool, useStudioDatabase } from "@/test/support/studio-db";

const studio = useStudioDatabase("studio-tf-review-", byRole("viewer", "editor"));
const fixture = (name: string) => readFileSync(join("test", "fixtures", "terraform-plans", `${name}.json`), "utf8");

async function review(input: { planJson: string; fileName?: string; poolId?: string }) {
  const { reviewTerraformPlanAction } = await import("@/app/terraform-review/actions");
  return reviewTerraformPlanAction({ fileName: input.fileName ?? "plan.json", ...input });
}

test("signed out: refused", async () => {
  studio.as("anonymous");
  const result = await review({ planJson: fixture("harmless") });
  expect(result.ok).toBe(false);
});

test("a viewer reviews a plan; the pool is matched with the design of the same name and compared with it", async () => {
  await newBlankPool("shop", () => studio.as("editor"));
  studio.as("viewer");
  const result = await review({ planJson: fixture("replace-pool") });
  if (!result.ok) throw new Error(JSON.stringify(result));
  const { review: r, matches, markdown } = result.data;
  expect(r.pools.map((p) => p.poolName)).toEqual(["shop"]);
  expect(r.pools[0]?.users).toEqual({ inState: 7, notRead: "no target of this workspace has this pool id: the studio reads users through a target" });
  expect(matches.map((m) => `${m.address} ${m.poolName} ${m.matchedBy} ${m.designSource}`)).toEqual(["aws_cognito_user_pool.shop shop name draft"]);
  // The blank design manages no client: the clients Terraform leaves are not differences; its own settings are.
  expect(matches[0]?.differences?.entries.filter((e) => e.action !== "noop").map((e) => e.address)).not.toContain('app_client["web"]');
  expect(markdown).toContain("### Cognito review of this Terraform plan: :rotating_light: risky");
});

test("a pool whose live id a design records is matched by id, before any name", async () => {
  const other = await newBlankPool("legacy-auth", () => studio.as("editor"));
  const plan = fixture("harmless");
  const poolId = (JSON.parse(plan) as { prior_state: { values: { root_module: { resources: { address: string; values: { id: string } }[] } } } }).prior_state.values.root_module.resources.find((r) => r.address === "aws_cognito_user_pool.shop")?.values.id;
  const { getDb } = await import("@/lib/server/db");
  await getDb().db.pool.update({ where: { id: other.id }, data: { awsUserPoolId: poolId } });
  studio.as("viewer");
  const result = await review({ planJson: plan });
  if (!result.ok) throw new Error(JSON.stringify(result));
  expect(result.data.matches.map((m) => `${m.poolName} ${m.matchedBy}`)).toEqual(["legacy-auth pool-id"]);
});

test("opened from a pool: the module's pool is compared with that pool's design", async () => {
  const chosen = await newBlankPool("staff-portal", () => studio.as("editor"));
  studio.as("viewer");
  const result = await review({ planJson: fixture("module-client-renamed"), poolId: chosen.id });
  if (!result.ok) throw new Error(JSON.stringify(result));
  expect(result.data.matches.map((m) => `${m.address} ${m.poolName} ${m.matchedBy}`)).toEqual(["module.staff.aws_cognito_user_pool.user_pool[0] staff-portal chosen"]);
});

test("what is not a plan is an error at the plan field, saying what to run", async () => {
  studio.as("viewer");
  for (const planJson of ["not json at all", JSON.stringify({ values: {} }), " "]) {
    const result = await review({ planJson });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors.planJson?.join(" ")).toMatch(/terraform show -json|choose the plan's JSON file/u);
  }
});

test("a pool of another workspace (or none) cannot be chosen", async () => {
  studio.as("viewer");
  const result = await review({ planJson: fixture("harmless"), poolId: "no-such-pool" });
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.fieldErrors.poolId).toEqual(["That pool is not in this workspace; open the review from one of its pools."]);
});

test("a target that names the pool: the users it deletes are read live through the target", async () => {
  const plan = fixture("replace-pool");
  const userPoolId = (JSON.parse(plan) as { prior_state: { values: { root_module: { resources: { address: string; values: { id: string } }[] } } } }).prior_state.values.root_module.resources.find((r) => r.address === "aws_cognito_user_pool.shop")?.values.id ?? "";
  const owner = await newBlankPool("shop-prod", () => studio.as("editor"));
  const { getDb } = await import("@/lib/server/db");
  await getDb().db.target.create({ data: { poolId: owner.id, name: "prod", region: "eu-west-1", userPoolId } });
  const { setTargetPortFactory } = await import("@/lib/server/target-port");
  const { strictFakePort } = await import("@/test/support/stub-ports");
  // The target port seam (lib/server/target-port.ts) with a fake answering DescribeUserPool: the live read itself
  // is proved against moto by test/terraform-plan-review.integration.test.ts; here, that the studio uses it.
  const asked: string[] = [];
  setTargetPortFactory((target) => strictFakePort({ describeUserPool: async (id: string) => (asked.push(`${target.region} ${id}`), { Id: id, EstimatedNumberOfUsers: 12_345 }) }));
  studio.as("viewer");
  const result = await review({ planJson: plan });
  if (!result.ok) throw new Error(JSON.stringify(result));
  expect(asked).toEqual([`eu-west-1 ${userPoolId}`]);
  expect(result.data.review.pools[0]?.users).toEqual({ inState: 7, live: 12_345 });
  expect(result.data.review.pools[0]?.plan?.worstImpact.headline).toBe('USER POOL "shop" WILL BE REPLACED: EVERY USER IN IT IS DELETED (12,345 USERS).');

  setTargetPortFactory(() => strictFakePort({ describeUserPool: async () => Promise.reject(Object.assign(new Error("User is not authorized"), { name: "AccessDeniedException" })) }));
  const failing = await review({ planJson: plan });
  if (!failing.ok) throw new Error(JSON.stringify(failing));
  expect(failing.data.review.pools[0]?.users.notRead).toMatch(/^reading it through its target failed: .*AccessDeniedException|not authorized/u);
  setTargetPortFactory(undefined);
});

test("a stored blocking policy that no longer compiles is a risk of the review, as it is for an apply", async () => {
  const { getDb } = await import("./db");
  const db = getDb().db;
  // As if saved before `matches` took RE2 syntax: a lookahead compiled then, and no longer does.
  const legacy = await db.policy.create({
    data: { workspaceId: (await db.workspace.findFirstOrThrow()).id, key: "legacy-lookahead", description: "Pool names start with a team prefix", severity: "block", require: 'pool.metadata.name.matches("^(?=team-)")', path: "metadata.name", createdBy: "admin@example.com", updatedBy: "admin@example.com" },
  });
  try {
    studio.as("viewer");
    const result = await review({ planJson: fixture("harmless") });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.data.review.pools[0]?.policies).toEqual([expect.objectContaining({ policyId: "legacy-lookahead", blocking: true, message: expect.stringMatching(/^this policy no longer compiles/u) })]);
  } finally {
    await db.policy.delete({ where: { id: legacy.id } });
  }
});

test("policies are checked for the target that holds the plan's pool id: a production policy applies to prod's pool", async () => {
  const plan = fixture("harmless");
  const userPoolId = (JSON.parse(plan) as { prior_state: { values: { root_module: { resources: { address: string; values: { id: string } }[] } } } }).prior_state.values.root_module.resources.find((r) => r.address === "aws_cognito_user_pool.shop")?.values.id ?? "";
  const { getDb } = await import("./db");
  const db = getDb().db;
  const owner = await newBlankPool("shop-policies", () => studio.as("editor"));
  await db.target.deleteMany({ where: { userPoolId } });
  const target = await db.target.create({ data: { poolId: owner.id, name: "prod", region: "eu-west-1", userPoolId } });
  const policy = await db.policy.create({
    data: { workspaceId: (await db.workspace.findFirstOrThrow()).id, key: "prod-deletion-protection", description: "Production pools keep deletion protection on", severity: "block", when: 'target.name == "prod"', require: 'pool.spec.deletionProtection == "ACTIVE"', path: "spec.deletionProtection", createdBy: "admin@example.com", updatedBy: "admin@example.com" },
  });
  try {
    studio.as("viewer");
    const prod = await review({ planJson: plan });
    if (!prod.ok) throw new Error(JSON.stringify(prod));
    expect(prod.data.review.pools[0]?.policies).toEqual([expect.objectContaining({ policyId: "prod-deletion-protection", blocking: true, path: "spec.deletionProtection" })]);
    expect(prod.data.review.risks).toContainEqual(expect.objectContaining({ kind: "policy" }));
    await db.target.update({ where: { id: target.id }, data: { name: "dev" } });
    const dev = await review({ planJson: plan });
    if (!dev.ok) throw new Error(JSON.stringify(dev));
    expect(dev.data.review.pools[0]?.policies).toEqual([]);
  } finally {
    await db.policy.delete({ where: { id: policy.id } });
  }
});
