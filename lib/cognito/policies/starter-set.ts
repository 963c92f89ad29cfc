/**
 * The starter set: guardrails most teams want, ready to adopt with one click (Policies page) or to copy as a
 * file (`cognito-studio policies starter`). Each row says where the rule comes from. "Production" is the target
 * named prod or production, or a pool labelled `env: production` / `env: prod` (what the findings read too).
 */
import type { Policy } from "./types";

const PRODUCTION = 'target.name in ["prod", "production"] || pool.metadata.labels.env in ["prod", "production"]';

/** Cognito accepts http only for loopback redirects; production must not send users there. */
const LOOPBACK = String.raw`^https?://(localhost|127\.0\.0\.1|\[::1\])([:/]|$)`;

export const STARTER_POLICIES: readonly Policy[] = [
  {
    // https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-deletion-protection.html
    id: "prod-deletion-protection",
    description: "Production pools keep deletion protection on",
    severity: "block",
    when: PRODUCTION,
    require: 'pool.spec.deletionProtection == "ACTIVE"',
    path: "spec.deletionProtection",
  },
  {
    // https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
    id: "prod-mfa-required",
    description: "Production pools require MFA for every user",
    severity: "block",
    when: PRODUCTION,
    require: 'pool.spec.mfaConfiguration == "ON"',
    path: "spec.mfaConfiguration",
  },
  {
    // RFC 9700 section 2.1.2 (https://www.rfc-editor.org/rfc/rfc9700#section-2.1.2): do not use the implicit grant.
    id: "no-implicit-grant",
    description: "App clients do not allow the implicit grant; use the code grant with PKCE",
    severity: "block",
    each: "clients",
    require: '!has(item.allowedOAuthFlows) || !("implicit" in item.allowedOAuthFlows)',
    path: "spec.clients[*].allowedOAuthFlows",
  },
  {
    // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html (CallbackURLs)
    id: "prod-no-localhost-callbacks",
    description: "Production app clients do not redirect to localhost",
    severity: "block",
    when: PRODUCTION,
    each: "clients",
    // A raw string (r"…"): the pattern reads as written, without doubled backslashes.
    require: `!has(item.callbackUrls) || item.callbackUrls.all(u, !u.matches(r"${LOOPBACK}"))`,
    path: "spec.clients[*].callbackUrls",
  },
  {
    // https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html (default 30 days)
    id: "refresh-token-30-days",
    description: "Refresh tokens live at most 30 days",
    severity: "warn",
    each: "clients",
    require:
      '!has(item.refreshTokenValidity) || item.refreshTokenValidity <= 30.0 * {"seconds": 86400.0, "minutes": 1440.0, "hours": 24.0, "days": 1.0}[has(item.tokenValidityUnits) && has(item.tokenValidityUnits.refreshToken) ? item.tokenValidityUnits.refreshToken : "days"]',
    path: "spec.clients[*].refreshTokenValidity",
  },
  {
    // https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html (password policies)
    id: "password-min-length-12",
    description: "Passwords have at least 12 characters",
    severity: "warn",
    require: "pool.spec.passwordPolicy.minimumLength >= 12",
    path: "spec.passwordPolicy.minimumLength",
  },
];
