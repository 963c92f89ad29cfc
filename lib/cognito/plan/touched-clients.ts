/**
 * The app clients a plan's entries touch, by name: what the stale-plan guard re-reads before apply (the other
 * clients are only listed). A client is touched by its own entry (its old name too, when renamed) and by the
 * entries that name it: its managed login style, classic customization, threat protection settings and terms.
 */
import { ALL_CLIENTS } from "../spec/branding-schema";
import { POOL_RISK_KEY } from "./plan-risk-logs";
import type { ResourceChange, ResourceType } from "./types";

const CLIENTS_NAMED_BY: Partial<Record<ResourceType, (entry: ResourceChange) => string[]>> = {
  appClient: (e) => (e.previousKey !== undefined ? [e.key, e.previousKey] : [e.key]),
  managedLoginBranding: (e) => [e.key],
  uiCustomization: (e) => (e.key === ALL_CLIENTS ? [] : [e.key]),
  riskConfiguration: (e) => (e.key === POOL_RISK_KEY ? [] : [e.key]),
  // `web/terms-of-use`: a client name may hold "/", a terms name never does.
  terms: (e) => [e.key.slice(0, e.key.lastIndexOf("/"))],
};

/** The names of the clients the entries that change something touch. */
export function clientsTouchedBy(entries: readonly ResourceChange[]): Set<string> {
  const names = new Set<string>();
  for (const entry of entries) {
    if (entry.action === "noop") continue;
    for (const name of CLIENTS_NAMED_BY[entry.type]?.(entry) ?? []) names.add(name);
  }
  return names;
}
