import type { ClientPreset } from "./types";

/**
 * What every public client preset (a browser or native app: no secret) starts from: the authorization code
 * flow (with PKCE, which a public client needs: no secret proves it) and SRP and refresh token sign-in.
 */
export const PUBLIC_CODE_FLOW_CLIENT = {
  generateSecret: false,
  explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
  allowedOAuthFlowsUserPoolClient: true,
  allowedOAuthFlows: ["code"],
  allowedOAuthScopes: ["openid", "email", "profile"],
  supportedIdentityProviders: ["COGNITO"],
} satisfies ClientPreset["values"];
