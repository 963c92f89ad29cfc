/**
 * What an evaluation could not know. A value that depends on a parameter with no default, on an attribute of
 * a resource that exists only once the stack is deployed, or on another stack's export is an {@link Unresolved}
 * naming every gap it depends on. The importer leaves the field it feeds unset and says what to supply.
 */
import type { UnresolvedInput } from "../types";
import type { TemplatePath } from "./template-source";

export interface Gap {
  /** As the template names it: `Stage`, `AWS::AccountId`, `PreSignUpFn.Arn`, `Fn::ImportValue shared-pool-id`. */
  name: string;
  kind: UnresolvedInput["kind"];
  suppliable: boolean;
  /** Where the gap is declared (a parameter's line), when it has a declaration. */
  line?: number;
  type?: string;
  description?: string;
  /** For gaps nobody can supply at import time: why, in words (`an attribute of AWS::Lambda::Function PreSignUpFn`). */
  why?: string;
}

/** A value the import could not evaluate; `at` is the outermost expression it came from (for its line and text). */
export class Unresolved {
  constructor(
    readonly gaps: readonly Gap[],
    readonly at?: TemplatePath,
  ) {}
}

/** `Ref: AWS::NoValue`: the property is removed, as CloudFormation does. */
export const NO_VALUE: unique symbol = Symbol("AWS::NoValue");

export function isUnresolved(value: unknown): value is Unresolved {
  return value instanceof Unresolved;
}

/** Every gap inside a value (deeply), without repeats. */
export function gapsIn(value: unknown, out: Gap[] = []): Gap[] {
  if (value instanceof Unresolved) {
    for (const gap of value.gaps) if (!out.some((g) => g.name === gap.name)) out.push(gap);
  } else if (Array.isArray(value)) for (const item of value) gapsIn(item, out);
  else if (value !== null && typeof value === "object") for (const item of Object.values(value)) gapsIn(item, out);
  return out;
}

export function unresolvedAt(value: unknown, at: TemplatePath): Unresolved {
  return new Unresolved(gapsIn(value), at);
}

function list(names: readonly string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** What the person does about these gaps, in words: "supply the parameters AppName and Stage". */
export function describeRemedy(gaps: readonly Gap[]): string {
  const parameters = gaps.filter((g) => g.kind === "parameter").map((g) => g.name);
  const pseudo = gaps.filter((g) => g.kind === "pseudo-parameter").map((g) => g.name);
  const variables = gaps.filter((g) => g.kind === "variable" && g.suppliable).map((g) => g.name);
  const other = gaps.filter((g) => !g.suppliable);
  const parts: string[] = [];
  if (parameters.length) parts.push(`supply the parameter${parameters.length > 1 ? "s" : ""} ${list(parameters)}`);
  if (pseudo.length) parts.push(`supply ${list(pseudo)}`);
  if (variables.length) parts.push(`supply the Serverless Framework variable${variables.length > 1 ? "s" : ""} ${list(variables)}`);
  if (other.length) parts.push(`it depends on ${list(other.map((g) => (g.why ? `${g.name} (${g.why})` : g.name)))}: set the field in the draft by hand`);
  return parts.join("; ");
}
