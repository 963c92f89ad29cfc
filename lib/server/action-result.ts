/** The result type of every server action (types only: safe to import from client components). */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; fieldErrors: Record<string, string[]>; formError?: string };
