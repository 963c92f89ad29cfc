/**
 * Self sign-up with nothing verified: anyone can create accounts with addresses they do not own, recovery
 * messages go to unverified addresses, and the pool fills with fake accounts. Self sign-up is on unless
 * `adminCreateUserConfig.allowAdminCreateUserOnly` is true; an unset `autoVerifiedAttributes` verifies nothing
 * (UpdateUserPool resets omitted members, https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPool.html).
 */
import { at } from "../../spec/rules/rule";
import type { FindingCheck } from "../types";
import { EVERYWHERE } from "../types";

export const selfSignUpUnverifiedCheck: FindingCheck = {
  code: "finding/self-sign-up-unverified",
  title: "Self sign-up without verification",
  environments: EVERYWHERE,
  run: (ctx) => {
    if (ctx.spec.adminCreateUserConfig?.allowAdminCreateUserOnly === true) return [];
    if ((ctx.spec.autoVerifiedAttributes ?? []).length > 0) return [];
    return [
      {
        path: at(ctx, "autoVerifiedAttributes"),
        message:
          "anyone can sign up, but no attribute is verified: accounts can be created with addresses the user does not own; set autoVerifiedAttributes (e.g. [email]) or adminCreateUserConfig.allowAdminCreateUserOnly: true",
      },
    ];
  },
};
