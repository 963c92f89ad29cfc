/**
 * Evaluating compiled policies against a pool document and a target. Never throws.
 *
 * A field the document leaves out is absent in CEL, and reading it is an error ("No such key"). The studio reads
 * that the way a reviewer would: in `when` the policy does not apply, under `each` there is nothing to check,
 * and in `require` the requirement is not met (a blocking rule must not pass because a field is missing). Write
 * `has(pool.spec.field)` to say otherwise. Any other evaluation error is reported as a violation too, naming
 * the expression, so a broken blocking policy stops an apply rather than letting it through.
 */
import type { PoolDocument } from "../spec/document-schema";
import { effectiveClients } from "../spec/rules/rule";
import { type CompiledExpression, type CompiledPolicy, problemFrom } from "./compile";
import { EvaluationTooSlow, POLICIES_TIME_LIMIT_MS, meterLists, newMeter, startPolicyClock, tooSlowWords } from "./evaluation-budget";
import type { PolicyExpressionKey, PolicyTarget, PolicyViolation } from "./types";

/** The variables a policy reads. */
export interface PolicyVariables {
  pool: unknown;
  target: PolicyTarget;
  clients: unknown[];
}

/** Plain JSON of the document (CEL maps and lists), with the clients as they behave (`clientDefaults` applied). */
export function policyVariables(doc: PoolDocument, target?: PolicyTarget): PolicyVariables {
  const pool = JSON.parse(JSON.stringify(doc)) as unknown;
  const clients = JSON.parse(JSON.stringify(effectiveClients({ spec: doc.spec, base: "spec" }).map((c) => c.client))) as unknown[];
  // A target without a Region of its own (the CLI's --target) goes where the design says.
  return { pool, target: { name: target?.name ?? "", region: target?.region || doc.spec.region || "" }, clients };
}

type Outcome = { value: unknown } | { missing: string } | { failed: string };

function run(expression: CompiledExpression, variables: Record<string, unknown>, policyId: string, key: PolicyExpressionKey): Outcome {
  try {
    return { value: expression(variables) };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const missing = /^No such key: ([^\n]+)/u.exec(message);
    if (missing) return { missing: missing[1] ?? "" };
    return { failed: problemFrom(policyId, key, cause).message };
  }
}

/** How a violation names an element of `each`: its name when it has one, else its position. */
function labelOf(item: unknown, index: number): string {
  if (item && typeof item === "object") {
    const o = item as Record<string, unknown>;
    const name = [o.name, o.clientName, o.providerName, o.groupName, o.identifier].find((v) => typeof v === "string");
    if (typeof name === "string") return `"${name}"`;
  }
  return `#${index + 1}`;
}

function violation(policy: CompiledPolicy["policy"], path: string, message: string): PolicyViolation {
  const blocking = policy.severity === "block";
  return { severity: blocking ? "error" : "warning", path, code: `policy/${policy.id}`, policyId: policy.id, blocking, message };
}

function checkRequire(compiled: CompiledPolicy, variables: Record<string, unknown>, path: string, prefix: string): PolicyViolation[] {
  const { policy } = compiled;
  const outcome = run(compiled.require, variables, policy.id, "require");
  if ("value" in outcome && outcome.value === true) return [];
  const detail =
    "missing" in outcome
      ? ` (${outcome.missing} is not set)`
      : "failed" in outcome
        ? ` (the policy could not be checked: ${outcome.failed})`
        : outcome.value === false
          ? ""
          : ` (require gave ${String(outcome.value)}, not true or false)`;
  return [violation(policy, path, `${prefix}${policy.description}${detail}`)];
}

/** Whether one compiled policy applies; a failed `when` counts as applying, so it is reported rather than skipped. */
function applies(compiled: CompiledPolicy, variables: PolicyVariables): { applies: boolean; failed?: string } {
  if (!compiled.when) return { applies: true };
  const outcome = run(compiled.when, { ...variables }, compiled.policy.id, "when");
  if ("missing" in outcome) return { applies: false };
  if ("failed" in outcome) return { applies: true, failed: outcome.failed };
  return { applies: outcome.value === true };
}

/** The violations of one compiled policy. */
export function evaluatePolicy(compiled: CompiledPolicy, variables: PolicyVariables): PolicyViolation[] {
  const { policy } = compiled;
  const gate = applies(compiled, variables);
  if (gate.failed) return [violation(policy, policy.path, `${policy.description} (the policy could not be checked: ${gate.failed})`)];
  if (!gate.applies) return [];
  if (!compiled.each) return checkRequire(compiled, { ...variables }, policy.path, "");
  const list = run(compiled.each, { ...variables }, policy.id, "each");
  if ("missing" in list) return [];
  if ("failed" in list) return [violation(policy, policy.path, `${policy.description} (the policy could not be checked: ${list.failed})`)];
  if (!Array.isArray(list.value)) return [violation(policy, policy.path, `${policy.description} (each gave ${typeof list.value}, not a list)`)];
  return list.value.flatMap((item, index) =>
    checkRequire(compiled, { ...variables, item, index }, policy.path.replace("[*]", `[${index}]`), `${labelOf(item, index)}: `),
  );
}

/** The violations of every compiled policy, in the policies' order. */
export function evaluatePolicies(compiled: readonly CompiledPolicy[], doc: PoolDocument, target?: PolicyTarget): PolicyViolation[] {
  // Every list the policies read is metered (evaluation-budget.ts): a policy past its time is one violation.
  const meter = newMeter();
  const variables = meterLists(policyVariables(doc, target), meter) as PolicyVariables;
  const allDeadline = performance.now() + POLICIES_TIME_LIMIT_MS;
  return compiled.flatMap((c) => {
    startPolicyClock(meter, allDeadline);
    const tooSlow = () => [violation(c.policy, c.policy.path, `${c.policy.description} (the policy could not be checked: ${tooSlowWords(meter)})`)];
    try {
      const violations = evaluatePolicy(c, variables);
      return meter.expired ? tooSlow() : violations;
    } catch (cause) {
      if (cause instanceof EvaluationTooSlow) return tooSlow();
      throw cause;
    }
  });
}
