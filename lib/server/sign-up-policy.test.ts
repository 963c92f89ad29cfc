import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrate } from "@/prisma/migrate.mjs";
import type { SignupPolicy } from "./auth-policy";

// A real SQLite file; the policy is passed explicitly to each call (the suite's env says open).
const dir = mkdtempSync(path.join(tmpdir(), "studio-signup-"));
process.env.DATABASE_URL = `file:${path.join(dir, "studio.db")}`;

const { getDb } = await import("./db");
const users = await import("./users");
const members = await import("./members");
const { setSessionLookup, getCurrentAccount } = await import("./session");
const { signupPolicyFromEnv } = await import("./auth-policy");

const invite: SignupPolicy = { mode: "invite", allowedDomains: [] };
const open: SignupPolicy = { mode: "open", allowedDomains: [] };
const closed: SignupPolicy = { mode: "closed", allowedDomains: [] };
const db = () => getDb().db;
let admin: Awaited<ReturnType<typeof users.createAccount>>;
let address = 0;
/** A fresh client address per call, so these tests do not run into the per-address sign-up limit. */
const from = (policy: SignupPolicy) => ({ clientAddress: `198.51.100.${++address}`, policy });

beforeAll(async () => {
  await migrate(process.env.DATABASE_URL);
  admin = await users.createAccount({ email: "root@example.com", name: "Root", password: "root password 1" }, from(invite));
});

afterAll(async () => {
  setSessionLookup(undefined);
  await db().$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("STUDIO_SIGNUP", () => {
  test("reads open, invite (the default) and closed; refuses anything else, naming the variable", () => {
    expect(signupPolicyFromEnv({})).toEqual({ mode: "invite", allowedDomains: [] });
    expect(signupPolicyFromEnv({ STUDIO_SIGNUP: "Open", STUDIO_ALLOWED_EMAIL_DOMAINS: "Example.com, @example.org" })).toEqual({ mode: "open", allowedDomains: ["example.com", "example.org"] });
    // The older OIDC-only variable still works, now for every way in.
    expect(signupPolicyFromEnv({ AUTH_OIDC_ALLOWED_DOMAINS: "example.net" }).allowedDomains).toEqual(["example.net"]);
    expect(() => signupPolicyFromEnv({ STUDIO_SIGNUP: "yes" })).toThrow('STUDIO_SIGNUP must be open, invite or closed (default invite); it is "yes"');
  });

  test("the first account on a new database is the admin; after it, sign-up needs an invitation by default", async () => {
    expect(admin.role).toBe("admin");
    await expect(users.createAccount({ email: "walk-in@example.com", name: "Walk-in", password: "walk-in password" }, from(invite))).rejects.toThrow(
      "Sign-up on this studio is by invitation: ask an admin of the studio to invite you, then open the link they send you.",
    );
    await expect(users.createAccount({ email: "walk-in@example.com", name: "Walk-in", password: "walk-in password" }, from(closed))).rejects.toThrow("Sign-up is closed on this studio");
    expect(await db().user.count({ where: { email: "walk-in@example.com" } })).toBe(0);
    expect((await users.createAccount({ email: "walk-in@example.com", name: "Walk-in", password: "walk-in password" }, from(open))).role).toBe("viewer");
  });

  test("allowed domains apply to password sign-up and to invitations", async () => {
    const only = { mode: "open" as const, allowedDomains: ["example.com"] };
    await expect(users.createAccount({ email: "x@gmail.com", name: "X", password: "x password 123" }, from(only))).rejects.toThrow("This studio accepts accounts with an email at example.com only.");
    await expect(users.createInvitation(admin, { email: "y@gmail.com", role: "viewer" }, only, db())).rejects.toThrow("example.com only");
  });
});

describe("invitations", () => {
  test("store only a hash of the link, create the account with the invited role and a verified email, and work once", async () => {
    const { token, expiresAt } = await users.createInvitation(admin, { email: "Ivy@Example.com", role: "approver" }, invite, db(), new Date());
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
    const rows = await db().invitation.findMany({ where: { email: "ivy@example.com" } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await users.findInvitation(token)).toMatchObject({ email: "ivy@example.com", role: "approver", invitedBy: "root@example.com" });

    const ivy = await users.acceptInvitation({ token, name: "Ivy", password: "ivy password 12" }, from(invite));
    expect(ivy).toMatchObject({ email: "ivy@example.com", role: "approver", workspaceId: admin.workspaceId });
    expect((await db().user.findUniqueOrThrow({ where: { id: ivy.id } })).emailVerified).toBe(true);
    await expect(users.acceptInvitation({ token, name: "Again", password: "again password" }, from(invite))).rejects.toThrow(users.INVITATION_INVALID);
    expect(await users.findInvitation(token)).toBeNull();
  });

  test("an expired link, an unknown link and a replaced link are refused; closed sign-up refuses invitations too", async () => {
    const old = await users.createInvitation(admin, { email: "late@example.com", role: "viewer" }, invite, db(), new Date(Date.now() - users.INVITATION_TTL_MS - 1000));
    await expect(users.acceptInvitation({ token: old.token, name: "Late", password: "late password 12" }, from(invite))).rejects.toThrow(users.INVITATION_INVALID);
    await expect(users.acceptInvitation({ token: "made-up", name: "Nobody", password: "nobody password" }, from(invite))).rejects.toThrow(users.INVITATION_INVALID);
    const first = await users.createInvitation(admin, { email: "twice@example.com", role: "viewer" }, invite, db());
    const second = await users.createInvitation(admin, { email: "twice@example.com", role: "editor" }, invite, db());
    await expect(users.acceptInvitation({ token: first.token, name: "Twice", password: "twice password 1" }, from(invite))).rejects.toThrow(users.INVITATION_INVALID);
    await expect(users.acceptInvitation({ token: second.token, name: "Twice", password: "twice password 1" }, from(closed))).rejects.toThrow("Sign-up is closed");
    expect((await users.acceptInvitation({ token: second.token, name: "Twice", password: "twice password 1" }, from(invite))).role).toBe("editor");
  });

  test("two uses of one link at once create one account", async () => {
    const { token } = await users.createInvitation(admin, { email: "race@example.com", role: "viewer" }, invite, db());
    const results = await Promise.allSettled([1, 2, 3].map((n) => users.acceptInvitation({ token, name: `Race ${n}`, password: "race password 12" }, from(invite))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().user.count({ where: { email: "race@example.com" } })).toBe(1);
  });
});

describe("removing and demoting members", () => {
  async function invited(email: string, role: "viewer" | "editor" | "approver" | "admin") {
    const { token } = await users.createInvitation(admin, { email, role }, invite, db());
    return users.acceptInvitation({ token, name: email, password: "member password" }, from(invite));
  }

  test("removing a member ends their session at once and their password no longer works", async () => {
    const gone = await invited("gone@example.com", "editor");
    setSessionLookup(async () => ({ userId: gone.id, sessionVersion: 0 }));
    expect(await getCurrentAccount()).toMatchObject({ email: "gone@example.com", role: "editor" });
    await members.removeMember(admin, { userId: gone.id });
    expect(await getCurrentAccount()).toBeNull();
    expect(await users.verifyCredentials("gone@example.com", "member password", "203.0.113.50")).toEqual({ ok: false, reason: "invalid" });
  });

  test("demoting a member ends the sessions signed in before (their session version grows); a new sign-in works", async () => {
    const demoted = await invited("demoted@example.com", "approver");
    setSessionLookup(async () => ({ userId: demoted.id, sessionVersion: 0 }));
    await members.setMemberRole(admin, { userId: demoted.id, role: "viewer" });
    expect(await getCurrentAccount()).toBeNull();
    const version = await users.sessionVersionOf(demoted.id);
    expect(version).toBe(1);
    setSessionLookup(async () => ({ userId: demoted.id, sessionVersion: version ?? -1 }));
    expect(await getCurrentAccount()).toMatchObject({ role: "viewer" });
    // Raising someone does not sign them out.
    await members.setMemberRole(admin, { userId: demoted.id, role: "editor" });
    expect(await getCurrentAccount()).toMatchObject({ role: "editor" });
  });

  test("the last admin can be neither removed nor demoted, even by two admins at once", async () => {
    await expect(members.removeMember(admin, { userId: admin.id })).rejects.toThrow("at least one admin");
    await expect(members.setMemberRole(admin, { userId: admin.id, role: "editor" })).rejects.toThrow("at least one admin");
    const second = await invited("second-admin@example.com", "admin");
    const both = await Promise.allSettled([
      members.setMemberRole(admin, { userId: second.id, role: "viewer" }),
      members.setMemberRole({ ...second }, { userId: admin.id, role: "viewer" }),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().membership.count({ where: { workspaceId: admin.workspaceId, role: "admin" } })).toBe(1);
  });
});

describe("passwords and bcrypt's 72 bytes", () => {
  test("the sign-up schema refuses more than 72 UTF-8 bytes at the password field, even under 72 characters", async () => {
    const { signUpSchema } = await import("@/lib/contracts/auth-inputs");
    const accents = "é".repeat(37); // 37 characters, 74 bytes
    const result = signUpSchema.safeParse({ name: "A", email: "a@example.com", password: accents });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["password", "use at most 72 bytes: letters with accents and other non-English characters count 2 to 4 each"]]);
    expect(signUpSchema.safeParse({ name: "A", email: "a@example.com", password: "é".repeat(36) }).success).toBe(true);
  });

  test("the server refuses such a password too, so two passwords sharing 72 bytes cannot both sign in", async () => {
    const { token } = await users.createInvitation(admin, { email: "bytes@example.com", role: "viewer" }, invite, db());
    await expect(users.acceptInvitation({ token, name: "B", password: `${"é".repeat(36)}tail` }, from(invite))).rejects.toThrow("longer than 72 bytes");
  });
});
