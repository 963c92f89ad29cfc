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
