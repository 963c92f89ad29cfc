/**
 * Deletion protection off: one DeleteUserPool call removes every user, with no undo for the users' passwords and
 * MFA enrolments. AWS Config `cognito-user-pool-deletion-protection-enabled` ("NON_COMPLIANT if a user pool has
 * deletion protection disabled"), Security Hub Cognito.6. Unset is INACTIVE (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html).
 */
import { at } from "../../spec/rules/rule";
import type { FindingCheck } from "../types";
import { UNLESS_NON_PRODUCTION } from "../types";

export const deletionProtectionOffCheck: FindingCheck = {
  code: "finding/deletion-protection-off",
  title: "Deletion protection off",
  environments: UNLESS_NON_PRODUCTION,
  compliance: { configRule: "cognito-user-pool-deletion-protection-enabled", securityHubControl: "Cognito.6" },
  run: (ctx) =>
    ctx.spec.deletionProtection === "ACTIVE"
      ? []
      : [
          {
            path: at(ctx, "deletionProtection"),
            message: `${ctx.spec.deletionProtection === undefined ? "deletionProtection is unset, so AWS's default INACTIVE applies" : "deletionProtection is INACTIVE"}: a single DeleteUserPool call would delete every user; set it to ACTIVE`,
          },
        ],
};
