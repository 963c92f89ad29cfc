/**
 * `cognito-studio export FILE --to terraform|terraform-module|openmcf|cloudformation|spec [--out PATH]`:
 * reads a pool document (native or OpenMCF; `-` is standard input), validates it and writes it in another
 * format (`--api-routes FILE` adds the API in front of a resource server to the Terraform and CloudFormation
 * exports). Without --out the files go to standard output, each after a `# ==> path <==` header when there are
 * several; with --out a single file is written to PATH, several into the directory PATH. Warnings (what the
 * format cannot express) go to standard error. Exit 1 when the input is invalid.
 */
import { mkdir } from "node:fs/promises";
import { type ApiAuthorizer, checkApiRoutes, readApiRoutesFile } from "../../lib/cognito/api-authorizer";
import { EXPORTERS, type ExportOptions } from "../../lib/cognito/formats";
import { readPoolDocument } from "../../lib/cognito/formats/read-pool-document";
import { EXPORT_FORMATS } from "../../lib/cognito/formats/types";
import { type Diagnostic, hasErrors } from "../../lib/cognito/spec/diagnostics";
import type { PoolDocument } from "../../lib/cognito/spec/document-schema";
import { runCrossFieldRules } from "../../lib/cognito/spec/validate";
import { oneOf, parseCommandArgs } from "../args";
import { applyValuesFile } from "../read-document";
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError, readInputText } from "../io";

const USAGE = `Usage: cognito-studio export FILE --to FORMAT [--out PATH] [--variables] [--live-ids JSON] [--values FILE] [--api-routes FILE]

Writes a pool document (native or OpenMCF YAML/JSON; - reads standard input) in another format.

Options:
  --to FORMAT       ${EXPORT_FORMATS.join(" | ")}
  --out PATH        write to PATH (a directory when the export has several files); default: standard output
  --variables       terraform: region, callback/logout URLs and the domain become variables (variables.tf)
  --live-ids JSON   terraform: ids of the live pool, e.g. '{"userPoolId":"eu-west-1_abc","clients":{"web":"1a2b"}}';
                    adds import {} blocks (imports.tf) so Terraform adopts the existing resources
  --values FILE     export for one target: its per-environment values (YAML or JSON, as on the studio's
                    target page: domain, clients, triggers, email, sms, identityProviders, resourceServers,
                    groups, tags…) replace the design's first
  --api-routes FILE terraform, terraform-module, cloudformation: add the API in front of a resource server, an
                    API Gateway REST API with a Cognito authorizer on the pool; FILE (YAML or JSON) lists its
                    routes, each admitting a token with any of its scopes:
                      routes:
                        - method: GET
                          path: /orders
                          scopes: [orders/read]
                        - method: POST
                          path: /orders/{id}
                          scopes: [orders/write, orders/admin]

Exit codes: 0 exported (warnings on standard error), 1 the input is invalid, 2 usage error or unreadable file.
`;

export function describeDiagnostic(d: Diagnostic): string {
  return `${d.severity}${d.path ? ` ${d.path}` : ""} (${d.code}): ${d.message}`;
}

function parseLiveIds(text: string | undefined): ExportOptions["liveIds"] {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError("--live-ids must be JSON like {\"userPoolId\":\"eu-west-1_abc\",\"clients\":{\"web\":\"1a2b3c\"}}");
  }
  const v = value as { userPoolId?: unknown; clients?: unknown };
  const clientsOk = v.clients === undefined || (typeof v.clients === "object" && v.clients !== null && Object.values(v.clients).every((id) => typeof id === "string"));
  if (typeof v.userPoolId !== "string" || !clientsOk) throw new UsageError("--live-ids needs a string userPoolId and, optionally, clients mapping client names to client ids");
  return { userPoolId: v.userPoolId, clients: v.clients as Record<string, string> | undefined };
}

/** The formats that write API Gateway resources. */
const API_FORMATS: readonly string[] = ["terraform", "terraform-module", "cloudformation"];

/**
 * `--api-routes FILE`: the routes checked against the design (after --values) with the Export page's rules.
 * Returns the API, undefined without the option, or the exit status: 2 unreadable, 1 invalid routes.
 */
async function readApiRoutes(io: CliIo, document: PoolDocument, file: string | undefined): Promise<ApiAuthorizer | undefined | number> {
  if (file === undefined) return undefined;
  const text = await readInputText(io, "export", file);
  if (text === undefined) return EXIT_USAGE;
  const read = readApiRoutesFile(text, file);
  const checked = read.value === undefined ? read : checkApiRoutes(read.value, document);
  for (const d of checked.diagnostics) io.stderr(`${file}: ${describeDiagnostic(d)}\n`);
  if (!("api" in checked) || !checked.api) {
    io.stderr(`cognito-studio export: ${file} does not describe routes of this design's API; nothing exported\n`);
    return EXIT_INVALID;
  }
  return checked.api;
}

/** CliIo has no mkdir: the directory is created (on disk) only when writing into it fails for want of it. */
async function writeCreatingDirectory(io: CliIo, dir: string, path: string, content: string): Promise<void> {
  try {
    await io.writeFile(path, content);
  } catch (cause) {
    if ((cause as { code?: string }).code !== "ENOENT") throw cause;
    await mkdir(dir, { recursive: true });
    await io.writeFile(path, content);
  }
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    to: { type: "string", short: "t" },
    out: { type: "string", short: "o" },
    variables: { type: "boolean" },
    "live-ids": { type: "string" },
    values: { type: "string" },
    "api-routes": { type: "string" },
  });
  if (positionals.length !== 1) throw new UsageError("give exactly one file to export (or - for standard input)");
  if (values.to === undefined) throw new UsageError(`--to is required (${EXPORT_FORMATS.join(", ")})`);
  const to = oneOf("to", values.to, EXPORT_FORMATS, "spec");
  const liveIds = parseLiveIds(values["live-ids"]);
  if ((values.variables || liveIds) && to !== "terraform") throw new UsageError("--variables and --live-ids apply to --to terraform only");
  if (values["api-routes"] !== undefined && !API_FORMATS.includes(to)) throw new UsageError(`--api-routes applies to --to ${API_FORMATS.join(", ")} only`);

  const file = positionals[0];
  const text = await readInputText(io, "export", file, { stdin: true });
  if (text === undefined) return EXIT_USAGE;
  const read = readPoolDocument(text, file === "-" ? undefined : file);
  // readPoolDocument may already run the cross-field rules; report each finding once. The document it gives is
  // parsed already: only the rules run again (with native paths, for an OpenMCF manifest).
  const seen = new Set(read.diagnostics.map((d) => `${d.path}|${d.code}`));
  const extra = read.document ? runCrossFieldRules(read.document.spec, "spec").filter((d) => !seen.has(`${d.path}|${d.code}`)) : [];
  const diagnostics = [...read.diagnostics, ...extra];
  if (!read.document || hasErrors(diagnostics)) {
    for (const d of diagnostics) io.stderr(`${file}: ${describeDiagnostic(d)}\n`);
    io.stderr(`cognito-studio export: ${file} is not a valid pool document; nothing exported\n`);
    return EXIT_INVALID;
  }
  for (const d of diagnostics) io.stderr(`${file}: ${describeDiagnostic(d)}\n`);

  const document = await applyValuesFile(io, "export", read.document, values.values);
  if (typeof document === "number") return document;
  const api = await readApiRoutes(io, document, values["api-routes"]);
  if (typeof api === "number") return api;
  const result = EXPORTERS[to](document, { variables: values.variables, liveIds, api });
  for (const d of result.diagnostics) io.stderr(`${to}: ${describeDiagnostic(d)}\n`);
  if (hasErrors(result.diagnostics) || result.files.length === 0) return EXIT_INVALID;

  if (values.out === undefined) {
    const several = result.files.length > 1;
    io.stdout(result.files.map((f) => (several ? `# ==> ${f.path} <==\n${f.content}` : f.content)).join("\n"));
  } else if (result.files.length === 1) {
    await io.writeFile(values.out, result.files[0].content);
    io.stderr(`wrote ${values.out}\n`);
  } else {
    const dir = values.out.replace(/[\\/]+$/u, "");
    for (const f of result.files) {
      await writeCreatingDirectory(io, dir, `${dir}/${f.path}`, f.content);
      io.stderr(`wrote ${dir}/${f.path}\n`);
    }
  }
  return EXIT_OK;
}

export const exportCommand: Command = {
  name: "export",
  usage: USAGE,
  run,
};
