/**
 * Parameter value files given beside a template, in the shapes people keep them in:
 * - `aws cloudformation create-stack --parameters file://params.json`: `[{ "ParameterKey": "Env", "ParameterValue": "prod" }]`
 *   (https://docs.aws.amazon.com/cli/latest/reference/cloudformation/create-stack.html);
 * - a CodePipeline template configuration file: `{ "Parameters": { "Env": "prod" } }`
 *   (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-cfn-artifacts.html);
 * - Amplify's `parameters.json` and other flat files: `{ "env": "prod", "mfaTypes": ["SMS Text Message"] }`.
 * Lists become the comma-separated text CloudFormation takes for list parameters.
 */
import { parse } from "yaml";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);
const isScalar = (v: unknown) => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

function text(value: unknown): string | undefined {
  if (isScalar(value)) return String(value);
  if (Array.isArray(value) && value.every(isScalar)) return value.map(String).join(",");
  return undefined;
}

function flat(object: Json): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(object)) {
    const t = text(value);
    if (t === undefined) return undefined;
    out[key] = t;
  }
  return out;
}

/** The parameter values a file holds, or undefined when it is not a parameter file. Never throws. */
export function readParameterFile(content: string): Record<string, string> | undefined {
  let value: unknown;
  try {
    // logLevel: a tag in a parameters file (!Sub…) is read as the plain text it is, without a process warning on stderr.
    value = parse(content, { prettyErrors: false, logLevel: "error" });
  } catch {
    return undefined;
  }
  if (Array.isArray(value) && value.length > 0 && value.every((p) => isObject(p) && typeof p.ParameterKey === "string")) {
    const out: Record<string, string> = {};
    for (const p of value as Json[]) {
      const t = text(p.ParameterValue);
      if (t !== undefined) out[String(p.ParameterKey)] = t;
    }
    return out;
  }
  if (!isObject(value) || "Resources" in value || "resources" in value) return undefined;
  if (isObject(value.Parameters)) return flat(value.Parameters);
  return Object.keys(value).length > 0 ? flat(value) : undefined;
}
