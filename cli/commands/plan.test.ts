import { describe, expect, it } from "vitest";
import { runCli } from "../main";
import { memoryIo } from "@/test/support/cli-io";

const CURRENT = `apiVersion: cognito-studio.dev/v1
kind: UserPool
metadata: { name: shop }
spec:
  region: eu-west-1
  mfaConfiguration: "OFF"
  schemaAttributes:
    - { name: tier, attributeDataType: String }
  clients:
    - name: web
      allowedOAuthFlowsUserPoolClient: true
      allowedOAuthFlows: [code]
      allowedOAuthScopes: [openid]
      callbackUrls: [https://app.example.com/cb]
`;

const CHANGED = CURRENT.replace("https://app.example.com/cb]", "https://app.example.com/cb, https://other.example.com/cb]");
const IMPOSSIBLE = CURRENT.replace("attributeDataType: String", "attributeDataType: Number");
const INVALID = CURRENT.replace("region: eu-west-1", "region: nowhere");

function io(files: Record<string, string>) {
  return memoryIo({ files });
}

describe("cognito-studio plan", () => {
  it("prints a text plan and exits 0", async () => {
    const out = io({ "a.yaml": CURRENT, "b.yaml": CHANGED });
    expect(await runCli(["plan", "a.yaml", "b.yaml"], out)).toBe(0);
    expect(out.out()).toContain('  ~ app_client "web" {\n');
    expect(out.out()).toContain("Plan: 0 to add, 1 to change, 0 to replace, 0 to destroy.\n");
    expect(out.out()).toContain("[callback-url-added]");
  });

  it("with --detailed-exitcode exits 2 on changes and 0 without", async () => {
    expect(await runCli(["plan", "a.yaml", "b.yaml", "--detailed-exitcode"], io({ "a.yaml": CURRENT, "b.yaml": CHANGED }))).toBe(2);
    const same = io({ "a.yaml": CURRENT, "b.yaml": CURRENT });
    expect(await runCli(["plan", "--detailed-exitcode", "a.yaml", "b.yaml"], same)).toBe(0);
    expect(same.out()).toBe("No changes. The user pool matches the desired document.\n");
  });

  it("prints the documented JSON with --format json", async () => {
    const out = io({ "a.yaml": CURRENT, "b.yaml": CHANGED });
    expect(await runCli(["plan", "a.yaml", "b.yaml", "--format", "json"], out)).toBe(0);
    const json = JSON.parse(out.out()) as { formatVersion: number; summary: unknown; hasChanges: boolean };
    expect(json.formatVersion).toBe(2);
    expect(json.summary).toEqual({ add: 0, change: 1, destroy: 0, replace: 0 });
  });

  it("plans a new pool with --create and reads - from standard input", async () => {
    const out = memoryIo({ stdin: CURRENT });
    expect(await runCli(["plan", "-", "--create"], out)).toBe(0);
    // The pool, its MFA configuration (mfaConfiguration is set) and the client.
    expect(out.out()).toContain("Plan: 3 to add, 0 to change, 0 to replace, 0 to destroy.\n");
  });

  it("exits 1 with diagnostics for an invalid desired document, even with --detailed-exitcode", async () => {
    const out = io({ "a.yaml": CURRENT, "b.yaml": INVALID });
    expect(await runCli(["plan", "a.yaml", "b.yaml", "--detailed-exitcode"], out)).toBe(1);
    expect(out.err()).toContain("b.yaml: error spec.region");
    expect(out.out()).toBe("");
  });

  it("exits 1 for a plan AWS cannot carry out, and plans a replacement with --allow-replace", async () => {
    const files = { "a.yaml": CURRENT, "b.yaml": IMPOSSIBLE };
    const refused = io(files);
    expect(await runCli(["plan", "a.yaml", "b.yaml", "--detailed-exitcode"], refused)).toBe(1);
    expect(refused.out()).toContain("Error: spec.schemaAttributes[0]");
    expect(refused.err()).toContain("the plan has an error; it cannot be applied");
    const allowed = io(files);
    expect(await runCli(["plan", "a.yaml", "b.yaml", "--allow-replace", "--detailed-exitcode"], allowed)).toBe(2);
    expect(allowed.out()).toContain('!!! USER POOL "shop" WILL BE REPLACED: EVERY USER IN IT IS DELETED.');
  });

  it("reports an unreadable file (exit 2, or 1 under --detailed-exitcode) and usage errors", async () => {
    expect(await runCli(["plan", "missing.yaml", "b.yaml"], io({ "b.yaml": CURRENT }))).toBe(2);
    const detailed = io({ "b.yaml": CURRENT });
    expect(await runCli(["plan", "missing.yaml", "b.yaml", "--detailed-exitcode"], detailed)).toBe(1);
    expect(detailed.err()).toContain("cannot read missing.yaml");
    expect(await runCli(["plan", "a.yaml"], io({}))).toBe(2);
    const usage = io({});
    expect(await runCli(["plan", "a.yaml", "--detailed-exitcode"], usage)).toBe(1);
    expect(usage.err()).toContain("give the CURRENT and the DESIRED file");
    expect(await runCli(["plan", "a.yaml", "b.yaml", "--format", "html"], io({}))).toBe(2);
  });
});
