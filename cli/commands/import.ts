/**
 * `cognito-studio import PATH... [-var NAME=VALUE]... [-var-file FILE]... [--region R] [--pool ADDRESS]`: reads a
 * Terraform folder or files, a CloudFormation template, an OpenMCF manifest or a studio document and prints the
 * pool document. An import never refuses a file that holds a pool: what it cannot evaluate is an unresolved
 * input, listed on standard error with its file, line and the fields it feeds, and the draft is printed anyway
 * (exit 1 until the inputs are supplied). Several pools: name one with --pool.
 */
import { type ImportRequest, type ImportedPool, type SourceFile, detectImportFormat, importFiles } from "../../lib/cognito/formats";
import { IMPORT_FORMATS, type UnresolvedInput } from "../../lib/cognito/formats/types";
import { fileRole } from "../../lib/cognito/formats/terraform/terraform-config";
import { hasErrors } from "../../lib/cognito/spec/diagnostics";
import { serialisePoolDocument } from "../../lib/cognito/spec/document";
import type { PoolDocument } from "../../lib/cognito/spec/document-schema";
import { oneOf, parseCommandArgs } from "../args";
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError } from "../io";
import { describeDiagnostic } from "./export";
import { CLOUDFORMATION_IMPORT_OPTIONS, CLOUDFORMATION_IMPORT_USAGE, cloudFormationRequestFields, howToSupply } from "./import-cloudformation-options";

const USAGE = `Usage: cognito-studio import PATH... [-var NAME=VALUE]... [-var-file FILE]... [--region REGION]
                             [--pool ADDRESS] [--from FORMAT] [--format yaml|json]

Reads pools from another format and prints the Cognito Studio document (- reads standard input).
PATH is a file or a Terraform folder (its .tf files, terraform.tfvars and *.auto.tfvars, as terraform plan
reads them); several files are read as one Terraform configuration.

Options:
  -var NAME=VALUE   Terraform: a variable's value (repeatable; wins over every file)
  -var-file FILE    Terraform: a variables file (repeatable; after terraform.tfvars and *.auto.tfvars)
  --region REGION   the Region when the files do not say (a Terraform provider "aws" region wins)
  --pool ADDRESS    the pool to import when the files hold several (aws_cognito_user_pool.main,
                    module.cognito, a template's logical id, or the pool's name)
  --from FORMAT     ${IMPORT_FORMATS.join(" | ")}; default: guessed (.tf files or a folder → terraform,
                    AWSTemplateFormatVersion or AWS::Cognito::* resources → cloudformation,
                    apiVersion → the native or OpenMCF document)
  --format FORMAT   yaml (default) or json
${CLOUDFORMATION_IMPORT_USAGE}

Values the import cannot evaluate (a variable without a default, a data source) are listed on standard error
with their file and line and the fields they feed; the draft is printed without those fields.

Exit codes: 0 imported (warnings on standard error), 1 inputs to supply, errors in the draft, several pools
and no --pool, or nothing to import; 2 usage error or unreadable file.
`;

/** `-var` / `-var-file` as Terraform spells them (one dash) are read as `--var` / `--var-file`. */
function terraformStyle(args: string[]): string[] {
  return args.map((a) => a.replace(/^-(var|var-file)(=|$)/u, "--$1$2"));
}

function parseVariables(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const text of values) {
    const eq = text.indexOf("=");
    if (eq <= 0) throw new UsageError(`-var takes NAME=VALUE; got "${text}"`);
    out[text.slice(0, eq).trim()] = text.slice(eq + 1);
  }
  return out;
}

class Unreadable extends Error {}

async function readOne(io: CliIo, path: string): Promise<string> {
  try {
    return path === "-" ? await io.readStdin() : await io.readFile(path);
  } catch (cause) {
    throw new Unreadable(`cannot read ${path}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** A folder's files as Terraform loads them (not its subfolders), in lexical order; undefined when `path` is a file. */
async function folderFiles(io: CliIo, path: string): Promise<string[] | undefined> {
  if (path === "-" || !io.listDirectory) return undefined;
  let names: string[];
  try {
    names = await io.listDirectory(path);
  } catch {
    return undefined;
  }
  const wanted = names.filter((n) => !["ignored", "other-tfvars"].includes(fileRole(n))).sort();
  if (wanted.length === 0) throw new Unreadable(`${path} is a folder with no Terraform files (.tf, terraform.tfvars, *.auto.tfvars)`);
  return wanted.map((n) => `${path.replace(/\/+$/u, "")}/${n}`);
}

async function readSources(io: CliIo, paths: readonly string[]): Promise<{ files: SourceFile[]; folder: boolean }> {
  const files: SourceFile[] = [];
  let folder = false;
  for (const path of paths) {
    const inFolder = await folderFiles(io, path);
    if (inFolder) folder = true;
    for (const file of inFolder ?? [path]) files.push({ path: file === "-" ? "stdin" : file, content: await readOne(io, file) });
  }
  return { files, folder };
}

function where(input: UnresolvedInput): string {
  return input.file ? `${input.file}${input.line ? `:${input.line}` : ""}` : "";
}

function describeUnresolved(inputs: readonly UnresolvedInput[]): string {
  const lines = ["unresolved inputs: the draft leaves the fields they feed unset; supply them and import again"];
  for (const input of inputs) {
    if (!input.name.startsWith("var.") && (input.kind === "parameter" || input.kind === "pseudo-parameter" || input.kind === "variable")) {
      lines.push(`  ${howToSupply(input)}`);
      continue;
    }
    const how = input.suppliable ? (input.name.startsWith("var.") ? `-var ${input.name.slice(4)}=VALUE` : `supply ${input.name}`) : "set the fields in the draft";
    lines.push(`  ${input.name}  ${where(input)}  feeds ${input.fields.join(", ") || "no field"}  (${how}${input.type ? `; type ${input.type}` : ""})`);
    if (input.description) lines.push(`      ${input.description}`);
  }
  return `${lines.join("\n")}\n`;
}

function describePools(pools: readonly ImportedPool[]): string {
  const width = Math.max(...pools.map((p) => p.address.length));
  return pools.map((p) => `  ${p.address.padEnd(width)}  ${p.name ? `"${p.name}"` : "(name not evaluated)"}\n`).join("");
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(terraformStyle(args), {
    from: { type: "string" },
    region: { type: "string" },
    format: { type: "string", short: "f" },
    ...CLOUDFORMATION_IMPORT_OPTIONS,
    pool: { type: "string" },
    var: { type: "string", multiple: true },
    "var-file": { type: "string", multiple: true },
  });
  if (positionals.length === 0) throw new UsageError("give a file or folder to import (or - for standard input)");
  const format = oneOf("format", values.format, ["yaml", "json"] as const, "yaml");
  const from = values.from === undefined ? undefined : oneOf("from", values.from, IMPORT_FORMATS, "spec");
  const variables = parseVariables(values.var ?? []);

  let sources: { files: SourceFile[]; folder: boolean };
  let variableFiles: SourceFile[];
  try {
    sources = await readSources(io, positionals);
    variableFiles = await Promise.all((values["var-file"] ?? []).map(async (path) => ({ path, content: await readOne(io, path) })));
  } catch (cause) {
    if (!(cause instanceof Unreadable)) throw cause;
    io.stderr(`cognito-studio import: ${cause.message}\n`);
    return EXIT_USAGE;
  }
  const terraformFlags = variableFiles.length > 0 || Object.keys(variables).length > 0;
  const [first] = sources.files;
  const anyTerraform = sources.files.some((f) => fileRole(f.path, f.content) !== "ignored");
  const guessed = sources.folder || anyTerraform || terraformFlags ? "terraform" : detectImportFormat(first.content, first.path);
  const chosen = from ?? guessed;
  if (chosen === undefined) throw new UsageError(`cannot tell the format of ${positionals[0]}; pass --from (${IMPORT_FORMATS.join(", ")})`);
  if (terraformFlags && chosen !== "terraform") throw new UsageError("-var and -var-file apply to Terraform only");

  const request: ImportRequest = { files: sources.files, format: chosen, variables, variableFiles, ...cloudFormationRequestFields(values), ...(values.region ? { region: values.region } : {}), ...(values.pool ? { pool: values.pool } : {}) };
  const result = await importFiles(request);
  const label = positionals.length === 1 ? positionals[0] : "import";
  for (const d of result.diagnostics) io.stderr(`${label}: ${describeDiagnostic(d)}\n`);
  if (result.pools.length === 0) {
    io.stderr(`cognito-studio import: ${positionals.join(" ")} could not be imported as ${chosen}\n`);
    return EXIT_INVALID;
  }
  if (result.pools.length > 1) {
    io.stderr(`cognito-studio import: the files hold ${result.pools.length} pools; import one with --pool ADDRESS:\n${describePools(result.pools)}`);
    return EXIT_INVALID;
  }
  const pool = result.pools[0];
  for (const d of pool.diagnostics) io.stderr(`${pool.address}: ${describeDiagnostic(d)}\n`);
  if (pool.unresolved.length) io.stderr(describeUnresolved(pool.unresolved));
  // The draft is printed even when it is incomplete: it is what the files say, minus the gaps named above.
  io.stdout(serialisePoolDocument((pool.document ?? pool.draft) as PoolDocument, format));
  const complete = pool.document !== undefined && pool.unresolved.length === 0 && !hasErrors(pool.diagnostics) && !hasErrors(result.diagnostics);
  return complete ? EXIT_OK : EXIT_INVALID;
}

export const importCommand: Command = {
  name: "import",
  usage: USAGE,
  run,
};
