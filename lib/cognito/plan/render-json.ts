/**
 * The plan as stable JSON for the UI and pipelines. Shape: `PlanJson` below, documented in README.md.
 * Stability: object keys are sorted at every level; entries keep the plan's stable order (pool, MFA
 * configuration, resource servers by identifier, clients by name, domain) and changes are sorted by
 * path; values the user wrote (lists inside `before` / `after`) keep their order. An absent `before` or
 * `after` means "not set". Bump {@link PLAN_FORMAT_VERSION} on any incompatible change.
 */
import { PLAN_FORMAT_VERSION } from "./format-version";
import type { Plan } from "./types";

export { PLAN_FORMAT_VERSION };

/** The JSON document: the {@link Plan}, whose `formatVersion` is the current one. */
export type PlanJson = Plan & { formatVersion: typeof PLAN_FORMAT_VERSION };

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function toPlanJson(plan: Plan): PlanJson {
  return sortKeys({ ...plan, formatVersion: PLAN_FORMAT_VERSION }) as PlanJson;
}

/** Pretty-printed (2 spaces) JSON text ending in a newline. Never throws. */
export function renderPlanJson(plan: Plan): string {
  try {
    return `${JSON.stringify(toPlanJson(plan), null, 2)}\n`;
  } catch (cause) {
    return `${JSON.stringify({ formatVersion: PLAN_FORMAT_VERSION, renderError: cause instanceof Error ? cause.message : String(cause) })}\n`;
  }
}
