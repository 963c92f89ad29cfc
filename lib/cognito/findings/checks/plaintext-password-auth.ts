/**
 * USER_PASSWORD_AUTH sends the password itself to Cognito instead of proving it with SRP (ExplicitAuthFlows,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html: "Amazon Cognito receives the password in the request instead of using the SRP protocol").
 * It is meant for migrating users with a Lambda trigger; otherwise ALLOW_USER_SRP_AUTH (or ALLOW_USER_AUTH) is the
 * safer choice.
 */
import type { FindingCheck } from "../types";
import { EVERYWHERE } from "../types";

const PLAINTEXT = ["ALLOW_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH"] as const;

export const plaintextPasswordAuthCheck: FindingCheck = {
  code: "finding/plaintext-password-auth",
  title: "Password sent in plain text (USER_PASSWORD_AUTH)",
  environments: EVERYWHERE,
  run: (ctx) =>
    ctx.clients.flatMap(({ client, pathOf }) => {
      const flows = client.explicitAuthFlows ?? [];
      const i = flows.findIndex((f) => (PLAINTEXT as readonly string[]).includes(f));
      if (i < 0) return [];
      return [
        {
          path: pathOf("explicitAuthFlows", i),
          message: `client "${client.name}" allows ${flows[i]}, which sends the user's password to Cognito instead of proving it with SRP; use ALLOW_USER_SRP_AUTH unless you are migrating users with a Lambda trigger`,
        },
      ];
    }),
};
