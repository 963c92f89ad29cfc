/**
 * The plan: what `planChanges(current, desired)` says must happen to make AWS match a document.
 * Shaped like Terraform's plan (hashicorp/terraform `internal/plans/action.go`, `changes.go`): one
 * {@link ResourceChange} per resource with an {@link PlanAction} and attribute-level {@link AttributeChange}s,
 * plus the studio's own review aids (worst impact, blast radius, security-relevant changes), like
 * aws-cdk `cloudformation-diff`'s `changeImpact` and `iam-changes.ts`.
 *
 * The plan is data: renderings live in `render-text.ts` / `render-json.ts`, execution in `lib/cognito/apply/`.
 */
import type { TermsSpec } from "../spec/terms-schema";
import type { ManagedLoginBrandingSpec, UiCustomizationSpec } from "../spec/branding-schema";
import type { AppClientSpec } from "../spec/client-schema";
import type { Diagnostic } from "../spec/diagnostics";
import type { DomainSpec } from "../spec/domain-schema";
import type { GroupSpec } from "../spec/group-schema";
import type { IdentityProviderSpec, SecretRef } from "../spec/identity-provider-schema";
import type { LogDeliveryConfigurationSpec } from "../spec/log-delivery-schema";
import type { PoolSpec } from "../spec/pool-schema";
import type { ClientRiskConfigurationSpec, RiskSettingsSpec } from "../spec/risk-configuration-schema";
import type { ResourceServerSpec } from "../spec/resource-server-schema";

/**
 * - `create`: the resource does not exist and will be created.
 * - `update`: changed in place (its id stays).
 * - `replace`: deleted and created again (Terraform's `DeleteThenCreate`): its id changes; for a pool,
 *   every user is deleted.
 * - `delete`: deleted and not created again.
 * - `noop`: exists on both sides with no change (kept so a UI can list every resource).
 */
export type PlanAction = "create" | "update" | "replace" | "delete" | "noop";

/** The Cognito resources a plan covers. `mfaConfig` is the part of the pool set with `SetUserPoolMfaConfig`. */
export type ResourceType =
  | "userPool"
  | "mfaConfig"
  | "resourceServer"
  | "identityProvider"
  | "appClient"
  | "group"
  | "domain"
  /** Threat protection settings (SetRiskConfiguration): the pool's, and each app client's own. */
  | "riskConfiguration"
  /** Log delivery (SetLogDeliveryConfiguration). */
  | "logDelivery"
  | "managedLoginBranding"
  | "uiCustomization"
  | "terms";

/**
 * One attribute whose value changes. `before` / `after` absent (undefined; omitted in JSON) = not set.
 *
 * `path` is relative to the resource, with keyed list elements written by key, never by position:
 * `passwordPolicy.minimumLength`, `schemaAttributes["tier"].mutable`, `scopes["read"]`. The pool's name
 * (`metadata.name` of the document) is the pool attribute `name`.
 */
export interface AttributeChange {
  path: string;
  before?: unknown;
  after?: unknown;
  /** This change alone forces the resource to be replaced (Terraform's "# forces replacement"). */
  forcesReplacement?: boolean;
  /**
   * The resource is replaced and the desired document does not manage this attribute: the new resource
   * gets the AWS default (the old value is lost).
   */
  resetsToDefault?: boolean;
  /** AWS cannot make this change at all; with `allowReplace` it would replace the pool (see `Plan.errors`). */
  impossible?: boolean;
  /** Id of the row of `REPLACEMENT_RULES` that classified this change, when one did. */
  rule?: string;
}

/** Why a resource is replaced: a rule of `replacement-rules.ts` and the change that triggered it. */
export interface ReplacementReason {
  rule: string;
  /** The attribute path that triggered it ("" when the reason is the pool being replaced). */
  path: string;
  /** Display-only explanation. */
  message: string;
  /** Where the rule comes from (reference file and section). */
  source: string;
}

/**
 * The pool as CreateUserPool / UpdateUserPool receive it: its name and every pool-level setting of the
 * desired document (the MFA settings too: CreateUserPool takes `SmsAuthenticationMessage`). Child resources
 * (clients, resource servers, providers, groups, domain, client defaults) are not part of it.
 */
export interface PoolValue {
  name: string;
  spec: PoolSpec;
}

/** The MFA settings SetUserPoolMfaConfig receives, with the pool's SMS configuration it repeats. */
export type MfaValue = Pick<
  PoolSpec,
  "mfaConfiguration" | "softwareTokenMfaConfiguration" | "smsMfaConfiguration" | "emailMfaConfiguration" | "webAuthnConfiguration" | "smsAuthenticationMessage" | "smsConfiguration"
>;

/** What apply sends for each resource type: the desired resource, as the plan compared it. */
export interface ResourceValues {
  userPool: PoolValue;
  mfaConfig: MfaValue;
  resourceServer: ResourceServerSpec;
  identityProvider: IdentityProviderSpec;
  /** With the pool's `clientDefaults` applied. */
  appClient: AppClientSpec;
  group: GroupSpec;
  domain: DomainSpec;
  /** The pool's own settings (key ""), or a client's own (with its `clientName`). */
  riskConfiguration: RiskSettingsSpec | ClientRiskConfigurationSpec;
  logDelivery: LogDeliveryConfigurationSpec;
  terms: TermsSpec;
  managedLoginBranding: ManagedLoginBrandingSpec;
  uiCustomization: UiCustomizationSpec;
}

export interface ResourceChange<T extends ResourceType = ResourceType> {
  type: T;
  /**
   * Stable address: `user_pool`, `mfa_config`, `app_client["web"]`, `resource_server["https://api"]`,
   * `identity_provider["Google"]`, `group["admins"]`, `domain`, `risk_configuration` (the pool's own threat
   * protection settings), `risk_configuration["web"]` (a client's own), `log_delivery`. Unique within a plan.
   */
  address: string;
  /** The resource's key: pool name, client name, resource server identifier, provider name, group name, domain string; "" for the pool's own threat protection settings and for log delivery. */
  key: string;
  /** For a replacement that changes the key (a resource server's identifier): the old key. */
  previousKey?: string;
  action: PlanAction;
  /** Changed attributes, sorted by path. Creates list every set attribute, deletes every old one. */
  changes: AttributeChange[];
  /** Why a `replace` (or a delete caused by a pool replacement) happens; empty otherwise. */
  reasons: ReplacementReason[];
  /** The live id when known (`options.live.ids`): pool id, client id. */
  liveId?: string;
  /** Where the resource is in the desired document (`spec.clients[3]`), or in the current one for a delete. */
  documentPath?: string;
  /**
   * The desired resource, exactly as apply sends it (requests are built from it alone): set on every
   * create, update and replace; absent on deletes and noops. For a client, `clientDefaults` are applied.
   */
  value?: ResourceValues[T];
}

/**
 * Impact levels, least to most severe. `deletes-users` = the pool is replaced.
 * `recreates-resources`: ids change (clients, resource servers, domain); `destroys-resources`: something
 * is deleted and not created again.
 */
export type ImpactLevel = "none" | "in-place" | "recreates-resources" | "destroys-resources" | "deletes-users";

export interface WorstImpact {
  level: ImpactLevel;
  /** One sentence a reviewer cannot miss. */
  headline: string;
  /** Further lines (deletion protection to turn off, clients to reconfigure, …). */
  details: string[];
}

/** Everything a reviewer must know will be lost or change identity. */
export interface BlastRadius {
  poolReplaced: boolean;
  /** From `options.live.estimatedNumberOfUsers` (`DescribeUserPool.EstimatedNumberOfUsers`), when known. */
  estimatedNumberOfUsers?: number;
  /** Users deleted: all of them when the pool is replaced (`"all"`), none otherwise. */
  usersDeleted: "all" | "none";
  /** Every client whose id (and secret) changes or that is deleted. */
  clients: { name: string; clientId?: string; hasSecret: boolean; outcome: "recreated" | "deleted" }[];
  resourceServers: { identifier: string; outcome: "recreated" | "deleted" }[];
  /** Identity providers deleted or recreated: users who signed in through them cannot until it exists again. */
  identityProviders?: { providerName: string; outcome: "recreated" | "deleted" }[];
  /** Groups deleted or recreated: their memberships are lost. */
  groups?: { name: string; outcome: "recreated" | "deleted" }[];
  domain?: { domain: string; outcome: "recreated" | "deleted" };
}

export type SecurityChangeCode =
  | "mfa-weakened"
  | "password-policy-weakened"
  | "self-sign-up-opened"
  | "callback-url-added"
  | "logout-url-added"
  | "oauth-flow-added"
  | "oauth-scope-added"
  | "auth-flow-added"
  | "token-lifetime-lengthened"
  | "deletion-protection-off"
  | "threat-protection-lowered"
  | "auth-event-logs-removed"
  | "user-existence-errors-revealed"
  | "token-revocation-disabled"
  | "client-secret-removed"
  | "identity-provider-added"
  | "identity-provider-secret-changed"
  | "identity-provider-issuer-changed";

/** A security-relevant change, flagged separately from the diff (cloudformation-diff `iam-changes.ts`). */
export interface SecurityChange {
  code: SecurityChangeCode;
  /** Address of the resource (see {@link ResourceChange.address}). */
  address: string;
  path: string;
  /** Plain-words description naming the values, e.g. `MFA goes from ON to OPTIONAL`. */
  message: string;
  before?: unknown;
  after?: unknown;
}

export interface PlanSummary {
  add: number;
  change: number;
  replace: number;
  destroy: number;
}

/**
 * The stale-plan guard's fingerprints of a live pool (aws/live-guard.ts): `pool` covers all but the app clients'
 * own settings, `clients` has one per app client by name.
 */
export interface LiveGuard {
  pool: string;
  clients: Record<string, string>;
}

/** What the plan was computed against when `current` is a live pool (the stale-plan guard). */
export interface PlanLiveState {
  userPoolId?: string;
  /** Opaque fingerprint of the live state; apply re-reads and refuses when it differs (plans without `guard`). */
  fingerprint?: string;
  /**
   * The stale-plan guard's fingerprints (aws/live-guard.ts): the pool's part and those of the clients the plan's
   * entries touch. Apply re-reads only those clients and refuses when one of these differs.
   */
  guard?: LiveGuard;
  estimatedNumberOfUsers?: number;
}

export interface Plan {
  /**
   * The shape of this plan (`PLAN_FORMAT_VERSION`). Plans stored before versions were recorded have none and
   * are version 1: their entries carry no `value` (see `upgradePlan`).
   */
  formatVersion: number;
  /** The pool's name in the desired document. */
  poolName: string;
  /** The desired document's Region, else the target's; unset when neither names one (a new pool planned offline). */
  region?: string;
  /** The current side was empty: everything is created. */
  creatingPool: boolean;
  /**
   * Entries in a stable order: pool, MFA config, resource servers (by identifier), identity providers (by name),
   * clients (by name), groups (by name), domain.
   */
  entries: ResourceChange[];
  /** Changes AWS cannot make (and duplicate keys); a plan with errors must not be applied. */
  errors: Diagnostic[];
  securityChanges: SecurityChange[];
  worstImpact: WorstImpact;
  blastRadius: BlastRadius;
  summary: PlanSummary;
  /** True when any entry's action is not `noop`. */
  hasChanges: boolean;
  live?: PlanLiveState;
}

export interface PlanOptions {
  /**
   * Turn changes AWS cannot make in place (removing a custom attribute, changing an attribute's type)
   * into a pool replacement instead of a plan error. Replacing a pool deletes every user in it.
   */
  allowReplace?: boolean;
  /** The target's Region: the plan's Region when the desired document names none. */
  region?: string;
  /** Facts of the live pool when `current` was read from AWS. */
  live?: {
    estimatedNumberOfUsers?: number;
    fingerprint?: string;
    /** readLivePool's `live.guard` (every client's); the plan keeps the clients its entries touch. */
    guard?: LiveGuard;
    ids?: {
      userPoolId?: string;
      /** Client ids by client name. */
      clientIds?: Record<string, string>;
    };
    /**
     * Identity providers for which AWS holds a secret (readLivePool `live.providersWithSecret`). Updating one
     * without a `secretRef` would delete the secret (UpdateIdentityProvider replaces ProviderDetails whole), so
     * the plan reports it as an error.
     */
    providersWithSecret?: string[];
    /**
     * The `secretRef` of each provider as last applied to this pool (the last applied document), by provider
     * name. The live pool cannot say where its secret came from, so a live read assumes the desired reference;
     * given this, a provider whose desired reference differs from the applied one is an update that sends the
     * secret again. Unset: nothing is known, a reference change alone plans nothing.
     */
    appliedSecretRefs?: Record<string, SecretRef | undefined>;
  };
}
