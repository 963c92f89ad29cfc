/**
 * Lambda trigger consistency. Source: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LambdaConfigType.html ("PreTokenGeneration and
 * PreTokenGenerationConfig.LambdaArn must be identical" [M]; custom sender triggers use V1_0 [M] and need
 * `kms_key_id` (Terraform `RequiredWith`)).
 */
import type { Diagnostic } from "../diagnostics";
import { error } from "../diagnostics";
import { type Rule, at } from "./rule";

export const lambdaTriggersRule: Rule = (ctx) => {
  const l = ctx.spec.lambdaConfig;
  if (!l) return [];
  const out: Diagnostic[] = [];
  if (l.preTokenGeneration !== undefined && l.preTokenGenerationConfig !== undefined && l.preTokenGeneration !== l.preTokenGenerationConfig.lambdaArn)
    out.push(
      error(at(ctx, "lambdaConfig", "preTokenGeneration"), "pre-token-arn-mismatch", "preTokenGeneration and preTokenGenerationConfig.lambdaArn must be the same function ARN (or set only preTokenGenerationConfig)"),
    );
  for (const field of ["customSmsSender", "customEmailSender"] as const)
    if (l[field] !== undefined && l.kmsKeyId === undefined)
      out.push(error(at(ctx, "lambdaConfig", "kmsKeyId"), "custom-sender-kms", `${field} needs kmsKeyId: the KMS key Cognito uses to encrypt the codes it passes to the function`));
  return out;
};
