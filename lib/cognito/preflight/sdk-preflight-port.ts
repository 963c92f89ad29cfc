/**
 * The SDK-backed {@link PreflightPort}: each service through its own SDK v3 client, with the same
 * credentials, endpoint and retry handling as the Cognito client (aws/sdk-port.ts createCognitoClient):
 * one connection (region, endpoint, credentials, role to assume) serves them all. Clients are made per
 * region on first use, because a certificate lives in us-east-1, an SES identity or a function in the
 * region its ARN names.
 */
import { ACMClient, DescribeCertificateCommand } from "@aws-sdk/client-acm";
import {
  GetPolicyCommand as GetIamPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
} from "@aws-sdk/client-iam";
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { DescribeDeliveryStreamCommand, FirehoseClient } from "@aws-sdk/client-firehose";
import { DescribeKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import { HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { GetFunctionCommand, GetPolicyCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { GetEmailIdentityCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { type CognitoConnectionOptions, credentialsFor, sdkRequestHandler } from "../aws/sdk-port";
import { regionOfArn } from "./arn";
import { destinationName } from "./checks/log-destinations";
import type { PreflightPort } from "./types";

/** Errors that mean "this resource does not exist", per service. */
// S3 HeadBucket answers a missing bucket with a bare 404, which the SDK names NotFound.
const NOT_FOUND = new Set(["ResourceNotFoundException", "NotFoundException", "NoSuchEntityException", "NoSuchEntity", "InvalidArnException", "NotFound", "NoSuchBucket"]);

async function orUndefined<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof Error && NOT_FOUND.has(error.name)) return undefined;
    throw error;
  }
}

function decodePolicy(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * One SDK client per service and region, made on first use with the connection's endpoint, credentials,
 * retries and request handler.
 */
function preflightClients(connection: CognitoConnectionOptions) {
  const base = (region: string) => ({
    region,
    ...(connection.endpoint ? { endpoint: connection.endpoint } : {}),
    ...credentialsFor(connection),
    retryMode: "adaptive" as const,
    maxAttempts: connection.maxAttempts ?? 3,
    ...sdkRequestHandler(connection),
  });
  const cache = new Map<string, unknown>();
  function client<T>(kind: string, region: string, make: (config: ReturnType<typeof base>) => T): T {
    const key = `${kind}:${region}`;
    if (!cache.has(key)) cache.set(key, make(base(region)));
    return cache.get(key) as T;
  }
  return {
    acm: (region: string) => client("acm", region, (c) => new ACMClient(c)),
    ses: (region: string) => client("ses", region, (c) => new SESv2Client(c)),
    // IAM is global; its endpoint is signed for us-east-1.
    iam: () => client("iam", "us-east-1", (c) => new IAMClient(c)),
    lambda: (region: string) => client("lambda", region, (c) => new LambdaClient(c)),
    kms: (region: string) => client("kms", region, (c) => new KMSClient(c)),
    sts: () => client("sts", connection.region, (c) => new STSClient(c)),
    logs: (region: string) => client("logs", region, (c) => new CloudWatchLogsClient(c)),
    // Path-style addressing, so a custom endpoint (moto, LocalStack) needs no bucket subdomains.
    s3: () => client("s3", connection.region, (c) => new S3Client({ ...c, forcePathStyle: Boolean(connection.endpoint) })),
    firehose: (region: string) => client("firehose", region, (c) => new FirehoseClient(c)),
  };
}

/** The role's inline policies, every page. */
async function inlineRolePolicies(iam: IAMClient, roleName: string): Promise<string[]> {
  const documents: string[] = [];
  let marker: string | undefined;
  do {
    const page = await iam.send(new ListRolePoliciesCommand({ RoleName: roleName, Marker: marker }));
    for (const PolicyName of page.PolicyNames ?? []) {
      const policy = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName }));
      documents.push(decodePolicy(policy.PolicyDocument ?? "{}"));
    }
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return documents;
}

/** The default version of each managed policy attached to the role, every page. */
async function attachedRolePolicies(iam: IAMClient, roleName: string): Promise<string[]> {
  const documents: string[] = [];
  let marker: string | undefined;
  do {
    const page = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker: marker }));
    for (const attached of page.AttachedPolicies ?? []) {
      const policy = await iam.send(new GetIamPolicyCommand({ PolicyArn: attached.PolicyArn }));
      const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: attached.PolicyArn, VersionId: policy.Policy?.DefaultVersionId }));
      documents.push(decodePolicy(version.PolicyVersion?.Document ?? "{}"));
    }
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return documents;
}

async function readCertificate(acm: ACMClient, arn: string) {
  const out = await acm.send(new DescribeCertificateCommand({ CertificateArn: arn }));
  const cert = out.Certificate ?? {};
  return { status: cert.Status ?? "UNKNOWN", domainName: cert.DomainName ?? "", subjectAlternativeNames: cert.SubjectAlternativeNames ?? [] };
}

async function readEmailIdentity(ses: SESv2Client, identity: string) {
  const out = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: identity }));
  // VerificationStatus is the identity's verification state (PENDING | SUCCESS | FAILED | …);
  // older answers only carry VerifiedForSendingStatus.
  const status = out.VerificationStatus ?? (out.VerifiedForSendingStatus ? "SUCCESS" : "NOT_VERIFIED");
  return { identityType: out.IdentityType ?? "", verified: status === "SUCCESS", status };
}

async function readKey(kms: KMSClient, arn: string) {
  const out = await kms.send(new DescribeKeyCommand({ KeyId: arn }));
  const key = out.KeyMetadata;
  return { keyState: key?.KeyState ?? "Unknown", enabled: key?.Enabled ?? false, ...(key?.KeyUsage ? { keyUsage: key.KeyUsage } : {}), ...(key?.KeySpec ? { keySpec: key.KeySpec } : {}) };
}

export function createSdkPreflightPort(connection: CognitoConnectionOptions): PreflightPort {
  const { acm, ses, iam, lambda, kms, sts, logs, s3, firehose } = preflightClients(connection);
  const lambdaOf = (arn: string) => lambda(regionOfArn(arn, connection.region));
  return {
    callerIdentity: async () => {
      const out = await sts().send(new GetCallerIdentityCommand({}));
      return { account: out.Account ?? "", arn: out.Arn ?? "" };
    },
    describeCertificate: (arn) => orUndefined(() => readCertificate(acm(regionOfArn(arn, "us-east-1")), arn)),
    getEmailIdentity: (region, identity) => orUndefined(() => readEmailIdentity(ses(region), identity)),
    getRole: (roleName) =>
      orUndefined(async () => {
        const out = await iam().send(new GetRoleCommand({ RoleName: roleName }));
        return { trustPolicy: decodePolicy(out.Role?.AssumeRolePolicyDocument ?? "{}") };
      }),
    getRolePermissionPolicies: async (roleName) => [...(await inlineRolePolicies(iam(), roleName)), ...(await attachedRolePolicies(iam(), roleName))],
    functionExists: async (arn) => (await orUndefined(() => lambdaOf(arn).send(new GetFunctionCommand({ FunctionName: arn })))) !== undefined,
    getFunctionPolicy: (arn) => orUndefined(async () => (await lambdaOf(arn).send(new GetPolicyCommand({ FunctionName: arn }))).Policy || undefined),
    describeKey: (arn) => orUndefined(() => readKey(kms(regionOfArn(arn, connection.region)), arn)),
    async logGroupExists(arn) {
      const name = destinationName(arn);
      // DescribeLogGroups filters by prefix: only an exact name counts.
      const out = await logs(regionOfArn(arn, connection.region)).send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name }));
      return (out.logGroups ?? []).some((g) => g.logGroupName === name);
    },
    bucketExists: async (arn) => (await orUndefined(() => s3().send(new HeadBucketCommand({ Bucket: destinationName(arn) })))) !== undefined,
    deliveryStreamExists: async (arn) =>
      (await orUndefined(() => firehose(regionOfArn(arn, connection.region)).send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: destinationName(arn) })))) !== undefined,
  };
}
