import { describe, expect, it } from "vitest";
import { renderPolicyFile } from "../../lib/cognito/policies/read-policy-file";
import { STARTER_POLICIES } from "../../lib/cognito/policies/starter-set";
import { getPreset, presetExampleDocument, type Preset } from "../../lib/cognito/presets";
import { serialisePoolDocument } from "../../lib/cognito/spec/document";
import { runCli } from "../main";
import { memoryIo } from "@/test/support/cli-io";

/** The SPA preset's production pool: no findings, and it meets the starter set. */
const compliant = presetExampleDocument(getPreset("spa") as Preset);
/** Production labels removed, so only the target decides what is production. */
delete compliant.metadata.labels;
const unprotected = { ...compliant, spec: { ...compliant.spec, deletionProtection: "INACTIVE" as const } };
const weakPassword = { ...compliant, spec: { ...compliant.spec, passwordPolicy: { ...compliant.spec.passwordPolicy, minimumLength: 8 } } };

const files = {
  "ok.yaml": serialisePoolDocument(compliant, "yaml"),
  "unprotected.yaml": serialisePoolDocument(unprotected, "yaml"),
  "weak.yaml": serialisePoolDocument(weakPassword, "yaml"),
  "policies.yaml": renderPolicyFile(STARTER_POLICIES),
  "broken-policies.yaml": "policies:\n  - id: prod-deletion-protection\n    description: d\n    severity: block\n    require: pool.spec.deletionProtection = \"ACTIVE\"\n    path: spec.deletionProtection\n",
};

async function run(args: string[]) {
  const io = memoryIo({ files });
  const code = await runCli(["validate", ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe("cognito-studio validate --policy", () => {
  it("exits 1 when a blocking policy is broken for the target, reporting it as policy/<id> at its field", async () => {
    const r = await run(["unprotected.yaml", "--policy", "policies.yaml", "--target", "prod"]);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      "unprotected.yaml: warning spec.deletionProtection (finding/deletion-protection-off): deletionProtection is INACTIVE: a single DeleteUserPool call would delete every user; set it to ACTIVE (AWS Config rule cognito-user-pool-deletion-protection-enabled, Security Hub Cognito.6)\n" +
        "unprotected.yaml: error spec.deletionProtection (policy/prod-deletion-protection): Production pools keep deletion protection on\n" +
        "invalid: unprotected.yaml, 1 error, 1 warning\n",
    );
  });

  it("exits 0 for the same file on another target: the policy applies to prod only", async () => {
    const r = await run(["unprotected.yaml", "--policy", "policies.yaml", "--target", "dev"]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain("policy/");
  });

  it("exits 0 when only a warning policy is broken, printing the warning", async () => {
    const r = await run(["--policy", "policies.yaml", "weak.yaml"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("weak.yaml: warning spec.passwordPolicy.minimumLength (policy/password-min-length-12): Passwords have at least 12 characters\n");
  });

  it("exits 0 for a compliant file, and json carries the policy code", async () => {
    expect((await run(["ok.yaml", "--policy", "policies.yaml", "--target", "prod"])).code).toBe(0);
    const r = await run(["unprotected.yaml", "--policy", "policies.yaml", "--target", "prod", "--format", "json"]);
    const parsed = JSON.parse(r.out) as { valid: boolean; diagnostics: { code: string; severity: string }[] };
    expect(parsed.valid).toBe(false);
    expect(parsed.diagnostics).toContainEqual(expect.objectContaining({ code: "policy/prod-deletion-protection", severity: "error" }));
  });

  it("exits 2 for a policy file with a bad expression, naming the policy, the column and what to do", async () => {
    const r = await run(["ok.yaml", "--policy", "broken-policies.yaml"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(
      'cognito-studio validate: broken-policies.yaml: policy "prod-deletion-protection", require at column 30: Unexpected character: =; CEL compares with == (a single = is not an operator)\n',
    );
  });

  it("checks target.region as --target-region gives it (a target in another Region than the design's)", async () => {
    const eu = "policies:\n  - id: eu-only\n    description: Pools live in an EU Region\n    severity: block\n    require: target.region.startsWith(\"eu-\")\n    path: spec.region\n";
    const io = memoryIo({ files: { ...files, "eu.yaml": eu } });
    expect(await runCli(["validate", "ok.yaml", "--policy", "eu.yaml", "--target", "dev", "--target-region", "eu-west-1"], io)).toBe(0);
    const us = memoryIo({ files: { ...files, "eu.yaml": eu } });
    expect(await runCli(["validate", "ok.yaml", "--policy", "eu.yaml", "--target", "dev", "--target-region", "us-east-1"], us)).toBe(1);
    expect(us.out()).toContain("ok.yaml: error spec.region (policy/eu-only): Pools live in an EU Region\n");
    const bad = memoryIo({ files });
    expect(await runCli(["validate", "ok.yaml", "--policy", "policies.yaml", "--target-region", "Ireland"], bad)).toBe(2);
    expect(bad.err()).toMatch(/--target-region must be an AWS Region code like us-east-1 or eu-west-2; got "Ireland"/u);
    const alone = memoryIo({ files });
    expect(await runCli(["validate", "ok.yaml", "--target-region", "eu-west-1"], alone)).toBe(2);
    expect(alone.err()).toMatch(/--target-region is the Region of the target policies are checked for; give --policy FILE too/u);
  });

  it("exits 2 for an unreadable policy file, and for --target without --policy", async () => {
    const missing = await run(["ok.yaml", "--policy", "missing.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^cognito-studio validate: cannot read missing\.yaml: ENOENT/u);
    const usage = await run(["ok.yaml", "--target", "prod"]);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/--target names the target policies are checked for; give --policy FILE too/u);
  });
});

describe("cognito-studio policies starter", () => {
  it("prints the starter set as a file validate --policy reads", async () => {
    const io = memoryIo({});
    expect(await runCli(["policies", "starter"], io)).toBe(0);
    expect(io.out()).toBe(renderPolicyFile(STARTER_POLICIES));
    const usage = memoryIo({});
    expect(await runCli(["policies"], usage)).toBe(2);
    expect(usage.err()).toMatch(/policies takes one argument, starter; got none/u);
  });
});
