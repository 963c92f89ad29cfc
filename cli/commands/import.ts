/**
 * `cognito-studio import FILE [--from terraform|openmcf|cloudformation|spec] [--region REGION] [--format yaml|json]`:
 * reads a Terraform, OpenMCF or CloudFormation file (the format is guessed from the file when --from is absent)
 * and prints the native pool document. What the file holds that the model cannot is a warning on standard error.
 */
import { detectImportFormat, importPoolDocument } from "../../lib/cognito/formats";
import { IMPORT_FORMATS } from "../../lib/cognito/formats/types";
import { hasErrors } from "../../lib/cognito/spec/diagnostics";
import { serialisePoolDocument } from "../../lib/cognito/spec/document";
import { oneOf, parseCommandArgs } from "../args";
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError } from "../io";
import { describeDiagnostic } from "./export";
import { CLOUDFORMATION_IMPORT_OPTIONS, CLOUDFORMATION_IMPORT_USAGE, runCloudFormationImport } from "./import-cloudformation-options";

const USAGE = `Usage: cognito-studio import FILE [--from FORMAT] [--region REGION] [--format yaml|json]

Reads a pool from another format and prints the Cognito Studio document (- reads standard input).

Options:
  --from FORMAT     ${IMPORT_FORMATS.join(" | ")}; default: guessed from the file (.tf → terraform,
                    AWSTemplateFormatVersion or AWS::Cognito::* resources → cloudformation,
                    apiVersion → the native or OpenMCF document)
  --region REGION   cloudformation: the Region, when the template does not record one
  --format FORMAT   yaml (default) or json
${CLOUDFORMATION_IMPORT_USAGE}
Exit codes: 0 imported (warnings on standard error), 1 the file cannot be imported, 2 usage error or unreadable file.
`;

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    from: { type: "string" },
    region: { type: "string" },
    format: { type: "string", short: "f" },
    ...CLOUDFORMATION_IMPORT_OPTIONS,
  });
  if (positionals.length !== 1) throw new UsageError("give exactly one file to import (or - for standard input)");
  const format = oneOf("format", values.format, ["yaml", "json"] as const, "yaml");
  const file = positionals[0];
  let text: string;
  try {
    text = file === "-" ? await io.readStdin() : await io.readFile(file);
  } catch (cause) {
    io.stderr(`cognito-studio import: cannot read ${file}: ${cause instanceof Error ? cause.message : String(cause)}\n`);
    return EXIT_USAGE;
  }
  const fileName = file === "-" ? undefined : file;
  const detected = values.from === undefined ? detectImportFormat(text, fileName) : undefined;
  const from = values.from === undefined ? detected : oneOf("from", values.from, IMPORT_FORMATS, "spec");
  if (from === undefined) throw new UsageError(`cannot tell the format of ${file}; pass --from (${IMPORT_FORMATS.join(", ")})`);
  if (from === "cloudformation") return runCloudFormationImport(io, file === "-" ? "template" : file, text, values, format);
  // The native reader also reads OpenMCF manifests (by apiVersion), so --from openmcf only narrows it.
  const result = await importPoolDocument(text, from, { fileName, region: values.region });
  for (const d of result.diagnostics) io.stderr(`${file}: ${describeDiagnostic(d)}\n`);
  if (!result.document || hasErrors(result.diagnostics)) {
    io.stderr(`cognito-studio import: ${file} could not be imported as ${from}\n`);
    return EXIT_INVALID;
  }
  io.stdout(serialisePoolDocument(result.document, format));
  return EXIT_OK;
}

export const importCommand: Command = {
  name: "import",
  summary: "read a Terraform, OpenMCF or CloudFormation file and print the pool document",
  usage: USAGE,
  run,
};
