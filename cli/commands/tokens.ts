/**
 * `cognito-studio tokens FILE --client NAME`: the claims of the ID and access tokens app client NAME would
 * receive (lib/cognito/tokens), for a user in the groups given and with the attributes given. What only a
 * sign-in knows is an example value; each note names the developer-guide page its rule follows.
 */
import { NoRegionError, UnknownClientError } from "../../lib/cognito/connect";
import { previewTokens, type TokenPreview, UnknownGroupError } from "../../lib/cognito/tokens";
import { oneOf, parseCommandArgs } from "../args";
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK, UsageError } from "../io";
import { readValidDocument } from "../read-document";

const USAGE = `Usage: cognito-studio tokens FILE --client NAME [--group G]... [--attribute NAME=VALUE]... [options]

Prints the claims of the ID token and the access token app client NAME of the pool in FILE would receive:
iss, aud/client_id, token_use, scope, cognito:groups/roles/preferred_role, cognito:username, the attributes the
client may read, auth_time and exp from the client's token validity, and what the pool's pre token generation
trigger may change. A machine-to-machine client (client credentials) has no ID token.

Options:
      --group G               the user is in group G of the design (repeat for several)
      --attribute NAME=VALUE  a user attribute, as the token names it (email, custom:tenant; repeat)
      --region REGION         the Region, for a FILE without spec.region (else AWS_REGION)
  -f, --format text|json      json prints {"idToken": {...} | null, "accessToken": {...}, "notes": [...]}

Exit status: 0 printed, 1 invalid FILE or unknown client or group, 2 usage error.
`;

function parseAttributes(values: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values ?? []) {
    const at = value.indexOf("=");
    if (at <= 0) throw new UsageError(`--attribute takes NAME=VALUE, e.g. --attribute email=jane@example.com; got "${value}"`);
    out[value.slice(0, at)] = value.slice(at + 1);
  }
  return out;
}

function renderText(p: TokenPreview): string {
  const lines = [
    `ID token of ${p.clientName}:`,
    p.idToken ? JSON.stringify(p.idToken, null, 2) : "(none: a machine-to-machine client gets an access token only)",
    "",
    `Access token of ${p.clientName}:`,
    JSON.stringify(p.accessToken, null, 2),
    "",
    "Notes:",
    ...p.notes.map((n) => `- ${n.text} (${n.source})`),
  ];
  return `${lines.join("\n")}\n`;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    client: { type: "string" },
    group: { type: "string", multiple: true },
    attribute: { type: "string", multiple: true },
    region: { type: "string" },
    format: { type: "string", short: "f" },
  });
  const format = oneOf("format", values.format, ["text", "json"] as const, "text");
  if (positionals.length !== 1) throw new UsageError("give exactly one FILE");
  if (!values.client) throw new UsageError("--client NAME is required");
  const attributes = parseAttributes(values.attribute);
  const document = await readValidDocument(io, "tokens", positionals[0] ?? "", { errorsOnly: true });
  if (typeof document === "number") return document;
  const region = values.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
  let preview: TokenPreview;
  try {
    preview = previewTokens(document, values.client, { groups: values.group ?? [], attributes, ...(region ? { region } : {}) });
  } catch (error) {
    if (error instanceof UnknownClientError || error instanceof UnknownGroupError || error instanceof NoRegionError) {
      io.stderr(`cognito-studio tokens: ${error.message}\n`);
      return EXIT_INVALID;
    }
    throw error;
  }
  if (format === "json") {
    io.stdout(`${JSON.stringify({ idToken: preview.idToken, accessToken: preview.accessToken, notes: preview.notes }, null, 2)}\n`);
  } else {
    io.stdout(renderText(preview));
  }
  return EXIT_OK;
}

export const tokensCommand: Command = {
  name: "tokens",
  usage: USAGE,
  run,
};
