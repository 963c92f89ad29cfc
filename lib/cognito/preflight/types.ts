/**
 * Preflight: checks of the other AWS services a pool depends on (ACM, SES, IAM, Lambda, KMS), run before
 * an apply and shown next to the plan. The core stays free of SDK clients: checks ask a
 * {@link PreflightPort} (sdk-preflight-port.ts is the SDK-backed one).
 */

export type PreflightCheckId = "aws-credentials" | "domain-certificate" | "email-identity" | "sms-role" | "lambda-trigger" | "kms-key" | "log-destination";

/**
 * - `pass`: the dependency is there and right.
 * - `fail`: it is missing or wrong; blocking codes stop the apply before the first Cognito call.
 * - `warn`: works, but is fragile or cannot be confirmed yet (e.g. a permission scoped to a pool that does not exist yet).
 * - `unknown`: the check itself could not read the dependency (no permission, service down); never blocks.
 */
export type PreflightOutcome = "pass" | "fail" | "warn" | "unknown";

export interface PreflightResult {
  check: PreflightCheckId;
  /** Stable code, a row of PREFLIGHT_CODES (codes.ts). */
  code: string;
  outcome: PreflightOutcome;
  /** True when this result stops an apply. */
  blocking: boolean;
  /** Where the setting is in the document, as the validator writes paths (`spec.domain.certificateArn`). */
  path: string;
  /** What was found, in plain words, naming the resource. */
  message: string;
  /** What to do about it, in plain words (fail/warn/unknown). */
  fix?: string;
  /** The AWS error the user would have met without this check (fail/warn). */
  awsErrorWithout?: string;
}

export interface PreflightReport {
  results: PreflightResult[];
  /** Some result blocks the apply. */
  blocked: boolean;
  /** Counts by outcome, for summaries. */
  summary: Record<PreflightOutcome, number>;
}

/** An ACM certificate as DescribeCertificate reports it. */
export interface CertificateFacts {
  status: string;
  domainName: string;
  subjectAlternativeNames: string[];
}

/** An SES identity as SESv2 GetEmailIdentity reports it. */
export interface EmailIdentityFacts {
  identityType: string;
  /** The identity's verification succeeded (VerificationStatus SUCCESS, or VerifiedForSendingStatus). */
  verified: boolean;
  /** The raw status for messages (`PENDING`, `FAILED`, …). */
  status: string;
}

export interface RoleFacts {
  /** The trust policy document (URL-decoded JSON text). */
  trustPolicy: string;
}

export interface KeyFacts {
  keyState: string;
  enabled: boolean;
  keyUsage?: string;
  keySpec?: string;
}

/**
 * The reads preflight needs. A method resolves `undefined` when the resource does not exist and rejects
 * for anything else (no permission, throttling, network), which the check reports as `unknown`.
 */
export interface PreflightPort {
  /**
   * STS GetCallerIdentity with the connection's credentials: who the server acts as. Rejects when there are no
   * credentials or AWS refuses them. Optional so ports that only answer the dependency reads stay small.
   */
  callerIdentity?(): Promise<{ account: string; arn: string }>;
  /** ACM DescribeCertificate in the certificate ARN's region. */
  describeCertificate(certificateArn: string): Promise<CertificateFacts | undefined>;
  /** SESv2 GetEmailIdentity in `region`. */
  getEmailIdentity(region: string, identity: string): Promise<EmailIdentityFacts | undefined>;
  /** IAM GetRole. */
  getRole(roleName: string): Promise<RoleFacts | undefined>;
  /** The permission policy documents of a role: inline (GetRolePolicy) and attached managed (default version). */
  getRolePermissionPolicies(roleName: string): Promise<string[]>;
  /** Lambda GetFunction (the ARN's region): does the function exist? */
  functionExists(functionArn: string): Promise<boolean>;
  /** Lambda GetPolicy: the resource policy JSON, `undefined` when the function has none. */
  getFunctionPolicy(functionArn: string): Promise<string | undefined>;
  /** KMS DescribeKey in the key ARN's region. */
  describeKey(keyArn: string): Promise<KeyFacts | undefined>;
  // Log delivery destinations. Optional: a port without one reports that destination as not checked.
  /** CloudWatch Logs DescribeLogGroups (the ARN's region): does the log group exist? */
  logGroupExists?(logGroupArn: string): Promise<boolean>;
  /** S3 HeadBucket: does the bucket exist? */
  bucketExists?(bucketArn: string): Promise<boolean>;
  /** Firehose DescribeDeliveryStream (the ARN's region): does the stream exist? */
  deliveryStreamExists?(streamArn: string): Promise<boolean>;
}
