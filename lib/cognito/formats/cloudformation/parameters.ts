/**
 * Template parameters as the import sees them: a supplied value (`--parameter KEY=VALUE`) wins over the
 * Default; a parameter with neither is a gap. Values take the parameter's type, as CloudFormation gives them
 * to `Ref` (Parameters reference:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html):
 * lists are split at commas (each member trimmed), and an SSM parameter type names a parameter in Systems
 * Manager whose value only the deploy reads, so it is a gap unless a value is supplied.
 */
import { type Diagnostic, warning } from "../../spec/diagnostics";
import { Unresolved } from "./gaps";
import type { Value } from "./evaluate";
import type { TemplateSource } from "./template-source";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

const SSM_TYPE = /^AWS::SSM::Parameter::Value<(.+)>$/u;

function isListType(type: string): boolean {
  return type === "CommaDelimitedList" || type.startsWith("List<") || /^AWS::SSM::Parameter::Value<List<|CommaDelimitedList>$/u.test(type);
}

function typed(type: string, raw: unknown): Value {
  if (isListType(type)) return Array.isArray(raw) ? raw.map(String) : String(raw).split(",").map((s) => s.trim());
  if (type === "Number" && typeof raw === "string" && raw.trim() !== "" && Number.isFinite(Number(raw))) return Number(raw);
  return typeof raw === "number" || typeof raw === "boolean" ? String(raw) : raw;
}

export interface ParameterValues {
  values: Map<string, Value>;
  /** Every declared parameter and its description: an identity provider's secret given by one is a reference, never read. */
  descriptions: Map<string, unknown>;
  diagnostics: Diagnostic[];
}

/** Every declared parameter's value or gap, from the supplied values and the defaults. */
export function readParameters(source: TemplateSource, supplied: Readonly<Record<string, string>> = {}): ParameterValues {
  const declared = isObject(source.template.Parameters) ? source.template.Parameters : {};
  const values = new Map<string, Value>();
  const descriptions = new Map<string, unknown>();
  const diagnostics: Diagnostic[] = [];
  for (const [name, raw] of Object.entries(declared)) {
    const p = isObject(raw) ? raw : {};
    const type = typeof p.Type === "string" ? p.Type : "String";
    const line = source.locate(["Parameters", name])?.line;
    descriptions.set(name, p.Description);
    const given = Object.hasOwn(supplied, name) ? supplied[name] : undefined;
    const description = typeof p.Description === "string" ? p.Description : undefined;
    const gap = (why?: string) => new Unresolved([{ name, kind: "parameter", suppliable: true, type, ...(line ? { line } : {}), ...(description ? { description } : {}), ...(why ? { why } : {}) }]);
    if (given !== undefined) {
      const allowed = Array.isArray(p.AllowedValues) ? p.AllowedValues.map(String) : undefined;
      if (allowed && !allowed.includes(given))
        diagnostics.push(warning("", "parameter-not-allowed", `${source.file} line ${line ?? "?"}: the value given for parameter ${name}${p.NoEcho === true || p.NoEcho === "true" ? "" : ` (${JSON.stringify(given)})`} is not one of its AllowedValues (${allowed.join(", ")}); it was used anyway, but CloudFormation would refuse it`));
      values.set(name, typed(type.replace(SSM_TYPE, "$1"), given));
    } else if (SSM_TYPE.test(type)) values.set(name, gap(`the value of the SSM parameter ${JSON.stringify(p.Default ?? "")}`));
    else if ("Default" in p && p.Default !== null && p.Default !== undefined) values.set(name, typed(type, p.Default));
    else values.set(name, gap());
  }
  // Names with a colon are Serverless Framework variables (`opt:stage`), not parameters.
  for (const name of Object.keys(supplied))
    if (!Object.hasOwn(declared, name) && !name.includes(":")) diagnostics.push(warning("", "unknown-parameter", `${source.file} declares no parameter ${name}; the value given for it was not used (declared: ${Object.keys(declared).join(", ") || "none"})`));
  return { values, descriptions, diagnostics };
}
