/**
 * Who the server acts as against a target, for the Targets page: the preflight port's STS GetCallerIdentity,
 * summarised as the account and ARN or as plain advice (no credentials, expired, refused). Never throws.
 */
import { adviseAwsError } from "../aws/error-advice";
import type { PreflightPort } from "./types";

export type CallerIdentity =
  | { status: "ok"; account: string; arn: string }
  /** `code` is a row of AWS_ERROR_ADVICE (`no-credentials`, `credentials-expired`, …) or `error`. */
  | { status: "failed"; code: string; message: string };

export async function readCallerIdentity(port: PreflightPort): Promise<CallerIdentity> {
  if (!port.callerIdentity) return { status: "failed", code: "error", message: "This connection cannot tell who it acts as." };
  try {
    const who = await port.callerIdentity();
    return { status: "ok", account: who.account, arn: who.arn };
  } catch (error) {
    const advice = adviseAwsError(error);
    return { status: "failed", code: advice?.code ?? "error", message: advice ? advice.advice : `${error instanceof Error ? error.name : "Error"}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
