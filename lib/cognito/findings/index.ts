/**
 * Best-practice findings for a pool document: `findPoolFindings(doc)` runs every check of {@link FINDING_CHECKS}
 * that applies to the pool's environment (see environment.ts for how production is detected) and returns
 * warnings. Findings never throw and never mutate the document.
 */
import type { PoolDocument } from "../spec/document-schema";
import { effectiveClients } from "../spec/rules/rule";
import { authLogsWithoutThreatProtectionCheck } from "./checks/auth-logs-without-threat-protection";
import { cognitoDefaultEmailCheck } from "./checks/cognito-default-email";
import { deletionProtectionOffCheck } from "./checks/deletion-protection-off";
import { implicitFlowCheck } from "./checks/implicit-flow";
import { localhostCallbackInProductionCheck } from "./checks/localhost-callback-in-production";
import { longRefreshTokenCheck } from "./checks/long-refresh-token";
import { mfaOffCheck } from "./checks/mfa-off";
import { plaintextPasswordAuthCheck } from "./checks/plaintext-password-auth";
import { secretOnPublicClientCheck } from "./checks/secret-on-public-client";
import { selfSignUpUnverifiedCheck } from "./checks/self-sign-up-unverified";
import { threatProtectionCustomAuthCheck } from "./checks/threat-protection-custom-auth";
import { threatProtectionOffCheck } from "./checks/threat-protection-off";
import { tokenRevocationOffCheck } from "./checks/token-revocation-off";
import { userExistenceErrorsCheck } from "./checks/user-existence-errors";
import { weakPasswordPolicyCheck } from "./checks/weak-password-policy";
import { wildcardCallbackHostCheck } from "./checks/wildcard-callback-host";
import { type Environment, detectEnvironment } from "./environment";
import type { Finding, FindingCheck, FindingContext } from "./types";

export * from "./environment";
export * from "./placeholders";
export * from "./target-findings";
export * from "./types";

/** Every check, pool-wide ones first, in the order findings are reported. */
export const FINDING_CHECKS: readonly FindingCheck[] = [
  mfaOffCheck,
  weakPasswordPolicyCheck,
  deletionProtectionOffCheck,
  threatProtectionOffCheck,
  threatProtectionCustomAuthCheck,
  authLogsWithoutThreatProtectionCheck,
  selfSignUpUnverifiedCheck,
  cognitoDefaultEmailCheck,
  implicitFlowCheck,
  secretOnPublicClientCheck,
  localhostCallbackInProductionCheck,
  wildcardCallbackHostCheck,
  userExistenceErrorsCheck,
  tokenRevocationOffCheck,
  longRefreshTokenCheck,
  plaintextPasswordAuthCheck,
];

export interface FindPoolFindingsOptions {
  /** Overrides the environment read from labels and tags (e.g. a "treat as production" switch in the UI). */
  environment?: Environment;
}

export function findPoolFindings(doc: PoolDocument, options: FindPoolFindingsOptions = {}): Finding[] {
  const detected = detectEnvironment(doc);
  const environment = options.environment ?? detected.environment;
  const ctx: FindingContext = {
    document: doc,
    spec: doc.spec,
    base: "spec",
    environment,
    environmentSource: options.environment === undefined ? detected.source : undefined,
    clients: effectiveClients({ spec: doc.spec, base: "spec" }),
  };
  const out: Finding[] = [];
  for (const check of FINDING_CHECKS) {
    if (!check.environments.includes(environment)) continue;
    for (const hit of check.run(ctx)) {
      const finding: Finding = { severity: "warning", path: hit.path, code: check.code, message: hit.message };
      if (check.compliance) {
        finding.complianceRule = check.compliance.configRule;
        if (check.compliance.securityHubControl) finding.securityHubControl = check.compliance.securityHubControl;
        finding.message += ` (AWS Config rule ${check.compliance.configRule}${check.compliance.securityHubControl ? `, Security Hub ${check.compliance.securityHubControl}` : ""})`;
      }
      out.push(finding);
    }
  }
  return out;
}
