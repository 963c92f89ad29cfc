/**
 * `planChanges(current, desired)`: what must happen to make a pool match `desired`.
 *
 * - `current === null`: nothing exists; everything is created.
 * - A field the desired document leaves unset is not managed and never a change. `clients` /
 *   `resourceServers` unset = not managed (nothing deleted); `[]` = delete them all. An unset `domain`
 *   is not managed either.
 * - Clients are matched by name, resource servers by identifier, schema attributes and scopes by name;
 *   never by list position (keyed.ts, one planner for every keyed resource). Clients are compared with
 *   `clientDefaults` applied.
 * - What cannot change in place is decided only by `REPLACEMENT_RULES` (replacement-rules.ts).
 *
 * Pure: never mutates its inputs, reads no clock or network. Linear in the size of the documents
 * (Map lookups by key), so a pool with 1000 clients and 25 × 100 scopes plans in milliseconds.
 */
import type { PoolDocument } from "../spec/document-schema";
import type { Builder } from "./classify";
import { PLAN_FORMAT_VERSION } from "./format-version";
import { describeImpact } from "./impact";
import { planKeyedResources } from "./keyed-resources";
import { planManagedLoginBranding, planUiCustomizations } from "./plan-branding";
import { planDomain, planMfa, planPool } from "./pool-entries";
import { planLogDelivery, planRiskConfiguration } from "./plan-risk-logs";
import { planTerms } from "./plan-terms";
import { clientsTouchedBy } from "./touched-clients";
import type { KeyedContext } from "./keyed";
import { rememberedClients, type Values } from "./resources";
import { poolSecurityChanges } from "./security";
import type { Plan, PlanLiveState, PlanOptions, PlanSummary, ResourceChange } from "./types";
import { attachValues } from "./values";

/** The document with `region` as its Region when it names none. */
function inRegion(doc: PoolDocument, region: string | undefined): PoolDocument {
  return doc.spec.region !== undefined || region === undefined ? doc : { ...doc, spec: { ...doc.spec, region } };
}

function summarise(entries: readonly ResourceChange[]): PlanSummary {
  const summary = { add: 0, change: 0, replace: 0, destroy: 0 };
  for (const e of entries) {
    if (e.action === "create") summary.add++;
    else if (e.action === "update") summary.change++;
    else if (e.action === "replace") summary.replace++;
    else if (e.action === "delete") summary.destroy++;
  }
  return summary;
}

/** What the plan records of the live pool it was computed against; undefined when it knows nothing. */
function liveState(live: PlanOptions["live"], entries: readonly ResourceChange[]): PlanLiveState | undefined {
  if (!live || (live.fingerprint === undefined && live.estimatedNumberOfUsers === undefined && live.ids?.userPoolId === undefined)) return undefined;
  const state: PlanLiveState = {};
  if (live.ids?.userPoolId !== undefined) state.userPoolId = live.ids.userPoolId;
  if (live.fingerprint !== undefined) state.fingerprint = live.fingerprint;
  if (live.guard !== undefined) {
    const touched = clientsTouchedBy(entries);
    state.guard = { pool: live.guard.pool, clients: Object.fromEntries(Object.entries(live.guard.clients).filter(([name]) => touched.has(name))) };
  }
  if (live.estimatedNumberOfUsers !== undefined) state.estimatedNumberOfUsers = live.estimatedNumberOfUsers;
  return state;
}

/**
 * Every entry, error and security flag, in the plan's order: pool, MFA, keyed resources, domain, then the
 * threat protection settings and log delivery (after the clients, whose new ids they need).
 */
function planEntries(current: PoolDocument | null, desired: PoolDocument, options: PlanOptions, clientsOf: KeyedContext["clientsOf"]): { b: Builder; poolReplaced: boolean } {
  const b: Builder = { entries: [], errors: [], security: [] };
  const poolReplaced = planPool(b, current, desired, options);
  planMfa(b, current, desired, poolReplaced);
  const ctx: KeyedContext = { b, current, desired, cascade: poolReplaced, options, clientsOf };
  planKeyedResources(ctx);
  // Terms documents follow their clients (a replaced client's documents are replaced with it).
  planTerms(b, current, desired, poolReplaced);
  planDomain(b, current, desired, poolReplaced);
  planRiskConfiguration(b, current, desired, poolReplaced);
  planLogDelivery(b, current, desired, poolReplaced);
  // Branding names clients and needs the domain: after both.
  planManagedLoginBranding(b, current, desired, poolReplaced);
  planUiCustomizations(b, current, desired, poolReplaced);
  if (current !== null) b.security.unshift(...poolSecurityChanges(current.spec as Values, desired.spec as Values, poolReplaced ? "recreate" : "update"));
  return { b, poolReplaced };
}

/** Plans the changes that make `current` (null = nothing exists) match `desired`. */
export function planChanges(currentDocument: PoolDocument | null, desiredDocument: PoolDocument, options: PlanOptions = {}): Plan {
  // A design may name no Region: it takes its target's. A side without one is planned in the Region of the
  // other side (or of the target), so "no Region" is never a change; two different Regions still are.
  const region = desiredDocument.spec.region ?? options.region ?? currentDocument?.spec.region;
  const desired = inRegion(desiredDocument, region);
  const current = currentDocument && inRegion(currentDocument, region);
  const clientsOf = rememberedClients();
  const { b, poolReplaced } = planEntries(current, desired, options, clientsOf);
  const live = liveState(options.live, b.entries);
  const plan: Plan = {
    formatVersion: PLAN_FORMAT_VERSION,
    poolName: desired.metadata.name,
    ...(region !== undefined ? { region } : {}),
    creatingPool: current === null,
    entries: attachValues(b.entries, desired, clientsOf),
    errors: b.errors,
    securityChanges: b.security,
    summary: summarise(b.entries),
    hasChanges: b.entries.some((e) => e.action !== "noop"),
    worstImpact: { level: "none", headline: "", details: [] },
    blastRadius: { poolReplaced, usersDeleted: poolReplaced ? "all" : "none", clients: [], resourceServers: [] },
    ...(live ? { live } : {}),
  };
  const impact = describeImpact(plan, current);
  plan.worstImpact = impact.worstImpact;
  plan.blastRadius = impact.blastRadius;
  return plan;
}
