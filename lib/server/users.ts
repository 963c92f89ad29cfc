import "server-only";
import { createHash, randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { type SignupPolicy, refuseEmailDomain, signupPolicyFromEnv, signupRefusal } from "./auth-policy";
import { type Db, getDb } from "./db";
import { UserError } from "./errors";
import { LIMITS, clearAttempts, countAttempt, longestWait } from "./rate-limit";
import { type Role, isRole } from "@/lib/contracts/roles";

/** bcrypt cost: about 100 ms per hash on a laptop with bcryptjs. */
const BCRYPT_COST = 10;
/** Compared against when the email is unknown, so a miss costs as long as a wrong password. */
const DUMMY_HASH = bcrypt.hashSync("not-a-password", BCRYPT_COST);
/** bcrypt reads only the first 72 bytes of a password: a longer one would be cut silently. */
export const BCRYPT_MAX_BYTES = 72;
/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

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

/** Where a request came from, for rate limits and the audit log (see lib/server/client-address.ts). */
export interface Origin {
  clientAddress: string;
  policy?: SignupPolicy;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function hashPassword(password: string): Promise<string> {
  // The schemas refuse these first; this is the guard for any other caller.
  if (Buffer.byteLength(password, "utf8") > BCRYPT_MAX_BYTES) {
    throw new UserError("password-too-long", `The password is longer than ${BCRYPT_MAX_BYTES} bytes.`, "password");
  }
  return bcrypt.hash(password, BCRYPT_COST);
}

async function refuseWhenLimited(limit: (typeof LIMITS)[keyof typeof LIMITS], who: string, db: Db): Promise<void> {
  const wait = await longestWait([[limit, who]], db);
  if (wait > 0) throw new UserError("rate-limited", `Too many attempts from your address; try again in ${Math.ceil(wait / 60)} minutes.`);
  await countAttempt(limit, who, db);
}

/**
 * Claims the first-admin row (id 1) for `email`: true for exactly one caller ever. Two sign-ups at
 * once both insert; the primary key makes the second wait for the first and then insert nothing.
 */
async function claimFirstAdmin(tx: Tx, email: string): Promise<boolean> {
  const inserted = await tx.$executeRaw`INSERT INTO "FirstAdmin" ("id", "email") VALUES (1, ${email}) ON CONFLICT ("id") DO NOTHING`;
  return inserted === 1;
}

/** True until the first account exists (the sign-up page then offers to create the admin). */
export async function isNewStudio(db: Db = getDb().db): Promise<boolean> {
  return (await db.firstAdmin.count()) === 0;
}

/**
 * Creates a user by password sign-up. The first account on a new database creates the default
 * workspace and becomes its admin; later ones join as viewers only when STUDIO_SIGNUP is open.
 */
export async function createAccount(input: NewAccount, origin: Origin = { clientAddress: "local" }, db: Db = getDb().db): Promise<Account> {
  const email = normaliseEmail(input.email);
  const policy = origin.policy ?? signupPolicyFromEnv();
  const domain = refuseEmailDomain(email, policy);
  if (domain) throw new UserError("email-domain", domain, "email");
  await refuseWhenLimited(LIMITS.signUpPerAddress, origin.clientAddress, db);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new UserError("email-taken", "An account with this email already exists; sign in instead.", "email");
    }
    const first = await claimFirstAdmin(tx, email);
    if (!first && policy.mode !== "open") throw new UserError("signup-closed", signupRefusal(policy.mode));
    return createMember(tx, { email, name: input.name.trim(), passwordHash }, first ? "admin" : "viewer", "");
  });
}

/** Marks an account that signs in through an identity provider: it has no password (never a bcrypt hash). */
export const NO_PASSWORD = "!external";

/** The user and their membership of the default workspace (created by the first admin). */
async function createMember(tx: Tx, user: { email: string; name: string; passwordHash: string; emailVerified?: boolean }, role: Role, how: string): Promise<Account> {
  const existing = await tx.workspace.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!existing && role !== "admin") throw new Error("createMember: no workspace yet, and this is not the first admin");
  const workspace = existing ?? (await tx.workspace.create({ data: { name: DEFAULT_WORKSPACE_NAME }, select: { id: true } }));
  const created = await tx.user.create({ data: { ...user, memberships: { create: { workspaceId: workspace.id, role } } } });
  await tx.auditEvent.create({
    data: { actor: user.email, action: "user.sign-up", target: created.id, workspaceId: workspace.id, after: `${user.email} joined as ${role}${how}` },
  });
  return { id: created.id, email: user.email, name: created.name, workspaceId: workspace.id, role };
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * An admin invites an email with a role. Returns the link's token once; only its SHA-256 is stored.
 * An earlier open invitation for the same email is replaced (its link stops working).
 */
export async function createInvitation(
  admin: Account,
  input: { email: string; role: Role },
  policy: SignupPolicy = signupPolicyFromEnv(),
  db: Db = getDb().db,
  now = new Date(),
): Promise<{ token: string; email: string; role: Role; expiresAt: Date }> {
  const email = normaliseEmail(input.email);
  if (policy.mode === "closed") throw new UserError("signup-closed", "Sign-up is closed on this studio (STUDIO_SIGNUP=closed): invitations cannot be used.");
  const domain = refuseEmailDomain(email, policy);
  if (domain) throw new UserError("email-domain", domain, "email");
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new UserError("email-taken", "This person already has an account.", "email");
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  await db.$transaction(async (tx) => {
    await tx.invitation.deleteMany({ where: { workspaceId: admin.workspaceId, email, acceptedAt: null } });
    await tx.invitation.create({ data: { workspaceId: admin.workspaceId, email, role: input.role, tokenHash: hashToken(token), invitedBy: admin.email, expiresAt } });
  });
  return { token, email, role: input.role, expiresAt };
}

export interface InvitationView {
  email: string;
  role: Role;
  invitedBy: string;
  expiresAt: Date;
}

/** The open invitation a link's token names, or null (unknown, used or expired). */
export async function findInvitation(token: string, db: Db = getDb().db, now = new Date()): Promise<InvitationView | null> {
  const row = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.acceptedAt || row.expiresAt <= now || !isRole(row.role)) return null;
  return { email: row.email, role: row.role, invitedBy: row.invitedBy, expiresAt: row.expiresAt };
}

export async function listOpenInvitations(workspaceId: string, db: Db = getDb().db, now = new Date()): Promise<InvitationView[]> {
  const rows = await db.invitation.findMany({ where: { workspaceId, acceptedAt: null, expiresAt: { gt: now } }, orderBy: { createdAt: "asc" } });
  return rows.filter((r) => isRole(r.role)).map((r) => ({ email: r.email, role: r.role as Role, invitedBy: r.invitedBy, expiresAt: r.expiresAt }));
}

export const INVITATION_INVALID = "This invitation link is not valid: it was used already, it expired, or it was replaced by a newer one. Ask an admin for a new link.";

/**
 * Creates the invited person's account with the invitation's email and role. The link works once:
 * marking it accepted is a conditional update, so two uses at once create one account.
 */
export async function acceptInvitation(
  input: { token: string; name: string; password: string },
  origin: Origin,
  db: Db = getDb().db,
  now = new Date(),
): Promise<Account> {
  const policy = origin.policy ?? signupPolicyFromEnv();
  if (policy.mode === "closed") throw new UserError("signup-closed", signupRefusal("closed"));
  const wait = await longestWait([[LIMITS.invitationPerAddress, origin.clientAddress]], db);
  if (wait > 0) throw new UserError("rate-limited", `Too many invalid invitation links from your address; try again in ${Math.ceil(wait / 60)} minutes.`);
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashToken(input.token) } });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt <= now || !isRole(invitation.role)) {
    await countAttempt(LIMITS.invitationPerAddress, origin.clientAddress, db);
    throw new UserError("invitation-invalid", INVITATION_INVALID);
  }
  const domain = refuseEmailDomain(invitation.email, policy);
  if (domain) throw new UserError("email-domain", domain);
  const passwordHash = await hashPassword(input.password);
  const role = invitation.role;
  return db.$transaction(async (tx) => {
    const used = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: now } });
    if (used.count !== 1) throw new UserError("invitation-invalid", INVITATION_INVALID);
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      throw new UserError("email-taken", "An account with this email already exists; sign in instead.");
    }
    // Whoever holds the link was given it for this email: that is the proof of the address.
    return createMember(tx, { email: invitation.email, name: input.name.trim(), passwordHash, emailVerified: true }, role, ` (invited by ${invitation.invitedBy})`);
  });
}

/**
 * The studio account of someone who signed in with the OIDC provider (a verified email, see
 * auth-oidc.ts). An existing account is used only when it has no password (made by OIDC) or its
 * email was verified: never a password account someone else may have created with this email
 * before its owner arrived. A new account follows the sign-up policy (first account admin; then an
 * open invitation for the email, or STUDIO_SIGNUP=open).
 */
export async function findOrCreateOidcAccount(
  identity: { email: string; name: string },
  policy: SignupPolicy = signupPolicyFromEnv(),
  db: Db = getDb().db,
  now = new Date(),
): Promise<{ ok: true; id: string; created: boolean } | { ok: false; reason: string }> {
  const email = normaliseEmail(identity.email);
  const domain = refuseEmailDomain(email, policy);
  if (domain) return { ok: false, reason: `${email}: ${domain}` };
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, emailVerified: true, memberships: { select: { workspaceId: true }, take: 1 } } });
    if (existing) {
      if (existing.passwordHash !== NO_PASSWORD && !existing.emailVerified) {
        return { ok: false as const, reason: `${email} has a password account whose email was never verified; it is not linked to the identity provider (sign in with the password)` };
      }
      const workspaceId = existing.memberships[0]?.workspaceId;
      const linked = await tx.auditEvent.findFirst({ where: { action: "user.oidc-link", target: existing.id }, select: { id: true } });
      if (existing.passwordHash !== NO_PASSWORD && !linked && workspaceId) {
        await tx.auditEvent.create({ data: { actor: email, action: "user.oidc-link", target: existing.id, workspaceId, after: `${email} signed in with OIDC for the first time (verified email matched the account's verified email)` } });
      }
      return { ok: true as const, id: existing.id, created: false };
    }
    const user = { email, name: identity.name.trim() || email, passwordHash: NO_PASSWORD, emailVerified: true };
    if (await claimFirstAdmin(tx, email)) {
      const account = await createMember(tx, user, "admin", " (signed in with OIDC)");
      return { ok: true as const, id: account.id, created: true };
    }
    if (policy.mode === "closed") return { ok: false as const, reason: `${email} has no account and sign-up is closed` };
    const invitation = await tx.invitation.findFirst({ where: { email, acceptedAt: null, expiresAt: { gt: now } }, orderBy: { createdAt: "desc" } });
    if (invitation && isRole(invitation.role)) {
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: now } });
      const account = await createMember(tx, user, invitation.role, ` (signed in with OIDC, invited by ${invitation.invitedBy})`);
      return { ok: true as const, id: account.id, created: true };
    }
    if (policy.mode !== "open") return { ok: false as const, reason: `${email} has no account and no invitation (STUDIO_SIGNUP=invite)` };
    const account = await createMember(tx, user, "viewer", " (signed in with OIDC)");
    return { ok: true as const, id: account.id, created: true };
  });
}

export type CredentialCheck =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/** The workspace an event about `userId` (or an unknown email) belongs to: the user's, else the default one. */
async function auditWorkspaceOf(userId: string | undefined, db: Db): Promise<string | null> {
  const membership = userId ? await db.membership.findFirst({ where: { userId }, select: { workspaceId: true } }) : null;
  if (membership) return membership.workspaceId;
  return (await db.workspace.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } }))?.id ?? null;
}

/**
 * Checks an email and password. Failures count per email + address and per address across every
 * email (spraying), in the database; each failure is audited with the address.
 */
export async function verifyCredentials(emailInput: string, password: string, clientAddress: string, db: Db = getDb().db): Promise<CredentialCheck> {
  const email = normaliseEmail(emailInput);
  const account: [typeof LIMITS.signInPerAccount, string] = [LIMITS.signInPerAccount, `${email}|${clientAddress}`];
  const address: [typeof LIMITS.signInPerAddress, string] = [LIMITS.signInPerAddress, clientAddress];
  const wait = await longestWait([account, address], db);
  if (wait > 0) return { ok: false, reason: "rate-limited", retryAfterSeconds: wait };
  const user = await db.user.findUnique({ where: { email } });
  // An account without a password (OIDC) never matches; the dummy compare keeps the timing the same.
  const hasPassword = Boolean(user && user.passwordHash !== NO_PASSWORD);
  const tooLong = Buffer.byteLength(password, "utf8") > BCRYPT_MAX_BYTES;
  const matches = await bcrypt.compare(password, hasPassword && user && !tooLong ? user.passwordHash : DUMMY_HASH);
  if (!user || !hasPassword || !matches || tooLong) {
    await countAttempt(...account, db);
    await countAttempt(...address, db);
    await db.auditEvent.create({
      data: { actor: email, action: "user.sign-in-failed", target: user?.id ?? "", workspaceId: await auditWorkspaceOf(user?.id, db), after: `wrong email or password from ${clientAddress}` },
    });
    return { ok: false, reason: "invalid" };
  }
  await clearAttempts(...account, db);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}

/** Audits a completed sign-in (Auth.js's signIn event: once per sign-in, whichever provider). */
export async function auditSignIn(emailInput: string, provider: string, db: Db = getDb().db): Promise<void> {
  // By email: for an OIDC sign-in, Auth.js's user id is the issuer's subject, not the studio's.
  const user = await db.user.findUnique({ where: { email: normaliseEmail(emailInput) }, select: { id: true, email: true } });
  if (!user) return;
  await db.auditEvent.create({ data: { actor: user.email, action: "user.sign-in", target: user.id, workspaceId: await auditWorkspaceOf(user.id, db), after: `signed in with ${provider}` } });
}

export async function sessionVersionOf(userId: string, db: Db = getDb().db): Promise<number | null> {
  return (await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } }))?.sessionVersion ?? null;
}

/**
 * The user's membership in the default workspace (the only one the UI shows so far). With a session
 * version (from the session token), a token signed in before the user was removed or demoted finds nobody.
 */
export async function findAccount(userId: string, db: Db = getDb().db, sessionVersion?: number): Promise<Account | null> {
  const membership = await db.membership.findFirst({
    where: { userId },
    orderBy: { createdAt: "asc" },
    include: { user: true },
  });
  if (!membership) return null;
  if (sessionVersion !== undefined && membership.user.sessionVersion !== sessionVersion) return null;
  return {
    id: membership.userId,
    email: membership.user.email,
    name: membership.user.name,
    workspaceId: membership.workspaceId,
    role: membership.role as Role,
  };
}

