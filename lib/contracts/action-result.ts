/** The result type of every server action (types only: safe to import from client components). */
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/**
 * A refused action. `code` is the refusal's stable name (a `UserError`'s code, such as {@link DRAFT_CONFLICT}):
 * the browser decides what to do by it, never by the words of the message, which may change.
 */
export type ActionFailure = { ok: false; fieldErrors: Record<string, string[]>; formError?: string; code?: string };

/** The draft changed since the version the person edited (a save, a revision, a submission): the editor stops autosaving until a reload. */
export const DRAFT_CONFLICT = "draft-conflict";
