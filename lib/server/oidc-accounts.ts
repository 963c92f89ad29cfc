import "server-only";
import { type OidcProfile, oidcIdentity } from "./auth-oidc";
import { type Db, getDb } from "./db";
import { findOrCreateOidcAccount } from "./users";

/**
 * The studio user an OIDC sign-in becomes (the session's subject): found or created by verified email.
 * Refused, with the reason for the server log, when the issuer sent no verified email.
 */
export async function userForOidcProfile(
  profile: Partial<OidcProfile> | undefined,
  db: Db = getDb().db,
  allowedDomains: readonly string[] = [],
): Promise<{ ok: true; userId: string; created: boolean } | { ok: false; reason: string }> {
  const identity = oidcIdentity(profile, allowedDomains);
  if (!identity.ok) return identity;
  const user = await findOrCreateOidcAccount(identity, db);
  return { ok: true, userId: user.id, created: user.created };
}
