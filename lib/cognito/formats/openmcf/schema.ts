/**
 * The OpenMCF (now Planton) `AwsCognitoUserPool` manifest as zod schemas: the shape of `spec.proto` and
 * `api.proto` (github.com/plantonhq/planton, apis/dev/planton/provider/aws/awscognitouserpool/v1/; examples in
 * test/fixtures/reference/openmcf-examples/). Field names are the proto's lowerCamelCase JSON names.
 *
 * Strict: an unknown field is an error naming it. The field-level `buf.validate` constraints of the proto are
 * here (lengths, ranges, required); the proto's CEL rules (allowed values, cross-field) are in `rules.ts`, so
 * their diagnostics carry the CEL rule id. Types follow the proto: enumerations are plain strings there too.
 */
import { z } from "zod";

export const OPENMCF_API_VERSION = "aws.openmcf.org/v1";
/** The same kind after the project's rename to Planton (OpenMCF was renamed Planton; same files, `aws.planton.dev/v1`). */
export const PLANTON_API_VERSION = "aws.planton.dev/v1";
export const OPENMCF_KIND = "AwsCognitoUserPool";

/** `foreign_key.proto` `ValueFromRef`: a reference to another resource's output (`name` is required). */
export const valueFromRefSchema = z.strictObject({
  kind: z.string().optional(),
  env: z.string().optional(),
  name: z.string().min(1),
  fieldPath: z.string().optional(),
});

/**
 * `StringValueOrRef`: a literal (`{value: …}`) or a reference (`{valueFrom: …}`). The OpenMCF docs and examples
 * also write a literal as a plain string (OpenMCF's documentation examples, `sourceArn: "arn:aws:ses:…"`), so that form is accepted too.
 */
export const stringValueOrRefSchema = z.union([
  z.string(),
  z.strictObject({ value: z.string() }),
  z.strictObject({ valueFrom: valueFromRefSchema }),
]);

/** `AwsCognitoUserPoolPasswordPolicy`. `minimumLength` has no presence, so protovalidate checks its zero value too. */
export const openMcfPasswordPolicySchema = z.strictObject({
  minimumLength: z.int().min(6).max(99),
  requireLowercase: z.boolean().optional(),
  requireUppercase: z.boolean().optional(),
  requireNumbers: z.boolean().optional(),
  requireSymbols: z.boolean().optional(),
  temporaryPasswordValidityDays: z.int().min(0).max(365).optional(),
});

/** `AwsCognitoUserPoolRecoveryMechanism`: both fields `required` (non-empty, non-zero). */
export const openMcfRecoveryMechanismSchema = z.strictObject({
  name: z.string().min(1),
  priority: z.int().refine((p) => p !== 0, { error: "priority is required (1 or 2)" }),
});

/** `AwsCognitoUserPoolEmailConfig`. */
export const openMcfEmailConfigSchema = z.strictObject({
  emailSendingAccount: z.string().optional(),
  sourceArn: stringValueOrRefSchema.optional(),
  fromEmailAddress: z.string().optional(),
  replyToEmailAddress: z.string().optional(),
  configurationSet: z.string().optional(),
});

/** `AwsCognitoUserPoolSchemaAttribute`; the constraint bounds are strings in the proto. */
export const openMcfSchemaAttributeSchema = z.strictObject({
  name: z.string().min(1).max(20),
  attributeDataType: z.string().min(1),
  mutable: z.boolean().optional(),
  required: z.boolean().optional(),
  stringMinLength: z.string().optional(),
  stringMaxLength: z.string().optional(),
  numberMinValue: z.string().optional(),
  numberMaxValue: z.string().optional(),
});

/** The ten triggers of `AwsCognitoUserPoolLambdaConfig`, in proto order. */
export const OPENMCF_LAMBDA_TRIGGERS = [
  "preSignUp",
  "preAuthentication",
  "postAuthentication",
  "postConfirmation",
  "preTokenGeneration",
  "customMessage",
  "userMigration",
  "defineAuthChallenge",
  "createAuthChallenge",
  "verifyAuthChallengeResponse",
] as const;
export type OpenMcfLambdaTrigger = (typeof OPENMCF_LAMBDA_TRIGGERS)[number];

export const openMcfLambdaConfigSchema = z.strictObject(
  Object.fromEntries(OPENMCF_LAMBDA_TRIGGERS.map((t) => [t, stringValueOrRefSchema.optional()])) as Record<
    OpenMcfLambdaTrigger,
    z.ZodOptional<typeof stringValueOrRefSchema>
  >,
);

/** `AwsCognitoUserPoolClient`. Token validities: 0 means unset (the modules then send no value). */
export const openMcfClientSchema = z.strictObject({
  name: z.string().min(1).max(128),
  generateSecret: z.boolean().optional(),
  allowedOauthFlowsUserPoolClient: z.boolean().optional(),
  allowedOauthFlows: z.array(z.string()).optional(),
  allowedOauthScopes: z.array(z.string()).optional(),
  callbackUrls: z.array(z.string()).optional(),
  logoutUrls: z.array(z.string()).optional(),
  defaultRedirectUri: z.string().optional(),
  supportedIdentityProviders: z.array(z.string()).optional(),
  explicitAuthFlows: z.array(z.string()).optional(),
  accessTokenValidityMinutes: z.int().min(0).max(1440).optional(),
  idTokenValidityMinutes: z.int().min(0).max(1440).optional(),
  refreshTokenValidityDays: z.int().min(0).max(3650).optional(),
  enableTokenRevocation: z.boolean().optional(),
  preventUserExistenceErrors: z.string().optional(),
});

/** `AwsCognitoUserPoolDomainConfig`. */
export const openMcfDomainSchema = z.strictObject({
  domain: z.string().min(1),
  certificateArn: stringValueOrRefSchema.optional(),
});

/** `AwsCognitoUserPoolSpec`. */
export const openMcfSpecSchema = z.strictObject({
  region: z.string().min(1),
  usernameAttributes: z.array(z.string()).optional(),
  aliasAttributes: z.array(z.string()).optional(),
  usernameCaseSensitive: z.boolean().optional(),
  passwordPolicy: openMcfPasswordPolicySchema.optional(),
  mfaConfiguration: z.string().optional(),
  softwareTokenMfaEnabled: z.boolean().optional(),
  autoVerifiedAttributes: z.array(z.string()).optional(),
  accountRecoveryMechanisms: z.array(openMcfRecoveryMechanismSchema).optional(),
  emailConfiguration: openMcfEmailConfigSchema.optional(),
  allowAdminCreateUserOnly: z.boolean().optional(),
  deletionProtection: z.boolean().optional(),
  customAttributes: z.array(openMcfSchemaAttributeSchema).optional(),
  lambdaConfig: openMcfLambdaConfigSchema.optional(),
  /** `repeated.min_items = 1`: a pool without clients cannot authenticate any application. */
  clients: z.array(openMcfClientSchema).min(1),
  domain: openMcfDomainSchema.optional(),
});

/** `org.openmcf.shared.CloudResourceMetadata` (plantonhq/openmcf apis/org/openmcf/shared/metadata.proto). */
export const openMcfMetadataSchema = z.strictObject({
  name: z.string().optional(),
  slug: z.string().optional(),
  id: z.string().optional(),
  org: z.string().optional(),
  env: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  tags: z.array(z.string()).optional(),
  relationships: z.array(z.record(z.string(), z.unknown())).optional(),
  group: z.string().optional(),
});

/** `api.proto` `AwsCognitoUserPool`: apiVersion and kind are constants; metadata and spec are required. */
export const openMcfManifestSchema = z.strictObject({
  apiVersion: z.enum([OPENMCF_API_VERSION, PLANTON_API_VERSION]),
  kind: z.literal(OPENMCF_KIND),
  metadata: openMcfMetadataSchema,
  spec: openMcfSpecSchema,
  /** Stack outputs written back by a deployment; not configuration. */
  status: z.strictObject({ outputs: z.record(z.string(), z.unknown()).optional() }).optional(),
});

export type StringValueOrRef = z.infer<typeof stringValueOrRefSchema>;
export type OpenMcfClient = z.infer<typeof openMcfClientSchema>;
export type OpenMcfSchemaAttribute = z.infer<typeof openMcfSchemaAttributeSchema>;
export type OpenMcfSpec = z.infer<typeof openMcfSpecSchema>;
export type OpenMcfManifest = z.infer<typeof openMcfManifestSchema>;
