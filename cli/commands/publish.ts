/**
 * `cognito-studio publish FILE --repo URL [--branch NAME] [--format F]`: exports a pool document and commits the
 * files to a branch of a git repository, then pushes (never with force). The same core as the studio's Publish
 * button (lib/cognito/publish). An HTTPS credential comes from STUDIO_PUBLISH_CREDENTIAL, never from the command
 * line, where shell history and the process list would keep it; SSH and local paths use what git already has.
 */
import { DEFAULT_PUBLISH_FORMAT, PUBLISH_FORMATS, branchNameFor, composeCommitMessage, publishExport, renderForPublish } from "../../lib/cognito/publish";
import { hasErrors } from "../../lib/cognito/spec/diagnostics";
import { oneOf, parseCommandArgs } from "../args";
import { applyValuesFile, readValidDocument } from "../read-document";
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError } from "../io";
import { describeDiagnostic } from "./export";

/** The repository refused the push or could not be reached. */
const EXIT_REFUSED = 3;

const USAGE = `Usage: cognito-studio publish FILE --repo URL [--branch NAME] [--format FORMAT] [--folder PATH] [--message TEXT] [--values FILE]

Exports a pool document and commits the files to a branch of a git repository, then pushes it. A branch that
exists gets a new commit on top; the push is never forced. Publishing an unchanged export makes no commit.

Options:
  --repo URL        the repository: https://…, ssh://…, git@host:path or a local path
  --branch NAME     default: cognito-studio/POOL-NAME
  --format FORMAT   ${PUBLISH_FORMATS.join(" | ")}
                    (default: ${DEFAULT_PUBLISH_FORMAT}: main.tf, variables.tf, outputs.tf, versions.tf)
  --folder PATH     the folder in the repository that holds the export, replaced by it (default: cognito/POOL-NAME)
  --message TEXT    a note for the commit message
  --author "N <E>"  the commit's author (default: Cognito Studio <cognito-studio@localhost>)
  --values FILE     export for one target: its per-environment values (as for export)

Environment:
  STUDIO_PUBLISH_CREDENTIAL   for an https:// repository: a token, or user:token (sent as HTTP Basic)

Exit codes: 0 published (or nothing changed), 1 the input is invalid, 2 usage error (a bad branch or folder
included) or unreadable file,
3 the repository refused the push or could not be reached (the reason is printed).
`;

function parseAuthor(text: string | undefined): { name: string; email: string } {
  if (text === undefined) return { name: "Cognito Studio", email: "cognito-studio@localhost" };
  const match = /^\s*([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/u.exec(text);
  if (!match) throw new UsageError('--author must look like "Ann Editor <ann@example.com>"');
  return { name: match[1], email: match[2] };
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    repo: { type: "string" },
    branch: { type: "string" },
    format: { type: "string" },
    folder: { type: "string" },
    message: { type: "string" },
    author: { type: "string" },
    values: { type: "string" },
  });
  if (positionals.length !== 1) throw new UsageError("give exactly one pool document to publish (or - for standard input)");
  if (values.repo === undefined) throw new UsageError("--repo is required: the repository's URL or path");
  const format = oneOf("format", values.format, PUBLISH_FORMATS, DEFAULT_PUBLISH_FORMAT);
  const author = parseAuthor(values.author);

  const read = await readValidDocument(io, "publish", positionals[0]);
  if (typeof read === "number") return read;
  const document = await applyValuesFile(io, "publish", read, values.values);
  if (typeof document === "number") return document;
  const exported = renderForPublish(document, format);
  for (const d of exported.diagnostics) io.stderr(`${format}: ${describeDiagnostic(d)}\n`);
  if (hasErrors(exported.diagnostics) || exported.files.length === 0) return EXIT_INVALID;

  const poolName = document.metadata.name;
  const folder = values.folder?.replace(/\/+$/u, "") ?? `cognito/${branchNameFor(poolName).split("/")[1]}`;
  const files = exported.files.map((f) => (folder ? `${folder}/${f.path}` : f.path));
  const message = composeCommitMessage({ poolName, format, files, note: values.message });
  const result = await publishExport({
    remote: { url: values.repo, credential: io.env.STUDIO_PUBLISH_CREDENTIAL || undefined },
    branch: values.branch ?? branchNameFor(poolName),
    folder,
    files: exported.files,
    message,
    author,
  });
  if (!result.ok) {
    io.stderr(`cognito-studio publish: ${result.message}\n`);
    return result.code === "invalid-request" ? EXIT_USAGE : EXIT_REFUSED;
  }
  const what = result.changed ? `committed ${result.commit.slice(0, 12)} to ${result.created ? "new " : ""}branch ${result.branch}` : `branch ${result.branch} already holds this export (${result.commit.slice(0, 12)}); nothing committed`;
  io.stdout(`${what}\n${result.files.map((f) => `  ${f}`).join("\n")}\n`);
  return EXIT_OK;
}

export const publishCommand: Command = {
  name: "publish",
  usage: USAGE,
  run,
};
