/**
 * Who may create an account: STUDIO_SIGNUP and STUDIO_ALLOWED_EMAIL_DOMAINS, read once per call from the
 * environment. The first account on a new database is always allowed (it becomes the admin); after that:
 *   - open: anyone who can reach the studio signs up (as a viewer);
 *   - invite (the default): only with an admin's invitation link;
 *   - closed: nobody new joins (no sign-up, invitations or new OIDC accounts).
 * The allowed domains apply to every way in: password sign-up, invitations and OIDC.
 */
export const SIGNUP_MODES = ["open", "invite", "closed"] as const;
export type SignupMode = (typeof SIGNUP_MODES)[number];

export interface SignupPolicy {
  mode: SignupMode;
  /** Lower-case email domains; empty means any. */
  allowedDomains: string[];
}

export const POLICY_ENV = {
  signup: "STUDIO_SIGNUP",
  allowedDomains: "STUDIO_ALLOWED_EMAIL_DOMAINS",
  /** The older, OIDC-only name: read when STUDIO_ALLOWED_EMAIL_DOMAINS is unset, and now applies to every way in. */
  oidcAllowedDomains: "AUTH_OIDC_ALLOWED_DOMAINS",
} as const;

/** A configuration mistake: names the variable and what to write instead. */
export class PolicyConfigError extends Error {
  override name = "PolicyConfigError";
}

type Env = Record<string, string | undefined>;

/** Parses a comma-separated list of email domains ("example.com, @example.org"), or throws naming the variable. */
export function parseDomainList(text: string | undefined, variable: string): string[] {
  const domains = (text ?? "")
    .split(",")
    .map((d) => d.trim().toLowerCase().replace(/^@/u, ""))
    .filter(Boolean);
  const bad = domains.find((d) => !/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/u.test(d));
  if (bad) throw new PolicyConfigError(`${variable} must list email domains separated by commas, e.g. example.com,example.org; "${bad}" is not one`);
  return domains;
}

export function signupPolicyFromEnv(env: Env = process.env): SignupPolicy {
  const raw = env[POLICY_ENV.signup]?.trim().toLowerCase() || "invite";
  if (!(SIGNUP_MODES as readonly string[]).includes(raw)) {
    throw new PolicyConfigError(`${POLICY_ENV.signup} must be open, invite or closed (default invite); it is "${raw}"`);
  }
  const own = env[POLICY_ENV.allowedDomains]?.trim();
  const allowedDomains = own ? parseDomainList(own, POLICY_ENV.allowedDomains) : parseDomainList(env[POLICY_ENV.oidcAllowedDomains], POLICY_ENV.oidcAllowedDomains);
  return { mode: raw as SignupMode, allowedDomains };
}

/** Null when the email's domain may join, else the reason to show (in the words of the sign-up page). */
export function refuseEmailDomain(email: string, policy: SignupPolicy): string | null {
  if (policy.allowedDomains.length === 0) return null;
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  if (policy.allowedDomains.includes(domain)) return null;
  return `This studio accepts accounts with an email at ${policy.allowedDomains.join(", ")} only.`;
}

/** What the sign-up page says when someone without an invitation cannot create an account. */
export function signupRefusal(mode: SignupMode): string {
  return mode === "closed"
    ? "Sign-up is closed on this studio: new accounts are not accepted. Ask an admin of the studio."
    : "Sign-up on this studio is by invitation: ask an admin of the studio to invite you, then open the link they send you.";
}
