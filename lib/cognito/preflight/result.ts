import { PREFLIGHT_CODES, type PreflightCodeName } from "./codes";
import type { PreflightCheckId, PreflightOutcome, PreflightResult } from "./types";

/** What the check sees when it runs: the pool's region and, when the pool exists, its ARN. */
export interface PreflightContext {
  /** Unset when neither the document nor the target names one: region comparisons are then skipped. */
  region?: string;
  userPoolArn?: string;
}

/** A result for a code of the table: pass for `*-ok`, fail for blocking codes, warn otherwise. */
export function resultOf(code: Exclude<PreflightCodeName, "check-failed">, path: string, message: string): PreflightResult {
  const row = PREFLIGHT_CODES[code];
  const outcome: PreflightOutcome = code.endsWith("-ok") ? "pass" : row.blocking ? "fail" : "warn";
  return {
    check: row.check,
    code,
    outcome,
    blocking: outcome === "fail",
    path,
    message,
    ...(outcome === "pass" ? {} : { fix: row.fix }),
    ...(outcome === "pass" || row.awsErrorWithout === "" ? {} : { awsErrorWithout: row.awsErrorWithout }),
  };
}

/** A read of the dependency failed for a reason other than "not found": reported, never blocking. */
export function unknownResult(check: PreflightCheckId, path: string, what: string, error: unknown): PreflightResult {
  const name = error instanceof Error ? error.name : "Error";
  const detail = error instanceof Error ? error.message : String(error);
  return { check, code: "check-failed", outcome: "unknown", blocking: false, path, message: `Could not check ${what}: ${name}: ${detail}`, fix: PREFLIGHT_CODES["check-failed"].fix };
}
