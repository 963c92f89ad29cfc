import "server-only";
import { type Db, getDb } from "./db";
import { UserError } from "./errors";
import type { Role } from "./roles";
import type { Account } from "./users";

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

export async function listMembers(workspaceId: string, db: Db = getDb().db): Promise<MemberView[]> {
  const rows = await db.membership.findMany({ where: { workspaceId }, include: { user: true }, orderBy: { createdAt: "asc" } });
  return rows.map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role as Role }));
}

/** Changes a member's role; the workspace always keeps at least one admin. */
export async function setMemberRole(account: Account, input: { userId: string; role: Role }, db: Db = getDb().db): Promise<{ email: string; before: Role; after: Role }> {
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { userId: input.userId, workspaceId: account.workspaceId }, include: { user: true } });
    if (!membership) throw new UserError("member-not-found", "This person is not a member of the workspace.");
    const before = membership.role as Role;
    if (before === "admin" && input.role !== "admin" && (await tx.membership.count({ where: { workspaceId: account.workspaceId, role: "admin" } })) <= 1) {
      throw new UserError("last-admin", "The workspace needs at least one admin; make someone else admin first.");
    }
    await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } });
    return { email: membership.user.email, before, after: input.role };
  });
}
