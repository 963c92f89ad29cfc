/**
 * `PreventUserExistenceErrors` LEGACY (the AWS default, https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html: "Defaults to LEGACY.") makes
 * sign-in and password-reset answer "user does not exist", which lets anyone enumerate accounts. Clients that only
 * use client_credentials never sign users in and are skipped.
 */
import type { FindingCheck } from "../types";
import { EVERYWHERE } from "../types";

export const userExistenceErrorsCheck: FindingCheck = {
  code: "finding/user-existence-errors",
  title: "User existence errors not prevented",
  environments: EVERYWHERE,
  run: (ctx) =>
    ctx.clients.flatMap(({ client, pathOf }) => {
      const flows = client.allowedOAuthFlows ?? [];
      if (flows.length > 0 && flows.every((f) => f === "client_credentials")) return [];
      if (client.preventUserExistenceErrors === "ENABLED") return [];
      return [
        {
          path: pathOf("preventUserExistenceErrors"),
          message: `client "${client.name}" ${client.preventUserExistenceErrors === undefined ? "leaves preventUserExistenceErrors unset, so AWS's default LEGACY applies" : "sets preventUserExistenceErrors to LEGACY"}: sign-in and password reset reveal whether a user exists; set it to ENABLED`,
        },
      ];
    }),
};
