/**
 * Policies in the editor: each violation shown at its field like a finding, for every target the pool goes to.
 * They are warnings there, as findings are: a draft that breaks a policy is still a valid draft (it may be
 * saved and reviewed); a blocking policy stops only the apply, and the message says to which targets.
 */
import type { Diagnostic } from "../spec/diagnostics";
import type { PoolDocument } from "../spec/document-schema";
import type { CompiledPolicy } from "./compile";
import { evaluatePolicies } from "./evaluate";
import type { PolicyTarget } from "./types";

function namesOf(targets: readonly string[]): string {
  return targets.length === 1 ? `target ${targets[0]}` : `targets ${targets.join(", ")}`;
}

/** The violations for each target (none: checked once without a target), merged where they agree. */
export function policyFindings(compiled: readonly CompiledPolicy[], doc: PoolDocument, targets: readonly PolicyTarget[]): Diagnostic[] {
  if (compiled.length === 0) return [];
  const merged = new Map<string, { code: string; path: string; message: string; blocking: boolean; targets: string[] }>();
  for (const target of targets.length > 0 ? targets : [undefined]) {
    for (const v of evaluatePolicies(compiled, doc, target)) {
      const key = `${v.code}\u0000${v.path}\u0000${v.message}`;
      const entry = merged.get(key) ?? { code: v.code, path: v.path, message: v.message, blocking: v.blocking, targets: [] };
      if (target) entry.targets.push(target.name);
      merged.set(key, entry);
    }
  }
  return [...merged.values()].map((e) => {
    const where = e.targets.length > 0 ? namesOf(e.targets) : "";
    const consequence = e.blocking ? `blocks apply${where ? ` to ${where}` : ""}` : `warns${where ? ` on ${where}` : ""}`;
    return { severity: "warning", path: e.path, code: e.code, message: `${e.message} (team policy; ${consequence})` };
  });
}
