/**
 * Policies in the editor: each violation shown at its field like a finding, for every target the pool goes to.
 * They are warnings there, as findings are: a draft that breaks a policy is still a valid draft (it may be
 * saved and reviewed); a blocking policy stops only the apply, and the message says to which targets. The
 * policy's own severity stays on the finding (`blocking`), so the editor, the apply gate and
 * `cognito-studio validate --policy` can be held to the same results.
 */
import type { Diagnostic } from "../spec/diagnostics";
import type { PoolDocument } from "../spec/document-schema";
import { evaluatePolicies } from "./evaluate";
import { type PolicySet, compilePolicySet } from "./policy-set";
import type { Policy, PolicyTarget } from "./types";

/** A policy violation as the editor shows it: a warning, with the policy, whether it blocks, and the targets. */
export interface PolicyFinding extends Diagnostic {
  policyId: string;
  blocking: boolean;
  /** The targets it concerns (empty when checked without a target). */
  targets: string[];
}

function namesOf(targets: readonly string[]): string {
  return targets.length === 1 ? `target ${targets[0]}` : `targets ${targets.join(", ")}`;
}

/** The violations for each target (none: checked once without a target), merged where they agree. */
export function policyFindings(set: PolicySet, doc: PoolDocument, targets: readonly PolicyTarget[]): PolicyFinding[] {
  if (set.compiled.length === 0 && set.uncompiled.length === 0) return [];
  const merged = new Map<string, { policyId: string; code: string; path: string; message: string; blocking: boolean; targets: string[] }>();
  for (const target of targets.length > 0 ? targets : [undefined]) {
    for (const v of [...set.uncompiled, ...evaluatePolicies(set.compiled, doc, target)]) {
      const key = `${v.code}\u0000${v.path}\u0000${v.message}`;
      const entry = merged.get(key) ?? { policyId: v.policyId, code: v.code, path: v.path, message: v.message, blocking: v.blocking, targets: [] };
      if (target) entry.targets.push(target.name);
      merged.set(key, entry);
    }
  }
  return [...merged.values()].map((e) => {
    const where = e.targets.length > 0 ? namesOf(e.targets) : "";
    const consequence = e.blocking ? `blocks apply${where ? ` to ${where}` : ""}` : `warns${where ? ` on ${where}` : ""}`;
    return { severity: "warning", path: e.path, code: e.code, message: `${e.message} (team policy; ${consequence})`, policyId: e.policyId, blocking: e.blocking, targets: e.targets };
  });
}

/**
 * What the editor runs after each change (and the pool page on the server for the first render): the stored
 * policies compiled once, the ones that no longer compile included, checked for the pool's targets.
 */
export function editorPolicyCheck(policies: readonly Policy[], targets: readonly PolicyTarget[]): (doc: PoolDocument) => PolicyFinding[] {
  const set = compilePolicySet(policies);
  return (doc) => policyFindings(set, doc, targets);
}
