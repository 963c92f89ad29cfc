import "server-only";
import { type Account, findAccount } from "./users";

/** Who the request belongs to, as the session says: only the user id (the role comes from the database). */
export type SessionLookup = () => Promise<{ userId: string } | null>;

const nextAuthLookup: SessionLookup = async () => {
  // Imported lazily so tests (which inject their own lookup) never load next-auth.
  const { auth } = await import("./auth");
  const session = await auth();
  return session?.user?.id ? { userId: session.user.id } : null;
};

let lookup: SessionLookup = nextAuthLookup;

/** For tests: replace how the session is found (pass undefined to restore next-auth). */
export function setSessionLookup(fn: SessionLookup | undefined): void {
  lookup = fn ?? nextAuthLookup;
}

/** The signed-in person with their workspace and role, or null (no session, or the user was deleted). */
export async function getCurrentAccount(): Promise<Account | null> {
  const session = await lookup();
  return session ? findAccount(session.userId) : null;
}
