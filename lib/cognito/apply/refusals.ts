/** Why an apply is refused before it changes anything, and how secrets are kept out of what it reports. */
import type { PreflightReport } from "../preflight/types";

export type ApplyRefusalCode =
  | "plan-has-errors"
  | "replace-not-allowed"
  | "deletion-protection-active"
  | "stale-plan"
  | "missing-live-state"
  | "plan-mismatch"
  | "preflight-failed"
  | "provider-secret-would-be-removed";

/** The plan was not applied at all: nothing was changed. */
export class ApplyRefusedError extends Error {
  override name = "ApplyRefusedError";
  constructor(
    readonly code: ApplyRefusalCode,
    message: string,
    /** For `preflight-failed`: the whole report, to show every check. */
    readonly preflight?: PreflightReport,
  ) {
    super(message);
  }
}

/** What replaces a resolved provider secret found in an error message. */
export const REDACTED_SECRET = "(secret)";

/** `text` with every occurrence of each secret replaced by "(secret)" (longest first, so no part of one survives). */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of [...secrets].filter((s) => s !== "").sort((a, b) => b.length - a.length)) out = out.split(secret).join(REDACTED_SECRET);
  return out;
}
