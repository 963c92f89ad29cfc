/**
 * How a {@link PoolDocument} splits into the Cognito resources a plan covers, and back.
 * Which call owns which setting: the members of CreateUserPool / UpdateUserPool vs
 * SetUserPoolMfaConfig (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html), which Terraform sends right after CreateUserPool.
 */
import { effectiveClients, resolveClient, resolveClientDefaults } from "../spec/client-defaults";
import type { AppClientSpec } from "../spec/client-schema";
import type { PoolDocument } from "../spec/document-schema";
import type { PoolSpec } from "../spec/pool-schema";

/**
 * Settings of the MFA configuration resource (`SetUserPoolMfaConfig`). `smsAuthenticationMessage` is also
 * accepted by UpdateUserPool, but Terraform sends it with SetUserPoolMfaConfig (`SmsMfaConfiguration`),
 * right after CreateUserPool, so it belongs here. `smsConfiguration` stays with the pool
 * (UpdateUserPool owns it; apply repeats it in `SmsMfaConfiguration` when SMS MFA is on: `smsMfaConfiguration`).
 */
export const MFA_FIELDS = [
  "mfaConfiguration",
  "softwareTokenMfaConfiguration",
  "smsMfaConfiguration",
  "emailMfaConfiguration",
  "webAuthnConfiguration",
  "smsAuthenticationMessage",
] as const satisfies readonly (keyof PoolSpec)[];

/**
 * Spec fields that are other resources (or, for `clientDefaults`, a document-only convenience for them). The
 * threat protection settings and log delivery are set with calls of their own (SetRiskConfiguration,
 * SetLogDeliveryConfiguration), so they are planned as resources of their own too.
 */
export const CHILD_RESOURCE_FIELDS = [
  "clients",
  "resourceServers",
  "domain",
  "customDomain",
  "clientDefaults",
  "groups",
  "identityProviders",
  "managedLoginBranding",
  "uiCustomizations",
  "terms",
  "riskConfiguration",
  "logDeliveryConfiguration",
] as const satisfies readonly (keyof PoolSpec)[];

/** Spec fields that are not attributes of the pool resource: child resources and the MFA configuration's. */
export const NON_POOL_FIELDS = [...CHILD_RESOURCE_FIELDS, ...MFA_FIELDS] as const satisfies readonly (keyof PoolSpec)[];

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
 * `effectiveClients` remembered per document, for one plan: the keyed planner reads both documents' clients and
 * the desired ones again to attach values, and resolving 1,000 clients is worth doing once. Made per plan (not
 * per document object for good) so a caller that changes a document and plans again is never given stale clients.
 * Without `clientDefaults` a client is its own effective client: the plan reads it (never changes it), as it reads
 * every other resource of the document, so it is not copied.
 */
export function rememberedClients(): (doc: PoolDocument) => AppClientSpec[] | undefined {
  const known = new Map<PoolDocument, AppClientSpec[] | undefined>();
  return (doc) => {
    if (!known.has(doc)) known.set(doc, doc.spec.clientDefaults === undefined ? doc.spec.clients : effectiveClients(doc));
    return known.get(doc);
  };
}

export { effectiveClients, resolveClient, resolveClientDefaults };
