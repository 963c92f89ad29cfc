import "server-only";
import { type OidcProfile, oidcIdentity } from "./auth-oidc";
import { type SignupPolicy, signupPolicyFromEnv } from "./auth-policy";
import { type Db, getDb } from "./db";
import { findOrCreateOidcAccount } from "./users";

/**
 * The studio user an OIDC sign-in becomes (the session's subject): found by verified email (never a password account with an unverified email) or created as the sign-up policy allows.
 * Refused, with the reason for the server log, when the issuer sent no verified email.
 */
export async function userForOidcProfile(
  profile: Partial<OidcProfile> | undefined,
  db: Db = getDb().db,
  policy: SignupPolicy = signupPolicyFromEnv(),
): Promise<{ ok: true; userId: string; created: boolean } | { ok: false; reason: string }> {
  const identity = oidcIdentity(profile, policy.allowedDomains);
  if (!identity.ok) return identity;
  const user = await findOrCreateOidcAccount(identity, policy, db);
  return user.ok ? { ok: true, userId: user.id, created: user.created } : user;
}
