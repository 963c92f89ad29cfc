import "server-only";
import type { CognitoPort } from "@/lib/cognito/aws";
import { createSdkPort, createSecretResolver, type SecretResolver } from "@/lib/cognito/aws";
import { createSdkPreflightPort, type PreflightPort } from "@/lib/cognito/preflight";
import { type ClientSecretPort, createSdkClientSecretPort } from "@/lib/cognito/rotation";

/** What the server needs to talk to a target's Cognito (no credentials: the SDK's default chain). */
export interface TargetConnection {
  region: string;
  endpoint: string | null;
  roleArn: string | null;
}

export type TargetPortFactory = (target: TargetConnection) => CognitoPort;

/** With a custom endpoint (moto, LocalStack) the quota limiter is off: they have no quotas. */
const sdkPortFactory: TargetPortFactory = (target) =>
  createSdkPort(
    { region: target.region, ...(target.endpoint ? { endpoint: target.endpoint } : {}), ...(target.roleArn ? { roleArn: target.roleArn } : {}) },
    { rateLimit: target.endpoint ? "off" : "quota" },
  );

let factory: TargetPortFactory = sdkPortFactory;

/** The Cognito port for a target. */
export function connectTarget(target: TargetConnection): CognitoPort {
  return factory(target);
}

/** Reads identity-provider secrets for a target at apply time (its Region, endpoint and role). */
export function targetSecretResolver(target: TargetConnection): SecretResolver {
  return createSecretResolver({ region: target.region, ...(target.endpoint ? { endpoint: target.endpoint } : {}), ...(target.roleArn ? { roleArn: target.roleArn } : {}) });
}

/** For tests: wrap or replace how ports are built (undefined restores the SDK port). */
export function setTargetPortFactory(fn: TargetPortFactory | undefined): void {
  factory = fn ?? sdkPortFactory;
}

export type TargetPreflightFactory = (target: TargetConnection) => PreflightPort;

/** ACM, SES, IAM, Lambda and KMS with the target's region, endpoint and role (as the Cognito port). */
const sdkPreflightFactory: TargetPreflightFactory = (target) =>
  createSdkPreflightPort({ region: target.region, ...(target.endpoint ? { endpoint: target.endpoint } : {}), ...(target.roleArn ? { roleArn: target.roleArn } : {}) });

let preflightFactory: TargetPreflightFactory = sdkPreflightFactory;

/** The preflight port for a target. */
export function connectTargetPreflight(target: TargetConnection): PreflightPort {
  return preflightFactory(target);
}

/** For tests: replace how preflight ports are built (undefined restores the SDK one). */
export function setTargetPreflightFactory(fn: TargetPreflightFactory | undefined): void {
  preflightFactory = fn ?? sdkPreflightFactory;
}

export type TargetSecretPortFactory = (target: TargetConnection) => ClientSecretPort;
const sdkSecretFactory: TargetSecretPortFactory = (target) =>
  createSdkClientSecretPort({ region: target.region, ...(target.endpoint ? { endpoint: target.endpoint } : {}), ...(target.roleArn ? { roleArn: target.roleArn } : {}) });
let secretFactory: TargetSecretPortFactory = sdkSecretFactory;

/** The client secret operations for a target (rotation). */
export function connectTargetSecrets(target: TargetConnection): ClientSecretPort {
  return secretFactory(target);
}

/** For tests: moto lacks the secret operations, so tests use an SDK stub (undefined restores the SDK one). */
export function setTargetSecretPortFactory(fn: TargetSecretPortFactory | undefined): void {
  secretFactory = fn ?? sdkSecretFactory;
}

/** One line for an AWS (or network) error, with plain advice for the common ones (lib/cognito/aws/error-advice.ts). */
export { describeAwsError } from "@/lib/cognito/aws";
