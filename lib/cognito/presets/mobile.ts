import { PUBLIC_CODE_FLOW_CLIENT } from "./public-client";
import type { ClientPreset } from "./types";

/** A native iOS or Android app: public client, code flow with PKCE, custom-scheme redirect. */
export const mobilePreset: ClientPreset = {
  kind: "client",
  name: "mobile",
  title: "Mobile app (native)",
  summary: "A public client for a native app: authorization code flow with PKCE returning to a custom app scheme, SRP and refresh tokens, no secret.",
  values: {
    ...PUBLIC_CODE_FLOW_CLIENT,
    callbackUrls: ["com.example.app://callback"],
    logoutUrls: ["com.example.app://signout"],
    preventUserExistenceErrors: "ENABLED",
    enableTokenRevocation: true,
    accessTokenValidity: 60,
    idTokenValidity: 60,
    refreshTokenValidity: 30,
    tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
  },
  rationale: {
    generateSecret: "Anything inside an app binary can be extracted, so the client has no secret and relies on PKCE instead.",
    explicitAuthFlows: "SRP proves the password without sending it, and refresh keeps users signed in; plain-password and custom flows stay off.",
    allowedOAuthFlowsUserPoolClient: "Turns on the OAuth settings so the app can use the hosted sign-in pages in the system browser.",
    allowedOAuthFlows: "The authorization code flow with PKCE protects the code even if another app intercepts the redirect.",
    allowedOAuthScopes: "OpenID Connect sign-in with the user's email and profile, nothing that grants API administration.",
    supportedIdentityProviders: "Users sign in with the pool's own accounts; add social or SAML providers by name when you federate.",
    callbackUrls: "A custom app scheme brings the user back into the app; replace it with your app's reverse-domain scheme.",
    logoutUrls: "Where the app returns after signing out; replace it with your app's scheme.",
    preventUserExistenceErrors: "Sign-in and password reset give the same answer for unknown users, so accounts cannot be enumerated.",
    enableTokenRevocation: "Signing out can revoke the refresh token, so a token copied from a lost phone stops working.",
    accessTokenValidity: "Access tokens live one hour, limiting how long a leaked one is useful.",
    idTokenValidity: "ID tokens live one hour, like the access token.",
    refreshTokenValidity: "Mobile users expect to stay signed in, and the token sits in the platform's secure storage, so 30 days.",
    "tokenValidityUnits.accessToken": "States the unit explicitly so 60 means minutes, not the default hours.",
    "tokenValidityUnits.idToken": "States the unit explicitly so 60 means minutes, not the default hours.",
    "tokenValidityUnits.refreshToken": "States the unit explicitly: the refresh lifetime is counted in days.",
  },
  placeholders: ["callbackUrls", "logoutUrls"],
};
