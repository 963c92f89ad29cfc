/**
 * A resource's address in a plan, in Terraform's notation: `user_pool`, `mfa_config`, `domain` for the
 * resources a pool has one of, `app_client["web"]` for the keyed ones. Threat protection settings are both:
 * the pool's own are `risk_configuration` (key ""), an app client's own `risk_configuration["web"]`. The plan, the apply steps, the
 * security flags and comments on a plan all name resources this way, so it is built here only.
 */
import type { ResourceType } from "./types";

/** The address stem of each resource type (Terraform's resource names without `aws_cognito_`). */
export const ADDRESS_STEMS: Readonly<Record<ResourceType, string>> = {
  userPool: "user_pool",
  mfaConfig: "mfa_config",
  resourceServer: "resource_server",
  identityProvider: "identity_provider",
  appClient: "app_client",
  group: "group",
  domain: "domain",
  riskConfiguration: "risk_configuration",
  logDelivery: "log_delivery",
  terms: "terms",
  managedLoginBranding: "managed_login_branding",
  uiCustomization: "ui_customization",
};

/** Resource types a pool has at most one of: their address has no key. */
const SINGLE: ReadonlySet<ResourceType> = new Set<ResourceType>(["userPool", "mfaConfig", "domain", "logDelivery"]);

/** Resource types whose empty key is the pool's own (no key in the address), beside keyed ones of clients. */
const POOL_OR_KEYED: ReadonlySet<ResourceType> = new Set<ResourceType>(["riskConfiguration"]);

/** Whether the address of `type` with `key` has no key part. */
const unkeyed = (type: ResourceType, key: string) => SINGLE.has(type) || (POOL_OR_KEYED.has(type) && key === "");

/** The address of the resource of `type` with `key` (the key is ignored for single resources). */
export function addressOf(type: ResourceType, key = ""): string {
  const stem = ADDRESS_STEMS[type];
  return unkeyed(type, key) ? stem : `${stem}[${JSON.stringify(key)}]`;
}

const STEM_TYPES = new Map(Object.entries(ADDRESS_STEMS).map(([type, stem]) => [stem, type as ResourceType]));
const ADDRESS = /^([a-z_]+)(?:\[("(?:[^"\\]|\\.)*")\])?$/u;

/** The custom domain beside the prefix domain (`spec.customDomain`): a pool's second, single domain resource. */
export const CUSTOM_DOMAIN_ADDRESS = "custom_domain";

/** The type and key an address names (`app_client["web"]` → appClient, "web"); undefined when it is not an address. */
export function parseAddress(address: string): { type: ResourceType; key: string } | undefined {
  if (address === CUSTOM_DOMAIN_ADDRESS) return { type: "domain", key: "" };
  const match = ADDRESS.exec(address);
  const type = match?.[1] === undefined ? undefined : STEM_TYPES.get(match[1]);
  if (!match || !type) return undefined;
  const key: unknown = match[2] ? JSON.parse(match[2]) : "";
  return typeof key === "string" && (match[2] === undefined) === unkeyed(type, key) ? { type, key } : undefined;
}
