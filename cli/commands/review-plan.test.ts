/** `cognito-studio review-plan`: exit codes for CI (0 nothing risky, 2 risky, 1 any error) on the saved real plans. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { runCli } from "@/cli/main";
import { memoryIo } from "@/test/support/cli-io";
import { STARTER_POLICIES, renderPolicyFile } from "@/lib/cognito/policies";

const fixture = (name: string) => readFileSync(join("test", "fixtures", "terraform-plans", `${name}.json`), "utf8");

async function run(args: string[], files: Record<string, string> = {}) {
  const io = memoryIo({ files });
  const code = await runCli(["review-plan", ...args], io);
  return { code, out: io.out(), err: io.err() };
}

test.each([
  ["harmless", [], 0],
  ["replace-pool", [], 2],
  ["replace-pool", ["--fail-on", "none"], 0],
  ["replace-pool", ["--fail-on", "resources-recreated"], 2],
  ["module-client-renamed", ["--fail-on", "users-deleted,policy"], 0],
  ["refresh-only", [], 0],
  ["destroy", ["--format", "json"], 2],
])("%s %j exits %i", async (name, args, expected) => {
  const { code, err } = await run(["plan.json", "--no-live", ...args], { "plan.json": fixture(name) });
  expect(err).toBe("");
  expect(code).toBe(expected);
});

test("every error exits 1, never 2 (2 means risky to a pipeline)", async () => {
  expect((await run(["missing.json"])).code).toBe(1);
  expect((await run(["plan.json"], { "plan.json": "not json" })).code).toBe(1);
  expect((await run([])).code).toBe(1);
  expect((await run(["plan.json", "--format", "yaml"], { "plan.json": "{}" })).code).toBe(1);
  expect((await run(["plan.json", "--live", "--no-live"], { "plan.json": fixture("harmless") })).code).toBe(1);
  const failOn = await run(["plan.json", "--fail-on", "everything"], { "plan.json": fixture("harmless") });
  expect(failOn.code).toBe(1);
  expect(failOn.err).toContain('--fail-on: unknown risk "everything"');
});

test("--policy: a blocking guardrail policy the pool after apply breaks fails the review", async () => {
  // The starter set's password-min-length-12 policy: the replace-pool plan lowers the minimum length to 8.
  const policyFile = renderPolicyFile(STARTER_POLICIES.filter((p) => p.id === "password-min-length-12").map((p) => ({ ...p, severity: "block" as const })));
  const plan = fixture("harmless");
  expect((await run(["plan.json", "--no-live", "--policy", "p.yaml"], { "plan.json": plan, "p.yaml": policyFile })).code).toBe(0);
  const { code, out } = await run(["plan.json", "--no-live", "--policy", "p.yaml"], { "plan.json": fixture("replace-pool"), "p.yaml": policyFile });
  expect(out).toMatch(/BLOCK password-min-length-12/u);
  expect(out).toContain("[policy] aws_cognito_user_pool.shop: policy password-min-length-12");
  expect(code).toBe(2);
  expect((await run(["plan.json", "--no-live", "--fail-on", "policy", "--policy", "p.yaml"], { "plan.json": fixture("replace-pool"), "p.yaml": policyFile })).code).toBe(2);
  const broken = await run(["plan.json", "--policy", "p.yaml"], { "plan.json": plan, "p.yaml": "policies: [{id: x}]" });
  expect(broken.code).toBe(1);
  expect((await run(["plan.json", "--policy", "missing.yaml"], { "plan.json": plan })).code).toBe(1);
});

test("the text's last line, the headline a CI log shows, says the risks in words; the JSON keeps the codes --fail-on takes", async () => {
  const { out } = await run(["plan.json", "--no-live"], { "plan.json": fixture("replace-pool") });
  expect(out.trimEnd().split("\n").at(-1)).toMatch(/^RISKY: \d+ risks \(users deleted and a security setting changed\) in what this plan does to Cognito\.$/u);
  const harmless = await run(["plan.json", "--no-live", "--fail-on", "users-deleted,policy"], { "plan.json": fixture("harmless") });
  expect(harmless.out.trimEnd().split("\n").at(-1)).toBe("No risk found (checked for users deleted or a blocking team policy broken).");
});

test("--target: policies with `when` on the target's name apply as validate --policy applies them", async () => {
  const files = { "plan.json": fixture("harmless"), "p.yaml": renderPolicyFile(STARTER_POLICIES) };
  const prod = await run(["plan.json", "--no-live", "--policy", "p.yaml", "--target", "prod"], files);
  expect(prod.out).toMatch(/BLOCK prod-deletion-protection spec\.deletionProtection/u);
  expect(prod.out.trimEnd().split("\n").at(-1)).toBe("RISKY: 2 risks (a blocking team policy broken) in what this plan does to Cognito.");
  expect(prod.code).toBe(2);
  const dev = await run(["plan.json", "--no-live", "--policy", "p.yaml", "--target", "dev", "--target-region", "eu-west-1"], files);
  expect(dev.out).not.toContain("BLOCK");
  expect(dev.code).toBe(0);
  const alone = await run(["plan.json", "--no-live", "--target", "prod"], files);
  expect(alone.code).toBe(1);
  expect(alone.err).toContain("--target and --target-region say which target the policies are checked for; give --policy FILE too");
  const region = await run(["plan.json", "--no-live", "--policy", "p.yaml", "--target-region", "Ireland"], files);
  expect(region.code).toBe(1);
  expect(region.err).toContain('--target-region must be an AWS Region code like us-east-1 or eu-west-2; got "Ireland"');
});

test("the JSON output says the verdict and lists the blocking risks", async () => {
  const { out } = await run(["plan.json", "--no-live", "-f", "json"], { "plan.json": fixture("replace-pool") });
  const json = JSON.parse(out) as { verdict: string; blocking: { kind: string }[]; pools: { plan: { formatVersion: number } }[] };
  expect(json.verdict).toBe("risky");
  expect(json.blocking.map((r) => r.kind)).toContain("users-deleted");
  expect(json.pools[0]?.plan.formatVersion).toBe(2);
});
