import "server-only";
import { cache } from "react";
import { getDb } from "./db";
import { type Account, findAccount } from "./users";

/**
 * Who the request belongs to, as the session says: the user id and the session version the token was
 * issued under (the role comes from the database). A token without a version counts as version 0.
 */
export type SessionLookup = () => Promise<{ userId: string; sessionVersion?: number } | null>;

const nextAuthLookup: SessionLookup = async () => {
  // Imported lazily so tests (which inject their own lookup) never load next-auth. The cookie is decrypted once
  // per token (lib/server/session-token.ts), not by Auth.js's auth() on every request.
  const [{ headers }, { sessionTokenReader }] = await Promise.all([import("next/headers"), import("./session-token")]);
  const claims = await sessionTokenReader().read(await headers());
  return claims ? { userId: claims.userId, sessionVersion: claims.sessionVersion } : null;
};

let lookup: SessionLookup = nextAuthLookup;

/** For tests: replace how the session is found (pass undefined to restore next-auth). */
export function setSessionLookup(fn: SessionLookup | undefined): void {
  lookup = fn ?? nextAuthLookup;
}

/**
 * The signed-in person with their workspace and role, or null: no session, the user was removed, or
 * the token predates their last removal or demotion (its session version is older than the user's).
 * Once per page render (React's `cache`: the root layout, the pool layout and the page all ask, and each
 * answer decrypts the session token and reads the database); server actions and route handlers read it anew.
 */
export const getCurrentAccount: () => Promise<Account | null> = cache(async () => {
  const session = await lookup();
  return session ? findAccount(session.userId, getDb().db, session.sessionVersion ?? 0) : null;
});
