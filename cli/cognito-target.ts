/**
 * What the commands that talk to Cognito (pull, plan --user-pool-id, apply) share: building the port from
 * the command line, reading the live pool for a plan, and turning AWS errors into one line. The AWS SDK's
 * clients are imported when a command first connects, so the commands that only read files never load them.
 */
import type { SdkPort } from "../lib/cognito/aws/sdk-port";
import type { LivePool } from "../lib/cognito/aws/read-live-pool";
import { readPoolDocument } from "../lib/cognito/formats/read-pool-document";
import type { PlanOptions } from "../lib/cognito/plan";
import type { PreflightPort } from "../lib/cognito/preflight/types";
import type { PoolDocument } from "../lib/cognito/spec/document-schema";
import { appliedSecretRefsOf } from "../lib/cognito/spec/provider-secrets";
import { REGION_PATTERN } from "../lib/cognito/spec/primitives";
import type { CliIo } from "./io";
import { UsageError } from "./io";

/** A user pool id starts with its Region: `eu-west-1_AbC123`. */
export function regionOfPoolId(userPoolId: string): string | undefined {
  const region = userPoolId.split("_")[0];
  return region && REGION_PATTERN.test(region) ? region : undefined;
}

/**
 * The Region a command calls AWS in. A design need not name one (it takes its target's), so: the document's
 * spec.region, else --region, else the pool id's prefix (eu-west-1_...), else AWS_REGION / AWS_DEFAULT_REGION.
 * A --region that contradicts the document is refused rather than silently overridden.
 */
export function regionOf(io: CliIo, document: PoolDocument, flag: string | undefined, userPoolId?: string): string {
  if (flag !== undefined && !REGION_PATTERN.test(flag)) throw new UsageError(`--region must be an AWS Region code like eu-west-1; got "${flag}"`);
  const named = document.spec.region;
  if (named !== undefined && flag !== undefined && named !== flag) {
    throw new UsageError(`--region ${flag} differs from the document's spec.region ${named}; drop --region or change spec.region`);
  }
  const region = named ?? flag ?? (userPoolId ? regionOfPoolId(userPoolId) : undefined) ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
  if (!region) throw new UsageError("the document names no Region (spec.region); give --region REGION or set AWS_REGION");
  return region;
}

export function checkPoolId(userPoolId: string | undefined): string | undefined {
  if (userPoolId !== undefined && !/^[\w-]+_[0-9a-zA-Z]+$/u.test(userPoolId)) throw new UsageError(`--user-pool-id must look like eu-west-1_AbC123; got "${userPoolId}"`);
  return userPoolId;
}

/**
 * The port for one target. Credentials come from the SDK's default chain (environment, profiles, SSO,
 * roles). With a custom endpoint (`--endpoint`, or AWS_ENDPOINT_URL which the SDK reads itself) the
 * client-side quota limiter is off: moto and LocalStack have no quotas.
 */
export async function connect(io: CliIo, region: string, endpoint: string | undefined, roleArn?: string): Promise<SdkPort> {
  const custom = endpoint ?? io.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER ?? io.env.AWS_ENDPOINT_URL;
  if (roleArn !== undefined && !/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/u.test(roleArn)) {
    throw new UsageError(`--role-arn must be an IAM role ARN like arn:aws:iam::123456789012:role/cognito-admin; got "${roleArn}"`);
  }
  const { createSdkPort } = await import("../lib/cognito/aws/sdk-port");
  return createSdkPort({ region, ...(endpoint ? { endpoint } : {}), ...(roleArn ? { roleArn } : {}) }, { rateLimit: custom ? "off" : "quota" });
}

/** The preflight port for the same target: same region, endpoint and role as {@link connect}. */
export async function connectPreflight(region: string, endpoint: string | undefined, roleArn?: string): Promise<PreflightPort> {
  const { createSdkPreflightPort } = await import("../lib/cognito/preflight/sdk-preflight-port");
  return createSdkPreflightPort({ region, ...(endpoint ? { endpoint } : {}), ...(roleArn ? { roleArn } : {}) });
}

/**
 * `--applied FILE`: the document last applied to the pool. Only its identity providers' secret references
 * are used (the live pool cannot tell them), so a change of a reference alone is planned.
 */
export async function readAppliedFile(io: CliIo, file: string | undefined): Promise<PoolDocument | undefined> {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (cause) {
    throw new UsageError(`cannot read --applied ${file}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  const { document, diagnostics } = readPoolDocument(text, file);
  if (!document) throw new UsageError(`--applied ${file} is not a pool document: ${diagnostics.map((d) => d.message).join("; ")}`);
  return document;
}

/**
 * Reads the live pool and the plan options that carry its facts (fingerprint, ids, user count). `applied`
 * is the document last applied to it (`--applied FILE`), whose provider secret references the plan compares.
 */
export async function readLiveForPlan(port: SdkPort, userPoolId: string, desired: PoolDocument, applied?: PoolDocument): Promise<{ live: LivePool; options: PlanOptions["live"] }> {
  const { readLivePool } = await import("../lib/cognito/aws/read-live-pool");
  const live = await readLivePool(port, userPoolId, { desired });
  const appliedSecretRefs = appliedSecretRefsOf(applied);
  return {
    live,
    options: {
      fingerprint: live.live.fingerprint,
      guard: live.live.guard,
      estimatedNumberOfUsers: live.live.estimatedNumberOfUsers,
      ids: { userPoolId, clientIds: live.live.clientIds },
      providersWithSecret: live.live.providersWithSecret,
      ...(appliedSecretRefs ? { appliedSecretRefs } : {}),
    },
  };
}

/** One line for an AWS (or network) error, with plain advice for the common ones (lib/cognito/aws/error-advice.ts). */
export { describeAwsError } from "../lib/cognito/aws/error-advice";
