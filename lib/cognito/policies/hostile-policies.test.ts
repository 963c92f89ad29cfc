/**
 * Hostile policies: rules that would keep an evaluation busy for minutes on a quota-sized pool, and policy files
 * built to break a reader. Each ends in a clear problem or violation; nothing throws or stalls.
 */
import { describe, expect, it } from "vitest";
import { quotaSizedPool } from "@/test/support/pool-documents";
import { evaluatePolicies } from "./evaluate";
import { POLICY_TIME_LIMIT_MS } from "./evaluation-budget";
import { readPolicyFile } from "./read-policy-file";

const pool = quotaSizedPool();
const policy = (fields: Record<string, string>) => `policies:\n  - ${JSON.stringify({ id: "p", description: "Client names are unique", severity: "block", path: "spec.clients[*]", ...fields })}\n`;

describe("evaluation time limit", () => {
  it("a rule that walks 1,000 clients for each of 1,000 clients with a long condition is one violation naming the limit", () => {
    // All 40 comparisons hold for every pair, so nothing short-circuits: a million walks of the condition.
    const condition = Array.from({ length: 40 }, (_, i) => `c.name.size() != ${1000 + i}`).join(" && ");
    const file = readPolicyFile(policy({ each: "clients", require: `clients.all(c, ${condition})` }));
    expect(file.problems).toEqual([]);
    const violations = evaluatePolicies(file.compiled, pool, { name: "prod", region: "" });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ policyId: "p", blocking: true, severity: "error", path: "spec.clients[*]" });
    expect(violations[0]?.message).toMatch(
      new RegExp(`^Client names are unique \\(the policy could not be checked: evaluating it took longer than ${POLICY_TIME_LIMIT_MS / 1000} seconds on this pool \\([\\d,]+ list elements read\\); walk fewer lists inside each other \\(each, all, exists, map, filter\\), or shorten the condition inside them\\)$`, "u"),
    );
  });

  it("a real nested rule (unique client names, a million reads) is checked in full on the same pool", () => {
    const file = readPolicyFile(policy({ each: "clients", require: "clients.filter(c, c.name == item.name).size() == 1" }));
    expect(evaluatePolicies(file.compiled, pool, { name: "prod", region: "" })).toEqual([]);
    const duplicated = structuredClone(pool);
    duplicated.spec.clients![7]!.name = duplicated.spec.clients![3]!.name;
    expect(evaluatePolicies(file.compiled, duplicated, { name: "prod", region: "" }).map((v) => v.path)).toEqual(["spec.clients[3]", "spec.clients[7]"]);
  });
});

describe("hostile policy files", () => {
  const only = (text: string) => readPolicyFile(text).problems;

  it.each([
    ["100,000 [", "[".repeat(100_000)],
    ["5,000 closed flow levels under policies:", `policies: ${"[".repeat(5000)}${"]".repeat(5000)}`],
    ["500 block levels", Array.from({ length: 500 }, (_, i) => `${" ".repeat(i)}a:`).join("\n")],
    ["20,000 compact sequences on one line", `${"- ".repeat(20_000)}x`],
  ])("%s: refused before the parser recurses, naming the line", (_label, text) => {
    expect(only(text)).toEqual([expect.stringMatching(/^the policy file nests more than 16 levels deep \(at line \d+\); a policy file is a policies: list of policies/u)]);
  });

  it("a file longer than the Policies page takes is refused in the page's words, whatever reads it", () => {
    const rule = "  - {id: a, description: d, severity: warn, require: 'true', path: spec}\n";
    expect(only(`policies:\n${rule.repeat(3000)}`)).toEqual(["the policy file is longer than 200,000 characters; split the rules across fewer, shorter policies"]);
  });

  it("an alias bomb is refused in plain words", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]", ...["b", "c", "d", "e", "f", "g"].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefg"[i]}`).join(", ")}]`)];
    expect(only(`${levels.join("\n")}\npolicies: []\n`)).toEqual(["the file is not valid YAML or JSON: its aliases (*name) expand to more than 100 copies; write the policies out instead"]);
  });

  it("two documents are one problem in plain words, not the YAML library's advice", () => {
    expect(only("policies: []\n---\npolicies: []\n")).toEqual(["the file is not valid YAML or JSON: it holds 2 documents (separated by ---); a policy file is one document: put every policy in one policies: list"]);
  });

  it("a missing key is named with what to write", () => {
    expect(only("policies:\n  - id: x\n    severity: warn\n")).toEqual([
      'policies[0].description (policy "x"): description is missing: say in plain words what the team requires',
      'policies[0].require (policy "x"): require is missing: write a CEL expression, e.g. pool.spec.deletionProtection == "ACTIVE"',
      'policies[0].path (policy "x"): path is missing: name the field the policy concerns, e.g. spec.deletionProtection',
    ]);
    expect(only(policy({ require: "true", when: 5 as unknown as string }))).toEqual(['policies[0].when (policy "p"): when must be text: write a CEL expression, e.g. pool.spec.deletionProtection == "ACTIVE"']);
  });

  it.each([
    ["an undefined variable", "foo.bar == 1", /Unknown variable: foo; a policy reads pool/u],
    ["a number", "1 + 2", /gives an int; it must give true or false/u],
    ["a lookahead in matches (RE2)", "pool.metadata.name.matches('(?=a)')", /not an RE2 regular expression/u],
    ["a counted repeat past RE2's limit", "pool.metadata.name.matches('(a{1000}){1000}')", /not an RE2 regular expression/u],
    ["an expression over the length limit", `${"true && ".repeat(250)}true`, /require is longer than 2000 characters/u],
  ])("require as %s is explained", (_label, require, message) => {
    expect(only(policy({ require, path: "spec" }))).toEqual([expect.stringMatching(message)]);
  });
});
