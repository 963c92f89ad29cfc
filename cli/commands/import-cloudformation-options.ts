/**
 * The CloudFormation part of `cognito-studio import`: `--parameter KEY=VALUE` (repeatable), `--account-id`,
 * `--stack-name` and `--partition`, and printing what a template import gives (a document, or the draft's
 * gaps and what to supply).
 */
import { importCloudFormationFiles } from "../../lib/cognito/formats/cloudformation";
import type { ImportRequest, ImportedPool, UnresolvedInput } from "../../lib/cognito/formats/types";
import { hasErrors } from "../../lib/cognito/spec/diagnostics";
import { serialisePoolDocument } from "../../lib/cognito/spec/document";
import { type CliIo, EXIT_INVALID, EXIT_OK, UsageError } from "../io";
import { describeDiagnostic } from "./export";

export const CLOUDFORMATION_IMPORT_OPTIONS = {
  parameter: { type: "string", multiple: true },
  "account-id": { type: "string" },
  "stack-name": { type: "string" },
  partition: { type: "string" },
} as const;

export const CLOUDFORMATION_IMPORT_USAGE = `  --parameter KEY=VALUE  cloudformation: a template parameter's value (repeatable; wins over its Default),
                         or a Serverless Framework variable's (--parameter opt:stage=prod)
  --account-id ID        cloudformation: AWS::AccountId
  --stack-name NAME      cloudformation: AWS::StackName
  --partition NAME       cloudformation: AWS::Partition (default: from the Region)
`;

type CloudFormationValues = { parameter?: string[]; "account-id"?: string; "stack-name"?: string; partition?: string };

/** The request fields the CloudFormation flags give. A `--parameter` without `=` is a usage error. */
export function cloudFormationRequestFields(values: CloudFormationValues): Pick<ImportRequest, "parameters" | "pseudoParameters"> {
  const parameters: Record<string, string> = {};
  for (const pair of values.parameter ?? []) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new UsageError(`--parameter takes KEY=VALUE (a template parameter and its value); got "${pair}"`);
    parameters[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const pseudo: Record<string, string> = {};
  if (values["account-id"] !== undefined) pseudo["AWS::AccountId"] = values["account-id"];
  if (values["stack-name"] !== undefined) pseudo["AWS::StackName"] = values["stack-name"];
  if (values.partition !== undefined) pseudo["AWS::Partition"] = values.partition;
  return { ...(Object.keys(parameters).length ? { parameters } : {}), ...(Object.keys(pseudo).length ? { pseudoParameters: pseudo } : {}) };
}

const FLAG: Record<string, string> = { "AWS::AccountId": "--account-id ID", "AWS::StackName": "--stack-name NAME", "AWS::Partition": "--partition NAME", "AWS::Region": "--region REGION" };

function howToSupply(input: UnresolvedInput): string {
  const where = input.file ? ` (${input.file}${input.line ? ` line ${input.line}` : ""})` : "";
  const feeds = input.fields.length ? `; feeds ${input.fields.join(", ")}` : "";
  if (input.kind === "parameter" || (input.kind === "variable" && input.suppliable)) return `--parameter ${input.name}=VALUE${where}${feeds}`;
  if (input.kind === "pseudo-parameter") return `${FLAG[input.name] ?? input.name}${where}${feeds}`;
  return `${input.name}${input.description ? `: ${input.description}` : ""}${where}${feeds}; set it in the draft`;
}

function printPool(pool: ImportedPool, label: string, io: CliIo): void {
  for (const d of pool.diagnostics) io.stderr(`${label}: ${describeDiagnostic(d)}\n`);
  if (pool.unresolved.length) {
    io.stderr(`${label}: to import ${pool.address}, supply:\n`);
    for (const input of pool.unresolved) io.stderr(`  ${howToSupply(input)}\n`);
  }
}

/** Imports a template with the CloudFormation flags; prints one pool's document, or its gaps and exit 1. */
export async function runCloudFormationImport(
  io: CliIo,
  file: string,
  text: string,
  values: CloudFormationValues & { region?: string; pool?: string },
  format: "yaml" | "json",
): Promise<number> {
  const request: ImportRequest = { files: [{ path: file, content: text }], format: "cloudformation", region: values.region, pool: values.pool, ...cloudFormationRequestFields(values) };
  const result = await importCloudFormationFiles(request);
  for (const d of result.diagnostics) io.stderr(`${file}: ${describeDiagnostic(d)}\n`);
  const [pool] = result.pools;
  if (!pool) {
    io.stderr(`cognito-studio import: ${file} could not be imported as cloudformation\n`);
    return EXIT_INVALID;
  }
  if (result.pools.length > 1) io.stderr(`${file}: warning: ${result.pools.length} user pools (${result.pools.map((p) => p.address).join(", ")}); ${pool.address} is printed\n`);
  printPool(pool, file, io);
  if (!pool.document || hasErrors(pool.diagnostics) || hasErrors(result.diagnostics)) {
    io.stderr(`cognito-studio import: ${pool.address} in ${file} is a draft with errors (above); nothing printed\n`);
    return EXIT_INVALID;
  }
  io.stdout(serialisePoolDocument(pool.document, format));
  return EXIT_OK;
}
