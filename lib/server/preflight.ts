import "server-only";
import { type PreflightReport, runPreflight } from "@/lib/cognito/preflight";
import { changeRequestDocument } from "./change-requests";
import { type Db, getDb } from "./db";
import { UserError } from "./errors";
import { connectTarget, connectTargetPreflight, describeAwsError } from "./target-port";
import type { Account } from "./users";

/**
 * Runs preflight for a change request's frozen document against its target (the panel next to the plan).
 * With a linked pool, Lambda permissions are checked against the pool's ARN (read with DescribeUserPool).
 */
export async function preflightChangeRequest(account: Account, changeRequestId: string, db: Db = getDb().db): Promise<PreflightReport & { poolId: string; checkedAgainst: string | null }> {
  const { document, target, poolId } = await changeRequestDocument(account.workspaceId, changeRequestId, db);
  let userPoolArn: string | undefined;
  if (target.userPoolId) {
    try {
      userPoolArn = (await connectTarget(target).describeUserPool(target.userPoolId)).Arn;
    } catch (error) {
      throw new UserError("aws-read-failed", `Could not read pool ${target.userPoolId} of target ${target.name}: ${describeAwsError(error)}`);
    }
  }
  const report = await runPreflight(document, connectTargetPreflight(target), { region: target.region, ...(userPoolArn ? { userPoolArn } : {}) });
  return { ...report, poolId, checkedAgainst: userPoolArn ?? null };
}
