/**
 * Custom sender triggers and their KMS key: [M LambdaConfigType.KMSKeyID] "Amazon Cognito uses the key to
 * encrypt codes and temporary passwords sent to custom sender Lambda triggers"; Terraform requires
 * kms_key_id with them (RequiredWith, https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool). The key must exist, be enabled, and be a
 * symmetric encrypt/decrypt key.
 */
import type { PoolSpec } from "../../spec/pool-schema";
import { type PreflightContext, resultOf, unknownResult } from "../result";
import type { PreflightPort, PreflightResult } from "../types";

const PATH = "spec.lambdaConfig.kmsKeyId";

export async function checkKmsKey(spec: PoolSpec, port: PreflightPort, _context: PreflightContext): Promise<PreflightResult[]> {
  const config = spec.lambdaConfig;
  const senders = [config?.customSmsSender ? "customSmsSender" : undefined, config?.customEmailSender ? "customEmailSender" : undefined].filter((s) => s !== undefined);
  if (senders.length === 0) return [];
  const keyArn = config?.kmsKeyId;
  if (!keyArn) return [resultOf("kms-key-missing", PATH, `${senders.join(" and ")} need a KMS key in kmsKeyId.`)];
  let key;
  try {
    key = await port.describeKey(keyArn);
  } catch (error) {
    return [unknownResult("kms-key", PATH, `the KMS key ${keyArn}`, error)];
  }
  if (!key) return [resultOf("kms-key-not-found", PATH, `KMS has no key ${keyArn}.`)];
  if (!key.enabled || key.keyState !== "Enabled") return [resultOf("kms-key-disabled", PATH, `The KMS key ${keyArn} is ${key.keyState}.`)];
  if ((key.keySpec && key.keySpec !== "SYMMETRIC_DEFAULT") || (key.keyUsage && key.keyUsage !== "ENCRYPT_DECRYPT")) {
    return [resultOf("kms-key-wrong-type", PATH, `The KMS key ${keyArn} is ${key.keySpec ?? "?"} / ${key.keyUsage ?? "?"}; custom senders need SYMMETRIC_DEFAULT / ENCRYPT_DECRYPT.`)];
  }
  return [resultOf("kms-key-ok", PATH, `The KMS key for ${senders.join(" and ")} is enabled.`)];
}
