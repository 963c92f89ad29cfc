/**
 * Reads a live user pool into a spec document plus the facts only AWS knows (ids, ARN, issuer URL,
 * the domain's CloudFront target, the estimated number of users) and a fingerprint of the state.
 *
 * Calls (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPool.html): DescribeUserPool, GetUserPoolMfaConfig, ListUserPoolClients (every
 * page) + DescribeUserPoolClient per client, ListResourceServers (every page), DescribeUserPoolDomain,
 * ListGroups (every page), ListIdentityProviders (every page) + DescribeIdentityProvider per provider,
 * Terms documents: ListTerms (every page) + DescribeTerms each (aws/terms.ts). And, when the design manages them (or a pull finds them), GetLogDeliveryConfiguration and
 * DescribeRiskConfiguration for the pool and per client (read-risk-logs.ts).
 * Provider secrets (`client_secret`, `private_key`) are dropped as soon as they are read, like client secrets.
 * Client descriptions run with bounded concurrency; the port's rate limiter keeps each category under its
 * quota (5 DescribeUserPoolClient per second per pool on AWS: 1000 clients take at least 200 s).
 */
import { mapWithConcurrency } from "../concurrency";
import { brandingReadScope, readLiveBranding, type LiveBranding } from "./read-live-branding";
import type {
  DomainDescriptionType,
  GroupType,
  IdentityProviderType,
  ResourceServerType,
  TermsType,
  UserPoolClientType,
  UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";
import type { CognitoPort, MfaConfigType } from "./port";
import { POOL_API_VERSION, POOL_KIND, type PoolDocument } from "../spec/document-schema";
import type { PoolSpec } from "../spec/pool-schema";
import { clientSpecFromApi, domainFromApi, poolSpecFromApi, resourceServerFromApi } from "./mapping";
import { guardFingerprints, hashOf, stableStringify, type LiveGuard } from "./live-guard";
import { identityProviderFromApi, groupFromApi } from "./mapping-groups-idps";
import { normaliseLiveDocument } from "./normalise";
import { normaliseGroups, normaliseIdentityProviders } from "./normalise-groups-idps";
import { readRiskAndLogs, type LiveRiskAndLogs } from "./read-risk-logs";
import { readLiveTerms, termsFromApi } from "./terms";
import { readOrExplain, type UnreadableSetting } from "./unreadable-setting";

export interface ReadLivePoolOptions {
  /**
   * The spec the result will be compared with: defaults are pruned only where it leaves a field unset
   * (normalise.ts). Unset: every default is pruned (the smallest spec, for `pull`).
   */
  desired?: PoolDocument;
  /** Parallel DescribeUserPoolClient calls; default 5 (the per-pool rate, so the limiter sets the pace). */
  concurrency?: number;
  /**
   * Read every client's branding (managed login style and classic customization) even where `desired` does
   * not manage it (pull, import from AWS). Without it, only what `desired` manages is read.
   */
  branding?: boolean;
  /**
   * Describe only these app clients (by name); the others are listed, not described. The stale-plan guard's
   * read: `guard` then holds the pool's part and these clients', while `document`, `raw.clients` and
   * `fingerprint` cover only what was read. Unset: every client.
   */
  clients?: ReadonlySet<string>;
}

/** What AWS knows about the pool that the spec does not hold. */
export interface LivePoolFacts {
  userPoolId: string;
  arn: string;
  /** The `iss` of the pool's tokens: https://cognito-idp.{region}.amazonaws.com/{userPoolId}. */
  issuerUrl: string;
  /** Client ids by client name. */
  clientIds: Record<string, string>;
  /** The CloudFront distribution a custom domain's DNS alias must point at (the custom domain's, when there is one). */
  domainCloudFrontTarget?: string;
  /**
   * Identity providers for which AWS holds a secret (client_secret / private_key). The document cannot say
   * where it came from: a pulled document needs a `secretRef` for each before it can be applied.
   */
  providersWithSecret: string[];
  /** Settings the server's identity may not read, left out of a pulled document, each with what to do. */
  unreadable: UnreadableSetting[];
  /** Changes as users sign up; not part of the fingerprint. */
  estimatedNumberOfUsers: number;
  /** A stable hash of the un-normalised state and ids: changes whenever the pool is changed. */
  fingerprint: string;
  /** The stale-plan guard's fingerprints: the pool's part and each described client's (live-guard.ts). */
  guard: LiveGuard;
}

/** The API answers, for the apply engine's full-replace merges. Client secrets are removed. */
export interface LivePoolRaw {
  pool: UserPoolType;
  mfa: MfaConfigType;
  clients: UserPoolClientType[];
  resourceServers: ResourceServerType[];
  /** The domain in the document's `domain` slot, and the custom domain in its `customDomain` slot. */
  domain?: DomainDescriptionType;
  customDomain?: DomainDescriptionType;
  groups: GroupType[];
  /** Described providers with their secret details removed. */
  identityProviders: IdentityProviderType[];
  /** Described terms documents (their ids are what UpdateTerms and DeleteTerms take); read when the document manages them. */
  terms?: TermsType[];
  /** Managed login style ids by client name, when branding was read. */
  managedLoginBrandingIds?: Record<string, string>;
}

export interface LivePool {
  document: PoolDocument;
  live: LivePoolFacts;
  raw: LivePoolRaw;
}

/** Every page of a paginated list, in order; refuses a token the service handed back before. */
export async function allPages<T>(fetch: (token?: string) => Promise<{ items: T[]; nextToken?: string }>): Promise<T[]> {
  const out: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetch(token);
    out.push(...page.items);
    token = page.nextToken;
    // A service that hands back a token it gave before would loop forever.
    if (token !== undefined) {
      if (seen.has(token)) throw new Error(`pagination token repeated: ${token}`);
      seen.add(token);
    }
  } while (token);
  return out;
}

export { stableStringify };

/** The fingerprint of a live state: the full (un-normalised) document and every id, not user counts. */
export function fingerprintLiveState(document: PoolDocument, userPoolId: string, clientIds: Record<string, string>): string {
  return hashOf({ document, userPoolId, clientIds });
}

/**
 * What a person must add for an identity provider whose secret AWS holds: the document read from AWS cannot
 * say where the secret came from, so it needs a reference before it can be applied (pull, Import from AWS).
 */
export function providerSecretNote(providerName: string): string {
  return `identity provider ${providerName} has a secret in AWS: set its secretRef (env IDP_SECRET_..., secretsManager or ssmParameter) before applying; an update without one is refused, it would delete the secret`;
}

export function issuerUrlOf(region: string, userPoolId: string): string {
  return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

/** What every read needs, and the parts read so far. */
interface ReadContext {
  port: CognitoPort;
  userPoolId: string;
  options: ReadLivePoolOptions;
  concurrency: number;
  mapLimited: <T, R>(items: readonly T[], fn: (item: T) => Promise<R>) => Promise<R[]>;
  /** Settings the identity may not read, left out of a pull (unreadable-setting.ts). */
  unreadable: UnreadableSetting[];
}

/** The reads every live pool needs: the pool, its MFA, clients, servers, domains, groups and providers. */
async function readCoreParts(ctx: ReadContext) {
  const { port, userPoolId, mapLimited } = ctx;
  const [pool, mfa, clientList, resourceServers, groups, providerList] = await Promise.all([
    port.describeUserPool(userPoolId),
    port.getUserPoolMfaConfig(userPoolId),
    allPages((token) => port.listUserPoolClients(userPoolId, token)),
    allPages((token) => port.listResourceServers(userPoolId, token)),
    allPages((token) => port.listGroups(userPoolId, token)),
    allPages((token) => port.listIdentityProviders(userPoolId, token)),
  ]);
  const wanted = ctx.options.clients;
  const toDescribe = wanted ? clientList.filter((c) => wanted.has(c.ClientName ?? "")) : clientList;
  const [described, prefixDomain, liveCustomDomain, describedProviders] = await Promise.all([
    mapLimited(toDescribe, (c) => port.describeUserPoolClient(userPoolId, c.ClientId ?? "")),
    pool.Domain ? port.describeUserPoolDomain(pool.Domain) : Promise.resolve(undefined),
    pool.CustomDomain ? port.describeUserPoolDomain(pool.CustomDomain) : Promise.resolve(undefined),
    mapLimited(providerList, (p) => port.describeIdentityProvider(userPoolId, p.ProviderName ?? "")),
  ]);
  // The secret is dropped here, once; nothing below ever sees it.
  const clients = described.map(({ ClientSecret, ...client }) => ({ ...client, ...(ClientSecret ? { ClientSecret: "(secret)" } : {}) }));
  return { pool, mfa, clientList, clients, resourceServers, groups, describedProviders, prefixDomain, liveCustomDomain };
}

type CoreParts = Awaited<ReturnType<typeof readCoreParts>>;

/** The settings read only when needed, each by its row of {@link OPTIONAL_READS}. */
interface OptionalParts {
  terms: TermsType[];
  riskAndLogs: LiveRiskAndLogs;
  branding: LiveBranding | undefined;
}

/**
 * A setting read only when the design manages it (or a pull asks for everything), so a design that leaves it
 * alone needs no permission for its IAM actions and works against endpoints that lack them.
 */
interface OptionalRead<T> {
  /** The spec settings the row fills. */
  settings: readonly (keyof PoolSpec)[];
  /** The IAM actions the read needs (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncognitouserpools.html). */
  iamActions: readonly string[];
  /** Reads it, or answers the empty value without a call when it is not wanted. */
  read(ctx: ReadContext, core: CoreParts): Promise<T>;
}

const OPTIONAL_READS: { [K in keyof OptionalParts]: OptionalRead<OptionalParts[K]> } = {
  terms: {
    settings: ["terms"],
    iamActions: ["cognito-idp:ListTerms", "cognito-idp:DescribeTerms"],
    // Only a pull, or a document that manages terms (an IAM policy without ListTerms keeps working otherwise).
    // A pull the policy denies them leaves them out, with a note (unreadable-setting.ts).
    read: ({ port, userPoolId, options, concurrency, unreadable }) =>
      options.desired === undefined || options.desired.spec.terms !== undefined
        ? readOrExplain(unreadable, "Terms documents", "ListTerms", options.desired === undefined, [] as TermsType[], () => readLiveTerms(port, userPoolId, concurrency))
        : Promise.resolve([]),
  },
  riskAndLogs: {
    settings: ["riskConfiguration", "logDeliveryConfiguration"],
    iamActions: ["cognito-idp:DescribeRiskConfiguration", "cognito-idp:GetLogDeliveryConfiguration"],
    // read-risk-logs.ts decides per setting: what the design manages, or what a pull may read.
    read: ({ port, options, mapLimited }, core) => readRiskAndLogs(port, core.pool, core.clients, mapLimited, options.desired?.spec),
  },
  branding: {
    settings: ["managedLoginBranding", "uiCustomizations"],
    iamActions: ["cognito-idp:DescribeManagedLoginBrandingByClient", "cognito-idp:GetUICustomization"],
    read: async ({ port, userPoolId, options, mapLimited }, core) => {
      const scope = brandingReadScope(options.desired, options.branding);
      return scope.managedLogin || scope.classic ? readLiveBranding(port, userPoolId, core.clients, scope, options.desired, mapLimited) : undefined;
    },
  },
};

async function readOptionalParts(ctx: ReadContext, core: CoreParts): Promise<OptionalParts> {
  const [terms, riskAndLogs, branding] = await Promise.all([
    OPTIONAL_READS.terms.read(ctx, core),
    OPTIONAL_READS.riskAndLogs.read(ctx, core),
    OPTIONAL_READS.branding.read(ctx, core),
  ]);
  return { terms, riskAndLogs, branding };
}

/** The full (un-normalised) spec of what was read. */
function specOfParts(ctx: ReadContext, core: CoreParts, optional: OptionalParts, region: string, domains: ReturnType<typeof arrangeDomains>, providers: ReturnType<typeof identityProviderFromApi>[]): PoolSpec {
  const { options } = ctx;
  const spec: PoolSpec = poolSpecFromApi(core.pool, core.mfa, region);
  spec.clients = core.clients.map(clientSpecFromApi);
  spec.resourceServers = core.resourceServers.map(resourceServerFromApi);
  if (domains.domain) spec.domain = domainFromApi(domains.domain);
  if (domains.customDomain) spec.customDomain = domainFromApi(domains.customDomain);
  spec.groups = core.groups.map(groupFromApi);
  spec.identityProviders = providers.map((p) => p.spec);
  const { riskAndLogs, branding } = optional;
  if (riskAndLogs.riskConfiguration) spec.riskConfiguration = riskAndLogs.riskConfiguration;
  if (riskAndLogs.logDeliveryConfiguration) spec.logDeliveryConfiguration = riskAndLogs.logDeliveryConfiguration;
  spec.terms = termsFromApi(optional.terms, new Map(core.clientList.map((c) => [c.ClientId ?? "", c.ClientName ?? ""])));
  const scope = brandingReadScope(options.desired, options.branding);
  // Managed when the desired document manages it; a pull or import writes it only where the pool has some.
  if (branding && scope.managedLogin && (options.desired?.spec.managedLoginBranding !== undefined || branding.managedLoginBranding.length > 0))
    spec.managedLoginBranding = branding.managedLoginBranding;
  if (branding && scope.classic && (options.desired?.spec.uiCustomizations !== undefined || branding.uiCustomizations.length > 0))
    spec.uiCustomizations = branding.uiCustomizations;
  return spec;
}

/** The document compared with the design: the full one normalised against `desired` (normalise.ts and its tables). */
function normalisedDocument(full: PoolDocument, desired: PoolDocument | undefined, providers: ReturnType<typeof identityProviderFromApi>[], riskAndLogs: LiveRiskAndLogs): PoolDocument {
  const spec = full.spec;
  const document = normaliseLiveDocument(full, desired);
  // Groups and providers are normalised by their own table (normalise-groups-idps.ts).
  const liveGroups = normaliseGroups(spec.groups ?? [], desired?.spec.groups);
  const liveProviders = normaliseIdentityProviders(providers, desired?.spec.identityProviders);
  if (liveGroups) document.spec.groups = liveGroups;
  else delete document.spec.groups;
  if (liveProviders) document.spec.identityProviders = liveProviders;
  else delete document.spec.identityProviders;
  delete document.spec.riskConfiguration;
  delete document.spec.logDeliveryConfiguration;
  Object.assign(document.spec, riskAndLogs);
  // Terms have nothing AWS adds: kept as read when the desired document manages them or lists none at all.
  const terms = spec.terms ?? [];
  if (terms.length > 0 || desired?.spec.terms !== undefined) {
    if (desired === undefined || desired.spec.terms !== undefined) document.spec.terms = terms;
    else delete document.spec.terms;
  } else delete document.spec.terms;
  return document;
}

/** Reads a live pool (see the module comment). Rejects with the port's AWS error when a call fails. */
export async function readLivePool(port: CognitoPort, userPoolId: string, options: ReadLivePoolOptions = {}): Promise<LivePool> {
  const concurrency = options.concurrency ?? 5;
  const ctx: ReadContext = { port, userPoolId, options, concurrency, mapLimited: (items, fn) => mapWithConcurrency(items, concurrency, fn), unreadable: [] };
  const core = await readCoreParts(ctx);
  const optional = await readOptionalParts(ctx, core);
  const { pool, mfa, clients, prefixDomain, liveCustomDomain } = core;
  const { domain, customDomain } = arrangeDomains(prefixDomain, liveCustomDomain, options.desired);
  // Provider secrets are dropped here, once, like client secrets.
  const providers = core.describedProviders.map((p) => identityProviderFromApi(p));
  const rawProviders: IdentityProviderType[] = core.describedProviders.map(({ ProviderDetails, ...p }) => ({
    ...p,
    ...(ProviderDetails ? { ProviderDetails: Object.fromEntries(Object.entries(ProviderDetails).filter(([k]) => k !== "client_secret" && k !== "private_key")) } : {}),
  }));
  const region = port.region || pool.Id?.split("_")[0] || "";
  const spec = specOfParts(ctx, core, optional, region, { ...(domain ? { domain } : {}), ...(customDomain ? { customDomain } : {}) }, providers);
  const full: PoolDocument = { apiVersion: POOL_API_VERSION, kind: POOL_KIND, metadata: { name: pool.Name ?? "" }, spec };
  const clientIds: Record<string, string> = {};
  for (const c of core.clientList) if (c.ClientName && c.ClientId) clientIds[c.ClientName] = c.ClientId;
  const target = cloudFrontTarget(liveCustomDomain ?? prefixDomain);
  return {
    document: normalisedDocument(full, options.desired, providers, optional.riskAndLogs),
    live: {
      userPoolId,
      arn: pool.Arn ?? "",
      issuerUrl: issuerUrlOf(region, userPoolId),
      clientIds,
      providersWithSecret: providers.filter((p) => p.hadSecret).map((p) => p.spec.providerName),
      unreadable: ctx.unreadable,
      ...(target ? { domainCloudFrontTarget: target } : {}),
      estimatedNumberOfUsers: pool.EstimatedNumberOfUsers ?? 0,
      fingerprint: fingerprintLiveState(full, userPoolId, clientIds),
      guard: guardFingerprints(full, userPoolId, clientIds),
    },
    raw: {
      pool,
      mfa,
      clients,
      resourceServers: core.resourceServers,
      ...(domain ? { domain } : {}),
      ...(customDomain ? { customDomain } : {}),
      groups: core.groups,
      identityProviders: rawProviders,
      terms: optional.terms,
      ...(optional.branding ? { managedLoginBrandingIds: optional.branding.styleIds } : {}),
    },
  };
}

function cloudFrontTarget(domain: DomainDescriptionType | undefined): string | undefined {
  return domain?.CloudFrontDistribution || undefined;
}

/**
 * Which live domain fills which slot of the document: the prefix domain is `domain`; the custom domain is
 * `customDomain` beside a prefix domain, or when the design keeps it there, and otherwise `domain` (a pool's
 * only domain, as designs wrote it before a pool could have two).
 */
function arrangeDomains(
  prefix: DomainDescriptionType | undefined,
  custom: DomainDescriptionType | undefined,
  desired: PoolDocument | undefined,
): { domain?: DomainDescriptionType; customDomain?: DomainDescriptionType } {
  if (!custom) return prefix ? { domain: prefix } : {};
  if (prefix || desired?.spec.customDomain !== undefined) return { ...(prefix ? { domain: prefix } : {}), customDomain: custom };
  return { domain: custom };
}
