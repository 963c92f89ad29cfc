/**
 * Token revocation off: signing out (RevokeToken / GlobalSignOut) cannot invalidate refresh tokens, so a stolen
 * refresh token keeps working until it expires. Unset is on for new clients (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html,
 * `EnableTokenRevocation`: "If you don't include this parameter, token revocation is automatically activated").
 */
import type { FindingCheck } from "../types";
import { EVERYWHERE } from "../types";

export const tokenRevocationOffCheck: FindingCheck = {
  code: "finding/token-revocation-off",
  title: "Token revocation off",
  environments: EVERYWHERE,
  run: (ctx) =>
    ctx.clients
      .filter(({ client }) => client.enableTokenRevocation === false)
      .map(({ client, pathOf }) => ({
        path: pathOf("enableTokenRevocation"),
        message: `client "${client.name}" cannot revoke refresh tokens, so signing out does not stop a stolen refresh token; set enableTokenRevocation: true`,
      })),
};
