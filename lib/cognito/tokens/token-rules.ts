/**
 * What Cognito writes into user pool tokens, as cited rules. The preview (token-preview.ts) reads these tables
 * and never states a token fact of its own: each claim it shows and each note it prints names the public page
 * it follows.
 */

export const ID_TOKEN_PAGE = "https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html";
export const ACCESS_TOKEN_PAGE = "https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html";
export const PRE_TOKEN_PAGE = "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html";
export const GROUPS_PAGE = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateGroup.html";
export const CLIENT_PAGE = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html";
export const VERIFY_PAGE = "https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html";
export const M2M_PAGE = "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-define-resource-servers.html";
export const ATTRIBUTES_PAGE = "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html";

/** A fixed sign-in time (2026-01-01T00:00:00Z) so the preview is the same on every run; a real token has its own. */
export const EXAMPLE_AUTH_TIME = 1767225600;

/** Example values for what only the sign-in knows (the shapes of the developer guide's sample payloads). */
export const EXAMPLE_VALUES = {
  sub: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
  username: "example-user",
  jti: "11111111-2222-3333-4444-555555555555",
  origin_jti: "66666666-7777-8888-9999-000000000000",
  event_id: "bbbbbbbb-cccc-dddd-eeee-ffffffffffff",
} as const;

/** The claims whose values are examples: they are known only when a user (or a machine) signs in. */
export const RUNTIME_CLAIMS = ["sub", "cognito:username", "username", "auth_time", "iat", "exp", "jti", "origin_jti", "event_id"] as const;

/**
 * Claims a pre token generation trigger can neither add, override nor suppress (the page's list of claims
 * Cognito does not let the trigger change): the token's identity, audience, times and ids.
 */
export const RESERVED_CLAIMS = [
  "acr",
  "amr",
  "at_hash",
  "aud",
  "auth_time",
  "azp",
  "client_id",
  "cognito:username",
  "event_id",
  "exp",
  "iat",
  "identities",
  "iss",
  "jti",
  "nbf",
  "nonce",
  "origin_jti",
  "sub",
  "token_use",
  "username",
  "version",
] as const;

export type PreTokenVersion = "V1_0" | "V2_0" | "V3_0";

/** What each pre token generation event version may change ([PRE_TOKEN_PAGE], "Event versions"). */
export const PRE_TOKEN_VERSIONS: Readonly<Record<PreTokenVersion, { idToken: boolean; userAccessToken: boolean; m2mAccessToken: boolean; minimumTier: "LITE" | "ESSENTIALS" }>> = {
  V1_0: { idToken: true, userAccessToken: false, m2mAccessToken: false, minimumTier: "LITE" },
  V2_0: { idToken: true, userAccessToken: true, m2mAccessToken: false, minimumTier: "ESSENTIALS" },
  V3_0: { idToken: true, userAccessToken: true, m2mAccessToken: true, minimumTier: "ESSENTIALS" },
};

/** `TokenValidityUnitsType`: unset units mean hours; unset validity means one hour ([CLIENT_PAGE]). */
export const SECONDS_PER_UNIT = { seconds: 1, minutes: 60, hours: 3600, days: 86400 } as const;
export const DEFAULT_TOKEN_VALIDITY = { value: 1, unit: "hours" } as const;

/** The scope an access token from the SDK's InitiateAuth carries: the user's own API operations ([ACCESS_TOKEN_PAGE]). */
export const ADMIN_SCOPE = "aws.cognito.signin.user.admin";

/** The standard scopes; any other allowed scope is a resource server's custom scope. */
export const STANDARD_SCOPES = ["openid", "email", "phone", "profile", ADMIN_SCOPE] as const;
