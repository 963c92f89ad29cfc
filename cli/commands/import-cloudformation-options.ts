/**
 * The CloudFormation part of `cognito-studio import`: `--parameter KEY=VALUE` (repeatable), `--account-id`,
 * `--stack-name` and `--partition`, and how to supply a template's gaps with them.
 */
import type { ImportRequest, UnresolvedInput } from "../../lib/cognito/formats/types";
import { UsageError } from "../io";

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

export function howToSupply(input: UnresolvedInput): string {
  const where = input.file ? ` (${input.file}${input.line ? ` line ${input.line}` : ""})` : "";
  const feeds = input.fields.length ? `; feeds ${input.fields.join(", ")}` : "";
  if (input.kind === "parameter" || (input.kind === "variable" && input.suppliable)) return `--parameter ${input.name}=VALUE${where}${feeds}`;
  if (input.kind === "pseudo-parameter") return `${FLAG[input.name] ?? input.name}${where}${feeds}`;
  return `${input.name}${input.description ? `: ${input.description}` : ""}${where}${feeds}; set it in the draft`;
}
