/**
 * Planning of the pool's threat protection settings (SetRiskConfiguration) and log delivery
 * (SetLogDeliveryConfiguration). Neither ever forces a replacement: both are set in place, whole.
 *
 * - `risk_configuration` (the pool's) and `risk_configuration["web"]` (a client's own). SetRiskConfiguration
 *   replaces the whole configuration it names
 *   (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetRiskConfiguration.html),
 *   so the settings are compared exactly: a part the document leaves out of a managed configuration goes back to
 *   AWS's default, and the plan marks it `resetsToDefault`. A client listed no more is a delete: it goes back to
 *   the pool's settings. A client that is created or replaced gets its settings again (a new client id).
 * - `log_delivery`: SetLogDeliveryConfiguration replaces the whole list
 *   (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetLogDeliveryConfiguration.html);
 *   entries are matched by event source. An empty list and no list are the same live state.
 * - Unset = not managed; a replaced pool takes both along, and the new pool gets what the document manages.
 */
import { joinPath } from "../spec/diagnostics";
import type { PoolDocument } from "../spec/document-schema";
import type { RiskConfigurationSpec, RiskSettingsSpec } from "../spec/risk-configuration-schema";
import { addressOf } from "./addresses";
import { type Builder, CASCADE_REASON, actionOf, entryBuilder, exactChanges, indexByKey, sortedKeys } from "./classify";
import type { Values } from "./resources";
import type { AttributeChange, PlanAction, ReplacementReason } from "./types";

const CLIENT_SKIP = new Set(["clientName"]);

/** The key of the pool's own threat protection settings (`risk_configuration`); a client's is its name, never empty. */
export const POOL_RISK_KEY = "";

/** The pool's own part of a risk configuration (without the clients' settings). */
export function poolRiskSettings(risk: RiskConfigurationSpec | undefined): RiskSettingsSpec | undefined {
  if (risk === undefined) return undefined;
  const { clients: _clients, ...settings } = risk;
  return settings;
}

/** An update's changes, with the parts the desired side leaves out marked as reset to AWS's default. */
function wholeChanges(type: "riskConfiguration" | "logDelivery", before: Values | undefined, after: Values, skip?: ReadonlySet<string>): AttributeChange[] {
  if (type === "logDelivery") return exactChanges(type, before, after, skip);
  return exactChanges(type, before, after, skip).map((c) => (before !== undefined && c.after === undefined ? { ...c, resetsToDefault: true } : c));
}

/** Clients whose id changes in this plan (created or replaced): their own settings must be set again. */
function newClientIds(b: Builder): Set<string> {
  return new Set(b.entries.filter((e) => e.type === "appClient" && (e.action === "create" || e.action === "replace")).map((e) => e.key));
}

export function planRiskConfiguration(b: Builder, current: PoolDocument | null, desired: PoolDocument, cascade: boolean): void {
  const want = desired.spec.riskConfiguration;
  if (want === undefined) return;
  const have = cascade ? undefined : current?.spec.riskConfiguration;
  const build = entryBuilder("riskConfiguration", (key) => addressOf("riskConfiguration", key));
  const entry = (key: string, action: PlanAction, changes: AttributeChange[], documentPath: string, reasons: ReplacementReason[] = []) => build(key, action, changes, reasons, documentPath);
  const reasons = cascade && current !== null ? [CASCADE_REASON] : [];

  const after = poolRiskSettings(want) as Values;
  const before = poolRiskSettings(have) as Values | undefined;
  const poolChanges = wholeChanges("riskConfiguration", before, after);
  // Not managed before (or a new pool): set it, even to AWS's defaults, so the pool holds what the document says.
  const poolAction: PlanAction = before === undefined ? "create" : actionOf(poolChanges);
  b.entries.push(entry(POOL_RISK_KEY, poolAction, poolChanges, "spec.riskConfiguration", reasons));

  if (want.clients === undefined) return;
  const fresh = newClientIds(b);
  const wanted = indexByKey(want.clients, (c) => c.clientName, () => undefined);
  const had = indexByKey(have?.clients ?? [], (c) => c.clientName, () => undefined);
  for (const key of sortedKeys(wanted, had)) {
    const w = wanted.get(key);
    const h = fresh.has(key) ? undefined : had.get(key);
    if (w) {
      const path = joinPath("spec", "riskConfiguration", "clients", w.index);
      const changes = wholeChanges("riskConfiguration", h?.item as Values | undefined, w.item as Values, CLIENT_SKIP);
      b.entries.push(entry(key, h === undefined ? "create" : actionOf(changes), changes, path, reasons));
    } else {
      // Also for a client created again: its old settings went with its old id, and the document must say so.
      const old = had.get(key);
      if (old) b.entries.push(entry(key, "delete", exactChanges("riskConfiguration", old.item as Values, undefined, CLIENT_SKIP), joinPath("spec", "riskConfiguration", "clients", old.index)));
    }
  }
}

export function planLogDelivery(b: Builder, current: PoolDocument | null, desired: PoolDocument, cascade: boolean): void {
  const want = desired.spec.logDeliveryConfiguration;
  if (want === undefined) return;
  const had = cascade ? undefined : current?.spec.logDeliveryConfiguration;
  const before = { logConfigurations: had?.logConfigurations ?? [] };
  const changes = wholeChanges("logDelivery", before, want as Values);
  // Not managed before (or a new pool): set. Turning every log off is an update of the settings, not a resource destroyed.
  const action: PlanAction = had === undefined ? "create" : changes.length === 0 ? "noop" : "update";
  b.entries.push({
    type: "logDelivery",
    address: addressOf("logDelivery"),
    key: "",
    action,
    changes,
    reasons: cascade && current !== null ? [CASCADE_REASON] : [],
    documentPath: "spec.logDeliveryConfiguration",
  });
}
