import { describe, expect, it } from "vitest";
import { poolDocument } from "@/test/support/pool-documents";
import { compilePolicies, compilePolicy } from "./compile";
import { evaluatePolicies } from "./evaluate";
import { readPolicyFile, renderPolicyFile } from "./read-policy-file";
import type { Policy } from "./types";

const PROD = { name: "prod", region: "eu-west-1" };
const DEV = { name: "dev", region: "eu-west-1" };

const deletion: Policy = {
  id: "prod-deletion-protection",
  description: "Production pools keep deletion protection",
  severity: "block",
  when: 'target.name == "prod"',
  require: 'pool.spec.deletionProtection == "ACTIVE"',
  path: "spec.deletionProtection",
};

function violations(policies: Policy[], doc = poolDocument(), target?: { name: string; region: string }) {
  const { compiled, problems } = compilePolicies(policies);
  expect(problems).toEqual([]);
  return evaluatePolicies(compiled, doc, target);
}

describe("compiling a policy", () => {
  it.each([
    ['pool.spec.deletionProtection = "ACTIVE"', "require", 30, /column 30: Unexpected character: =; CEL compares with ==/u],
    ['target.name == "prod" &&', "require", undefined, /Unexpected token: EOF; the expression ends too early/u],
    ['pol.spec.deletionProtection == "ACTIVE"', "require", 1, /column 1: .*pol.*; a policy reads pool \(pool.metadata, pool.spec\), target/u],
    ['size(pool.spec.clients) + "x"', "require", 1, /overload.*compare a string with a string/u],
    ["size(clients)", "require", undefined, /gives an int; it must give true or false/u],
  ])("explains %j: which policy, which expression, which column, what to do", (require, expression, column, message) => {
    const { compiled, problems } = compilePolicy({ ...deletion, require });
    expect(compiled).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ policyId: "prod-deletion-protection", expression });
    if (column !== undefined) expect(problems[0]?.column).toBe(column);
    expect(problems[0]?.message).toMatch(/^policy "prod-deletion-protection", require/u);
    expect(problems[0]?.message).toMatch(message);
  });

  it("reports a bad when, a [*] path without each, and a repeated id", () => {
    const { compiled, problems } = compilePolicies([
      { ...deletion, when: "target.name ==" },
      { ...deletion, id: "b", path: "spec.clients[*].callbackUrls" },
      { ...deletion, id: "b" },
    ]);
    expect(compiled.map((c) => c.policy.id)).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^policy "prod-deletion-protection", when at column \d+: /u),
      'policy "b": path spec.clients[*].callbackUrls has [*] but the policy has no each; add each (e.g. each: clients) or name one field',
      'policy "b" appears twice: give each policy its own id',
    ]);
  });

  it("refuses lists walked three deep (each counts), which a large pool would make slow; two is fine", () => {
    const deep = compilePolicy({ ...deletion, each: "clients", require: "clients.all(a, a.callbackUrls.all(u, u != item.name))" });
    expect(deep.problems.map((p) => p.message)).toEqual([
      'policy "prod-deletion-protection", require: walks 3 lists inside each other (each, all, exists, map, filter); at most 2, so checking a large pool stays fast: split the rule into several policies',
    ]);
    expect(compilePolicy({ ...deletion, require: "clients.all(a, a.callbackUrls.exists(u, true))" }).problems).toEqual([]);
    expect(compilePolicy({ ...deletion, require: "clients.all(a, clients.all(b, clients.all(c, true)))" }).problems).toHaveLength(1);
  });

  it("refuses an expression beyond the structural limits rather than spending the server's time on it", () => {
    const huge = Array.from({ length: 300 }, (_, i) => `target.name == "t${i}"`).join(" || ");
    expect(compilePolicy({ ...deletion, require: huge }).problems[0]?.message).toMatch(/^policy "prod-deletion-protection", require/u);
  });
});

describe("evaluating policies", () => {
  it("fires for prod without deletion protection, stays quiet when ACTIVE or on another target", () => {
    const v = violations([deletion], poolDocument({ deletionProtection: "INACTIVE" }), PROD);
    expect(v).toEqual([
      {
        severity: "error",
        blocking: true,
        path: "spec.deletionProtection",
        code: "policy/prod-deletion-protection",
        policyId: "prod-deletion-protection",
        message: "Production pools keep deletion protection",
      },
    ]);
    expect(violations([deletion], poolDocument({ deletionProtection: "ACTIVE" }), PROD)).toEqual([]);
    expect(violations([deletion], poolDocument({ deletionProtection: "INACTIVE" }), DEV)).toEqual([]);
    expect(violations([deletion], poolDocument({ deletionProtection: "INACTIVE" }))).toEqual([]);
  });

  it("counts a field the pool leaves out as not meeting require, and says which", () => {
    const v = violations([deletion], poolDocument(), PROD);
    expect(v[0]?.message).toBe("Production pools keep deletion protection (deletionProtection is not set)");
  });

  it("skips a policy whose when reads a field the pool leaves out", () => {
    const labelled = { ...deletion, when: 'pool.metadata.labels.env == "production"' };
    expect(violations([labelled], poolDocument())).toEqual([]);
    const doc = poolDocument();
    doc.metadata.labels = { env: "production" };
    expect(violations([labelled], doc)).toHaveLength(1);
  });

  it("a warn policy gives a warning that does not block", () => {
    const v = violations([{ ...deletion, severity: "warn" }], poolDocument(), PROD);
    expect(v[0]).toMatchObject({ severity: "warning", blocking: false });
  });

  it("checks each element, pointing at it by position and naming it", () => {
    const policy: Policy = {
      id: "https-only",
      description: "Callback URLs use https",
      severity: "block",
      each: "clients",
      require: '!has(item.callbackUrls) || item.callbackUrls.all(u, u.startsWith("https://"))',
      path: "spec.clients[*].callbackUrls",
    };
    const doc = poolDocument({
      clients: [
        { name: "web", callbackUrls: ["https://a.example.com/cb"] },
        { name: "tool", callbackUrls: ["http://localhost:3000/cb"] },
        { name: "m2m" },
      ],
    });
    expect(violations([policy], doc).map((v) => [v.path, v.message])).toEqual([["spec.clients[1].callbackUrls", 'tool: Callback URLs use https'.replace("tool", '"tool"')]]);
  });

  it("sees clients with clientDefaults applied", () => {
    const policy: Policy = { id: "x", description: "no implicit", severity: "block", each: "clients", require: '!("implicit" in item.allowedOAuthFlows)', path: "spec.clients[*].allowedOAuthFlows" };
    const doc = poolDocument({ clientDefaults: { allowedOAuthFlows: ["implicit"] }, clients: [{ name: "web" }] });
    expect(violations([policy], doc).map((v) => v.path)).toEqual(["spec.clients[0].allowedOAuthFlows"]);
  });

  it("reports a policy that fails at evaluation as a violation, not a pass", () => {
    const v = violations([{ ...deletion, when: undefined, require: "int(pool.spec.region) > 0" }], poolDocument(), PROD);
    expect(v).toHaveLength(1);
    expect(v[0]?.message).toMatch(/^Production pools keep deletion protection \(the policy could not be checked: policy "prod-deletion-protection", require/u);
  });
});

describe("policy files", () => {
  it("reads YAML, and writes what it reads", () => {
    const text = renderPolicyFile([deletion]);
    expect(text).toContain("kind: PolicySet");
    const file = readPolicyFile(text);
    expect(file.problems).toEqual([]);
    expect(file.policies).toEqual([deletion]);
    expect(file.compiled).toHaveLength(1);
  });

  it("reads an empty file as no policies", () => {
    expect(readPolicyFile(" \n")).toEqual({ policies: [], compiled: [], problems: [] });
  });

  it.each([
    ["policies: [ {", /^the file is not valid YAML or JSON: /u],
    ["- a", /^the file: a policy file is a mapping with a policies: list$/u],
    ["policies:\n  - id: x\n    description: d\n    severity: stop\n    require: 'true'\n    path: spec", /^policies\[0\]\.severity \(policy "x"\): severity must be "warn"/u],
    ["policies:\n  - id: Bad Id\n    description: d\n    severity: warn\n    require: 'true'\n    path: spec", /^policies\[0\]\.id \(policy "Bad Id"\): id must be 1 to 63 lower-case/u],
    ["policies:\n  - id: x\n    description: d\n    severity: warn\n    require: 'a ='\n    path: spec", /^policy "x", require at column 3: /u],
  ])("explains a bad file: %j", (text, message) => {
    const file = readPolicyFile(text);
    expect(file.compiled).toEqual([]);
    expect(file.problems[0]).toMatch(message);
  });
});

describe("policies in the editor", () => {
  it("shows each violation once as a warning at its field, naming the targets it blocks", async () => {
    const { editorPolicyCheck } = await import("./editor-findings");
    const check = editorPolicyCheck([deletion, { ...deletion, id: "everywhere", severity: "warn", when: undefined }], [PROD, DEV]);
    const doc = poolDocument({ deletionProtection: "INACTIVE" });
    expect(check(doc)).toEqual([
      { severity: "warning", path: "spec.deletionProtection", code: "policy/prod-deletion-protection", message: "Production pools keep deletion protection (team policy; blocks apply to target prod)", policyId: "prod-deletion-protection", blocking: true, targets: ["prod"] },
      { severity: "warning", path: "spec.deletionProtection", code: "policy/everywhere", message: "Production pools keep deletion protection (team policy; warns on targets prod, dev)", policyId: "everywhere", blocking: false, targets: ["prod", "dev"] },
    ]);
    expect(editorPolicyCheck([deletion, { ...deletion, id: "everywhere", severity: "warn", when: undefined }], [])(doc)).toEqual([
      { severity: "warning", path: "spec.deletionProtection", code: "policy/everywhere", message: "Production pools keep deletion protection (team policy; warns)", policyId: "everywhere", blocking: false, targets: [] },
    ]);
    expect(check(poolDocument({ deletionProtection: "ACTIVE" }))).toEqual([]);
  });

  it("shows a stored policy that no longer compiles, as the apply gate counts it, rather than skipping it", async () => {
    const { editorPolicyCheck } = await import("./editor-findings");
    const legacy = { ...deletion, id: "legacy-lookahead", when: undefined, require: 'pool.metadata.name.matches("^(?=team-)")', path: "metadata.name" };
    const findings = editorPolicyCheck([deletion, legacy], [PROD])(poolDocument({ deletionProtection: "ACTIVE" }));
    expect(findings).toEqual([expect.objectContaining({ code: "policy/legacy-lookahead", path: "metadata.name", blocking: true, targets: ["prod"] })]);
    expect(findings[0]?.message).toMatch(/^this policy no longer compiles \(policy "legacy-lookahead", require.*matches takes RE2 syntax.*\); an admin corrects it on the Policies page \(team policy; blocks apply to target prod\)$/u);
  });
});
