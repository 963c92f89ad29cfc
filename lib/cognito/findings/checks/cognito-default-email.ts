/**
 * Cognito's own email sender in production: at most 50 messages a day per AWS account (https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html,
 * "Email messages sent daily per AWS account (COGNITO_DEFAULT sending) | 50 | No"), so sign-ups, verification and
 * password resets silently stop once a production pool gets busy. Unset is COGNITO_DEFAULT (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_EmailConfigurationType.html).
 */
import { at } from "../../spec/rules/rule";
import type { FindingCheck } from "../types";
import { PRODUCTION_ONLY } from "../types";

export const cognitoDefaultEmailCheck: FindingCheck = {
  code: "finding/cognito-default-email",
  title: "Cognito's default email sender in production",
  environments: PRODUCTION_ONLY,
  run: (ctx) => {
    const account = ctx.spec.emailConfiguration?.emailSendingAccount;
    if (account === "DEVELOPER") return [];
    return [
      {
        path: ctx.spec.emailConfiguration ? at(ctx, "emailConfiguration", "emailSendingAccount") : at(ctx, "emailConfiguration"),
        message: `${account === undefined ? "email is sent by Cognito's default sender (emailSendingAccount unset)" : "emailSendingAccount is COGNITO_DEFAULT"}, which allows only 50 emails a day per AWS account, too few for a production pool${ctx.environmentSource ? ` (${ctx.environmentSource})` : ""}; send through Amazon SES with emailSendingAccount: DEVELOPER and a sourceArn`,
      },
    ];
  },
};
