import type { OIDCConfig } from "next-auth/providers";

/**
 * Sign-in with any OpenID Connect issuer (Cognito itself, Entra ID, Google Workspace, Keycloak…),
 * configured by environment variables. Auth.js reads the issuer's discovery document
 * (`ISSUER/.well-known/openid-configuration`) for its endpoints and keys.
 */
export const OIDC_ENV = {
  issuer: "AUTH_OIDC_ISSUER",
  clientId: "AUTH_OIDC_CLIENT_ID",
  clientSecret: "AUTH_OIDC_CLIENT_SECRET",
  name: "AUTH_OIDC_NAME",
  allowedDomains: "AUTH_OIDC_ALLOWED_DOMAINS",
} as const;

export const OIDC_PROVIDER_ID = "oidc";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the button: "Sign in with NAME". */
  name: string;
  /**
   * Email domains allowed to sign in (AUTH_OIDC_ALLOWED_DOMAINS, comma-separated); empty means any. With a
   * public issuer (Google, a shared Cognito pool) anyone with a verified email would otherwise become a
   * viewer who can read every design and the audit log.
   */
  allowedDomains: string[];
}

/** A configuration mistake found at startup; names the variable, never shows the secret. */
export class OidcConfigError extends Error {
  override name = "OidcConfigError";
}

type Env = Record<string, string | undefined>;

/**
 * The OIDC settings from the environment: null when none of the AUTH_OIDC_* variables is set (sign-in
 * with email and password only). Setting some but not all of the required ones is an error that names
 * what is missing, so a half-configured deployment fails at startup rather than at someone's sign-in.
 */
export function oidcSettingsFromEnv(env: Env): OidcSettings | null {
  const read = (key: string) => env[key]?.trim() || undefined;
  const issuer = read(OIDC_ENV.issuer);
  const clientId = read(OIDC_ENV.clientId);
  const clientSecret = read(OIDC_ENV.clientSecret);
  const name = read(OIDC_ENV.name);
  if (!issuer && !clientId && !clientSecret && !name) return null;
  const missing = [
    [OIDC_ENV.issuer, issuer],
    [OIDC_ENV.clientId, clientId],
    [OIDC_ENV.clientSecret, clientSecret],
  ]
    .filter(([, value]) => !value)
    .map(([key]) => key);
  if (missing.length > 0) {
    throw new OidcConfigError(
      `OIDC sign-in is partly configured: ${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} not set. Set ${OIDC_ENV.issuer}, ${OIDC_ENV.clientId} and ${OIDC_ENV.clientSecret} (and optionally ${OIDC_ENV.name}), or none of them.`,
    );
  }
  let url: URL;
  try {
    url = new URL(issuer ?? "");
  } catch {
    throw new OidcConfigError(`${OIDC_ENV.issuer} must be the issuer's URL, e.g. https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123`);
  }
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new OidcConfigError(`${OIDC_ENV.issuer} must use https (plain http only for localhost): ${url.origin}`);
  }
  const allowedDomains = (read(OIDC_ENV.allowedDomains) ?? "")
    .split(",")
    .map((d) => d.trim().toLowerCase().replace(/^@/u, ""))
    .filter(Boolean);
  const badDomain = allowedDomains.find((d) => !/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/u.test(d));
  if (badDomain) throw new OidcConfigError(`${OIDC_ENV.allowedDomains} must list email domains separated by commas, e.g. example.com,example.org; "${badDomain}" is not one`);
  return { issuer: issuer ?? "", clientId: clientId ?? "", clientSecret: clientSecret ?? "", name: name ?? "OIDC", allowedDomains };
}

/** The claims the studio reads from the ID token. */
export interface OidcProfile extends Record<string, unknown> {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
  preferred_username?: string;
}

/** Auth.js's generic OIDC provider (`type: "oidc"`: discovery from the issuer, PKCE, state and nonce checks). */
export function oidcProvider(settings: OidcSettings): OIDCConfig<OidcProfile> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: "oidc",
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    checks: ["pkce", "state", "nonce"],
    profile(profile) {
      return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.preferred_username ?? profile.email ?? null };
    },
  };
}

/**
 * Who an OIDC sign-in is, for the studio's own user table: the email, and whether the issuer says it
 * verified it (Cognito sends "true" as a string). Without a verified email there is no account to match.
 */
export function oidcIdentity(profile: Partial<OidcProfile> | undefined, allowedDomains: readonly string[] = []): { ok: true; email: string; name: string } | { ok: false; reason: string } {
  const email = typeof profile?.email === "string" ? profile.email.trim() : "";
  if (!email) return { ok: false, reason: "the identity provider sent no email address (request the email scope)" };
  const verified = profile?.email_verified;
  if (verified !== true && verified !== "true") return { ok: false, reason: `the identity provider has not verified ${email}` };
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  if (allowedDomains.length > 0 && !allowedDomains.includes(domain)) {
    return { ok: false, reason: `${email} is not in an allowed domain (${OIDC_ENV.allowedDomains}: ${allowedDomains.join(", ")})` };
  }
  const name = typeof profile?.name === "string" && profile.name.trim() ? profile.name.trim() : typeof profile?.preferred_username === "string" ? profile.preferred_username : email;
  return { ok: true, email, name };
}
