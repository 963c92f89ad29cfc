/**
 * The stale-plan guard's fingerprints of a live pool, in two parts so that apply re-reads only what its plan
 * touches (a 1000-client pool costs about 1020 calls to read whole: 200 s at the DescribeUserPoolClient quota).
 * - `clients`: one per described app client: its settings, its managed login style, its classic hosted UI
 *   customization and its own threat protection settings.
 * - `pool`: everything else that was read (pool, MFA, resource servers, domains, groups, identity providers,
 *   terms, log delivery, the pool's threat protection and ALL-clients customization) and which clients exist,
 *   by name and id (ListUserPoolClients), so a client added, deleted or renamed since the plan changes it.
 * A change to a client the plan does not touch changes neither part the plan holds: it does not stop the apply.
 */
import { createHash } from "node:crypto";
import { ALL_CLIENTS } from "../spec/branding-schema";
import type { LiveGuard } from "../plan/types";
import type { PoolDocument } from "../spec/document-schema";

export type { LiveGuard };

/** JSON with sorted keys, for hashing. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function hashOf(value: unknown): string {
  return createHash("sha256").update(stableStringify(value)).digest("hex");
}

const ofClient = (name: string) => (item: { clientName: string }) => item.clientName === name;
const ofPool = ofClient(ALL_CLIENTS);

/** The parts of the full (un-normalised) document read from AWS that belong to one app client. */
function clientPart(spec: PoolDocument["spec"], name: string): unknown {
  return {
    client: spec.clients?.find((c) => c.name === name),
    managedLoginBranding: spec.managedLoginBranding?.find(ofClient(name)),
    uiCustomization: spec.uiCustomizations?.find(ofClient(name)),
    riskConfiguration: spec.riskConfiguration?.clients?.find(ofClient(name)),
  };
}

/** The full document without any client's own parts (see the module comment). */
function poolPart(document: PoolDocument): PoolDocument {
  const { clients: _clients, managedLoginBranding, uiCustomizations, riskConfiguration, ...spec } = document.spec;
  const pooled = uiCustomizations?.filter(ofPool) ?? [];
  const styles = managedLoginBranding?.filter(ofPool) ?? [];
  const { clients: _own, ...poolRisk } = riskConfiguration ?? {};
  return {
    ...document,
    spec: {
      ...spec,
      ...(pooled.length > 0 ? { uiCustomizations: pooled } : {}),
      ...(styles.length > 0 ? { managedLoginBranding: styles } : {}),
      ...(riskConfiguration ? { riskConfiguration: poolRisk } : {}),
    },
  };
}

/**
 * The guard's fingerprints of a read: `document` is the full document as read (every client or only some,
 * see `readLivePool`'s `clients`), `clientIds` every client of the pool by name (from the listing).
 */
export function guardFingerprints(document: PoolDocument, userPoolId: string, clientIds: Record<string, string>): LiveGuard {
  const clients: Record<string, string> = {};
  for (const client of document.spec.clients ?? []) clients[client.name] = hashOf(clientPart(document.spec, client.name));
  return { pool: hashOf({ document: poolPart(document), userPoolId, clientIds }), clients };
}

/** What `fresh` (read at apply) says changed since `planned` (in the plan): the pool, or a client the plan holds. */
export function guardChanges(planned: LiveGuard, fresh: LiveGuard): string[] {
  const changed = planned.pool === fresh.pool ? [] : ["the pool"];
  for (const [name, hash] of Object.entries(planned.clients)) if (fresh.clients[name] !== hash) changed.push(`app client ${JSON.stringify(name)}`);
  return changed;
}
