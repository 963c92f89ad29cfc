import "server-only";
import { type Db, getDb } from "./db";
import { UserError } from "./errors";
import { ROLES, type Role } from "@/lib/contracts/roles";
import type { Account } from "./users";

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export async function listMembers(workspaceId: string, db: Db = getDb().db): Promise<MemberView[]> {
  const rows = await db.membership.findMany({ where: { workspaceId }, include: { user: true }, orderBy: { createdAt: "asc" } });
  return rows.map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role as Role }));
}

const LAST_ADMIN = "The workspace needs at least one admin; make someone else admin first.";

/**
 * Serialises changes to a workspace's admins, so two admins demoting or removing each other at once
 * cannot leave none: a no-op update of the workspace row takes its row lock (PostgreSQL) or the write
 * lock (SQLite) until the transaction ends, and the admin count is read after it.
 */
async function lockWorkspaceMembers(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "Workspace" SET "name" = "name" WHERE "id" = ${workspaceId}`;
}

async function isLastAdmin(tx: Tx, workspaceId: string, role: Role): Promise<boolean> {
  return role === "admin" && (await tx.membership.count({ where: { workspaceId, role: "admin" } })) <= 1;
}

/**
 * Changes a member's role; the workspace always keeps at least one admin. A demotion ends the
 * member's sessions (their session version grows), so they sign in again under the new role.
 */
export async function setMemberRole(account: Account, input: { userId: string; role: Role }, db: Db = getDb().db): Promise<{ email: string; before: Role; after: Role }> {
  return db.$transaction(async (tx) => {
    await lockWorkspaceMembers(tx, account.workspaceId);
    const membership = await tx.membership.findFirst({ where: { userId: input.userId, workspaceId: account.workspaceId }, include: { user: true } });
    if (!membership) throw new UserError("member-not-found", "This person is not a member of the workspace.");
    const before = membership.role as Role;
    if (input.role !== "admin" && (await isLastAdmin(tx, account.workspaceId, before))) throw new UserError("last-admin", LAST_ADMIN);
    await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } });
    if (ROLES.indexOf(input.role) < ROLES.indexOf(before)) {
      await tx.user.update({ where: { id: input.userId }, data: { sessionVersion: { increment: 1 } } });
    }
    return { email: membership.user.email, before, after: input.role };
  });
}

/**
 * Removes a member: their account is deleted (the studio has one workspace), so their sessions end at
 * once and their password no longer signs in; an admin can invite them again. Never the last admin.
 */
export async function removeMember(account: Account, input: { userId: string }, db: Db = getDb().db): Promise<{ email: string; role: Role }> {
  return db.$transaction(async (tx) => {
    await lockWorkspaceMembers(tx, account.workspaceId);
    const membership = await tx.membership.findFirst({ where: { userId: input.userId, workspaceId: account.workspaceId }, include: { user: true } });
    if (!membership) throw new UserError("member-not-found", "This person is not a member of the workspace.");
    const role = membership.role as Role;
    if (await isLastAdmin(tx, account.workspaceId, role)) throw new UserError("last-admin", LAST_ADMIN);
    await tx.user.delete({ where: { id: input.userId } });
    return { email: membership.user.email, role };
  });
}
