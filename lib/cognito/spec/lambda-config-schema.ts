/**
 * Lambda triggers of a user pool: Smithy `LambdaConfigType`
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html, CreateUserPool `LambdaConfig.*`). Every trigger is an ARN; unset = no trigger.
 */
import { z } from "zod";
import { arnSchema } from "./primitives";

/** Versioned trigger config: `PreTokenGenerationVersionConfigType` (V1_0 | V2_0 | V3_0). */
export const preTokenGenerationConfigSchema = z.strictObject({
  lambdaVersion: z.enum(["V1_0", "V2_0", "V3_0"]),
  lambdaArn: arnSchema,
});

/** `CustomSMSLambdaVersionConfigType`, `CustomEmailLambdaVersionConfigType`, `InboundFederationLambdaType`: only V1_0 exists. */
export const v1LambdaConfigSchema = z.strictObject({
  lambdaVersion: z.enum(["V1_0"]),
  lambdaArn: arnSchema,
});

export const lambdaConfigSchema = z.strictObject({
  preSignUp: arnSchema.optional(),
  customMessage: arnSchema.optional(),
  postConfirmation: arnSchema.optional(),
  preAuthentication: arnSchema.optional(),
  postAuthentication: arnSchema.optional(),
  defineAuthChallenge: arnSchema.optional(),
  createAuthChallenge: arnSchema.optional(),
  verifyAuthChallengeResponse: arnSchema.optional(),
  /** Legacy V1 trigger; when `preTokenGenerationConfig` is set too, both ARNs must be identical (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LambdaConfigType.html). */
  preTokenGeneration: arnSchema.optional(),
  userMigration: arnSchema.optional(),
  preTokenGenerationConfig: preTokenGenerationConfigSchema.optional(),
  customSmsSender: v1LambdaConfigSchema.optional(),
  customEmailSender: v1LambdaConfigSchema.optional(),
  /** KMS key the custom sender triggers use to encrypt codes; required with them (Terraform `RequiredWith`). */
  kmsKeyId: arnSchema.optional(),
  inboundFederation: v1LambdaConfigSchema.optional(),
});

export type LambdaConfigSpec = z.infer<typeof lambdaConfigSchema>;
