import { applyEnvironmentValues, describeEnvironmentValuesIssues, environmentValuesSchema } from "../lib/cognito/environments";
import { readPoolDocument } from "../lib/cognito/formats/read-pool-document";
import { type Diagnostic, hasErrors } from "../lib/cognito/spec/diagnostics";
import { parseDocumentText } from "../lib/cognito/spec/document";
import type { PoolDocument } from "../lib/cognito/spec/document-schema";
import { validatePoolDocument } from "../lib/cognito/spec/validate";
import { type CliIo, EXIT_INVALID, EXIT_USAGE, readInputText } from "./io";

/**
 * Reads FILE (- for standard input) as a valid pool document for `command` (apply, connect, preflight),
 * printing its diagnostics on standard error (`errorsOnly`: warnings are left out). Returns the document,
 * or the exit status when the file cannot be read (2) or is not a valid document (1).
 */
export async function readValidDocument(io: CliIo, command: string, file: string, { errorsOnly = false } = {}): Promise<PoolDocument | number> {
  const text = await readInputText(io, command, file, { stdin: true });
  if (text === undefined) return EXIT_USAGE;
  const { document, diagnostics } = readPoolDocument(text, file === "-" ? undefined : file);
  const shown: Diagnostic[] = errorsOnly ? diagnostics.filter((d) => d.severity === "error") : diagnostics;
  for (const d of shown) io.stderr(`${file}: ${d.severity}${d.path ? ` ${d.path}` : ""} (${d.code}): ${d.message}\n`);
  if (!document || hasErrors(diagnostics)) {
    io.stderr(`cognito-studio ${command}: ${file} is not a valid pool document\n`);
    return EXIT_INVALID;
  }
  return document;
}

/** The `--values FILE` option's help line, shared by plan, apply and export. */
export const VALUES_OPTION_HELP = `      --values FILE       a target's per-environment values (YAML or JSON, the studio's target values:
                          domain, certificateArn, clients, triggers, customSenderKmsKeyId, email, sms,
                          identityProviders, resourceServers, groups, tags) replace the design's first`;

/**
 * `--values FILE`: the design as one target gets it (lib/cognito/environments), checked with the same schema as
 * the studio's target page. Prints each problem (the field, the rule, what to do) and returns the exit status
 * when the file cannot be read (2), holds invalid values (1), or makes the design invalid (1).
 */
export async function applyValuesFile(io: CliIo, command: string, document: PoolDocument, file: string | undefined): Promise<PoolDocument | number> {
  if (file === undefined) return document;
  const text = await readInputText(io, command, file);
  if (text === undefined) return EXIT_USAGE;
  const parsed = parseDocumentText(text, file);
  if (parsed.value === undefined) {
    for (const d of parsed.diagnostics) io.stderr(`${file}: error (${d.code}): ${d.message}\n`);
    return EXIT_INVALID;
  }
  const values = environmentValuesSchema.safeParse(parsed.value);
  if (!values.success) {
    for (const line of describeEnvironmentValuesIssues(values.error.issues)) io.stderr(`${file}: error ${line}\n`);
    io.stderr(`cognito-studio ${command}: ${file} holds invalid per-environment values; nothing was done\n`);
    return EXIT_INVALID;
  }
  const applied = applyEnvironmentValues(document, values.data);
  for (const name of applied.unknownClients) io.stderr(`${file}: warning: the design has no app client ${name}; its values are ignored\n`);
  for (const setting of applied.unusedSettings) io.stderr(`${file}: warning: the design has no ${setting}; its value is ignored\n`);
  const errors = validatePoolDocument(applied.document).diagnostics.filter((d) => d.severity === "error");
  for (const d of errors) io.stderr(`${file}: error ${d.path} (${d.code}): ${d.message}\n`);
  if (errors.length > 0) {
    io.stderr(`cognito-studio ${command}: with the values of ${file} the design is not valid; nothing was done\n`);
    return EXIT_INVALID;
  }
  return applied.document;
}
