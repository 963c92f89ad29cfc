/**
 * `cognito-studio connect FILE --client NAME --for KIND`: what an application needs to use one app client
 * (lib/cognito/connect): issuer, JWKS and hosted endpoints, client id, and a configuration snippet for
 * next-auth, Amplify, oidc-client-ts or environment variables. With --user-pool-id the ids are the live
 * pool's; without, placeholders. A client secret is never printed: only where it is kept.
 */
import { appConnection, type AppConnection, CONNECT_KINDS, type LiveIds, readLiveIds, renderConnectSnippet, UnknownClientError } from "../../lib/cognito/connect";
import { oneOf, parseCommandArgs } from "../args";
import { checkPoolId, connect, describeAwsError, regionOf } from "../cognito-target";
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK, UsageError } from "../io";
import { readValidDocument } from "../read-document";

const KINDS = ["facts", ...CONNECT_KINDS] as const;

const USAGE = `Usage: cognito-studio connect FILE --client NAME [--for KIND] [options]

Prints what an application needs to sign users in with app client NAME of the pool in FILE.

  --for facts            issuer, JWKS URL, the domain's authorize/token/logout/userInfo endpoints, ids (default)
  --for env              environment variables (.env), including next-auth's AUTH_COGNITO_ID / _ISSUER
  --for next-auth        auth.ts with next-auth v5's Cognito provider
  --for amplify          Amplify.configure for aws-amplify v6
  --for oidc-client-ts   UserManagerSettings for oidc-client-ts

Options:
      --user-pool-id ID   the applied pool: its ids replace the placeholders
      --region REGION     the Region, for a FILE without spec.region (else the pool id's, or AWS_REGION)
      --endpoint URL      a Cognito-compatible endpoint (moto, LocalStack)
      --role-arn ARN      an IAM role to assume (STS AssumeRole from the default chain)
  -f, --format text|json  json prints {"connection": {...}, "snippet": {...}}

A client secret is never printed; snippets read it from your secret store (COGNITO_CLIENT_SECRET / AUTH_COGNITO_SECRET).
Exit status: 0 printed, 1 invalid FILE, unknown client, or the stack cannot use this client (the reason is printed), 2 usage error.
`;

function renderFacts(c: AppConnection): string {
  const rows: [string, string | undefined][] = [
    ["app client", `${c.clientName} (${c.confidential ? "confidential: has a secret" : "public: no secret"})`],
    ["user pool id", c.userPoolId],
    ["client id", c.clientId],
    ["client secret", c.secretReference],
    ["issuer", c.issuer],
    ["JWKS", c.jwksUrl],
    ["OpenID configuration", c.openIdConfigurationUrl],
    ["authorize", c.domain?.authorize],
    ["token", c.domain?.token],
    ["logout", c.domain?.logout],
    ["userInfo", c.domain?.userInfo],
    ["revoke", c.domain?.revoke],
    ["redirect URI", c.redirectUri],
    ["scopes", c.scopes.join(" ") || undefined],
    ["OAuth flows", c.oauthFlows.join(" ") || undefined],
  ];
  const lines = rows.filter(([, v]) => v !== undefined).map(([k, v]) => `${`${k}:`.padEnd(22)}${v}`);
  if (!c.domain) lines.push("(no domain: the pool has no hosted sign-in endpoints)");
  if (!c.applied) lines.push("(not applied: ids are placeholders; pass --user-pool-id for the live ones)");
  return `${lines.join("\n")}\n`;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    client: { type: "string" },
    for: { type: "string" },
    "user-pool-id": { type: "string" },
    region: { type: "string" },
    endpoint: { type: "string" },
    "role-arn": { type: "string" },
    format: { type: "string", short: "f" },
  });
  const format = oneOf("format", values.format, ["text", "json"] as const, "text");
  const kind = oneOf("for", values.for, KINDS, "facts");
  if (positionals.length !== 1) throw new UsageError("give exactly one FILE");
  if (!values.client) throw new UsageError("--client NAME is required");
  const userPoolId = checkPoolId(values["user-pool-id"]);
  const file = positionals[0] ?? "";
  const document = await readValidDocument(io, "connect", file, { errorsOnly: true });
  if (typeof document === "number") return document;
  // The issuer and the hosted endpoints name the Region: the document's, else --region or AWS_REGION.
  const region = regionOf(io, document, values.region, userPoolId);
  let live: LiveIds | undefined;
  if (userPoolId) {
    try {
      live = await readLiveIds(await connect(io, region, values.endpoint, values["role-arn"]), userPoolId);
    } catch (error) {
      io.stderr(`cognito-studio connect: cannot read pool ${userPoolId}: ${describeAwsError(error)}\n`);
      return EXIT_INVALID;
    }
  }
  let connection: AppConnection;
  try {
    connection = appConnection(document, values.client, live, region);
  } catch (error) {
    if (error instanceof UnknownClientError) {
      io.stderr(`cognito-studio connect: ${error.message}\n`);
      return EXIT_INVALID;
    }
    throw error;
  }
  if (live && !connection.applied) io.stderr(`cognito-studio connect: pool ${userPoolId} has no client named ${values.client}; its id is a placeholder\n`);
  const snippet = kind === "facts" ? undefined : renderConnectSnippet(connection, kind);
  if (format === "json") {
    io.stdout(`${JSON.stringify({ connection, ...(snippet ? { snippet } : {}) }, null, 2)}\n`);
  } else if (snippet) {
    for (const note of snippet.notes) io.stderr(`note: ${note}\n`);
    if (snippet.applicable) io.stdout(snippet.text);
  } else {
    io.stdout(renderFacts(connection));
  }
  if (snippet && !snippet.applicable) {
    io.stderr(`cognito-studio connect: ${kind} cannot use app client ${values.client} (see the note above)\n`);
    return EXIT_INVALID;
  }
  return EXIT_OK;
}

export const connectCommand: Command = {
  name: "connect",
  usage: USAGE,
  run,
};
