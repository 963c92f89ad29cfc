import type { ClientPreset } from "./types";

/** A service calling an API with its own identity: client_credentials with custom scopes, plus the resource server. */
export const machineToMachinePreset: ClientPreset = {
  kind: "client",
  name: "machine-to-machine",
  title: "Machine to machine (client credentials)",
  summary: "A confidential client for a backend service: client_credentials grant with custom scopes of a resource server that the preset adds.",
  values: {
    generateSecret: true,
    explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
    allowedOAuthFlowsUserPoolClient: true,
    allowedOAuthFlows: ["client_credentials"],
    allowedOAuthScopes: ["https://api.example.com/read", "https://api.example.com/write"],
    preventUserExistenceErrors: "ENABLED",
    enableTokenRevocation: true,
    accessTokenValidity: 60,
    tokenValidityUnits: { accessToken: "minutes" },
  },
  resourceServer: {
    identifier: "https://api.example.com",
    name: "Example API",
    scopes: [
      { name: "read", description: "Read access to the API" },
      { name: "write", description: "Write access to the API" },
    ],
  },
  rationale: {
    generateSecret: "The client_credentials grant authenticates the service with its client secret, which must stay on the server.",
    explicitAuthFlows: "No user sign-in flow is allowed; only the refresh flow that every client keeps, unused because this grant issues no refresh tokens.",
    allowedOAuthFlowsUserPoolClient: "Turns on the OAuth settings so the service can call the token endpoint.",
    allowedOAuthFlows: "The client_credentials grant gives the service its own access token, with no user involved.",
    allowedOAuthScopes: "Only the resource server's custom scopes, the only kind client_credentials can grant.",
    preventUserExistenceErrors: "Set explicitly so the client never reveals which users exist, even if a user flow is added later.",
    enableTokenRevocation: "Keeps revocation on, the AWS default, so tokens can be revoked if the client is ever compromised.",
    accessTokenValidity: "Services fetch a new token every hour, limiting how long a leaked one is useful.",
    "tokenValidityUnits.accessToken": "States the unit explicitly so 60 means minutes, not the default hours.",
    "resourceServer.identifier": "The API's identifier prefixes its scopes (https://api.example.com/read); replace it with your API's URL.",
    "resourceServer.name": "A readable name for the API in the console; replace it with yours.",
    "resourceServer.scopes": "Separate read and write scopes let each service get only the access it needs.",
  },
  placeholders: ["allowedOAuthScopes", "resourceServer.identifier", "resourceServer.name"],
};
