/**
 * How a {@link PoolDocument} splits into the Cognito resources a plan covers, and back.
 * Which call owns which setting: the members of CreateUserPool / UpdateUserPool vs
 * SetUserPoolMfaConfig (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html), which Terraform sends right after CreateUserPool.
 */
import type { AppClientSettings, AppClientSpec } from "../spec/client-schema";
import type { PoolDocument } from "../spec/document-schema";
import type { PoolSpec } from "../spec/pool-schema";

/**
 * Settings of the MFA configuration resource (`SetUserPoolMfaConfig`). `smsAuthenticationMessage` is also
 * accepted by UpdateUserPool, but Terraform sends it with SetUserPoolMfaConfig (`SmsMfaConfiguration`),
 * right after CreateUserPool, so it belongs here. `smsConfiguration` stays with the pool
 * (UpdateUserPool owns it; apply repeats it in `SmsMfaConfiguration` when needed).
 */
export const MFA_FIELDS = [
  "mfaConfiguration",
  "softwareTokenMfaConfiguration",
  "emailMfaConfiguration",
  "webAuthnConfiguration",
  "smsAuthenticationMessage",
] as const satisfies readonly (keyof PoolSpec)[];

/** Spec fields that are other resources or document-only conveniences, not pool attributes. */
export const NON_POOL_FIELDS = ["clients", "resourceServers", "domain", "clientDefaults", "groups", "identityProviders", "riskConfiguration", "logDeliveryConfiguration", ...MFA_FIELDS] as const satisfies readonly (keyof PoolSpec)[];

const NON_POOL = new Set<string>(NON_POOL_FIELDS);
const MFA = new Set<string>(MFA_FIELDS);

export type Values = Record<string, unknown>;

/** The pool resource's attributes: `name` (metadata.name) and every pool-level spec field. */
export function poolAttributes(doc: PoolDocument): Values {
  const out: Values = { name: doc.metadata.name };
  for (const [key, value] of Object.entries(doc.spec)) {
    if (!NON_POOL.has(key) && value !== undefined) out[key] = value;
  }
  return out;
}

/** The MFA configuration's attributes; empty when the document manages none of them. */
export function mfaAttributes(doc: PoolDocument): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(doc.spec)) {
    if (MFA.has(key) && value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * A client's effective settings: `clientDefaults` fill what the client leaves unset (a client's own
 * value wins, as with the mineiros module's `default_client_*` inputs). Undefined values never override.
 */
export function resolveClient(defaults: AppClientSettings | undefined, client: AppClientSpec): AppClientSpec {
  const out: Values = {};
  for (const [key, value] of Object.entries(defaults ?? {})) if (value !== undefined) out[key] = value;
  for (const [key, value] of Object.entries(client)) if (value !== undefined) out[key] = value;
  return out as AppClientSpec;
}

/** Every client of a document with `clientDefaults` applied; undefined when clients are not managed. */
export function effectiveClients(doc: PoolDocument): AppClientSpec[] | undefined {
  const clients = doc.spec.clients;
  if (clients === undefined) return undefined;
  return clients.map((c) => resolveClient(doc.spec.clientDefaults, c));
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
