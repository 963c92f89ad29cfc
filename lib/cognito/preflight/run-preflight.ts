/**
 * Runs every preflight check of a pool document against the port and collects one report. A check that
 * does not apply (no custom domain, no DEVELOPER email, …) adds nothing.
 */
import type { PoolDocument } from "../spec/document-schema";
import { checkAwsCredentials } from "./checks/aws-credentials";
import { checkDomainCertificate } from "./checks/domain-certificate";
import { checkEmailIdentity } from "./checks/email-identity";
import { checkKmsKey } from "./checks/kms-key";
import { checkLambdaTriggers } from "./checks/lambda-triggers";
import { checkLogDestinations } from "./checks/log-destinations";
import { checkSmsRole } from "./checks/sms-role";
import type { PreflightContext } from "./result";
import type { PreflightOutcome, PreflightPort, PreflightReport, PreflightResult } from "./types";

export const PREFLIGHT_CHECKS = [checkAwsCredentials, checkDomainCertificate, checkEmailIdentity, checkSmsRole, checkLambdaTriggers, checkKmsKey, checkLogDestinations] as const;

export interface RunPreflightOptions {
  /** The live pool's ARN, when the pool exists: Lambda permissions are checked against it. */
  userPoolArn?: string;
  /** The target's Region, for a document that names none. */
  region?: string;
}

export function summarisePreflight(results: readonly PreflightResult[]): PreflightReport {
  const summary: Record<PreflightOutcome, number> = { pass: 0, fail: 0, warn: 0, unknown: 0 };
  for (const r of results) summary[r.outcome]++;
  return { results: [...results], blocked: results.some((r) => r.blocking), summary };
}

export async function runPreflight(document: PoolDocument, port: PreflightPort, options: RunPreflightOptions = {}): Promise<PreflightReport> {
  const region = document.spec.region ?? options.region;
  const context: PreflightContext = { ...(region ? { region } : {}), ...(options.userPoolArn ? { userPoolArn: options.userPoolArn } : {}) };
  const results = (await Promise.all(PREFLIGHT_CHECKS.map((check) => check(document.spec, port, context)))).flat();
  return summarisePreflight(results);
}
