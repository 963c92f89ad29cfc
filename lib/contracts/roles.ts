/**
 * Workspace roles, weakest first. Each role can do everything the roles before it can:
 * viewer reads; editor edits drafts and saves revisions; approver approves and applies (team review);
 * admin also manages members. Plain data (no server imports) so the UI can hide what a role cannot do;
 * the server is still the guard (lib/server/action.ts).
 */
export const ROLES = ["viewer", "editor", "approver", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** True when `role` is at least `required`. An unknown role (a bad database value) has no rights. */
export function hasRole(role: string | null | undefined, required: Role): boolean {
  if (!isRole(role)) return false;
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}
