import "server-only";
import bcrypt from "bcryptjs";
import { type Db, getDb } from "./db";
import { UserError } from "./errors";
import { createRateLimiter } from "./rate-limit";
import type { Role } from "./roles";

/** bcrypt cost: about 100 ms per hash on a laptop with bcryptjs. */
const BCRYPT_COST = 10;
/** Compared against when the email is unknown, so a miss costs as long as a wrong password. */
const DUMMY_HASH = bcrypt.hashSync("not-a-password", BCRYPT_COST);

export const DEFAULT_WORKSPACE_NAME = "Default workspace";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewAccount {
  email: string;
  name: string;
  password: string;
}

export interface Account {
  id: string;
  email: string;
  name: string;
  workspaceId: string;
  role: Role;
}

/**
 * Creates a user. The first account on an empty database creates the default workspace and becomes its
 * admin; later accounts join the default workspace as viewers (an admin raises them).
 */
export async function createAccount(input: NewAccount, db: Db = getDb().db): Promise<Account> {
  const email = normaliseEmail(input.email);
  const passwordHash = await bcrypt.hash(input.password, BCRYPT_COST);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new UserError("email-taken", "An account with this email already exists; sign in instead.");
    }
    return createMember(tx, { email, name: input.name.trim(), passwordHash }, "");
  });
}

/** Marks an account that signs in through an identity provider: it has no password (never a bcrypt hash). */
export const NO_PASSWORD = "!external";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** The user and their membership: the first account ever is admin of the default workspace, later ones viewers. */
async function createMember(tx: Tx, user: { email: string; name: string; passwordHash: string }, how: string): Promise<Account> {
  const first = (await tx.user.count()) === 0;
  const workspace =
    (await tx.workspace.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } })) ??
    (await tx.workspace.create({ data: { name: DEFAULT_WORKSPACE_NAME }, select: { id: true } }));
  const role: Role = first ? "admin" : "viewer";
  const created = await tx.user.create({ data: { ...user, memberships: { create: { workspaceId: workspace.id, role } } } });
  await tx.auditEvent.create({
    data: { actor: user.email, action: "user.sign-up", target: created.id, workspaceId: workspace.id, after: `${user.email} joined as ${role}${how}` },
  });
  return { id: created.id, email: user.email, name: created.name, workspaceId: workspace.id, role };
}

/**
 * The studio account of someone who signed in with the OIDC provider (a verified email, see
 * auth-oidc.ts): the existing user with that email, or a new one, created like a sign-up (the first
 * account ever is admin, later ones viewers) without a password.
 */
export async function findOrCreateOidcAccount(identity: { email: string; name: string }, db: Db = getDb().db): Promise<{ id: string; created: boolean }> {
  const email = normaliseEmail(identity.email);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, memberships: { select: { workspaceId: true }, take: 1 } } });
    if (existing) {
      // A password account now also signs in through the issuer: that link is a change of who can be
      // this person, so it is audited, once.
      const workspaceId = existing.memberships[0]?.workspaceId;
      const linked = await tx.auditEvent.findFirst({ where: { action: "user.oidc-link", target: existing.id }, select: { id: true } });
      if (existing.passwordHash !== NO_PASSWORD && !linked && workspaceId) {
        await tx.auditEvent.create({ data: { actor: email, action: "user.oidc-link", target: existing.id, workspaceId, after: `${email} signed in with OIDC for the first time (verified email matched the account)` } });
      }
      return { id: existing.id, created: false };
    }
    const account = await createMember(tx, { email, name: identity.name.trim() || email, passwordHash: NO_PASSWORD }, " (signed in with OIDC)");
    return { id: account.id, created: true };
  });
}

/** Five wrong passwords per email and client address, then a 15-minute pause. */
const signInLimiter = createRateLimiter({ maxFailures: 5, windowMs: 15 * 60_000 });

export type CredentialCheck =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/** Checks an email and password, counting failures per email + client address. */
export async function verifyCredentials(emailInput: string, password: string, clientAddress: string, db: Db = getDb().db): Promise<CredentialCheck> {
  const email = normaliseEmail(emailInput);
  const key = `${email}|${clientAddress}`;
  const wait = signInLimiter.retryAfter(key);
  if (wait > 0) return { ok: false, reason: "rate-limited", retryAfterSeconds: wait };
  const user = await db.user.findUnique({ where: { email } });
  // An account without a password (OIDC) never matches; the dummy compare keeps the timing the same.
  const hasPassword = Boolean(user && user.passwordHash !== NO_PASSWORD);
  const matches = await bcrypt.compare(password, hasPassword && user ? user.passwordHash : DUMMY_HASH);
  if (!user || !hasPassword || !matches) {
    signInLimiter.recordFailure(key);
    return { ok: false, reason: "invalid" };
  }
  signInLimiter.reset(key);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

/** The user's membership in the default workspace (the only one the UI shows so far). */
export async function findAccount(userId: string, db: Db = getDb().db): Promise<Account | null> {
  const membership = await db.membership.findFirst({
    where: { userId },
    orderBy: { createdAt: "asc" },
    include: { user: true },
  });
  if (!membership) return null;
  return {
    id: membership.userId,
    email: membership.user.email,
    name: membership.user.name,
    workspaceId: membership.workspaceId,
    role: membership.role as Role,
  };
}

export async function countUsers(db: Db = getDb().db): Promise<number> {
  return db.user.count();
}
