/**
 * A client as the pool will have it: the pool's `clientDefaults` (the mineiros module's `default_client_*`
 * idea) under the client's own settings. The one resolver: validation rules, the plan, apply, the live
 * reader's normalisation, the connection snippets and the formats without a defaults concept all use it.
 */
import type { AppClientSettings, AppClientSpec } from "./client-schema";
import type { PoolDocument } from "./document-schema";
import type { PoolSpec } from "./pool-schema";

/**
 * `defaults` filled in under `client`: a client's own value wins; a value that is `undefined` (on either side)
 * is not a value, so it never overrides and is not kept.
 */
export function resolveClient(defaults: AppClientSettings | undefined, client: AppClientSpec): AppClientSpec {
  const out: Record<string, unknown> = {};
  // Plain loops, not Object.entries: validation and the plan resolve every client of a 1,000-client pool.
  if (defaults !== undefined) copyValues(defaults, out);
  copyValues(client, out);
  return out as AppClientSpec;
}

function copyValues(from: object, to: Record<string, unknown>): void {
  for (const key of Object.keys(from)) {
    const value = (from as Record<string, unknown>)[key];
    if (value !== undefined) to[key] = value;
  }
}

/** The settings of the spec's client with the pool's `clientDefaults` under them. */
export function effectiveClient(spec: PoolSpec, client: AppClientSpec): AppClientSpec {
  return resolveClient(spec.clientDefaults, client);
}

/** Every client of a document with `clientDefaults` applied; undefined when clients are not managed. */
export function effectiveClients(doc: PoolDocument): AppClientSpec[] | undefined {
  return doc.spec.clients?.map((c) => resolveClient(doc.spec.clientDefaults, c));
}

/**
 * The document with `clientDefaults` folded into its clients (and removed). Plans compare effective
 * clients, so two documents that differ only in where a client setting is written plan as no change.
 */
export function resolveClientDefaults(doc: PoolDocument): PoolDocument {
  if (doc.spec.clientDefaults === undefined) return doc;
  const { clientDefaults: _defaults, ...spec } = doc.spec;
  const clients = effectiveClients(doc);
  return { ...doc, spec: clients === undefined ? spec : { ...spec, clients } };
}
