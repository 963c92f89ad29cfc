/**
 * Applies a plan to a document as a patch: the document AWS would hold after the plan ran.
 * It makes the plan's central property testable: for any `a`, `b`,
 * `planChanges(applyPlanToDocument(a, planChanges(a, b)), b)` has no changes, and the result equals `b`
 * on everything `b` manages while keeping `a`'s values where `b` leaves a field unset.
 *
 * The result is in resolved form: `clientDefaults` are folded into the clients (plans compare effective
 * clients, so this is the same pool), and `metadata.labels` (document-only, not in AWS) are the current
 * document's. Changes marked `impossible` (a plan with errors) are not applied: AWS would refuse them.
 * Never mutates its inputs.
 */
import type { PoolDocument } from "../spec/document-schema";
import { type PathSegment, parsePath, setAtPath } from "./paths";
import { applyRiskLogsEntry } from "./plan-risk-logs";
import { NON_POOL_FIELDS, resolveClientDefaults, type Values } from "./resources";
import type { Plan, ResourceChange } from "./types";

const NON_POOL = new Set<string>(NON_POOL_FIELDS);

function clone<T>(value: T): T {
  return structuredClone(value);
}

function applyChanges(target: Values, entry: ResourceChange): void {
  for (const change of entry.changes) {
    if (change.impossible) continue;
    const segments = parsePath(change.path);
    if (!segments) throw new Error(`plan holds an unreadable attribute path: ${change.path}`);
    setAtPath(target, segments, change.after === undefined ? undefined : clone(change.after));
  }
}

/** Builds a resource from a create entry (or the new side of a replacement) on top of `base`. */
function build(base: Values, entry: ResourceChange): Values {
  const target = clone(base);
  applyChanges(target, entry);
  return target;
}

/**
 * The pool's attributes live at the top of `spec`, except `name` (metadata.name). Paths are relative to
 * the resource, so a pool path is applied to the spec with its first segment mapped.
 */
function applyPoolChanges(doc: { metadata: Values; spec: Values }, entry: ResourceChange): void {
  for (const change of entry.changes) {
    if (change.impossible) continue;
    const segments = parsePath(change.path);
    if (!segments || segments.length === 0) throw new Error(`plan holds an unreadable attribute path: ${change.path}`);
    const after = change.after === undefined ? undefined : clone(change.after);
    if (segments.length === 1 && segments[0] === "name") {
      if (typeof after === "string") doc.metadata.name = after;
      continue;
    }
    const head = segments[0];
    if (typeof head === "string" && NON_POOL.has(head)) continue;
    setAtPath(doc.spec, segments as PathSegment[], after);
  }
}

/** Applies `plan` to `current` (null: the pool does not exist yet) and returns the resulting document. */
export function applyPlanToDocument(current: PoolDocument | null, plan: Plan): PoolDocument {
  const base: PoolDocument = current
    ? clone(resolveClientDefaults(current))
    : { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: plan.poolName }, spec: plan.region !== undefined ? { region: plan.region } : {} };
  const doc = base as unknown as { apiVersion: string; kind: string; metadata: Values; spec: Values };

  for (const entry of plan.entries) {
    switch (entry.type) {
      case "userPool":
        if (entry.action === "create") doc.spec = { ...pickNonPool(doc.spec) };
        applyPoolChanges(doc, entry);
        break;
      case "mfaConfig":
        // The MFA settings are top-level spec fields too; their paths start with the field name.
        for (const change of entry.changes) {
          if (change.impossible) continue;
          const segments = parsePath(change.path);
          if (segments) setAtPath(doc.spec, segments, change.after === undefined ? undefined : clone(change.after));
        }
        break;
      case "appClient":
        applyListEntry(doc.spec, "clients", "name", entry);
        break;
      case "resourceServer":
        applyListEntry(doc.spec, "resourceServers", "identifier", entry);
        break;
      case "identityProvider":
        applyListEntry(doc.spec, "identityProviders", "providerName", entry);
        break;
      case "group":
        applyListEntry(doc.spec, "groups", "name", entry);
        break;
      case "domain":
        if (entry.action === "delete") delete doc.spec.domain;
        else if (entry.action === "create") doc.spec.domain = build({}, entry);
        else doc.spec.domain = build((doc.spec.domain as Values | undefined) ?? {}, entry);
        break;
      case "riskConfiguration":
      case "logDelivery":
        applyRiskLogsEntry(doc.spec, entry, build);
        break;
    }
  }
  return base;
}

function pickNonPool(spec: Values): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(spec)) if (NON_POOL.has(key)) out[key] = value;
  return out;
}

function applyListEntry(spec: Values, field: "clients" | "resourceServers" | "identityProviders" | "groups", keyField: string, entry: ResourceChange): void {
  if (entry.action === "noop") return;
  const list = Array.isArray(spec[field]) ? (spec[field] as Values[]) : [];
  spec[field] = list;
  const oldKey = entry.previousKey ?? entry.key;
  const index = list.findIndex((item) => item[keyField] === oldKey);
  if (entry.action === "delete") {
    // A delete the plan refuses (a provider a client still lists) is not applied, like an impossible change.
    const refused = entry.changes.length > 0 && entry.changes.every((c) => c.impossible);
    if (index >= 0 && !refused) list.splice(index, 1);
    return;
  }
  if (entry.action === "create") {
    list.push({ [keyField]: entry.key, ...build({}, entry) });
    return;
  }
  // update or replace: patch the old resource (a replacement's changes include every difference).
  const old = index >= 0 ? list[index] : undefined;
  const next = { ...build(old ?? {}, entry), [keyField]: entry.key };
  if (index >= 0) list[index] = next;
  else list.push(next);
}
