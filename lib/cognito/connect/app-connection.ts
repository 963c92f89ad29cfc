/**
 * What a developer wiring an application to one app client needs: the issuer and JWKS URLs, the hosted
 * endpoints of the pool's domain, the client id (the secret only as a reference to where it is kept),
 * redirect URLs and scopes. Values come from the spec; ids come from the live pool once applied and are
 * placeholders before.
 *
 * Sources: the issuer is `https://cognito-idp.{region}.amazonaws.com/{userPoolId}` (aws/read-live-pool.ts
 * issuerUrlOf, the `iss` of the pool's tokens) and its keys are at `/.well-known/jwks.json`; a prefix
 * domain is `{prefix}.auth.{region}.amazoncognito.com` ([M CreateUserPoolDomainRequest.Domain]: "A prefix
 * value of myprefix for a user pool in the us-east-1 Region results in a domain of
 * myprefix.auth.us-east-1.amazoncognito.com"); a custom domain is the name itself. The endpoints /oauth2/token
 * and /logout are named in [M AllowedOAuthFlows] and [M LogoutURLs]; /oauth2/authorize, /oauth2/userInfo
 * and /oauth2/revoke are the other endpoints of the same managed login service.
 */
import { effectiveClient } from "../spec/client-defaults";
import { issuerUrlOf } from "../aws/read-live-pool";
import type { PoolDocument } from "../spec/document-schema";
import { listSomeNames } from "../spec/some-names";

/** Ids known once the pool is applied (readLivePool's facts). */
export interface LiveIds {
  userPoolId: string;
  clientIds: Record<string, string>;
  /** The CloudFront distribution of the pool's custom domain, when one was asked for and exists. */
  customDomainCloudFrontTarget?: string;
}

export interface DomainEndpoints {
  /** Host name only (`shop-auth.auth.eu-west-1.amazoncognito.com`), as Amplify wants it. */
  host: string;
  baseUrl: string;
  authorize: string;
  token: string;
  logout: string;
  userInfo: string;
  revoke: string;
}

export interface AppConnection {
  poolName: string;
  clientName: string;
  region: string;
  userPoolId: string;
  clientId: string;
  /** True when the ids are the live pool's; false when they are placeholders. */
  applied: boolean;
  /** The client has a secret. */
  confidential: boolean;
  /** Where the secret is: never its value. */
  secretReference?: string;
  issuer: string;
  jwksUrl: string;
  openIdConfigurationUrl: string;
  domain?: DomainEndpoints;
  redirectUri?: string;
  callbackUrls: string[];
  logoutUrls: string[];
  scopes: string[];
  oauthFlows: string[];
}

export const PLACEHOLDER_POOL_ID = "<user-pool-id: apply the design first>";
export const placeholderClientId = (name: string) => `<client id of ${name}: apply the design first>`;
export const SECRET_ENV = "COGNITO_CLIENT_SECRET";

export class UnknownClientError extends Error {
  override name = "UnknownClientError";
}

function domainEndpoints(domain: string, region: string, custom: boolean): DomainEndpoints {
  const host = custom ? domain : `${domain}.auth.${region}.amazoncognito.com`;
  const baseUrl = `https://${host}`;
  return {
    host,
    baseUrl,
    authorize: `${baseUrl}/oauth2/authorize`,
    token: `${baseUrl}/oauth2/token`,
    logout: `${baseUrl}/logout`,
    userInfo: `${baseUrl}/oauth2/userInfo`,
    revoke: `${baseUrl}/oauth2/revoke`,
  };
}

/** The document names no Region and none was given: the issuer and the hosted endpoints cannot be written. */
export class NoRegionError extends Error {
  override name = "NoRegionError";
}

/**
 * The connection facts of one app client; throws {@link UnknownClientError} for a name the spec lacks.
 * `region` is the target's, used when the design names none; without either, {@link NoRegionError}.
 */
export function appConnection(document: PoolDocument, clientName: string, live?: LiveIds, targetRegion?: string): AppConnection {
  const spec = document.spec;
  const region = spec.region ?? targetRegion;
  const declared = spec.clients?.find((c) => c.name === clientName);
  if (!declared) {
    const names = (spec.clients ?? []).map((c) => c.name);
    throw new UnknownClientError(`no app client named "${clientName}"${names.length ? `; the design has ${listSomeNames(names)}` : "; the design has no app clients"}`);
  }
  if (!region) throw new NoRegionError("the design names no Region and no target gives one: link a target, or set the Region in the design");
  const client = effectiveClient(spec, declared);
  const liveClientId = live?.clientIds[clientName];
  const userPoolId = live?.userPoolId ?? PLACEHOLDER_POOL_ID;
  const issuer = issuerUrlOf(region, userPoolId);
  const confidential = client.generateSecret === true;
  const hosted = spec.customDomain ?? spec.domain;
  const callbackUrls = client.callbackUrls ?? [];
  return {
    poolName: document.metadata.name,
    clientName,
    region,
    userPoolId,
    clientId: liveClientId ?? placeholderClientId(clientName),
    applied: live !== undefined && liveClientId !== undefined,
    confidential,
    ...(confidential ? { secretReference: `${SECRET_ENV} in your secret store (shown once when the client was created or its secret rotated; the studio never stores it)` } : {}),
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    openIdConfigurationUrl: `${issuer}/.well-known/openid-configuration`,
    // With a prefix and a custom domain, applications use the custom one (both serve the same endpoints).
    ...(hosted ? { domain: domainEndpoints(hosted.domain, region, hosted.certificateArn !== undefined) } : {}),
    ...((client.defaultRedirectUri ?? callbackUrls[0]) ? { redirectUri: client.defaultRedirectUri ?? callbackUrls[0] } : {}),
    callbackUrls,
    logoutUrls: client.logoutUrls ?? [],
    scopes: client.allowedOAuthScopes ?? [],
    oauthFlows: client.allowedOAuthFlowsUserPoolClient === false ? [] : (client.allowedOAuthFlows ?? []),
  };
}
