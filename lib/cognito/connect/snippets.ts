/**
 * Ready-to-paste configuration for one app client: environment variables, next-auth v5's Cognito
 * provider, Amplify v6 `Amplify.configure`, and oidc-client-ts `UserManager`. Pure functions of an
 * {@link AppConnection}; string values are written with JSON.stringify so that any URL or name stays a
 * valid literal. A stack that cannot use the client (a secret in a browser library, no domain for a
 * redirect flow, a machine-to-machine client) gets `applicable: false` and the reason, not a broken snippet.
 */
import { type AppConnection, SECRET_ENV } from "./app-connection";

export const CONNECT_KINDS = ["env", "next-auth", "amplify", "oidc-client-ts", "client-credentials"] as const;
export type ConnectKind = (typeof CONNECT_KINDS)[number];

export interface ConnectSnippet {
  kind: ConnectKind;
  /** A file name to paste it into. */
  fileName: string;
  language: "dotenv" | "typescript";
  applicable: boolean;
  /** Why not applicable, or what to check before using it. */
  notes: string[];
  text: string;
}

const q = (value: string) => JSON.stringify(value);

/** The next-auth callback path of the Cognito provider (its id is "cognito"). */
export const NEXT_AUTH_CALLBACK_PATH = "/api/auth/callback/cognito";

function userFlow(connection: AppConnection): string | undefined {
  if (!connection.domain) return "The pool has no domain, so there are no hosted sign-in endpoints; add a domain (prefix or custom).";
  if (!connection.oauthFlows.includes("code")) return `App client ${connection.clientName} does not allow the authorization code flow (allowedOAuthFlows: code).`;
  if (!connection.scopes.includes("openid")) return `App client ${connection.clientName} does not allow the openid scope, which an OpenID Connect library needs.`;
  return undefined;
}

function header(connection: AppConnection, comment: string): string {
  const state = connection.applied ? "ids of the live pool" : "placeholders until the design is applied";
  return `${comment} App client "${connection.clientName}" of user pool "${connection.poolName}" (${connection.region}); ${state}.`;
}

function renderEnv(c: AppConnection): ConnectSnippet {
  if (isMachineClient(c)) return renderMachineEnv(c);
  const lines = [
    header(c, "#"),
    `COGNITO_REGION=${c.region}`,
    `COGNITO_USER_POOL_ID=${c.userPoolId}`,
    `COGNITO_CLIENT_ID=${c.clientId}`,
    `COGNITO_ISSUER=${c.issuer}`,
    `COGNITO_JWKS_URL=${c.jwksUrl}`,
    ...(c.domain
      ? [`COGNITO_DOMAIN=${c.domain.baseUrl}`, `COGNITO_AUTHORIZE_URL=${c.domain.authorize}`, `COGNITO_TOKEN_URL=${c.domain.token}`, `COGNITO_LOGOUT_URL=${c.domain.logout}`, `COGNITO_USERINFO_URL=${c.domain.userInfo}`]
      : []),
    ...(c.scopes.length ? [`COGNITO_SCOPES="${c.scopes.join(" ")}"`] : []),
    "# next-auth v5 reads these names by itself",
    `AUTH_COGNITO_ID=${c.clientId}`,
    `AUTH_COGNITO_ISSUER=${c.issuer}`,
    ...(c.confidential ? [`# ${SECRET_ENV} and AUTH_COGNITO_SECRET: set them from your secret store; the studio never stores or shows a secret here.`] : []),
  ];
  return { kind: "env", fileName: ".env.local", language: "dotenv", applicable: true, notes: [], text: `${lines.join("\n")}\n` };
}

function renderMachineEnv(c: AppConnection): ConnectSnippet {
  const lines = [
    header(c, "#"),
    `COGNITO_REGION=${c.region}`,
    `COGNITO_USER_POOL_ID=${c.userPoolId}`,
    `COGNITO_CLIENT_ID=${c.clientId}`,
    ...(c.domain ? [`COGNITO_TOKEN_URL=${c.domain.token}`] : []),
    ...(c.scopes.length ? [`COGNITO_SCOPES="${c.scopes.join(" ")}"`] : []),
    "# The API that receives the access tokens checks them against these:",
    `COGNITO_ISSUER=${c.issuer}`,
    `COGNITO_JWKS_URL=${c.jwksUrl}`,
    `# ${SECRET_ENV}: set it from your secret store; the studio never stores or shows a secret here.`,
  ];
  return { kind: "env", fileName: ".env.local", language: "dotenv", applicable: true, notes: [], text: `${lines.join("\n")}\n` };
}

function renderNextAuth(c: AppConnection): ConnectSnippet {
  const notes: string[] = [];
  const blocked = userFlow(c);
  if (blocked) notes.push(blocked);
  if (!blocked && !c.callbackUrls.some((u) => u.endsWith(NEXT_AUTH_CALLBACK_PATH))) {
    notes.push(`Add https://YOUR-APP${NEXT_AUTH_CALLBACK_PATH} to the client's callback URLs; next-auth sends users back there.`);
  }
  const scope = c.scopes.filter((s) => ["openid", "email", "profile", "phone"].includes(s) || s.includes("/")).join(" ") || "openid";
  const options = [
    `      clientId: ${q(c.clientId)},`,
    ...(c.confidential
      ? ["      // The secret is not written here: set AUTH_COGNITO_SECRET from your secret store.", "      clientSecret: process.env.AUTH_COGNITO_SECRET,"]
      : ["      // A public client has no secret: authenticate with PKCE only.", '      client: { token_endpoint_auth_method: "none" },', '      checks: ["pkce", "state"],']),
    `      issuer: ${q(c.issuer)},`,
    `      authorization: { params: { scope: ${q(scope)} } },`,
  ];
  const text = [
    header(c, "//"),
    'import NextAuth from "next-auth";',
    'import Cognito from "next-auth/providers/cognito";',
    "",
    "export const { handlers, auth, signIn, signOut } = NextAuth({",
    "  providers: [",
    "    Cognito({",
    ...options,
    "    }),",
    "  ],",
    "});",
    "",
  ].join("\n");
  return { kind: "next-auth", fileName: "auth.ts", language: "typescript", applicable: blocked === undefined, notes, text };
}

function renderAmplify(c: AppConnection): ConnectSnippet {
  const notes: string[] = [];
  if (c.confidential) notes.push(`Amplify runs in the browser or on a device and cannot keep a client secret; give it a client without a secret (${c.clientName} has one).`);
  const oauth = c.domain && c.oauthFlows.includes("code") && c.callbackUrls.length > 0;
  if (!oauth) notes.push("Without a domain, the code flow and callback URLs, Amplify signs users in with its own screens (SRP), not the hosted pages.");
  const lines = [
    header(c, "//"),
    'import { Amplify } from "aws-amplify";',
    "",
    "Amplify.configure({",
    "  Auth: {",
    "    Cognito: {",
    `      userPoolId: ${q(c.userPoolId)},`,
    `      userPoolClientId: ${q(c.clientId)},`,
    ...(oauth && c.domain
      ? [
          "      loginWith: {",
          "        oauth: {",
          `          domain: ${q(c.domain.host)},`,
          `          scopes: ${JSON.stringify(c.scopes.length ? c.scopes : ["openid"])},`,
          `          redirectSignIn: ${JSON.stringify(c.callbackUrls)},`,
          `          redirectSignOut: ${JSON.stringify(c.logoutUrls.length ? c.logoutUrls : c.callbackUrls.slice(0, 1))},`,
          '          responseType: "code",',
          "        },",
          "      },",
        ]
      : []),
    "    },",
    "  },",
    "});",
    "",
  ];
  return { kind: "amplify", fileName: "amplify-config.ts", language: "typescript", applicable: !c.confidential, notes, text: lines.join("\n") };
}

function renderOidcClientTs(c: AppConnection): ConnectSnippet {
  const notes: string[] = [];
  const blocked = userFlow(c);
  if (blocked) notes.push(blocked);
  if (c.confidential) notes.push(`oidc-client-ts runs in the browser, where a client secret cannot be kept; use a client without a secret (${c.clientName} has one).`);
  const logoutUri = c.logoutUrls[0];
  const endSession = c.domain && logoutUri ? `${c.domain.logout}?client_id=${encodeURIComponent(c.clientId)}&logout_uri=${encodeURIComponent(logoutUri)}` : undefined;
  const lines = [
    header(c, "//"),
    'import { UserManager, type UserManagerSettings } from "oidc-client-ts";',
    "",
    "const settings: UserManagerSettings = {",
    `  authority: ${q(c.issuer)},`,
    `  client_id: ${q(c.clientId)},`,
    `  redirect_uri: ${q(c.redirectUri ?? "https://YOUR-APP/callback")},`,
    ...(logoutUri ? [`  post_logout_redirect_uri: ${q(logoutUri)},`] : []),
    '  response_type: "code",',
    `  scope: ${q((c.scopes.length ? c.scopes : ["openid"]).join(" "))},`,
    ...(endSession
      ? ["  // Cognito's discovery document has no end_session_endpoint: its /logout endpoint takes client_id and logout_uri.", `  metadataSeed: { end_session_endpoint: ${q(endSession)} },`]
      : []),
    "};",
    "",
    "export const userManager = new UserManager(settings);",
    "",
  ];
  return { kind: "oidc-client-ts", fileName: "oidc.ts", language: "typescript", applicable: blocked === undefined && !c.confidential, notes, text: lines.join("\n") };
}

/**
 * A machine-to-machine client asks the token endpoint for an access token with its id and secret (HTTP Basic),
 * `grant_type=client_credentials` and the scopes it wants:
 * https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html
 */
function renderClientCredentials(c: AppConnection): ConnectSnippet {
  const notes: string[] = [];
  if (!c.domain) notes.push("The pool has no domain, so there is no token endpoint; add a domain (prefix or custom).");
  if (!c.oauthFlows.includes("client_credentials")) notes.push(`App client ${c.clientName} does not allow the client credentials grant (allowedOAuthFlows: client_credentials).`);
  if (!c.confidential) notes.push(`The client credentials grant needs a client secret; ${c.clientName} has none.`);
  const tokenUrl = c.domain?.token ?? "https://YOUR-DOMAIN/oauth2/token";
  const lines = [
    header(c, "//"),
    "// Machine-to-machine: no user signs in; the client trades its id and secret for an access token.",
    `const tokenUrl = ${q(tokenUrl)};`,
    `const clientId = process.env.COGNITO_CLIENT_ID ?? ${q(c.clientId)};`,
    `// The secret is not written here: set ${SECRET_ENV} from your secret store.`,
    `const clientSecret = process.env.${SECRET_ENV} ?? "";`,
    "",
    "export async function getAccessToken(): Promise<{ accessToken: string; expiresIn: number }> {",
    "  const response = await fetch(tokenUrl, {",
    '    method: "POST",',
    "    headers: {",
    '      "Content-Type": "application/x-www-form-urlencoded",',
    '      Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,',
    "    },",
    `    body: new URLSearchParams({ grant_type: "client_credentials"${c.scopes.length ? `, scope: ${q(c.scopes.join(" "))}` : ""} }),`,
    "  });",
    "  if (!response.ok) throw new Error(`Token request failed: ${response.status} ${await response.text()}`);",
    "  const body = (await response.json()) as { access_token: string; expires_in: number };",
    "  return { accessToken: body.access_token, expiresIn: body.expires_in };",
    "}",
    "",
  ];
  return { kind: "client-credentials", fileName: "token.ts", language: "typescript", applicable: notes.length === 0, notes, text: lines.join("\n") };
}

const RENDERERS: Record<ConnectKind, (c: AppConnection) => ConnectSnippet> = {
  env: renderEnv,
  "next-auth": renderNextAuth,
  amplify: renderAmplify,
  "oidc-client-ts": renderOidcClientTs,
  "client-credentials": renderClientCredentials,
};

/** Stacks that fit a client: a machine client gets the token endpoint; a client that signs users in, the sign-in libraries. */
export function connectKindsFor(connection: AppConnection): ConnectKind[] {
  return isMachineClient(connection) ? ["env", "client-credentials"] : ["env", "next-auth", "amplify", "oidc-client-ts"];
}

/** Allows client_credentials and no grant that signs a user in. */
export function isMachineClient(connection: AppConnection): boolean {
  const flows = connection.oauthFlows;
  return flows.includes("client_credentials") && !flows.includes("code") && !flows.includes("implicit");
}

export function renderConnectSnippet(connection: AppConnection, kind: ConnectKind): ConnectSnippet {
  return RENDERERS[kind](connection);
}

/** The snippets of the stacks that fit the client ({@link connectKindsFor}). */
export function renderConnectSnippets(connection: AppConnection): ConnectSnippet[] {
  return connectKindsFor(connection).map((kind) => renderConnectSnippet(connection, kind));
}
