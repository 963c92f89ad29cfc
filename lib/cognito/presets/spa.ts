import { PUBLIC_CODE_FLOW_CLIENT } from "./public-client";
import type { ClientPreset } from "./types";

/** A browser single-page app: public client, authorization code with PKCE, no secret. */
export const spaPreset: ClientPreset = {
  kind: "client",
  name: "spa",
  title: "Single-page app (browser)",
  summary: "A public client for a browser app: authorization code flow with PKCE through the hosted sign-in pages, SRP and refresh tokens, no secret.",
  values: {
    ...PUBLIC_CODE_FLOW_CLIENT,
    callbackUrls: ["https://app.example.com/callback"],
    logoutUrls: ["https://app.example.com/"],
    preventUserExistenceErrors: "ENABLED",
    enableTokenRevocation: true,
    accessTokenValidity: 60,
    idTokenValidity: 60,
    refreshTokenValidity: 7,
    tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
  },
  rationale: {
    generateSecret: "Code shipped to a browser cannot keep a secret, so the client has none and relies on PKCE instead.",
    explicitAuthFlows: "SRP proves the password without sending it, and refresh keeps users signed in; plain-password and custom flows stay off.",
    allowedOAuthFlowsUserPoolClient: "Turns on the OAuth settings so the app can use the hosted sign-in pages.",
    allowedOAuthFlows: "The authorization code flow with PKCE (the app sends a code_challenge) keeps tokens out of the URL; implicit is not allowed.",
    allowedOAuthScopes: "OpenID Connect sign-in with the user's email and profile, nothing that grants API administration.",
    supportedIdentityProviders: "Users sign in with the pool's own accounts; add social or SAML providers by name when you federate.",
    callbackUrls: "Where Cognito sends the authorization code; replace the example with your app's exact https URL.",
    logoutUrls: "Where users land after signing out; replace the example with your app's URL.",
    preventUserExistenceErrors: "Sign-in and password reset give the same answer for unknown users, so accounts cannot be enumerated.",
    enableTokenRevocation: "Signing out can revoke the refresh token, so a copied token stops working.",
    accessTokenValidity: "Access tokens live one hour, limiting how long a leaked one is useful.",
    idTokenValidity: "ID tokens live one hour, like the access token.",
    refreshTokenValidity: "A browser is a risky place for a long-lived credential, so users sign in again after a week.",
    "tokenValidityUnits.accessToken": "States the unit explicitly so 60 means minutes, not the default hours.",
    "tokenValidityUnits.idToken": "States the unit explicitly so 60 means minutes, not the default hours.",
    "tokenValidityUnits.refreshToken": "States the unit explicitly: the refresh lifetime is counted in days.",
  },
  placeholders: ["callbackUrls", "logoutUrls"],
};
