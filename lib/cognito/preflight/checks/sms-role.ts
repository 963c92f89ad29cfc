/**
 * SMS: the IAM role in SnsCallerArn exists and its trust policy lets cognito-idp.amazonaws.com assume it
 * with the configured external id. [M InvalidSmsRoleTrustRelationshipException]: "This can happen if you
 * don't trust cognito-idp.amazonaws.com or the external ID provided in the role does not match what is
 * provided in the SMS configuration for the user pool"; [M SmsConfigurationType.ExternalId]. And the role
 * may publish: [M InvalidSmsRoleAccessPolicyException] "the role provided for SMS configuration doesn't
 * have permission to publish using Amazon SNS".
 */
import type { PoolSpec } from "../../spec/pool-schema";
import { parseArn } from "../arn";
import { conditionValues, identityPoliciesAllowEverywhere, parsePolicy, statementsFor, wildcardMatch } from "../policy";
import { type PreflightContext, resultOf, unknownResult } from "../result";
import type { PreflightPort, PreflightResult } from "../types";

const PATH = "spec.smsConfiguration.snsCallerArn";
const COGNITO = "cognito-idp.amazonaws.com";
const EQUALS = ["StringEquals", "StringEqualsIgnoreCase"];
const LIKE = ["StringLike"];

export async function checkSmsRole(spec: PoolSpec, port: PreflightPort, _context: PreflightContext): Promise<PreflightResult[]> {
  const sms = spec.smsConfiguration;
  if (!sms) return [];
  const arn = parseArn(sms.snsCallerArn);
  if (!arn || arn.service !== "iam" || !arn.resource.startsWith("role/")) {
    return [resultOf("sms-role-arn-invalid", PATH, `${sms.snsCallerArn} is not an IAM role ARN.`)];
  }
  // role/path/name: GetRole takes the name, the last segment.
  const roleName = arn.resource.split("/").pop() ?? "";
  let role;
  try {
    role = await port.getRole(roleName);
  } catch (error) {
    return [unknownResult("sms-role", PATH, `the IAM role ${roleName}`, error)];
  }
  if (!role) return [resultOf("sms-role-not-found", PATH, `IAM has no role ${roleName} in account ${arn.account}.`)];

  let statements;
  try {
    statements = parsePolicy(role.trustPolicy);
  } catch {
    return [resultOf("sms-role-not-trusted", PATH, `The trust policy of ${roleName} is not a readable policy document.`)];
  }
  const relevant = statementsFor(statements, COGNITO, "sts:AssumeRole");
  if (relevant.some((s) => s.effect === "Deny" && Object.keys(s.conditions).length === 0)) {
    return [resultOf("sms-role-not-trusted", PATH, `The trust policy of ${roleName} denies ${COGNITO}.`)];
  }
  const allows = relevant.filter((s) => s.effect === "Allow");
  if (allows.length === 0) return [resultOf("sms-role-not-trusted", PATH, `The trust policy of ${roleName} does not let ${COGNITO} assume it.`)];

  const externalId = sms.externalId;
  // A statement works for this pool when its external id condition (if any) matches what the pool sends.
  const works = allows.filter((s) => {
    const equals = conditionValues(s, EQUALS, "sts:ExternalId");
    const like = conditionValues(s, LIKE, "sts:ExternalId");
    if (!equals && !like) return true;
    if (externalId === undefined) return false;
    return (equals ?? []).includes(externalId) || (like ?? []).some((p) => wildcardMatch(p, externalId));
  });
  if (works.length === 0) {
    const required = allows.flatMap((s) => conditionValues(s, EQUALS, "sts:ExternalId") ?? conditionValues(s, LIKE, "sts:ExternalId") ?? []);
    return [
      resultOf(
        "sms-role-external-id-mismatch",
        "spec.smsConfiguration.externalId",
        `The trust policy of ${roleName} requires the external id ${required.join(" or ")}; the pool sends ${externalId === undefined ? "none" : externalId}.`,
      ),
    ];
  }
  let publishes: boolean;
  try {
    publishes = identityPoliciesAllowEverywhere((await port.getRolePermissionPolicies(roleName)).flatMap(parsePolicy), "sns:Publish");
  } catch (error) {
    return [unknownResult("sms-role", PATH, `the permissions of the IAM role ${roleName}`, error)];
  }
  if (!publishes) return [resultOf("sms-role-cannot-publish", PATH, `The role ${roleName} has no policy allowing sns:Publish on "*".`)];
  if (works.every((s) => !conditionValues(s, [...EQUALS, ...LIKE], "sts:ExternalId"))) {
    return [resultOf("sms-role-no-external-id-condition", PATH, `${COGNITO} may assume ${roleName} without an external id.`)];
  }
  return [resultOf("sms-role-ok", PATH, `${COGNITO} may assume ${roleName} with the pool's external id, and it may publish SMS.`)];
}
