/**
 * Security-relevant changes, flagged apart from the diff so a reviewer sees them even in a long plan
 * (cf. aws-cdk cloudformation-diff `iam-changes.ts`). Each check compares the effective value before
 * and after:
 * - `update`: the resource changes in place; a setting the desired side leaves unset keeps its value.
 * - `recreate`: the resource is replaced; an unset setting gets the AWS default.
 * - `create`: a new resource in an existing pool; "before" is the AWS default.
 * A brand-new pool (nothing before) raises no flags for its settings, there is nothing to weaken, except its
 * identity providers: a provider's secret reference and OIDC issuer are new trust wherever they appear.
 *
 * Defaults come from the API reference (CreateUserPool, CreateUserPoolClient,
 * SetUserPoolMfaConfig pages) and the Terraform provider docs; where AWS documents none,
 * the value is unknown and a check only fires when both sides are known.
 */
import { addressOf } from "./addresses";
import { sameValue } from "./diff";
import { settingSecurityChanges } from "./security-settings";
import type { PoolSpec } from "../spec/pool-schema";
import type { SecurityChange, SecurityChangeCode } from "./types";

export type SecurityMode = "update" | "recreate" | "create";

type Values = Record<string, unknown>;

const SPLIT = new Map<string, string[]>();

function get(root: unknown, path: string): unknown {
  let parts = SPLIT.get(path);
  if (!parts) {
    parts = path.split(".");
    SPLIT.set(path, parts);
  }
  let value: unknown = root;
  for (const part of parts) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    value = (value as Values)[part];
  }
  return value;
}

/** AWS defaults of the settings the checks read. */
const POOL_DEFAULTS: Readonly<Record<string, unknown>> = {
  // Terraform defaults of mfa_configuration (OFF) and deletion_protection (INACTIVE): https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool
  mfaConfiguration: "OFF",
  deletionProtection: "INACTIVE",
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SoftwareTokenMfaConfigType.html: Enabled defaults to false.
  "softwareTokenMfaConfiguration.enabled": false,
  // AdminCreateUserConfigType.AllowAdminCreateUserOnly: false unless set (self sign-up allowed).
  "adminCreateUserConfig.allowAdminCreateUserOnly": false,
  // UserPoolAddOns unset = threat protection off.
  "userPoolAddOns.advancedSecurityMode": "OFF",
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PasswordPolicyType.html: TemporaryPasswordValidityDays "Defaults to 7"; 0 means the default.
  "passwordPolicy.temporaryPasswordValidityDays": 7,
};

/** https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html: ExplicitAuthFlows default; token validities; PreventUserExistenceErrors; EnableTokenRevocation. */
const CLIENT_DEFAULTS: Readonly<Record<string, unknown>> = {
  callbackUrls: [],
  logoutUrls: [],
  allowedOAuthFlows: [],
  allowedOAuthScopes: [],
  explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"],
  preventUserExistenceErrors: "LEGACY",
  enableTokenRevocation: true,
  generateSecret: false,
};

interface Side {
  before: (path: string) => unknown;
  after: (path: string) => unknown;
}

function sides(before: Values | undefined, after: Values, mode: SecurityMode, defaults: Readonly<Record<string, unknown>>): Side {
  const fallback = (path: string) => defaults[path];
  return {
    before: (path) => (mode === "create" ? fallback(path) : (get(before, path) ?? fallback(path))),
    after: (path) => get(after, path) ?? (mode === "update" ? (get(before, path) ?? fallback(path)) : fallback(path)),
  };
}

const show = (v: unknown) => (v === undefined ? "(AWS default)" : JSON.stringify(v));

function flag(code: SecurityChangeCode, address: string, path: string, message: string, before: unknown, after: unknown): SecurityChange {
  const change: SecurityChange = { code, address, path, message };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  return change;
}

const MFA_STRENGTH: Record<string, number> = { OFF: 0, OPTIONAL: 1, ON: 2 };
const THREAT_STRENGTH: Record<string, number> = { OFF: 0, AUDIT: 1, ENFORCED: 2 };

function added(before: unknown, after: unknown): string[] {
  const old = new Set(Array.isArray(before) ? before.map(String) : []);
  return (Array.isArray(after) ? after.map(String) : []).filter((v) => !old.has(v));
}

/** Flags for the user pool (pool settings and its MFA configuration together). */
export function poolSecurityChanges(before: Values | undefined, after: Values, mode: SecurityMode): SecurityChange[] {
  if (mode === "create" || before === undefined) return [];
  const s = sides(before, after, mode, POOL_DEFAULTS);
  const out: SecurityChange[] = [];
  const mfaAddress = addressOf("mfaConfig");
  const poolAddress = addressOf("userPool");

  const mfaB = s.before("mfaConfiguration");
  const mfaA = s.after("mfaConfiguration");
  if (typeof mfaB === "string" && typeof mfaA === "string" && (MFA_STRENGTH[mfaA] ?? 0) < (MFA_STRENGTH[mfaB] ?? 0)) {
    out.push(flag("mfa-weakened", mfaAddress, "mfaConfiguration", `MFA is weakened from ${mfaB} to ${mfaA}`, mfaB, mfaA));
  }
  const totpB = s.before("softwareTokenMfaConfiguration.enabled");
  const totpA = s.after("softwareTokenMfaConfiguration.enabled");
  if (totpB === true && totpA !== true) {
    out.push(flag("mfa-weakened", mfaAddress, "softwareTokenMfaConfiguration.enabled", "authenticator-app (TOTP) MFA is turned off", totpB, totpA));
  }
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html: UserVerification "preferred" lets a passkey sign in without verifying the user.
  const uvB = s.before("webAuthnConfiguration.userVerification");
  const uvA = s.after("webAuthnConfiguration.userVerification");
  if (uvB === "required" && uvA !== "required") {
    out.push(flag("mfa-weakened", mfaAddress, "webAuthnConfiguration.userVerification", `passkey user verification is no longer required (now ${show(uvA)})`, uvB, uvA));
  }

  const policy = "passwordPolicy";
  const lenB = s.before(`${policy}.minimumLength`);
  const lenA = s.after(`${policy}.minimumLength`);
  if (typeof lenB === "number" && (typeof lenA === "number" ? lenA < lenB : lenA === undefined)) {
    out.push(flag("password-policy-weakened", poolAddress, `${policy}.minimumLength`, `minimum password length goes from ${lenB} to ${show(lenA)}`, lenB, lenA));
  }
  for (const field of ["requireUppercase", "requireLowercase", "requireNumbers", "requireSymbols"]) {
    const b = s.before(`${policy}.${field}`);
    const a = s.after(`${policy}.${field}`);
    if (b === true && a !== true) {
      out.push(flag("password-policy-weakened", poolAddress, `${policy}.${field}`, `passwords no longer ${field.replace(/^require/u, "require ").toLowerCase()} (now ${show(a)})`, b, a));
    }
  }
  const histB = s.before(`${policy}.passwordHistorySize`);
  const histA = s.after(`${policy}.passwordHistorySize`) ?? 0;
  if (typeof histB === "number" && typeof histA === "number" && histA < histB) {
    out.push(flag("password-policy-weakened", poolAddress, `${policy}.passwordHistorySize`, `password history shrinks from ${histB} to ${histA}`, histB, histA));
  }
  const tmpDays = (v: unknown) => (v === 0 ? 7 : v);
  const tmpB = tmpDays(s.before(`${policy}.temporaryPasswordValidityDays`));
  const tmpA = tmpDays(s.after(`${policy}.temporaryPasswordValidityDays`));
  if (typeof tmpB === "number" && typeof tmpA === "number" && tmpA > tmpB) {
    out.push(flag("password-policy-weakened", poolAddress, `${policy}.temporaryPasswordValidityDays`, `temporary passwords stay valid longer: ${tmpB} → ${tmpA} days`, tmpB, tmpA));
  }

  const adminOnlyB = s.before("adminCreateUserConfig.allowAdminCreateUserOnly");
  const adminOnlyA = s.after("adminCreateUserConfig.allowAdminCreateUserOnly");
  if (adminOnlyB === true && adminOnlyA !== true) {
    out.push(
      flag("self-sign-up-opened", poolAddress, "adminCreateUserConfig.allowAdminCreateUserOnly", "self sign-up is opened: anyone can create an account (allowAdminCreateUserOnly no longer true)", adminOnlyB, adminOnlyA),
    );
  }

  const dpB = s.before("deletionProtection");
  const dpA = s.after("deletionProtection");
  if (dpB === "ACTIVE" && dpA !== "ACTIVE") {
    out.push(flag("deletion-protection-off", poolAddress, "deletionProtection", "deletion protection is turned off", dpB, dpA));
  }

  const tpB = s.before("userPoolAddOns.advancedSecurityMode");
  const tpA = s.after("userPoolAddOns.advancedSecurityMode");
  if (typeof tpB === "string" && typeof tpA === "string" && (THREAT_STRENGTH[tpA] ?? 0) < (THREAT_STRENGTH[tpB] ?? 0)) {
    out.push(flag("threat-protection-lowered", poolAddress, "userPoolAddOns.advancedSecurityMode", `threat protection is lowered from ${tpB} to ${tpA}`, tpB, tpA));
  }
  const caB = s.before("userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode");
  const caA = s.after("userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode");
  if (caB === "ENFORCED" && caA !== "ENFORCED") {
    out.push(
      flag("threat-protection-lowered", poolAddress, "userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode", `threat protection for custom authentication is lowered from ENFORCED to ${show(caA)}`, caB, caA),
    );
  }
  // Threat protection settings, log delivery and the MFA factors: a table of their own.
  out.push(...settingSecurityChanges(before as PoolSpec, after as PoolSpec, mode));
  return out;
}

const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** A token's lifetime in seconds, with the defaults of https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html (1 h access/ID, 30 days refresh). */
function tokenSeconds(value: unknown, unit: unknown, token: "access" | "id" | "refresh"): number | undefined {
  const defaultUnit = token === "refresh" ? "days" : "hours";
  if (value === undefined || (token === "refresh" && value === 0)) return token === "refresh" ? 30 * 86400 : 3600;
  if (typeof value !== "number") return undefined;
  return value * (UNIT_SECONDS[typeof unit === "string" ? unit : defaultUnit] ?? 0);
}

function duration(seconds: number | undefined): string {
  if (seconds === undefined) return "(unknown)";
  for (const [unit, size] of [["days", 86400], ["hours", 3600], ["minutes", 60]] as const) {
    if (seconds % size === 0 && seconds >= size) return `${seconds / size} ${unit}`;
  }
  return `${seconds} seconds`;
}

/** Flags for one app client. `before` is the effective current client (undefined for a new client). */
export function clientSecurityChanges(address: string, before: Values | undefined, after: Values, mode: SecurityMode): SecurityChange[] {
  const s = sides(before, after, mode, CLIENT_DEFAULTS);
  const out: SecurityChange[] = [];
  const lists: [string, SecurityChangeCode, string][] = [
    ["callbackUrls", "callback-url-added", "callback URL added"],
    ["logoutUrls", "logout-url-added", "sign-out URL added"],
    ["allowedOAuthFlows", "oauth-flow-added", "OAuth flow added"],
    ["allowedOAuthScopes", "oauth-scope-added", "OAuth scope added"],
    ["explicitAuthFlows", "auth-flow-added", "authentication flow allowed"],
  ];
  for (const [path, code, words] of lists) {
    const b = s.before(path);
    const a = s.after(path);
    const extra = added(b, a);
    if (extra.length > 0) out.push(flag(code, address, path, `${words}: ${extra.join(", ")}`, b, a));
  }
  // A client that offers a new external identity provider opens a new way in (COGNITO is the pool's own users).
  const providersB = s.before("supportedIdentityProviders");
  const providersA = s.after("supportedIdentityProviders");
  const newProviders = added(providersB, providersA).filter((p) => p !== "COGNITO");
  if (newProviders.length > 0)
    out.push(flag("identity-provider-added", address, "supportedIdentityProviders", `sign-in through an external provider added: ${newProviders.join(", ")}`, providersB, providersA));
  const tokens: [string, "access" | "id" | "refresh", string][] = [
    ["accessTokenValidity", "access", "accessToken"],
    ["idTokenValidity", "id", "idToken"],
    ["refreshTokenValidity", "refresh", "refreshToken"],
  ];
  for (const [path, token, unitKey] of tokens) {
    const b = tokenSeconds(s.before(path), s.before(`tokenValidityUnits.${unitKey}`), token);
    const a = tokenSeconds(s.after(path), s.after(`tokenValidityUnits.${unitKey}`), token);
    if (b !== undefined && a !== undefined && a > b) {
      out.push(flag("token-lifetime-lengthened", address, path, `${token} tokens live longer: ${duration(b)} → ${duration(a)}`, duration(b), duration(a)));
    }
  }
  const peB = s.before("preventUserExistenceErrors");
  const peA = s.after("preventUserExistenceErrors");
  if (peB === "ENABLED" && peA !== "ENABLED") {
    out.push(flag("user-existence-errors-revealed", address, "preventUserExistenceErrors", `sign-in errors reveal whether a user exists (now ${show(peA)})`, peB, peA));
  }
  const trB = s.before("enableTokenRevocation");
  const trA = s.after("enableTokenRevocation");
  if (trB === true && trA === false) {
    out.push(flag("token-revocation-disabled", address, "enableTokenRevocation", "refresh tokens can no longer be revoked", trB, trA));
  }
  const secretB = s.before("generateSecret");
  const secretA = s.after("generateSecret");
  if (secretB === true && secretA !== true && !sameValue(secretB, secretA)) {
    out.push(flag("client-secret-removed", address, "generateSecret", "the client loses its secret (it becomes a public client)", secretB, secretA));
  }
  return out;
}

/**
 * What an OIDC provider trusts: the issuer and the endpoints Cognito calls (discovered from the issuer when unset)
 * [M CreateIdentityProviderRequest.ProviderDetails, OIDC: oidc_issuer, authorize_url, token_url, attributes_url, jwks_uri].
 * Pointing them elsewhere sends the client secret and the users' sign-ins to another server.
 */
const OIDC_TRUST_DETAILS = ["oidc_issuer", "authorize_url", "token_url", "attributes_url", "jwks_uri"];

function detailsOf(provider: Values | undefined): Record<string, unknown> {
  const details = provider?.providerDetails;
  return typeof details === "object" && details !== null && !Array.isArray(details) ? (details as Record<string, unknown>) : {};
}

/**
 * Flags for one identity provider (`before` undefined for a new provider, in a new pool too): a changed
 * `secretRef` (which secret the server reads and sends), and an OIDC provider's issuer or endpoints set to
 * another value. The reviewer sees both apart from the diff: with an attacker's issuer, the secret named by
 * the reference goes to the attacker at the next sign-in.
 */
export function identityProviderSecurityChanges(address: string, before: Values | undefined, after: Values): SecurityChange[] {
  const out: SecurityChange[] = [];
  const refB = before?.secretRef;
  const refA = after.secretRef;
  if (refA !== undefined && !sameValue(refB, refA)) {
    const where = (ref: unknown) => {
      const r = ref as { source?: unknown; name?: unknown; jsonKey?: unknown } | undefined;
      return r ? `${String(r.source)} ${String(r.name)}${r.jsonKey !== undefined ? ` (key ${String(r.jsonKey)})` : ""}` : "(none)";
    };
    const message =
      refB === undefined
        ? `the server will read the provider's secret from ${where(refA)} with its own rights and send it to the provider`
        : `the provider's secret is read from another place: ${where(refB)} → ${where(refA)}`;
    out.push(flag("identity-provider-secret-changed", address, "secretRef", message, refB, refA));
  }
  if (after.providerType === "OIDC") {
    const detailsB = before?.providerType === "OIDC" ? detailsOf(before) : {};
    const detailsA = detailsOf(after);
    for (const key of OIDC_TRUST_DETAILS) {
      const b = detailsB[key];
      const a = detailsA[key];
      if (a !== undefined && a !== b)
        out.push(flag("identity-provider-issuer-changed", address, `providerDetails.${key}`, `OIDC ${key} ${b === undefined ? "set to" : `changes from ${String(b)} to`} ${String(a)}: sign-ins and the client secret go there`, b, a));
    }
  }
  return out;
}
