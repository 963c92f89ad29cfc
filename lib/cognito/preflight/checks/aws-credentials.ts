/**
 * The server's own AWS credentials, checked first: without them every other read and the apply's first Cognito
 * call fail with an error that says nothing about what to do. STS GetCallerIdentity needs no IAM permission
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html), so a failure means the
 * credentials are missing or refused, never "not allowed".
 */
import type { PoolSpec } from "../../spec/pool-schema";
import { readCallerIdentity } from "../caller-identity";
import { type PreflightContext, resultOf } from "../result";
import type { PreflightPort, PreflightResult } from "../types";

export async function checkAwsCredentials(_spec: PoolSpec, port: PreflightPort, _context: PreflightContext): Promise<PreflightResult[]> {
  if (!port.callerIdentity) return [];
  const who = await readCallerIdentity(port);
  if (who.status === "ok") return [resultOf("aws-credentials-ok", "", `The server acts as ${who.arn} (account ${who.account}).`)];
  if (who.code === "no-credentials") return [resultOf("aws-credentials-missing", "", "The server has no AWS credentials.")];
  return [resultOf("aws-credentials-invalid", "", who.message)];
}
