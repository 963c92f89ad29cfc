import "server-only";
import { z } from "zod";
import "@/lib/cognito/spec/error-map";
import { recordAuditEvent } from "./audit";
import { type Db, getDb, inTransaction } from "./db";
import { UserError } from "./errors";
import { type Role, hasRole } from "@/lib/contracts/roles";
import { getCurrentAccount } from "./session";
import type { Account } from "./users";

import type { ActionFailure, ActionResult } from "@/lib/contracts/action-result";

/** What every server action returns (ARCHITECTURE.md, "Server actions"): never throws to the client. */
export type { ActionResult };

/** What the audit log records about one successful mutation (never secrets). */
export interface AuditEntry {
  target: string;
  poolId?: string | null;
  before?: string | null;
  after?: string | null;
  details?: Record<string, unknown>;
}

export interface ActionOptions<S extends z.ZodType, P = undefined> {
  schema: S;
  /** The weakest role allowed to run the action. */
  role: Role;
  /**
   * For a mutation: the audit action name (the handler describes what happened with `ctx.audit`);
   * `false` for a read-only action (nothing to audit); `"in-transaction"` for a mutation whose handler
   * writes its own audit events inside its transactions (one per pool it creates, say).
   */
  audit: string | false;
  /**
   * The action changes things outside the database (AWS) that a rollback cannot undo, and may run for
   * minutes: it runs outside a transaction, and its event is written when it ends, failed or not.
   * Every other mutation runs in one transaction with its audit event.
   */
  external?: boolean;
  /** Autosave: one event per person, pool and editing session (see recordAuditEvent). */
  coalesceWithinMs?: number;
  /**
   * The handler writes its own audit events, one per thing it creates, each in the transaction that creates it
   * (an import of several pools); the wrapper writes none for a success. With `external`, as such handlers read
   * files or AWS for a while before they write.
   */
  handlerAudits?: boolean;
  /**
   * Work on the valid input that needs no database (validating a document): run before the transaction opens,
   * so a connection is held only while the handler reads and writes, not while a busy server computes. Its
   * result is the handler's third argument; a UserError it throws is a refusal like the handler's.
   */
  prepare?: (input: z.infer<S>) => P;
}

export interface ActionContext {
  account: Account;
  /** The database: inside the action's transaction (every action but an `external` one runs in one). */
  db: Db;
  /** Describe the mutation for the audit log (written in the handler's transaction when it succeeds). */
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

/** The person calling, or the failure to return: signed out, or the session could not be read. */
async function currentAccountOrFailure(): Promise<Account | ActionFailure> {
  try {
    return (await getCurrentAccount()) ?? { ok: false, fieldErrors: {}, formError: SIGNED_OUT_ERROR };
  } catch (error) {
    console.error("action: session lookup failed", error);
    return { ok: false, fieldErrors: {}, formError: GENERIC_ERROR };
  }
}

/**
 * The ids an action's input may carry, most specific first: what a refused or failed call's audit event names as
 * its target, so the log says which change request an apply was refused on (it said nothing before).
 */
const TARGET_ID_FIELDS = ["changeRequestId", "targetId", "poolId", "userId"] as const;

/** The first id the input carries (an id, never a value the person typed), or "" when it carries none. */
export function auditTargetOf(input: unknown): string {
  if (typeof input !== "object" || input === null) return "";
  for (const field of TARGET_ID_FIELDS) {
    const value = (input as Record<string, unknown>)[field];
    if (typeof value === "string" && value.length > 0 && value.length <= 64) return value;
  }
  return "";
}

/** Records a denied or refused call by a signed-in person (never the values sent); a failure to record is logged. */
function noteRefusal(account: Account, name: string, target = "") {
  return (action: string, after: string, details: Record<string, unknown>) =>
    recordAuditEvent({ actor: account.email, action, target, workspaceId: account.workspaceId, after, details }).catch((error: unknown) => console.error(`action ${name}: audit failed`, error));
}

/** The role is checked, then the input validated: the valid input, or the failure a refused call returns. */
async function admit<S extends z.ZodType>(options: ActionOptions<S, unknown>, account: Account, name: string, input: unknown): Promise<{ input: z.infer<S> } | { refused: ActionFailure }> {
  // Ids only, and only from input the schema accepts: a denied call's raw input is not trusted to name anything.
  const parsed = options.schema.safeParse(input);
  const note = noteRefusal(account, name, parsed.success ? auditTargetOf(parsed.data) : "");
  if (!hasRole(account.role, options.role)) {
    await note(`${name}.denied`, `needs ${options.role}, has ${account.role}`, {});
    return { refused: { ok: false, fieldErrors: {}, formError: `This needs the ${options.role} role; you are ${account.role}. Ask an admin of the workspace.` } };
  }
  if (parsed.success) return { input: parsed.data };
  const fieldErrors = toFieldErrors(parsed.error);
  await note(`${name}.refused`, "invalid input", { fields: Object.keys(fieldErrors) });
  return { refused: { ok: false, fieldErrors, formError: "Some fields need attention." } };
}

/** The handler's context, and the audit event it describes, written by `writeEvent` (a failure's outcome, or success). */
function actionContext<S extends z.ZodType>(options: ActionOptions<S, unknown>, account: Account, name: string, input: z.infer<S>) {
  // A handler that fails before describing its mutation still names what it was called on.
  let entry: AuditEntry = { target: auditTargetOf(input) };
  const ctx: ActionContext = {
    account,
    // Read when the handler asks: inside the action's transaction, getDb() gives the transaction's client.
    get db() {
      return getDb().db;
    },
    audit: (e) => void (entry = e),
  };
  const writeEvent = (outcome?: string) =>
    recordAuditEvent(
      {
        actor: account.email,
        action: outcome ? `${name}.failed` : name,
        target: entry.target,
        workspaceId: account.workspaceId,
        poolId: entry.poolId ?? null,
        before: entry.before ?? null,
        after: outcome ?? entry.after ?? null,
        details: entry.details ?? {},
      },
      { coalesceWithinMs: options.coalesceWithinMs },
    );
  return { ctx, writeEvent };
}

/** An `external` action: outside a transaction, its event written when it ends, failed or not. */
async function runExternal<S extends z.ZodType, T>(options: ActionOptions<S, unknown>, run: () => Promise<T>, writeEvent: (outcome?: string) => Promise<unknown>): Promise<T> {
  let data: T;
  try {
    data = await run();
  } catch (error) {
    if (options.audit) await writeEvent(error instanceof UserError ? error.message : "failed with a server error (logged)");
    throw error;
  }
  if (options.audit && !options.handlerAudits) await writeEvent();
  return data;
}

/** Every other action: the handler and its audit event in one transaction. */
async function runInTransaction<S extends z.ZodType, T>(options: ActionOptions<S, unknown>, run: () => Promise<T>, writeEvent: (outcome?: string) => Promise<unknown>): Promise<T> {
  const outcome = await inTransaction(async () => {
    try {
      const result = await run();
      if (options.audit) await writeEvent();
      return { data: result };
    } catch (error) {
      // A refusal that follows a change which must stay commits instead of rolling back.
      if (error instanceof UserError && error.keepsChanges) return { refusal: error };
      throw error;
    }
  });
  if ("refusal" in outcome) throw outcome.refusal;
  return outcome.data;
}

/** A `UserError` shown as it is, with its code and field; anything else a generic message, logged. */
function failureOf(error: unknown, name: string): ActionFailure {
  if (!(error instanceof UserError)) {
    console.error(`action ${name} failed`, error);
    return { ok: false, fieldErrors: {}, formError: GENERIC_ERROR };
  }
  if (error.fieldErrors) return { ok: false, fieldErrors: error.fieldErrors, formError: error.message, code: error.code };
  return error.field ? { ok: false, fieldErrors: { [error.field]: [error.message] }, code: error.code } : { ok: false, fieldErrors: {}, formError: error.message, code: error.code };
}

/**
 * The one action wrapper (like dub's safe-action): authenticate, authorise by role on the server,
 * validate with the zod schema (safeParse, never throws), run the handler and write its audit event in
 * one transaction, and map errors: a {@link UserError} is shown as is; anything else becomes a generic
 * message logged on the server. Denied (role) and refused (validation, UserError) calls by a signed-in
 * person are audited too, naming fields and error codes but never the values sent.
 */
export function defineAction<S extends z.ZodType, T, P = undefined>(
  options: ActionOptions<S, P>,
  handler: (input: z.infer<S>, ctx: ActionContext, prepared: P) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  const name = options.audit || "read";
  return async (input) => {
    const account = await currentAccountOrFailure();
    if ("ok" in account) return account;
    const admitted = await admit(options, account, name, input);
    if ("refused" in admitted) return admitted.refused;
    const { ctx, writeEvent } = actionContext(options, account, name, admitted.input);
    try {
      const prepared = options.prepare ? options.prepare(admitted.input) : (undefined as P);
      const run = () => handler(admitted.input, ctx, prepared);
      const data = options.external ? await runExternal(options, run, writeEvent) : await runInTransaction(options, run, writeEvent);
      return { ok: true, data };
    } catch (error) {
      if (error instanceof UserError && !options.external) await noteRefusal(account, name, auditTargetOf(admitted.input))(`${name}.refused`, error.message, { code: error.code });
      return failureOf(error, name);
    }
  };
}
