/**
 * Per-environment values: what differs between the targets a design is applied to (dev, staging, prod)
 * and so is kept on the target, not in the design: the app clients' callback and logout URLs (by client
 * name), the hosted domain and its certificate, the Lambda triggers, the SES identity and From address, the
 * SMS role and external id, the custom senders' KMS key, identity providers' client ids and metadata URLs,
 * resource server identifiers, group role ARNs and tags. The same zod schema serves the target page, the
 * server actions and the CLI's `--values FILE` (ARCHITECTURE.md, "One schema per input").
 *
 * Every field reuses the spec's own field schema (lengths, the generic ARN pattern, the scope alphabet), so a
 * value a target may hold is one the design could hold; ARNs are further held to their service's form, which
 * the API does not check until it calls the function, the identity or the role.
 */
import "../spec/error-map";
import { z } from "zod";
import { domainSchema } from "../spec/domain-schema";
import { groupSchema } from "../spec/group-schema";
import { identityProviderSchema } from "../spec/identity-provider-schema";
import { lambdaConfigSchema } from "../spec/lambda-config-schema";
import { emailConfigurationSchema, smsConfigurationSchema } from "../spec/messaging-schema";
import { redirectUrlSchema, tagsSchema } from "../spec/primitives";
import { resourceServerSchema } from "../spec/resource-server-schema";
import { redirectUriProblem } from "../spec/rules/redirect-uris";

/**
 * A redirect URI with the rules of rules/redirect-uris.ts (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html: absolute, no
 * fragment, https except loopback http, or an app scheme), checked here so the form shows them per field.
 */
const redirectUriSchema = redirectUrlSchema.superRefine((url, ctx) => {
  const problem = redirectUriProblem(url);
  if (problem) ctx.addIssue({ code: "custom", message: `${url} ${problem}` });
});

export const environmentClientValuesSchema = z.strictObject({
  /** Replaces the client's `callbackUrls` on this target. Max 100 (https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html "Callback URLs per app client"). */
  callbackUrls: z.array(redirectUriSchema).max(100, { error: "at most 100 callback URLs per app client" }).optional(),
  /** Replaces the client's `logoutUrls` on this target. */
  logoutUrls: z.array(redirectUriSchema).max(100, { error: "at most 100 sign-out URLs per app client" }).optional(),
});

/**
 * The triggers a target can point at its own function. `preTokenGeneration` stands for both of the pool's
 * pre token generation fields (`PreTokenGeneration` and `PreTokenGenerationConfig.LambdaArn`), which AWS
 * requires to be the same ARN (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LambdaConfigType.html).
 */
export const ENVIRONMENT_TRIGGERS = [
  "preSignUp",
  "customMessage",
  "postConfirmation",
  "preAuthentication",
  "postAuthentication",
  "defineAuthChallenge",
  "createAuthChallenge",
  "verifyAuthChallengeResponse",
  "preTokenGeneration",
  "userMigration",
  "customSmsSender",
  "customEmailSender",
  "inboundFederation",
] as const;
export type EnvironmentTrigger = (typeof ENVIRONMENT_TRIGGERS)[number];

/**
 * Service forms of the ARNs a target holds, each from the service's ARN reference: Lambda
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html), SES identities
 * (https://docs.aws.amazon.com/ses/latest/dg/control-user-access.html), KMS keys
 * (https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id-key-ARN; Cognito's `KMSKeyID`
 * takes a key ARN, not an alias), IAM roles (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html).
 */
const LAMBDA_ARN = /^arn:aws[\w-]*:lambda:[a-z]{2}(-[a-z]+)+-\d+:\d{12}:function:[\w-]{1,64}(:[\w$-]{1,128})?$/u;
const SES_IDENTITY_ARN = /^arn:aws[\w-]*:ses:[a-z]{2}(-[a-z]+)+-\d+:\d{12}:identity\/\S+$/u;
const KMS_KEY_ARN = /^arn:aws[\w-]*:kms:[a-z]{2}(-[a-z]+)+-\d+:\d{12}:key\/[\w-]+$/u;
const IAM_ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/u;

const lambdaArnSchema = lambdaConfigSchema.shape.preSignUp.unwrap().regex(LAMBDA_ARN, {
  error: "must be a Lambda function ARN like arn:aws:lambda:eu-west-1:123456789012:function:pre-sign-up; copy it from the function's page in the Lambda console",
});
const kmsKeyArnSchema = lambdaConfigSchema.shape.kmsKeyId.unwrap().regex(KMS_KEY_ARN, {
  error: "must be a KMS key ARN like arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab (an alias is not accepted); copy it from the key's page in the KMS console",
});
const sesIdentityArnSchema = emailConfigurationSchema.shape.sourceArn.unwrap().regex(SES_IDENTITY_ARN, {
  error: "must be an SES identity ARN like arn:aws:ses:eu-west-1:123456789012:identity/example.com; copy it from the verified identity's page in the SES console",
});
const snsRoleArnSchema = smsConfigurationSchema.shape.snsCallerArn.regex(IAM_ROLE_ARN, {
  error: "must be an IAM role ARN like arn:aws:iam::123456789012:role/cognito-sms; copy it from the role's page in the IAM console",
});
/** A provider detail value (Smithy `StringType`), not empty: an empty client id would remove the provider's. */
const providerDetailSchema = identityProviderSchema.shape.providerDetails.valueType.min(1, { error: "is empty: write a value, or clear the row to keep the design's" });

export const environmentIdentityProviderValuesSchema = z.strictObject({
  /** Replaces `providerDetails.client_id` (Google, Facebook, LoginWithAmazon, SignInWithApple, OIDC). */
  clientId: providerDetailSchema.optional(),
  /** Replaces `providerDetails.MetadataURL` (SAML). */
  metadataUrl: providerDetailSchema
    .refine((url) => /^https:\/\/[^\s/]+/u.test(url), { error: "must be an https URL like https://idp.example.com/metadata.xml: Cognito fetches the metadata over https" })
    .optional(),
});

export const environmentValuesSchema = z.strictObject({
  /** Replaces `spec.domain.domain` (a prefix, or a custom domain name) on this target. */
  domain: domainSchema.shape.domain.optional(),
  /**
   * Replaces `spec.domain.certificateArn` on this target: a custom domain that differs per environment
   * needs its own ACM certificate unless one wildcard covers them all (preflight checks the cover).
   */
  certificateArn: domainSchema.shape.certificateArn,
  /** By app client name (the name clients are matched by). */
  clients: z.record(z.string().min(1).max(128), environmentClientValuesSchema).optional(),
  /** Lambda trigger ARNs, by trigger. */
  triggers: z.partialRecord(z.enum(ENVIRONMENT_TRIGGERS), lambdaArnSchema).optional(),
  /** `LambdaConfig.KMSKeyID`: the key the custom sender triggers decrypt codes with. */
  customSenderKmsKeyId: kmsKeyArnSchema.optional(),
  /** `EmailConfiguration`: the SES identity and the From address. */
  email: z.strictObject({ sourceArn: sesIdentityArnSchema.optional(), from: emailConfigurationSchema.shape.from.unwrap().min(1).optional() }).optional(),
  /** `SmsConfiguration`: the role Cognito assumes to send SMS and its external id. */
  sms: z.strictObject({ snsCallerArn: snsRoleArnSchema.optional(), externalId: smsConfigurationSchema.shape.externalId.unwrap().min(1).optional() }).optional(),
  /** By provider name. */
  identityProviders: z.record(identityProviderSchema.shape.providerName, environmentIdentityProviderValuesSchema).optional(),
  /**
   * By the design's identifier: this target's identifier (usually the API's URL there). The identifier is
   * the server's key and cannot be updated (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateResourceServer.html),
   * so changing it once applied replaces the server; the clients' scopes follow it.
   */
  resourceServers: z.record(resourceServerSchema.shape.identifier, z.strictObject({ identifier: resourceServerSchema.shape.identifier })).optional(),
  /** By group name: the IAM role of the group on this target. */
  groups: z.record(groupSchema.shape.name, z.strictObject({ roleArn: groupSchema.shape.roleArn.unwrap() })).optional(),
  /** Pool tags set on this target, by key (added to the design's, or replacing the design's value of that key). */
  tags: tagsSchema.optional(),
});
export type EnvironmentValues = z.infer<typeof environmentValuesSchema>;

/** The field an issue is about, as a person reads it: `triggers.preSignUp`, `resourceServers["https://api"].identifier`. */
function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_]\w*$/u.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/**
 * One issue per field: the last, which is the most specific rule (an ARN's service form is checked after the
 * spec's generic length and pattern, which "my-function" also fails).
 */
export function mostSpecificIssues<T extends { path: readonly PropertyKey[] }>(issues: readonly T[]): T[] {
  const byPath = new Map<string, T>();
  for (const issue of issues) {
    const key = JSON.stringify(issue.path.map(String));
    byPath.delete(key);
    byPath.set(key, issue);
  }
  return [...byPath.values()];
}

/**
 * The problems of values that failed the schema, one line per field: the field, then the rule and what to do.
 * Used by the CLI and by stored values read back; the target page shows the same messages under its rows.
 */
export function describeEnvironmentValuesIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return mostSpecificIssues(issues).map((issue) => {
    const at = formatIssuePath(issue.path);
    return at ? `${at}: ${issue.message}` : issue.message;
  });
}

/**
 * Reads the values stored on a target. Stored text is re-parsed with the schema (ARCHITECTURE.md, "The database");
 * unreadable or invalid text reads as no values, with the reason, so a caller can say so.
 */
export function readEnvironmentValues(text: string | null | undefined): { values: EnvironmentValues; problem?: string } {
  if (!text) return { values: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { values: {}, problem: "the stored environment values are not JSON" };
  }
  const parsed = environmentValuesSchema.safeParse(raw);
  if (!parsed.success) return { values: {}, problem: `the stored environment values are invalid: ${describeEnvironmentValuesIssues(parsed.error.issues).join("; ")}` };
  return { values: parsed.data };
}

const isEmptyObject = (o: object | undefined) => o === undefined || Object.values(o).every((v) => v === undefined);

/** True when the values change nothing. */
export function isEmptyEnvironmentValues(values: EnvironmentValues): boolean {
  return (
    values.domain === undefined &&
    values.certificateArn === undefined &&
    Object.values(values.clients ?? {}).every((c) => c.callbackUrls === undefined && c.logoutUrls === undefined) &&
    isEmptyObject(values.triggers) &&
    values.customSenderKmsKeyId === undefined &&
    isEmptyObject(values.email) &&
    isEmptyObject(values.sms) &&
    Object.values(values.identityProviders ?? {}).every(isEmptyObject) &&
    Object.keys(values.resourceServers ?? {}).length === 0 &&
    Object.keys(values.groups ?? {}).length === 0 &&
    Object.keys(values.tags ?? {}).length === 0
  );
}

/** The values the targets form edits (addresses: the domain, its certificate, the clients' URLs); the settings table edits the rest. */
export const ADDRESS_VALUE_KEYS = ["domain", "certificateArn", "clients"] as const satisfies readonly (keyof EnvironmentValues)[];

/**
 * The stored values with one part replaced by `next`'s: the addresses (domain, certificate, URLs) or the other
 * settings. Each form saves its own part, so saving one never drops what the other holds.
 */
export function replaceEnvironmentValuesPart(stored: EnvironmentValues, part: "addresses" | "settings", next: EnvironmentValues): EnvironmentValues {
  const isAddress = (key: string) => (ADDRESS_VALUE_KEYS as readonly string[]).includes(key);
  const kept = Object.entries(stored).filter(([key]) => (part === "addresses" ? !isAddress(key) : isAddress(key)));
  const taken = Object.entries(next).filter(([key, value]) => value !== undefined && (part === "addresses" ? isAddress(key) : !isAddress(key)));
  return Object.fromEntries([...kept, ...taken]) as EnvironmentValues;
}
