import "server-only";
import { z } from "zod";
import "@/lib/cognito/spec/error-map";
import { type Db, getDb } from "./db";
import { UserError } from "./errors";
import { type Role, hasRole } from "./roles";
import { getCurrentAccount } from "./session";
import type { Account } from "./users";

import type { ActionResult } from "./action-result";

/** What every server action returns (STYLE.md practice 8): never throws to the client. */
export type { ActionResult };

/** What the audit log records about one successful mutation (never secrets). */
export interface AuditEntry {
  target: string;
  poolId?: string | null;
  before?: string | null;
  after?: string | null;
  details?: Record<string, unknown>;
}

export interface ActionOptions<S extends z.ZodType> {
  schema: S;
  /** The weakest role allowed to run the action. */
  role: Role;
  /**
   * For a mutation: the audit action name (the handler describes what happened with `ctx.audit`);
   * `false` for a read-only action (nothing to audit).
   */
  audit: string | false;
  /**
   * Run the handler and write its audit event in one database transaction (the handler gets it as `ctx.db`):
   * the change and its audit record are stored together or not at all.
   */
  transaction?: boolean;
}

/** The client of an open transaction. */
export type TxDb = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface ActionContext {
  account: Account;
  /** The transaction, for an action defined with `transaction: true`; the shared client otherwise. */
  db: TxDb | Db;
  /** Describe the mutation for the audit log (written after the handler succeeds). */
  audit(entry: AuditEntry): void;
}

export const GENERIC_ERROR = "Something went wrong on the server; the error was logged. Try again, or reload the page.";
export const SIGNED_OUT_ERROR = "Your session has ended; sign in again.";

/** zod issues → field errors keyed by the dotted field name react-hook-form uses ("" for the form). */
export function toFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const name = issue.path.map(String).join(".");
    (out[name] ??= []).push(issue.message);
  }
  return out;
}

/**
 * The one action wrapper (like dub's safe-action): authenticate, authorise by role on the server,
 * validate with the zod schema (safeParse, never throws), run, audit the mutation, and map errors:
 * a {@link UserError} is shown as is; anything else becomes a generic message logged on the server.
 */
export function defineAction<S extends z.ZodType, T>(
  options: ActionOptions<S>,
  handler: (input: z.infer<S>, ctx: ActionContext) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input) => {
    let account: Account | null;
    try {
      account = await getCurrentAccount();
    } catch (error) {
      console.error("action: session lookup failed", error);
      return { ok: false, fieldErrors: {}, formError: GENERIC_ERROR };
    }
    if (!account) return { ok: false, fieldErrors: {}, formError: SIGNED_OUT_ERROR };
    if (!hasRole(account.role, options.role)) {
      return { ok: false, fieldErrors: {}, formError: `This needs the ${options.role} role; you are ${account.role}. Ask an admin of the workspace.` };
    }
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, fieldErrors: toFieldErrors(parsed.error), formError: "Some fields need attention." };
    }
    try {
      let entry: AuditEntry = { target: "" };
      const run = async (db: TxDb | Db) => {
        const data = await handler(parsed.data, { account, db, audit: (e) => void (entry = e) });
        if (options.audit) {
          await db.auditEvent.create({
            data: {
              actor: account.email,
              action: options.audit,
              target: entry.target,
              workspaceId: account.workspaceId,
              poolId: entry.poolId ?? null,
              before: entry.before ?? null,
              after: entry.after ?? null,
              details: JSON.stringify(entry.details ?? {}),
            },
          });
        }
        return data;
      };
      const client = getDb().db;
      const data = options.transaction ? await client.$transaction((tx) => run(tx)) : await run(client);
      return { ok: true, data };
    } catch (error) {
      if (error instanceof UserError) {
        return error.field ? { ok: false, fieldErrors: { [error.field]: [error.message] } } : { ok: false, fieldErrors: {}, formError: error.message };
      }
      console.error(`action ${options.audit || "(read)"} failed`, error);
      return { ok: false, fieldErrors: {}, formError: GENERIC_ERROR };
    }
  };
}
