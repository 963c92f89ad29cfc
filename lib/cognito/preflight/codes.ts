/**
 * Every preflight code in one table: whether a failure blocks the apply, the fix in plain words, and the
 * AWS error a user would have met without the check. Sources: the Cognito API model [M] (error shapes
 * and the operations that list them) and the public API reference pages of those operations
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/).
 * Messages with specifics (names, values) are written by the checks; this table holds what is fixed.
 */
import type { PreflightCheckId } from "./types";

export interface PreflightCode {
  /** The check that reports it; "any" for the code every check uses when its read fails. */
  check: PreflightCheckId | "any";
  /** A failure with this code stops the apply. */
  blocking: boolean;
  fix: string;
  /** The AWS error without the check: the operation, the exception, and when it happens. */
  awsErrorWithout: string;
}

const DOMAIN_ERROR =
  "CreateUserPoolDomain / UpdateUserPoolDomain fail with InvalidParameterException (the only validation error in their error list [M]); the apply stops half-way, after the pool and clients were written";
const EMAIL_ACCESS_ERROR =
  "CreateUserPool / UpdateUserPool fail with InvalidEmailRoleAccessPolicyException (\"Amazon Cognito isn't allowed to use your email identity\" [M])";
const SMS_TRUST_ERROR =
  "CreateUserPool / UpdateUserPool / SetUserPoolMfaConfig fail with InvalidSmsRoleTrustRelationshipException (\"the trust relationship is not valid for the role provided for SMS configuration … if you don't trust cognito-idp.amazonaws.com or the external ID provided in the role does not match\" [M]; Terraform retries it while IAM propagates)";
const LAMBDA_RUNTIME_ERROR =
  "the apply succeeds, then every SignUp / InitiateAuth that runs the trigger fails with UnexpectedLambdaException (\"Amazon Cognito encounters an unexpected exception with Lambda\" [M]): users cannot sign up or sign in";

export const PREFLIGHT_CODES = {
  // ---- custom domain certificate (ACM, us-east-1 [M CustomDomainConfigType])
  "certificate-ok": { check: "domain-certificate", blocking: false, fix: "", awsErrorWithout: "" },
  "certificate-wrong-region": {
    check: "domain-certificate",
    blocking: true,
    fix: "Request or import the certificate in ACM in us-east-1 (N. Virginia), whatever the pool's region, and use that certificate's ARN.",
    awsErrorWithout: DOMAIN_ERROR,
  },
  "certificate-not-found": {
    check: "domain-certificate",
    blocking: true,
    fix: "Check the ARN (account and id), or request a certificate for the domain in ACM in us-east-1.",
    awsErrorWithout: DOMAIN_ERROR,
  },
  "certificate-not-issued": {
    check: "domain-certificate",
    blocking: true,
    fix: "Finish the certificate's validation (add the DNS validation records ACM shows) and wait until its status is ISSUED; an expired or revoked certificate must be replaced.",
    awsErrorWithout: DOMAIN_ERROR,
  },
  "certificate-domain-mismatch": {
    check: "domain-certificate",
    blocking: true,
    fix: "Use a certificate whose domain name or subject alternative names include the custom domain exactly or as a wildcard one level up (*.example.com covers auth.example.com).",
    awsErrorWithout: DOMAIN_ERROR,
  },

  // ---- DEVELOPER email through SES (EmailConfigurationType.SourceArn [M])
  "email-identity-ok": { check: "email-identity", blocking: false, fix: "", awsErrorWithout: "" },
  "email-source-arn-missing": {
    check: "email-identity",
    blocking: true,
    fix: "Set emailConfiguration.sourceArn to the ARN of a verified SES identity (arn:aws:ses:REGION:ACCOUNT:identity/example.com).",
    awsErrorWithout: "CreateUserPool / UpdateUserPool fail with InvalidParameterException: DEVELOPER needs an SES SourceArn",
  },
  "email-source-arn-invalid": {
    check: "email-identity",
    blocking: true,
    fix: "Use an SES identity ARN of the form arn:aws:ses:REGION:ACCOUNT:identity/NAME.",
    awsErrorWithout: "CreateUserPool / UpdateUserPool fail with InvalidParameterException",
  },
  "email-identity-not-found": {
    check: "email-identity",
    blocking: true,
    fix: "Create and verify the identity in SES in the region the ARN names, or correct the ARN.",
    awsErrorWithout: EMAIL_ACCESS_ERROR,
  },
  "email-identity-not-verified": {
    check: "email-identity",
    blocking: true,
    fix: "Finish the identity's verification in SES (click the link sent to the address, or publish the domain's DKIM records) and wait for it to show as verified.",
    awsErrorWithout: EMAIL_ACCESS_ERROR,
  },
  "email-region-differs": {
    check: "email-identity",
    blocking: false,
    fix: "Prefer an SES identity in the pool's own region; only some cross-region combinations are supported (\"Typically, the Region in the SourceArn and the user pool Region are the same\" [M EmailConfigurationType.SourceArn]).",
    awsErrorWithout: "CreateUserPool / UpdateUserPool fail with InvalidParameterException when Cognito does not support that SES region for the pool's region",
  },
  "email-from-not-in-identity": {
    check: "email-identity",
    blocking: true,
    fix: "Use a From address that is the verified address itself or an address on the verified domain, or verify the From address's domain in SES and point sourceArn at it.",
    awsErrorWithout:
      "the apply succeeds, then every message fails to send: SignUp, ForgotPassword and AdminCreateUser answer CodeDeliveryFailureException (\"a verification code fails to deliver successfully\" [M]) because SES rejects the unverified From address",
  },

  // ---- SMS through an IAM role (SmsConfigurationType.SnsCallerArn / ExternalId [M])
  "sms-role-ok": { check: "sms-role", blocking: false, fix: "", awsErrorWithout: "" },
  "sms-role-arn-invalid": {
    check: "sms-role",
    blocking: true,
    fix: "Use the ARN of an IAM role: arn:aws:iam::ACCOUNT:role/NAME.",
    awsErrorWithout: SMS_TRUST_ERROR,
  },
  "sms-role-not-found": {
    check: "sms-role",
    blocking: true,
    fix: "Create the role (the Cognito console can create one with the right trust policy), or correct the ARN.",
    awsErrorWithout: SMS_TRUST_ERROR,
  },
  "sms-role-not-trusted": {
    check: "sms-role",
    blocking: true,
    fix: "Add a trust policy statement: Effect Allow, Principal { Service: cognito-idp.amazonaws.com }, Action sts:AssumeRole, with Condition StringEquals sts:ExternalId set to the pool's externalId.",
    awsErrorWithout: SMS_TRUST_ERROR,
  },
  "sms-role-external-id-mismatch": {
    check: "sms-role",
    blocking: true,
    fix: "Make smsConfiguration.externalId equal the sts:ExternalId the role's trust policy requires (or change the trust policy to the pool's external id).",
    awsErrorWithout: SMS_TRUST_ERROR,
  },
  "sms-role-cannot-publish": {
    check: "sms-role",
    blocking: true,
    fix: 'Give the role a policy that allows sns:Publish on Resource "*" (Cognito sends to phone numbers, which have no ARN).',
    awsErrorWithout:
      "CreateUserPool / UpdateUserPool / SetUserPoolMfaConfig fail with InvalidSmsRoleAccessPolicyException (\"the role provided for SMS configuration doesn't have permission to publish using Amazon SNS\" [M])",
  },
  "sms-role-no-external-id-condition": {
    check: "sms-role",
    blocking: false,
    fix: "Add Condition StringEquals sts:ExternalId to the trust statement so that only this pool (which sends the external id) can use the role (the confused-deputy guard AWS recommends [M SmsConfigurationType.ExternalId]).",
    awsErrorWithout: "none at apply time; any Cognito pool in any account that knows the role ARN could send SMS at your cost",
  },

  // ---- Lambda triggers (an invoke permission for cognito-idp.amazonaws.com: https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-identity-pools-working-with-aws-lambda-triggers.html)
  "lambda-ok": { check: "lambda-trigger", blocking: false, fix: "", awsErrorWithout: "" },
  "lambda-arn-invalid": {
    check: "lambda-trigger",
    blocking: true,
    fix: "Use a Lambda function ARN: arn:aws:lambda:REGION:ACCOUNT:function:NAME.",
    awsErrorWithout: "CreateUserPool / UpdateUserPool fail with InvalidParameterException",
  },
  "lambda-not-found": {
    check: "lambda-trigger",
    blocking: true,
    fix: "Deploy the function first (same account and region as the ARN), or correct the ARN.",
    awsErrorWithout: LAMBDA_RUNTIME_ERROR,
  },
  "lambda-not-invokable": {
    check: "lambda-trigger",
    blocking: true,
    fix: "Grant Cognito the right to call it: aws lambda add-permission --function-name FN --statement-id cognito --action lambda:InvokeFunction --principal cognito-idp.amazonaws.com --source-arn POOL_ARN.",
    awsErrorWithout: LAMBDA_RUNTIME_ERROR,
  },
  "lambda-permission-other-pool": {
    check: "lambda-trigger",
    blocking: true,
    fix: "The function's permission names another pool in AWS:SourceArn; add a permission with --source-arn set to this pool's ARN.",
    awsErrorWithout: LAMBDA_RUNTIME_ERROR,
  },
  "lambda-permission-unconfirmed": {
    check: "lambda-trigger",
    blocking: false,
    fix: "The permission is scoped to a pool ARN, and this pool does not exist yet: after the first apply, add a permission for the new pool's ARN (preflight with --user-pool-id confirms it).",
    awsErrorWithout: LAMBDA_RUNTIME_ERROR,
  },

  // ---- KMS key of the custom sender triggers (LambdaConfigType.KMSKeyID [M]; TF RequiredWith, https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool)
  // ---- log delivery destinations (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LogConfigurationType.html)
  "log-destination-ok": { check: "log-destination", blocking: false, fix: "", awsErrorWithout: "" },
  "log-destination-not-found": {
    check: "log-destination",
    blocking: true,
    fix: "Create the log group, bucket or Firehose stream first (in the pool's account), or correct its ARN under Log streaming.",
    awsErrorWithout: "SetLogDeliveryConfiguration fails with InvalidParameterException or ResourceNotFoundException after the pool was written, and no logs are delivered",
  },
  "log-destination-not-checked": {
    check: "log-destination",
    blocking: false,
    fix: "Check by hand that the destination exists in the pool's account.",
    awsErrorWithout: "none at apply time when it exists; when it does not, SetLogDeliveryConfiguration fails after the pool was written",
  },

  "kms-key-ok": { check: "kms-key", blocking: false, fix: "", awsErrorWithout: "" },
  "kms-key-missing": {
    check: "kms-key",
    blocking: true,
    fix: "Set lambdaConfig.kmsKeyId to the ARN of a symmetric KMS key; Cognito encrypts the codes it hands to custom sender triggers with it.",
    awsErrorWithout: "CreateUserPool / UpdateUserPool fail with InvalidParameterException (custom sender triggers need KMSKeyID)",
  },
  "kms-key-not-found": {
    check: "kms-key",
    blocking: true,
    fix: "Create the key in KMS (symmetric, encrypt/decrypt) in the ARN's region, or correct the ARN.",
    awsErrorWithout:
      "CreateUserPool / UpdateUserPool fail with InvalidParameterException, or, if accepted, every message to the custom sender fails with UnexpectedLambdaException / CodeDeliveryFailureException [M]",
  },
  "kms-key-disabled": {
    check: "kms-key",
    blocking: true,
    fix: "Enable the key (or cancel its scheduled deletion) in KMS.",
    awsErrorWithout: "every code sent through the custom sender fails: CodeDeliveryFailureException / UnexpectedLambdaException on SignUp and ForgotPassword [M]",
  },
  "kms-key-wrong-type": {
    check: "kms-key",
    blocking: true,
    fix: "Use a symmetric key (KeySpec SYMMETRIC_DEFAULT) with KeyUsage ENCRYPT_DECRYPT.",
    awsErrorWithout: "CreateUserPool / UpdateUserPool fail with InvalidParameterException, or encryption fails when a code is sent",
  },

  // ---- any check whose read failed
  // ---- the server's own AWS credentials (STS GetCallerIdentity; needs no permission)
  "aws-credentials-ok": { check: "aws-credentials", blocking: false, fix: "", awsErrorWithout: "" },
  "aws-credentials-missing": {
    check: "aws-credentials",
    blocking: true,
    fix: "Give the server AWS credentials: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run it with a role (instance, task or web identity); then run preflight again.",
    awsErrorWithout: "the apply's first Cognito call fails with CredentialsProviderError (\"Could not load credentials from any providers\") and nothing is applied",
  },
  "aws-credentials-invalid": {
    check: "aws-credentials",
    blocking: true,
    fix: "AWS refuses the server's credentials (expired, unknown or wrong): renew them (aws sso login for SSO profiles) or fix the keys, and check the target's role can be assumed.",
    awsErrorWithout: "the apply's first Cognito call fails with ExpiredTokenException, UnrecognizedClientException or AccessDenied (on AssumeRole)",
  },
  "check-failed": {
    check: "any",
    blocking: false,
    fix: "Preflight could not read the dependency (see the message); give the studio's credentials read access (acm:DescribeCertificate, ses:GetEmailIdentity, iam:GetRole, iam:ListRolePolicies, iam:GetRolePolicy, iam:ListAttachedRolePolicies, iam:GetPolicy, iam:GetPolicyVersion, lambda:GetFunction, lambda:GetPolicy, kms:DescribeKey) or check it by hand.",
    awsErrorWithout: "",
  },
} as const satisfies Record<string, PreflightCode>;

export type PreflightCodeName = keyof typeof PREFLIGHT_CODES;
