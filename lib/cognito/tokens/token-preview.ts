/**
 * The claims of the ID and access tokens one app client would receive, as the design would have Cognito issue
 * them: from the client's scopes, token validity and read permissions, the pool's groups and attributes, and its
 * pre token generation trigger. What only a sign-in knows (`sub`, times, token ids) is an example value, and the
 * notes say so; every note names the developer-guide page its rule comes from (token-rules.ts).
 */
import { appConnection, type LiveIds } from "../connect/app-connection";
import { effectiveClient } from "../spec/client-defaults";
import { inferClientKind, type ClientKind } from "../spec/client-kind";
import type { AppClientSpec, TimeUnit } from "../spec/client-schema";
import type { PoolDocument } from "../spec/document-schema";
import type { GroupSpec } from "../spec/group-schema";
import { listSomeNames } from "../spec/some-names";
import { STANDARD_ATTRIBUTES } from "../spec/schema-attribute-schema";
import {
  ACCESS_TOKEN_PAGE,
  ADMIN_SCOPE,
  ATTRIBUTES_PAGE,
  CLIENT_PAGE,
  DEFAULT_TOKEN_VALIDITY,
  EXAMPLE_AUTH_TIME,
  EXAMPLE_VALUES,
  GROUPS_PAGE,
  ID_TOKEN_PAGE,
  M2M_PAGE,
  PRE_TOKEN_PAGE,
  PRE_TOKEN_VERSIONS,
  type PreTokenVersion,
  RESERVED_CLAIMS,
  RUNTIME_CLAIMS,
  SECONDS_PER_UNIT,
  STANDARD_SCOPES,
} from "./token-rules";

export type Claims = Record<string, string | number | boolean | string[]>;

/** One thing the preview cannot show as a claim value, or the rule behind one; `source` is the public page. */
export interface TokenNote {
  claim?: string;
  text: string;
  source: string;
}

export interface TokenPreview {
  clientName: string;
  kind: ClientKind;
  /** Null for a machine-to-machine client: the client credentials grant issues no ID token. */
  idToken: Claims | null;
  accessToken: Claims;
  notes: TokenNote[];
}

export interface TokenPreviewOptions {
  /** Names of the pool's groups the user is in. */
  groups?: readonly string[];
  /** Attribute values of the user, by name as the token writes it (`email`, `custom:tenant`). */
  attributes?: Readonly<Record<string, string>>;
  /** The Region when the design names none (a target's). */
  region?: string;
  live?: LiveIds;
}

export class UnknownGroupError extends Error {
  override name = "UnknownGroupError";
}

/** The ID and access token claims of `clientName`; throws for an unknown client or group, or no Region. */
export function previewTokens(document: PoolDocument, clientName: string, options: TokenPreviewOptions = {}): TokenPreview {
  const connection = appConnection(document, clientName, options.live, options.region);
  const spec = document.spec;
  const client = effectiveClient(spec, spec.clients!.find((c) => c.name === clientName)!);
  const kind = inferClientKind(client);
  const groups = groupsOf(spec.groups ?? [], options.groups ?? []);
  const notes: TokenNote[] = [];
  const times = (token: "idToken" | "accessToken") => tokenTimes(client, token, notes);

  if (kind === "m2m") {
    notes.push({ text: "A machine-to-machine client (client credentials grant) gets an access token only: there is no ID token, no user, no groups and no attributes.", source: M2M_PAGE });
    const scopes = (client.allowedOAuthScopes ?? []).filter((s) => !(STANDARD_SCOPES as readonly string[]).includes(s));
    notes.push({ claim: "scope", text: "The custom scopes the service requests, at most the client's allowed scopes; sub is the client id.", source: ACCESS_TOKEN_PAGE });
    const accessToken: Claims = {
      sub: connection.clientId,
      iss: connection.issuer,
      version: 2,
      client_id: connection.clientId,
      token_use: "access",
      scope: scopes.join(" "),
      ...times("accessToken"),
      jti: EXAMPLE_VALUES.jti,
    };
    notes.push(...triggerNotes(document, kind));
    // sub is the client id here, a value of the design, not an example.
    notes.push(runtimeNote([accessToken], ["sub"]));
    return { clientName, kind, idToken: null, accessToken, notes };
  }

  const username = spec.usernameAttributes?.length ? EXAMPLE_VALUES.sub : EXAMPLE_VALUES.username;
  if (spec.usernameAttributes?.length) {
    notes.push({ claim: "cognito:username", text: `The pool signs users in with ${spec.usernameAttributes.join(" or ")}: their username is generated, the same value as sub.`, source: ATTRIBUTES_PAGE });
  }
  const groupClaims = groupClaimsOf(groups, notes);
  const idToken: Claims = {
    sub: EXAMPLE_VALUES.sub,
    ...groupClaims.id,
    iss: connection.issuer,
    "cognito:username": username,
    origin_jti: EXAMPLE_VALUES.origin_jti,
    aud: connection.clientId,
    event_id: EXAMPLE_VALUES.event_id,
    token_use: "id",
    ...times("idToken"),
    jti: EXAMPLE_VALUES.jti,
    ...attributeClaims(document, client, options.attributes ?? {}, notes),
  };
  const accessToken: Claims = {
    sub: EXAMPLE_VALUES.sub,
    ...groupClaims.access,
    iss: connection.issuer,
    version: 2,
    client_id: connection.clientId,
    origin_jti: EXAMPLE_VALUES.origin_jti,
    event_id: EXAMPLE_VALUES.event_id,
    token_use: "access",
    scope: userScopes(client, notes),
    ...times("accessToken"),
    jti: EXAMPLE_VALUES.jti,
    username,
  };
  notes.push(...triggerNotes(document, kind));
  notes.push(runtimeNote([idToken, accessToken]));
  return { clientName, kind, idToken, accessToken, notes };
}

/** Names the example-valued claims the preview's tokens actually carry (an M2M token has no username to stand in for). */
function runtimeNote(tokens: readonly Claims[], known: readonly string[] = []): TokenNote {
  const shown = RUNTIME_CLAIMS.filter((claim) => !known.includes(claim) && tokens.some((token) => claim in token));
  return { text: `Example values (known only at sign-in): ${shown.join(", ")}. The times are from a sign-in at 2026-01-01T00:00:00Z.`, source: ID_TOKEN_PAGE };
}

/** The user's groups, each once (a URL or a command line may name one twice; Cognito lists a user's groups once). */
function groupsOf(declared: readonly GroupSpec[], names: readonly string[]): GroupSpec[] {
  const byName = new Map(declared.map((g) => [g.name, g]));
  return [...new Set(names)].map((name) => {
    const group = byName.get(name);
    if (!group) {
      const known = declared.map((g) => g.name);
      throw new UnknownGroupError(`no group named "${name}"${known.length ? `; the design has ${listSomeNames(known)}` : "; the design has no groups"}`);
    }
    return group;
  });
}

/**
 * `cognito:roles` lists the roles of every group the user is in; `cognito:preferred_role` is the role of the
 * group with the lowest precedence, unset when groups tied at that precedence name different roles ([GROUPS_PAGE]).
 * The access token carries the groups only ([ACCESS_TOKEN_PAGE]).
 */
export function preferredRoleOf(groups: readonly GroupSpec[]): string | undefined {
  const withRole = groups.filter((g) => g.roleArn !== undefined);
  if (withRole.length === 0) return undefined;
  const best = Math.min(...withRole.map((g) => g.precedence ?? Number.POSITIVE_INFINITY));
  const roles = new Set(withRole.filter((g) => (g.precedence ?? Number.POSITIVE_INFINITY) === best).map((g) => g.roleArn));
  return roles.size === 1 ? [...roles][0] : undefined;
}

function groupClaimsOf(groups: readonly GroupSpec[], notes: TokenNote[]): { id: Claims; access: Claims } {
  if (groups.length === 0) {
    notes.push({ claim: "cognito:groups", text: "The user is in no group (give --group NAME for a member): no cognito:groups, cognito:roles or cognito:preferred_role claim.", source: ID_TOKEN_PAGE });
    return { id: {}, access: {} };
  }
  const names = groups.map((g) => g.name);
  const roles = [...new Set(groups.flatMap((g) => (g.roleArn ? [g.roleArn] : [])))];
  const preferred = preferredRoleOf(groups);
  if (roles.length > 0 && !preferred) {
    notes.push({ claim: "cognito:preferred_role", text: "The groups with the lowest precedence name different roles: Cognito sets no cognito:preferred_role.", source: GROUPS_PAGE });
  } else if (preferred) {
    notes.push({ claim: "cognito:preferred_role", text: "The role of the user's group with the lowest precedence (0 is the highest).", source: GROUPS_PAGE });
  }
  return {
    id: { "cognito:groups": names, ...(preferred ? { "cognito:preferred_role": preferred } : {}), ...(roles.length ? { "cognito:roles": roles } : {}) },
    access: { "cognito:groups": names },
  };
}

function tokenTimes(client: AppClientSpec, token: "idToken" | "accessToken", notes: TokenNote[]): Claims {
  const value = (token === "idToken" ? client.idTokenValidity : client.accessTokenValidity) ?? DEFAULT_TOKEN_VALIDITY.value;
  const unit: TimeUnit = client.tokenValidityUnits?.[token] ?? DEFAULT_TOKEN_VALIDITY.unit;
  const set = (token === "idToken" ? client.idTokenValidity : client.accessTokenValidity) !== undefined;
  notes.push({
    claim: "exp",
    text: `${token === "idToken" ? "ID" : "Access"} token: exp is iat + ${value} ${value === 1 ? unit.slice(0, -1) : unit} (${set ? "the client's" : "the default"} ${token === "idToken" ? "idTokenValidity" : "accessTokenValidity"}).`,
    source: CLIENT_PAGE,
  });
  return { auth_time: EXAMPLE_AUTH_TIME, exp: EXAMPLE_AUTH_TIME + value * SECONDS_PER_UNIT[unit], iat: EXAMPLE_AUTH_TIME };
}

function oauthEnabled(client: AppClientSpec): boolean {
  const flows = client.allowedOAuthFlows ?? [];
  return client.allowedOAuthFlowsUserPoolClient === true && (flows.includes("code") || flows.includes("implicit"));
}

function userScopes(client: AppClientSpec, notes: TokenNote[]): string {
  if (!oauthEnabled(client)) {
    notes.push({ claim: "scope", text: `The client has no OAuth flow: a sign-in through the API (InitiateAuth) carries ${ADMIN_SCOPE} only.`, source: ACCESS_TOKEN_PAGE });
    return ADMIN_SCOPE;
  }
  const scopes = client.allowedOAuthScopes ?? [];
  notes.push({ claim: "scope", text: `The scopes the app requests at sign-in, at most the client's allowed scopes (shown); a sign-in through the API (InitiateAuth) carries ${ADMIN_SCOPE} instead.`, source: ACCESS_TOKEN_PAGE });
  if (!scopes.includes("openid")) {
    notes.push({ text: "The client may not request openid: the token endpoint returns no ID token for its OAuth sign-ins.", source: ID_TOKEN_PAGE });
  }
  return scopes.join(" ");
}

/** Every attribute the pool has, as the token names it: standard ones, then `custom:NAME` (developer-only attributes are never in a token). */
function poolAttributes(document: PoolDocument): string[] {
  const custom = (document.spec.schemaAttributes ?? []).filter((a) => !(a.name in STANDARD_ATTRIBUTES) && a.developerOnlyAttribute !== true).map((a) => `custom:${a.name}`);
  return [...Object.keys(STANDARD_ATTRIBUTES).filter((name) => name !== "sub"), ...custom];
}

function exampleValueOf(name: string): string | boolean {
  if (name === "email") return "user@example.com";
  if (name === "phone_number") return "+15555550100";
  if (name.endsWith("_verified")) return true;
  return "example";
}

/**
 * The attributes in the ID token: those the user has and the client may read (all when `readAttributes` is
 * unset or empty). Without given values, the attributes every user has (required, the username, the verified
 * ones) get example values.
 */
function attributeClaims(document: PoolDocument, client: AppClientSpec, given: Readonly<Record<string, string>>, notes: TokenNote[]): Claims {
  const spec = document.spec;
  const known = poolAttributes(document);
  const readable = client.readAttributes?.length ? new Set(client.readAttributes) : new Set(known);
  const everyUser = new Set<string>([
    ...(spec.schemaAttributes ?? []).filter((a) => a.required === true).map((a) => (a.name in STANDARD_ATTRIBUTES ? a.name : `custom:${a.name}`)),
    ...(spec.usernameAttributes ?? []),
    ...(spec.autoVerifiedAttributes ?? []),
  ]);
  for (const name of [...everyUser]) if (name === "email" || name === "phone_number") everyUser.add(`${name}_verified`);
  const values: Record<string, string | boolean> = {};
  for (const name of everyUser) if (!(name in given)) values[name] = exampleValueOf(name);
  Object.assign(values, given);
  const claims: Claims = {};
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (!known.includes(name)) {
      notes.push({ claim: name, text: `${name} is not an attribute of this pool: it is not in the token. Custom attributes are written custom:NAME.`, source: ATTRIBUTES_PAGE });
    } else if (!readable.has(name)) dropped.push(name);
    else claims[name] = value;
  }
  if (dropped.length) notes.push({ text: `The client may not read ${dropped.join(", ")} (its read attributes): not in the ID token.`, source: ID_TOKEN_PAGE });
  notes.push({
    text: client.readAttributes?.length
      ? `The ID token carries the attributes the user has among those the client may read: ${client.readAttributes.join(", ")}.`
      : "The client's read attributes are unset: the ID token carries every attribute the user has.",
    source: ID_TOKEN_PAGE,
  });
  return claims;
}

function triggerVersionOf(document: PoolDocument): PreTokenVersion | undefined {
  const lambda = document.spec.lambdaConfig;
  return lambda?.preTokenGenerationConfig?.lambdaVersion ?? (lambda?.preTokenGeneration ? "V1_0" : undefined);
}

/** What the pool's pre token generation trigger (its event version) may add, change or suppress for this client. */
function triggerNotes(document: PoolDocument, kind: ClientKind): TokenNote[] {
  const version = triggerVersionOf(document);
  if (!version) return [{ text: "No pre token generation trigger: the tokens are issued as shown.", source: PRE_TOKEN_PAGE }];
  const rule = PRE_TOKEN_VERSIONS[version];
  const notes: TokenNote[] = [];
  if (kind === "m2m" && !rule.m2mAccessToken) {
    return [{ text: `The pre token generation trigger (${version}) is not invoked for client credentials (only V3_0 is): this access token is issued as shown.`, source: PRE_TOKEN_PAGE }];
  }
  if (kind === "m2m") {
    notes.push({
      text: `The pre token generation trigger (${version}) may add or override claims and add or suppress scopes in this machine access token.`,
      source: PRE_TOKEN_PAGE,
    });
  } else {
    notes.push({
      text: rule.userAccessToken
        ? `The pre token generation trigger (${version}) may add, override or suppress claims in both tokens, add or suppress scopes in the access token, and override cognito:groups, cognito:roles and cognito:preferred_role.`
        : `The pre token generation trigger (${version}) may add, override or suppress ID token claims and override cognito:groups, cognito:roles and cognito:preferred_role; the access token is issued as shown (V2_0 or V3_0 customises it).`,
      source: PRE_TOKEN_PAGE,
    });
  }
  notes.push({ text: `No trigger may add, change or suppress ${RESERVED_CLAIMS.join(", ")}.`, source: PRE_TOKEN_PAGE });
  const tier = document.spec.userPoolTier ?? "ESSENTIALS";
  if (rule.minimumTier === "ESSENTIALS" && tier === "LITE") {
    notes.push({ text: `Event version ${version} needs the Essentials or Plus feature plan; this pool is on Lite.`, source: PRE_TOKEN_PAGE });
  }
  return notes;
}
