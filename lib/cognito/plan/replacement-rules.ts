/**
 * What Cognito cannot change in place, as data (cf. aws-cdk cloudformation-diff's per-property
 * `causesReplacement`). Every row cites the public page it rests on (the Cognito API reference, the Terraform AWS provider
 * docs); the planner has no other
 * knowledge of replacement. Rows are tried in order and the first match classifies a change; a change
 * no row matches is an in-place update.
 *
 * Effects:
 * - `replace`: the resource is deleted and created again (for a pool: every user is deleted).
 * - `impossible`: AWS cannot make the change at all; it is an error of the plan unless the caller
 *   allows replacement (`allowReplace`), when it replaces the pool instead.
 * - `in-place`: documented here because Terraform or intuition says otherwise.
 * - `not-a-change`: the difference has no effect on AWS and is not reported.
 */
import { STANDARD_ATTRIBUTES } from "../spec/schema-attribute-schema";
import { sameValue } from "./diff";
import { type PathSegment, formatPattern } from "./paths";
import type { ResourceType } from "./types";

/** The Cognito API reference page of one operation: the rows' evidence, shown in the plan as their source. */
const api = (operation: string): string => `https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_${operation}.html`;
/** The Terraform AWS provider's page of one resource (its ForceNew arguments force replacement). */
const terraform = (resource: string): string => `https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/${resource}`;

export type RuleEffect = "replace" | "impossible" | "in-place" | "not-a-change";
export type ChangeKind = "added" | "removed" | "modified";

export interface ReplacementRule {
  id: string;
  resource: ResourceType;
  /** Attribute pattern: fields with dots, `[*]` for any element of a keyed list. */
  path: string;
  /** `self` (default): exactly this attribute; `descendants`: this attribute or anything under it. */
  scope?: "self" | "descendants";
  /** Kinds of change the row applies to (default: all). `added` = before unset, `removed` = after unset. */
  on?: readonly ChangeKind[];
  /** For schema attributes: whether the element's name is a standard attribute or a custom one. */
  attributeKind?: "standard" | "custom";
  /**
   * The AWS default of a create-only attribute. Setting it in the desired document while the current
   * side leaves it unset changes nothing on AWS, so it is not a change (no replacement for a no-op).
   */
  awsDefault?: unknown;
  effect: RuleEffect;
  /** Why, in plain words (shown in the plan). */
  message: string;
  /** The public documentation page (and member) the row comes from. */
  source: string;
}

export const REPLACEMENT_RULES: readonly ReplacementRule[] = [
  // ---- user pool ----
  {
    id: "pool.region",
    resource: "userPool",
    path: "region",
    effect: "replace",
    message: "a user pool lives in one AWS Region; a pool in another Region is a new pool",
    source: `derived: the pool id is \`<region>_<suffix>\` (UserPoolIdType, ${api("CreateUserPool")}) and no call moves a pool`,
  },
  {
    id: "pool.username-attributes",
    resource: "userPool",
    path: "usernameAttributes",
    awsDefault: [],
    effect: "replace",
    message: "username attributes are chosen when the pool is created and cannot be changed",
    source: `UsernameAttributes is not a member of UpdateUserPoolRequest (${api("UpdateUserPool")}); Terraform forces replacement (${terraform("cognito_user_pool")})`,
  },
  {
    id: "pool.alias-attributes",
    resource: "userPool",
    path: "aliasAttributes",
    awsDefault: [],
    effect: "replace",
    message: "alias attributes are chosen when the pool is created and cannot be changed",
    source: `AliasAttributes is not a member of UpdateUserPoolRequest (${api("UpdateUserPool")}); Terraform forces replacement (${terraform("cognito_user_pool")})`,
  },
  {
    id: "pool.username-case-sensitivity",
    resource: "userPool",
    path: "usernameConfiguration.caseSensitive",
    awsDefault: true,
    effect: "replace",
    message: "username case sensitivity is immutable after the pool is created",
    source: `"This configuration is immutable after you set it." (CreateUserPoolRequest.UsernameConfiguration, default true, ${api("CreateUserPool")})`,
  },
  {
    id: "pool.standard-attribute-unlisted",
    resource: "userPool",
    path: "schemaAttributes[*]",
    on: ["removed"],
    attributeKind: "standard",
    effect: "not-a-change",
    message: "standard attributes always exist; leaving one out of the list does not remove it",
    source: `DescribeUserPool's SchemaAttributes lists the standard attributes too (${api("DescribeUserPool")}); lib/cognito/spec/schema-attribute-schema.ts`,
  },
  {
    id: "pool.custom-attribute-removed",
    resource: "userPool",
    path: "schemaAttributes[*]",
    on: ["removed"],
    attributeKind: "custom",
    effect: "impossible",
    message: "a custom attribute can be added but never removed",
    source: `Terraform: "Attributes can be added, but not modified or removed." (${terraform("cognito_user_pool")}); Schema is not a member of UpdateUserPoolRequest (${api("UpdateUserPool")})`,
  },
  {
    id: "pool.custom-attribute-added",
    resource: "userPool",
    path: "schemaAttributes[*]",
    on: ["added"],
    attributeKind: "custom",
    effect: "in-place",
    message: "a custom attribute is added in place with AddCustomAttributes",
    source: `attributes are added to an existing pool with AddCustomAttributes (${api("AddCustomAttributes")})`,
  },
  {
    id: "pool.standard-attribute-configured",
    resource: "userPool",
    path: "schemaAttributes[*]",
    on: ["added"],
    attributeKind: "standard",
    effect: "replace",
    message: "a standard attribute's settings are chosen when the pool is created (AddCustomAttributes adds custom attributes only)",
    source: `Schema is not a member of UpdateUserPoolRequest; existing attributes cannot be modified (${api("UpdateUserPool")})`,
  },
  {
    id: "pool.attribute-type-changed",
    resource: "userPool",
    path: "schemaAttributes[*].attributeDataType",
    on: ["modified"],
    effect: "impossible",
    message: "an existing attribute's data type can never change",
    source: `a custom attribute's data type cannot be modified: Schema is not a member of UpdateUserPoolRequest (${api("UpdateUserPool")})`,
  },
  {
    id: "pool.attribute-settings-changed",
    resource: "userPool",
    path: "schemaAttributes[*]",
    scope: "descendants",
    effect: "replace",
    message: "an existing schema attribute cannot be modified (mutable, required, developer-only, constraints)",
    source: `existing schema attributes (Mutable, Required, DeveloperOnlyAttribute, constraints) cannot be modified: Schema is not a member of UpdateUserPoolRequest (${api("UpdateUserPool")})`,
  },
  {
    id: "pool.name",
    resource: "userPool",
    path: "name",
    effect: "in-place",
    message: "the pool name is changed in place with UpdateUserPool (Terraform ≤ 5.100.0 would replace the pool)",
    source: `UpdateUserPoolRequest.PoolName (${api("UpdateUserPool")}); https://github.com/hashicorp/terraform-provider-aws/issues/42627`,
  },
  // ---- app client ----
  {
    id: "client.generate-secret",
    resource: "appClient",
    path: "generateSecret",
    awsDefault: false,
    effect: "replace",
    message: "whether a client has a secret is chosen when it is created; the client gets a new id and secret",
    source: `GenerateSecret is not a member of UpdateUserPoolClientRequest (${api("UpdateUserPoolClient")}); Terraform forces replacement (${terraform("cognito_user_pool_client")})`,
  },
  // ---- resource server ----
  {
    id: "resource-server.identifier",
    resource: "resourceServer",
    path: "identifier",
    effect: "replace",
    message: "a resource server's identifier is read-only; clients must be updated to the new scope names",
    source: `UpdateResourceServer: "All other fields are read-only." (${api("UpdateResourceServer")}); Terraform forces replacement (${terraform("cognito_resource_server")})`,
  },
  {
    id: "resource-server.name",
    resource: "resourceServer",
    path: "name",
    effect: "in-place",
    message: "the name is changed in place with UpdateResourceServer (Terraform 5.100.0 would replace it)",
    source: `a resource server's Name and Scopes are mutable in the API (${api("UpdateResourceServer")})`,
  },
  // ---- identity provider ----
  {
    id: "identity-provider.type",
    resource: "identityProvider",
    path: "providerType",
    effect: "replace",
    message: "a provider's type is chosen when it is created (UpdateIdentityProvider has no ProviderType); users linked to it must sign in again",
    source: `ProviderType is a member of CreateIdentityProviderRequest, not of UpdateIdentityProviderRequest (${api("UpdateIdentityProvider")}): a Create member the Update input lacks cannot change`,
  },
  {
    id: "identity-provider.name",
    resource: "identityProvider",
    path: "providerName",
    effect: "replace",
    message: "a provider cannot be renamed (UpdateIdentityProviderRequest.ProviderName only selects it): the old provider is deleted and a new one created; clients must list the new name",
    source: `UpdateIdentityProviderRequest.ProviderName is the key of the provider to update; no call renames one (${api("UpdateIdentityProvider")})`,
  },
  {
    id: "identity-provider.details",
    resource: "identityProvider",
    path: "providerDetails",
    effect: "in-place",
    message: "provider details are replaced as a whole in place with UpdateIdentityProvider",
    source: `update calls reset what they are not sent; UpdateIdentityProviderRequest.ProviderDetails (${api("UpdateIdentityProvider")})`,
  },
  // ---- domain ----
  {
    id: "domain.domain",
    resource: "domain",
    path: "domain",
    effect: "replace",
    message: "a domain cannot be renamed: the old domain is deleted and the new one created (hosted pages and OAuth endpoints move)",
    source: `UpdateUserPoolDomain: "To change your domain, delete it … and create a new domain" (${api("UpdateUserPoolDomain")})`,
  },
  {
    id: "domain.custom-domain-switch",
    resource: "domain",
    path: "certificateArn",
    on: ["added", "removed"],
    effect: "replace",
    message: "switching between a prefix domain and a custom domain deletes and recreates the domain",
    source: `prefix ↔ custom: Terraform forces replacement when certificate_arn is added or removed (${terraform("cognito_user_pool_domain")})`,
  },
  {
    id: "domain.certificate",
    resource: "domain",
    path: "certificateArn",
    on: ["modified"],
    effect: "in-place",
    message: "a custom domain's certificate is replaced in place with UpdateUserPoolDomain",
    source: `UpdateUserPoolDomain updates the SSL certificate (${api("UpdateUserPoolDomain")})`,
  },
  {
    id: "domain.managed-login-version",
    resource: "domain",
    path: "managedLoginVersion",
    effect: "in-place",
    message: "the branding version is changed in place with UpdateUserPoolDomain",
    source: `UpdateUserPoolDomain changes the branding version and the certificate (${api("UpdateUserPoolDomain")})`,
  },
  // ---- terms documents ----
  {
    id: "terms.client",
    resource: "terms",
    path: "client",
    effect: "replace",
    message: "terms documents belong to one app client; a new client (or a client created again, with a new id) gets new documents",
    source: `UpdateTerms has no ClientId member: the client is set only at creation (${api("UpdateTerms")})`,
  },
];

export function changeKind(before: unknown, after: unknown): ChangeKind {
  if (before === undefined) return "added";
  if (after === undefined) return "removed";
  return "modified";
}

function lastKey(segments: readonly PathSegment[]): string | undefined {
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i];
    if (s !== undefined && typeof s !== "string") return s.key;
  }
  return undefined;
}

function matches(rule: ReplacementRule, pattern: string): boolean {
  if (pattern === rule.path) return true;
  return rule.scope === "descendants" && (pattern.startsWith(`${rule.path}.`) || pattern.startsWith(`${rule.path}[`));
}

const RULES_BY_RESOURCE = new Map<ResourceType, ReplacementRule[]>();
for (const rule of REPLACEMENT_RULES) {
  const list = RULES_BY_RESOURCE.get(rule.resource) ?? [];
  list.push(rule);
  RULES_BY_RESOURCE.set(rule.resource, list);
}

/** The first row that applies to a change of `resource` at `segments`, if any. */
export function findRule(resource: ResourceType, segments: readonly PathSegment[], before: unknown, after: unknown): ReplacementRule | undefined {
  const rules = RULES_BY_RESOURCE.get(resource);
  if (!rules) return undefined;
  const pattern = formatPattern(segments);
  const kind = changeKind(before, after);
  for (const rule of rules) {
    if (!matches(rule, pattern)) continue;
    if (rule.on && !rule.on.includes(kind)) continue;
    if (rule.attributeKind) {
      const key = lastKey(segments);
      const standard = key !== undefined && Object.hasOwn(STANDARD_ATTRIBUTES, key);
      if ((rule.attributeKind === "standard") !== standard) continue;
    }
    return rule;
  }
  return undefined;
}

/** The effect of a change once rows are applied, including the `awsDefault` exemption. */
export function classifyChange(
  resource: ResourceType,
  segments: readonly PathSegment[],
  before: unknown,
  after: unknown,
): { effect: RuleEffect; rule?: ReplacementRule } {
  const rule = findRule(resource, segments, before, after);
  if (!rule) return { effect: "in-place" };
  if (before === undefined && "awsDefault" in rule && sameValue(after, rule.awsDefault)) return { effect: "not-a-change", rule };
  return { effect: rule.effect, rule };
}

/** Replacing a pool takes everything in it along: the reason given on every child resource. */
export const POOL_REPLACEMENT_CASCADE = {
  rule: "pool.replaced",
  message: "the user pool is replaced: its clients (new ids and secrets), resource servers, domain and MFA settings go with it",
  source:
    `deleting a user pool deletes every user, every client (new client ids), the domain and the resource servers (${api("DeleteUserPool")})`,
} as const;
