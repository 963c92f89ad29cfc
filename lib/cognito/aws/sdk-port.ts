/**
 * The SDK-backed {@link CognitoPort}: the only code in the studio that calls
 * `@aws-sdk/client-cognito-identity-provider`.
 *
 * - Region: given (the spec's `region`). Endpoint: given for moto/LocalStack, else the SDK resolves it
 *   (it reads `AWS_ENDPOINT_URL` / `AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER` itself).
 * - Credentials: the SDK's default chain (env, shared config/SSO profiles, web identity, container and
 *   instance roles) unless a credential provider is passed, e.g. one that assumes a role.
 * - Retries: the SDK's `adaptive` retry mode, which backs off on `TooManyRequestsException` with a
 *   client-side token bucket; on top, a rate limiter per quota category keeps us under the published
 *   rates (rate-limiter.ts) so that throttling is the exception.
 * - Timeouts: 10 s to connect and 60 s for an answer per attempt (SDK_TIMEOUTS). Without them the SDK waits
 *   for ever on a connection that stops answering, and an apply hangs while holding its lock.
 * - Counting: every API call is counted per operation (`calls`), for the bench and the tests.
 */
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentityProvider } from "@aws-sdk/types";
import {
  AddCustomAttributesCommand,
  CognitoIdentityProviderClient,
  type CognitoIdentityProviderClientConfig,
  CreateGroupCommand,
  CreateManagedLoginBrandingCommand,
  DeleteManagedLoginBrandingCommand,
  DescribeManagedLoginBrandingByClientCommand,
  GetUICustomizationCommand,
  SetUICustomizationCommand,
  UpdateManagedLoginBrandingCommand,
  CreateIdentityProviderCommand,
  CreateResourceServerCommand,
  CreateTermsCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteGroupCommand,
  DeleteIdentityProviderCommand,
  DeleteResourceServerCommand,
  DeleteTermsCommand,
  DeleteUserPoolClientCommand,
  DeleteUserPoolCommand,
  DeleteUserPoolDomainCommand,
  DescribeIdentityProviderCommand,
  DescribeRiskConfigurationCommand,
  GetLogDeliveryConfigurationCommand,
  SetLogDeliveryConfigurationCommand,
  SetRiskConfigurationCommand,
  DescribeTermsCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  GetUserPoolMfaConfigCommand,
  ListGroupsCommand,
  ListIdentityProvidersCommand,
  ListResourceServersCommand,
  ListTermsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  SetUserPoolMfaConfigCommand,
  UpdateGroupCommand,
  UpdateIdentityProviderCommand,
  UpdateResourceServerCommand,
  UpdateTermsCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
  UpdateUserPoolDomainCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type { CognitoPort } from "./port";
import type { CognitoOperation } from "./quotas";
import { createQuotaRateLimiter, NO_RATE_LIMIT, type RateLimiter } from "./rate-limiter";

/** Page sizes: the maxima of the API (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUserPoolClients.html: clients 1–60, resource servers 1–50). */
export const LIST_CLIENTS_PAGE_SIZE = 60;
export const LIST_RESOURCE_SERVERS_PAGE_SIZE = 50;
/** ListGroups `Limit` and ListIdentityProviders `MaxResults`: 1–60 (QueryLimitType / ListProvidersLimitType). */
export const LIST_GROUPS_PAGE_SIZE = 60;
export const LIST_PROVIDERS_PAGE_SIZE = 60;
/** ListTerms `MaxResults`: 1–60 (ListTermsRequestMaxResultsInteger). */
export const LIST_TERMS_PAGE_SIZE = 60;
/** ListUserPools `MaxResults` is required, 1–60 (PoolQueryLimitType). */
export const LIST_USER_POOLS_PAGE_SIZE = 60;

export interface CognitoConnectionOptions {
  region: string;
  /** moto / LocalStack URL; unset = AWS (or whatever AWS_ENDPOINT_URL says). */
  endpoint?: string;
  /** Unset = the SDK's default credential chain. */
  credentials?: CognitoIdentityProviderClientConfig["credentials"];
  /** A role to assume (per target) with STS, starting from `credentials` or the default chain. */
  roleArn?: string;
  /** Attempts per call including the first, with adaptive retry; default 5. */
  maxAttempts?: number;
  /** Per attempt: milliseconds to open the connection (default 10 s) and to get an answer (default 60 s). */
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
}

/**
 * The SDK's default HTTP handler waits without limit (requestTimeout 0) for an answer. These bound every
 * attempt; the retry strategy then retries a timed-out attempt like any other network error. A
 * requestTimeout alone only logs a warning in @smithy/node-http-handler 4: `throwOnRequestTimeout` makes
 * it fail the attempt (a TimeoutError).
 * https://github.com/aws/aws-sdk-js-v3/blob/main/UPGRADING.md (requestHandler, throwOnRequestTimeout)
 */
export const SDK_TIMEOUTS = { connectionTimeoutMs: 10_000, requestTimeoutMs: 60_000 } as const;

/** The `requestHandler` options of every client the studio makes (Cognito, STS, preflight services, secrets). */
export function sdkRequestHandler(options: Pick<CognitoConnectionOptions, "connectionTimeoutMs" | "requestTimeoutMs"> = {}): {
  requestHandler: { connectionTimeout: number; requestTimeout: number; throwOnRequestTimeout: true };
} {
  return {
    requestHandler: {
      throwOnRequestTimeout: true,
      connectionTimeout: options.connectionTimeoutMs ?? SDK_TIMEOUTS.connectionTimeoutMs,
      requestTimeout: options.requestTimeoutMs ?? SDK_TIMEOUTS.requestTimeoutMs,
    },
  };
}

export interface SdkPortOptions {
  /** "quota" (default): the published Cognito rates; "off" for moto/LocalStack; or a custom limiter. */
  rateLimit?: "quota" | "off" | RateLimiter;
}

/** The credentials of a connection (the default chain, given ones, or a role assumed with STS); shared by every service client (preflight). */
export function credentialsFor(options: CognitoConnectionOptions): Pick<CognitoIdentityProviderClientConfig, "credentials"> {
  if (options.roleArn) {
    return {
      credentials: fromTemporaryCredentials({
        params: { RoleArn: options.roleArn, RoleSessionName: "cognito-studio" },
        ...(options.credentials ? { masterCredentials: options.credentials as AwsCredentialIdentityProvider } : {}),
        clientConfig: { region: options.region, ...(options.endpoint ? { endpoint: options.endpoint } : {}), ...sdkRequestHandler(options), maxAttempts: 3 },
      }),
    };
  }
  return options.credentials ? { credentials: options.credentials } : {};
}

export function createCognitoClient(options: CognitoConnectionOptions): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...credentialsFor(options),
    retryMode: "adaptive",
    maxAttempts: options.maxAttempts ?? 5,
    ...sdkRequestHandler(options),
  });
}

export type SdkPort = CognitoPort & {
  /** API calls made so far, per operation (retries of one call count once). */
  readonly calls: Partial<Record<CognitoOperation, number>>;
  totalCalls(): number;
};

/** Waits for the rate limiter, counts the call, sends it. */
type Call = <T>(operation: CognitoOperation, userPoolId: string | undefined, send: () => Promise<T>) => Promise<T>;

type ReadMethod =
  | "listUserPools"
  | "describeUserPool"
  | "getUserPoolMfaConfig"
  | "listUserPoolClients"
  | "describeUserPoolClient"
  | "listResourceServers"
  | "describeUserPoolDomain"
  | "listGroups"
  | "listIdentityProviders"
  | "describeIdentityProvider";
type PoolWriteMethod = "createUserPool" | "updateUserPool" | "deleteUserPool" | "addCustomAttributes" | "setUserPoolMfaConfig" | "createUserPoolClient" | "updateUserPoolClient" | "deleteUserPoolClient";

/** The reads (every list returns one page). */
function sdkReads(client: CognitoIdentityProviderClient, call: Call): Pick<CognitoPort, ReadMethod> {
  return {
  async listUserPools(NextToken) {
    const out = await call("ListUserPools", undefined, () => client.send(new ListUserPoolsCommand({ NextToken, MaxResults: LIST_USER_POOLS_PAGE_SIZE })));
    return { items: out.UserPools ?? [], ...(out.NextToken ? { nextToken: out.NextToken } : {}) };
  },
  async describeUserPool(UserPoolId) {
    const out = await call("DescribeUserPool", undefined, () => client.send(new DescribeUserPoolCommand({ UserPoolId })));
    if (!out.UserPool) throw Object.assign(new Error(`DescribeUserPool returned no pool for ${UserPoolId}`), { name: "ResourceNotFoundException" });
    return out.UserPool;
  },
  async getUserPoolMfaConfig(UserPoolId) {
    const { $metadata: _, ...mfa } = await call("GetUserPoolMfaConfig", UserPoolId, () => client.send(new GetUserPoolMfaConfigCommand({ UserPoolId })));
    return mfa;
  },
  async listUserPoolClients(UserPoolId, NextToken) {
    const out = await call("ListUserPoolClients", UserPoolId, () =>
      client.send(new ListUserPoolClientsCommand({ UserPoolId, NextToken, MaxResults: LIST_CLIENTS_PAGE_SIZE })),
    );
    return { items: out.UserPoolClients ?? [], ...(out.NextToken ? { nextToken: out.NextToken } : {}) };
  },
  async describeUserPoolClient(UserPoolId, ClientId) {
    const out = await call("DescribeUserPoolClient", UserPoolId, () => client.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId })));
    if (!out.UserPoolClient) throw Object.assign(new Error(`DescribeUserPoolClient returned no client ${ClientId}`), { name: "ResourceNotFoundException" });
    return out.UserPoolClient;
  },
  async listResourceServers(UserPoolId, NextToken) {
    const out = await call("ListResourceServers", UserPoolId, () =>
      client.send(new ListResourceServersCommand({ UserPoolId, NextToken, MaxResults: LIST_RESOURCE_SERVERS_PAGE_SIZE })),
    );
    return { items: out.ResourceServers ?? [], ...(out.NextToken ? { nextToken: out.NextToken } : {}) };
  },
  async describeUserPoolDomain(Domain) {
    const out = await call("DescribeUserPoolDomain", undefined, () => client.send(new DescribeUserPoolDomainCommand({ Domain })));
    // A domain that does not exist comes back as an empty DomainDescription, not as an error.
    const description = out.DomainDescription;
    return description?.Domain ? description : undefined;
  },
  async listGroups(UserPoolId, NextToken) {
    const out = await call("ListGroups", UserPoolId, () => client.send(new ListGroupsCommand({ UserPoolId, NextToken, Limit: LIST_GROUPS_PAGE_SIZE })));
    return { items: out.Groups ?? [], ...(out.NextToken ? { nextToken: out.NextToken } : {}) };
  },
  async listIdentityProviders(UserPoolId, NextToken) {
    const out = await call("ListIdentityProviders", UserPoolId, () =>
      client.send(new ListIdentityProvidersCommand({ UserPoolId, NextToken, MaxResults: LIST_PROVIDERS_PAGE_SIZE })),
    );
    return { items: out.Providers ?? [], ...(out.NextToken ? { nextToken: out.NextToken } : {}) };
  },
  async describeIdentityProvider(UserPoolId, ProviderName) {
    const out = await call("DescribeIdentityProvider", UserPoolId, () => client.send(new DescribeIdentityProviderCommand({ UserPoolId, ProviderName })));
    if (!out.IdentityProvider) throw Object.assign(new Error(`DescribeIdentityProvider returned no provider ${ProviderName}`), { name: "ResourceNotFoundException" });
    return out.IdentityProvider;
  },
  };
}

/** Writes of the pool, its MFA configuration and its clients. */
function sdkPoolWrites(client: CognitoIdentityProviderClient, call: Call): Pick<CognitoPort, PoolWriteMethod> {
  return {
  async createUserPool(input) {
    const out = await call("CreateUserPool", undefined, () => client.send(new CreateUserPoolCommand(input)));
    if (!out.UserPool?.Id) throw new Error("CreateUserPool returned no pool id");
    return out.UserPool;
  },
  async updateUserPool(input) {
    await call("UpdateUserPool", undefined, () => client.send(new UpdateUserPoolCommand(input)));
  },
  async deleteUserPool(UserPoolId) {
    await call("DeleteUserPool", undefined, () => client.send(new DeleteUserPoolCommand({ UserPoolId })));
  },
  async addCustomAttributes(UserPoolId, CustomAttributes) {
    await call("AddCustomAttributes", UserPoolId, () => client.send(new AddCustomAttributesCommand({ UserPoolId, CustomAttributes })));
  },
  async setUserPoolMfaConfig(input) {
    await call("SetUserPoolMfaConfig", input.UserPoolId, () => client.send(new SetUserPoolMfaConfigCommand(input)));
  },

  async createUserPoolClient(input) {
    const out = await call("CreateUserPoolClient", input.UserPoolId, () => client.send(new CreateUserPoolClientCommand(input)));
    if (!out.UserPoolClient?.ClientId) throw new Error("CreateUserPoolClient returned no client id");
    return out.UserPoolClient;
  },
  async updateUserPoolClient(input) {
    await call("UpdateUserPoolClient", input.UserPoolId, () => client.send(new UpdateUserPoolClientCommand(input)));
  },
  async deleteUserPoolClient(UserPoolId, ClientId) {
    await call("DeleteUserPoolClient", UserPoolId, () => client.send(new DeleteUserPoolClientCommand({ UserPoolId, ClientId })));
  },
  };
}

type RiskLogsMethod = "describeRiskConfiguration" | "setRiskConfiguration" | "getLogDeliveryConfiguration" | "setLogDeliveryConfiguration";

/** Threat protection settings and log delivery: each read and set whole. */
function sdkRiskLogs(client: CognitoIdentityProviderClient, call: Call): Pick<CognitoPort, RiskLogsMethod> {
  return {
    async describeRiskConfiguration(UserPoolId, ClientId) {
      const out = await call("DescribeRiskConfiguration", UserPoolId, () => client.send(new DescribeRiskConfigurationCommand({ UserPoolId, ...(ClientId ? { ClientId } : {}) })));
      return out.RiskConfiguration ?? { UserPoolId };
    },
    async setRiskConfiguration(input) {
      await call("SetRiskConfiguration", input.UserPoolId, () => client.send(new SetRiskConfigurationCommand(input)));
    },
    async getLogDeliveryConfiguration(UserPoolId) {
      const out = await call("GetLogDeliveryConfiguration", UserPoolId, () => client.send(new GetLogDeliveryConfigurationCommand({ UserPoolId })));
      return out.LogDeliveryConfiguration?.LogConfigurations ?? [];
    },
    async setLogDeliveryConfiguration(UserPoolId, LogConfigurations) {
      await call("SetLogDeliveryConfiguration", UserPoolId, () => client.send(new SetLogDeliveryConfigurationCommand({ UserPoolId, LogConfigurations })));
    },
  };
}

type BrandingMethod =
  | "describeManagedLoginBrandingByClient"
  | "createManagedLoginBranding"
  | "updateManagedLoginBranding"
  | "deleteManagedLoginBranding"
  | "getUICustomization"
  | "setUICustomization";

/** Branding of the sign-in pages: managed login styles and the classic hosted UI customization. */
function sdkBranding(client: CognitoIdentityProviderClient, call: Call): Pick<CognitoPort, BrandingMethod> {
  return {
    async describeManagedLoginBrandingByClient(UserPoolId, ClientId) {
      try {
        const out = await call("DescribeManagedLoginBrandingByClient", UserPoolId, () =>
          client.send(new DescribeManagedLoginBrandingByClientCommand({ UserPoolId, ClientId, ReturnMergedResources: false })),
        );
        return out.ManagedLoginBranding;
      } catch (error) {
        // A client without a style is answered with ResourceNotFoundException, like an unknown client.
        if (error instanceof Error && error.name === "ResourceNotFoundException") return undefined;
        throw error;
      }
    },
    async createManagedLoginBranding(input) {
      const out = await call("CreateManagedLoginBranding", input.UserPoolId, () => client.send(new CreateManagedLoginBrandingCommand(input)));
      if (!out.ManagedLoginBranding?.ManagedLoginBrandingId) throw new Error("CreateManagedLoginBranding returned no style id");
      return out.ManagedLoginBranding;
    },
    async updateManagedLoginBranding(input) {
      await call("UpdateManagedLoginBranding", input.UserPoolId, () => client.send(new UpdateManagedLoginBrandingCommand(input)));
    },
    async deleteManagedLoginBranding(UserPoolId, ManagedLoginBrandingId) {
      await call("DeleteManagedLoginBranding", UserPoolId, () => client.send(new DeleteManagedLoginBrandingCommand({ UserPoolId, ManagedLoginBrandingId })));
    },
    async getUICustomization(UserPoolId, ClientId) {
      const out = await call("GetUICustomization", UserPoolId, () => client.send(new GetUICustomizationCommand({ UserPoolId, ClientId })));
      return out.UICustomization ?? {};
    },
    async setUICustomization(input) {
      await call("SetUICustomization", input.UserPoolId, () => client.send(new SetUICustomizationCommand(input)));
    },
  };
}

type TermsMethod = "listTerms" | "describeTerms" | "createTerms" | "updateTerms" | "deleteTerms";

/** Terms documents (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateTerms.html). */
function sdkTerms(client: CognitoIdentityProviderClient, call: Call): Pick<CognitoPort, TermsMethod> {
  return {
    async listTerms(UserPoolId, NextToken) {
      const out = await call("ListTerms", UserPoolId, () => client.send(new ListTermsCommand({ UserPoolId, NextToken, MaxResults: LIST_TERMS_PAGE_SIZE })));
      return { items: out.Terms ?? [], ...(out.NextToken ? { nextToken: out.NextToken } : {}) };
    },
    async describeTerms(UserPoolId, TermsId) {
      const out = await call("DescribeTerms", UserPoolId, () => client.send(new DescribeTermsCommand({ UserPoolId, TermsId })));
      if (!out.Terms) throw Object.assign(new Error(`DescribeTerms returned no terms ${TermsId}`), { name: "ResourceNotFoundException" });
      return out.Terms;
    },
    async createTerms(input) {
      await call("CreateTerms", input.UserPoolId, () => client.send(new CreateTermsCommand(input)));
    },
    async updateTerms(input) {
      await call("UpdateTerms", input.UserPoolId, () => client.send(new UpdateTermsCommand(input)));
    },
    async deleteTerms(UserPoolId, TermsId) {
      await call("DeleteTerms", UserPoolId, () => client.send(new DeleteTermsCommand({ UserPoolId, TermsId })));
    },
  };
}

/** Writes of resource servers, groups, identity providers and the domain. */
function sdkChildWrites(client: CognitoIdentityProviderClient, call: Call): Omit<CognitoPort, ReadMethod | PoolWriteMethod | RiskLogsMethod | BrandingMethod | TermsMethod | "region"> {
  return {
  async createResourceServer(input) {
    await call("CreateResourceServer", input.UserPoolId, () => client.send(new CreateResourceServerCommand(input)));
  },
  async updateResourceServer(input) {
    await call("UpdateResourceServer", input.UserPoolId, () => client.send(new UpdateResourceServerCommand(input)));
  },
  async deleteResourceServer(UserPoolId, Identifier) {
    await call("DeleteResourceServer", UserPoolId, () => client.send(new DeleteResourceServerCommand({ UserPoolId, Identifier })));
  },

  async createGroup(input) {
    await call("CreateGroup", input.UserPoolId, () => client.send(new CreateGroupCommand(input)));
  },
  async updateGroup(input) {
    await call("UpdateGroup", input.UserPoolId, () => client.send(new UpdateGroupCommand(input)));
  },
  async deleteGroup(UserPoolId, GroupName) {
    await call("DeleteGroup", UserPoolId, () => client.send(new DeleteGroupCommand({ UserPoolId, GroupName })));
  },

  async createIdentityProvider(input) {
    await call("CreateIdentityProvider", input.UserPoolId, () => client.send(new CreateIdentityProviderCommand(input)));
  },
  async updateIdentityProvider(input) {
    await call("UpdateIdentityProvider", input.UserPoolId, () => client.send(new UpdateIdentityProviderCommand(input)));
  },
  async deleteIdentityProvider(UserPoolId, ProviderName) {
    await call("DeleteIdentityProvider", UserPoolId, () => client.send(new DeleteIdentityProviderCommand({ UserPoolId, ProviderName })));
  },

  async createUserPoolDomain(input) {
    const out = await call("CreateUserPoolDomain", input.UserPoolId, () => client.send(new CreateUserPoolDomainCommand(input)));
    return out.CloudFrontDomain ? { cloudFrontDomain: out.CloudFrontDomain } : {};
  },
  async updateUserPoolDomain(input) {
    await call("UpdateUserPoolDomain", input.UserPoolId, () => client.send(new UpdateUserPoolDomainCommand(input)));
  },
  async deleteUserPoolDomain(UserPoolId, Domain) {
    await call("DeleteUserPoolDomain", UserPoolId, () => client.send(new DeleteUserPoolDomainCommand({ UserPoolId, Domain })));
  },
  };
}

/** A port over an SDK client (or a connection to build one from). */
export function createSdkPort(target: CognitoIdentityProviderClient | CognitoConnectionOptions, options: SdkPortOptions = {}): SdkPort {
  const client = target instanceof CognitoIdentityProviderClient ? target : createCognitoClient(target);
  const limiter =
    options.rateLimit === "off" ? NO_RATE_LIMIT : options.rateLimit === undefined || options.rateLimit === "quota" ? createQuotaRateLimiter() : options.rateLimit;
  const calls: Partial<Record<CognitoOperation, number>> = {};
  const call: Call = async (operation, userPoolId, send) => {
    await limiter.acquire(operation, userPoolId);
    calls[operation] = (calls[operation] ?? 0) + 1;
    return send();
  };

  let region: string | undefined = target instanceof CognitoIdentityProviderClient ? undefined : target.region;
  return {
    get region() {
      // A client passed in already knows its region; configured regions are strings or providers.
      if (region === undefined) {
        const configured = client.config.region;
        region = typeof configured === "string" ? configured : "";
      }
      return region;
    },
    calls,
    totalCalls: () => Object.values(calls).reduce((a, b) => a + (b ?? 0), 0),
    ...sdkReads(client, call),
    ...sdkPoolWrites(client, call),
    ...sdkChildWrites(client, call),
    ...sdkRiskLogs(client, call),
    ...sdkBranding(client, call),
    ...sdkTerms(client, call),
  };
}
