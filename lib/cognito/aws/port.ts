/**
 * The small surface of the Cognito user pools API that reading and applying need. The apply engine and
 * the live reader talk only to this interface; `lib/cognito/aws/sdk-port.ts` implements it with the AWS
 * SDK (the only code that calls it), tests wrap it to inject failures or count calls.
 *
 * Request and response shapes are the SDK's own types (type-only imports: nothing here calls AWS).
 * Every method rejects with an error whose `name` is the AWS error code (`ResourceNotFoundException`,
 * `TooManyRequestsException`, ...), as the SDK's `ServiceException` does.
 */
import type {
  CreateGroupRequest,
  CreateManagedLoginBrandingRequest,
  ManagedLoginBrandingType,
  SetUICustomizationRequest,
  UICustomizationType,
  UpdateManagedLoginBrandingRequest,
  CreateIdentityProviderRequest,
  CreateResourceServerRequest,
  CreateTermsRequest,
  CreateUserPoolClientRequest,
  CreateUserPoolDomainRequest,
  CreateUserPoolRequest,
  DomainDescriptionType,
  GetUserPoolMfaConfigResponse,
  GroupType,
  IdentityProviderType,
  LogConfigurationType,
  RiskConfigurationType,
  SetRiskConfigurationRequest,
  ProviderDescription,
  ResourceServerType,
  SchemaAttributeType,
  SetUserPoolMfaConfigRequest,
  TermsDescriptionType,
  TermsType,
  UpdateGroupRequest,
  UpdateIdentityProviderRequest,
  UpdateResourceServerRequest,
  UpdateTermsRequest,
  UpdateUserPoolClientRequest,
  UpdateUserPoolDomainRequest,
  UpdateUserPoolRequest,
  UserPoolClientDescription,
  UserPoolClientType,
  UserPoolDescriptionType,
  UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";

/** The MFA settings as `GetUserPoolMfaConfig` returns them (without the SDK's response metadata). */
export type MfaConfigType = Omit<GetUserPoolMfaConfigResponse, "$metadata">;

/** One page of a paginated list. */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface CognitoPort {
  /** The AWS Region the port talks to (issuer URLs are built from it). */
  readonly region: string;

  // Reads (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPool.html)
  /** The pools of the account in the port's Region, one page (Import from AWS lists them). */
  listUserPools(nextToken?: string): Promise<Page<UserPoolDescriptionType>>;
  describeUserPool(userPoolId: string): Promise<UserPoolType>;
  getUserPoolMfaConfig(userPoolId: string): Promise<MfaConfigType>;
  listUserPoolClients(userPoolId: string, nextToken?: string): Promise<Page<UserPoolClientDescription>>;
  /** Contains `ClientSecret` for confidential clients: callers must not keep or log it. */
  describeUserPoolClient(userPoolId: string, clientId: string): Promise<UserPoolClientType>;
  listResourceServers(userPoolId: string, nextToken?: string): Promise<Page<ResourceServerType>>;
  /** `undefined` when the domain does not exist (the API answers with an empty description). */
  describeUserPoolDomain(domain: string): Promise<DomainDescriptionType | undefined>;

  listGroups(userPoolId: string, nextToken?: string): Promise<Page<GroupType>>;
  listIdentityProviders(userPoolId: string, nextToken?: string): Promise<Page<ProviderDescription>>;
  /** Contains the provider's `client_secret` / `private_key` in ProviderDetails: callers must drop them at once. */
  describeIdentityProvider(userPoolId: string, providerName: string): Promise<IdentityProviderType>;

  // Pool
  createUserPool(input: CreateUserPoolRequest): Promise<UserPoolType>;
  /** Full replace: every member not sent is reset to its default (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPool.html). */
  updateUserPool(input: UpdateUserPoolRequest): Promise<void>;
  deleteUserPool(userPoolId: string): Promise<void>;
  addCustomAttributes(userPoolId: string, attributes: SchemaAttributeType[]): Promise<void>;
  setUserPoolMfaConfig(input: SetUserPoolMfaConfigRequest): Promise<void>;

  // App clients
  /** The result holds the new `ClientSecret` when one was generated: hand it to the user once. */
  createUserPoolClient(input: CreateUserPoolClientRequest): Promise<UserPoolClientType>;
  /** Full replace (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolClient.html). */
  updateUserPoolClient(input: UpdateUserPoolClientRequest): Promise<void>;
  deleteUserPoolClient(userPoolId: string, clientId: string): Promise<void>;

  // Resource servers
  createResourceServer(input: CreateResourceServerRequest): Promise<void>;
  /** Full replace of name and scopes (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateResourceServer.html). */
  updateResourceServer(input: UpdateResourceServerRequest): Promise<void>;
  deleteResourceServer(userPoolId: string, identifier: string): Promise<void>;

  // Groups
  createGroup(input: CreateGroupRequest): Promise<void>;
  updateGroup(input: UpdateGroupRequest): Promise<void>;
  deleteGroup(userPoolId: string, groupName: string): Promise<void>;

  // Identity providers (the requests hold the resolved secret: never log or keep them)
  createIdentityProvider(input: CreateIdentityProviderRequest): Promise<void>;
  /** Replaces ProviderDetails and AttributeMapping whole: send every detail, the secret included. */
  updateIdentityProvider(input: UpdateIdentityProviderRequest): Promise<void>;
  deleteIdentityProvider(userPoolId: string, providerName: string): Promise<void>;

  // Terms documents (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateTerms.html)
  /** One page of the pool's terms documents: ids and names, no client and no links (DescribeTerms has them). */
  listTerms(userPoolId: string, nextToken?: string): Promise<Page<TermsDescriptionType>>;
  describeTerms(userPoolId: string, termsId: string): Promise<TermsType>;
  createTerms(input: CreateTermsRequest): Promise<void>;
  updateTerms(input: UpdateTermsRequest): Promise<void>;
  deleteTerms(userPoolId: string, termsId: string): Promise<void>;

  // Domain
  /** Returns the CloudFront distribution the DNS alias of a custom domain must point at. */
  createUserPoolDomain(input: CreateUserPoolDomainRequest): Promise<{ cloudFrontDomain?: string }>;
  updateUserPoolDomain(input: UpdateUserPoolDomainRequest): Promise<void>;
  deleteUserPoolDomain(userPoolId: string, domain: string): Promise<void>;

  // Threat protection settings (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetRiskConfiguration.html)
  /** The client's own configuration; for a client without one, the pool's (whose `ClientId` is absent). */
  describeRiskConfiguration(userPoolId: string, clientId?: string): Promise<RiskConfigurationType>;
  /** Replaces the whole configuration of the pool (no ClientId) or of one client. */
  setRiskConfiguration(input: SetRiskConfigurationRequest): Promise<void>;

  // Log delivery (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetLogDeliveryConfiguration.html)
  getLogDeliveryConfiguration(userPoolId: string): Promise<LogConfigurationType[]>;
  /** Replaces the whole list. */
  setLogDeliveryConfiguration(userPoolId: string, logConfigurations: LogConfigurationType[]): Promise<void>;
  // Branding (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateManagedLoginBranding.html)
  /** The style of one app client; `undefined` when the client has none (ResourceNotFoundException). */
  describeManagedLoginBrandingByClient(userPoolId: string, clientId: string): Promise<ManagedLoginBrandingType | undefined>;
  createManagedLoginBranding(input: CreateManagedLoginBrandingRequest): Promise<ManagedLoginBrandingType>;
  /** Members not sent are kept (Settings, Assets), unless UseCognitoProvidedValues resets the style. */
  updateManagedLoginBranding(input: UpdateManagedLoginBrandingRequest): Promise<void>;
  deleteManagedLoginBranding(userPoolId: string, managedLoginBrandingId: string): Promise<void>;
  /** The classic hosted UI's CSS and logo of a client, or of ALL; a client without its own answers ALL's. */
  getUICustomization(userPoolId: string, clientId: string): Promise<UICustomizationType>;
  /** Replaces both the CSS and the logo. */
  setUICustomization(input: SetUICustomizationRequest): Promise<void>;
}

/** An AWS error as a step outcome records it. */
export interface AwsErrorInfo {
  code: string;
  message: string;
}

/** The AWS error code and message of anything a port threw (never the request, which may hold secrets). */
export function toAwsErrorInfo(error: unknown): AwsErrorInfo {
  if (error instanceof Error) return { code: error.name || "Error", message: error.message };
  return { code: "Error", message: String(error) };
}
