/**
 * Evaluates CloudFormation's intrinsic functions the way CloudFormation does at deploy time, with what the
 * import knows: parameters (defaults and supplied values), pseudo-parameters, Conditions, Mappings and the
 * Cognito resources of the template. What it cannot know becomes an {@link Unresolved} value naming its gaps
 * (template reference, "Intrinsic function reference":
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html).
 * Never throws on any input: a malformed function is an unresolved expression.
 */
import { type Gap, NO_VALUE, Unresolved, gapsIn, isUnresolved, unresolvedAt } from "./gaps";
import { type ServerlessScope, hasServerlessVariable, resolveServerlessVariables } from "./serverless-variables";
import type { TemplatePath, TemplateSource } from "./template-source";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

export type Value = unknown;

/**
 * What `Ref` and `Fn::GetAtt` of a Cognito resource give, when the template itself says it (return values in
 * the resource reference pages, e.g. https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-userpoolidentityprovider.html).
 * Anything else a resource returns (pool ids, client ids, ARNs) exists only once the stack is deployed.
 */
const REF_PROPERTY: Record<string, string> = {
  "AWS::Cognito::UserPoolIdentityProvider": "ProviderName",
  "AWS::Cognito::UserPoolResourceServer": "Identifier",
  "AWS::Cognito::UserPoolGroup": "GroupName",
  "AWS::Cognito::UserPoolDomain": "Domain",
};
const GETATT_PROPERTY: Record<string, string> = { "AWS::Cognito::UserPoolClient.Name": "ClientName" };

/**
 * ARNs a template fixes by naming the resource: `arn:${Partition}:lambda:${Region}:${AccountId}:function:NAME`
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html) and
 * `arn:${Partition}:iam::${AccountId}:role/PATH/NAME` (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html).
 * A function or role whose name CloudFormation generates has an ARN only once deployed.
 */
const ARN_BY_NAME: Record<string, { name: string; arn: (name: string, path: string) => string }> = {
  "AWS::Lambda::Function": { name: "FunctionName", arn: (name) => `arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${name}` },
  "AWS::Serverless::Function": { name: "FunctionName", arn: (name) => `arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${name}` },
  "AWS::IAM::Role": { name: "RoleName", arn: (name, path) => `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role${path}${name}` },
};

/** Partition and URL suffix of a Region (ARNs and endpoints: https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html). */
export function partitionOf(region: string): { partition: string; urlSuffix: string } {
  if (region.startsWith("cn-")) return { partition: "aws-cn", urlSuffix: "amazonaws.com.cn" };
  if (region.startsWith("us-gov-")) return { partition: "aws-us-gov", urlSuffix: "amazonaws.com" };
  if (region.startsWith("us-iso-")) return { partition: "aws-iso", urlSuffix: "c2s.ic.gov" };
  if (region.startsWith("us-isob-")) return { partition: "aws-iso-b", urlSuffix: "sc2s.sgov.gov" };
  return { partition: "aws", urlSuffix: "amazonaws.com" };
}

const PSEUDO_PARAMETERS = ["AWS::Region", "AWS::AccountId", "AWS::StackName", "AWS::StackId", "AWS::Partition", "AWS::URLSuffix", "AWS::NotificationARNs"] as const;
const PSEUDO_FLAG: Record<string, string> = { "AWS::Region": "--region", "AWS::AccountId": "--account-id", "AWS::StackName": "--stack-name", "AWS::Partition": "--partition" };

/** The pseudo-parameters' values: given ones, then what follows from the Region. */
export function pseudoParameterValues(given: Record<string, string> | undefined, region: string | undefined): Map<string, Value> {
  const out = new Map<string, Value>();
  const regionValue = given?.["AWS::Region"] ?? region;
  const derived = regionValue ? partitionOf(regionValue) : undefined;
  for (const name of PSEUDO_PARAMETERS) {
    const value = name === "AWS::Region" ? regionValue : (given?.[name] ?? (name === "AWS::Partition" ? derived?.partition : name === "AWS::URLSuffix" ? derived?.urlSuffix : undefined));
    const flag = PSEUDO_FLAG[name];
    out.set(name, value !== undefined ? value : new Unresolved([{ name, kind: "pseudo-parameter", suppliable: true, ...(flag ? { description: `the stack's ${name.slice(5)} (${flag})` } : {}) }]));
  }
  return out;
}

export interface EvaluationScope {
  source: TemplateSource;
  parameters: ReadonlyMap<string, Value>;
  pseudo: ReadonlyMap<string, Value>;
  resources: Readonly<Record<string, Json>>;
  /** Serverless Framework variables (`${self:custom.stage}`) in plain strings. */
  serverless?: ServerlessScope;
}

function stringOf(value: Value): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

function expressionGap(what: string, why: string): Unresolved {
  return new Unresolved([{ name: what, kind: "expression", suppliable: false, why }]);
}

function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export class Evaluator {
  private readonly conditionValues = new Map<string, boolean | Unresolved>();
  /** Conditions and resource properties being evaluated, so a cycle is a gap and not a stack overflow. */
  private readonly evaluating = new Set<string>();
  private readonly conditions: Json;
  private readonly mappings: Json;

  constructor(private readonly scope: EvaluationScope) {
    this.conditions = isObject(scope.source.template.Conditions) ? scope.source.template.Conditions : {};
    this.mappings = isObject(scope.source.template.Mappings) ? scope.source.template.Mappings : {};
  }

  /** Evaluates a value at `path` of the template: intrinsics become values, `AWS::NoValue` removes the key. */
  value(value: Value, path: TemplatePath): Value {
    if (Array.isArray(value)) return value.map((v, i) => this.value(v, [...path, i])).filter((v) => v !== NO_VALUE);
    if (typeof value === "string" && hasServerlessVariable(value)) {
      const resolved = resolveServerlessVariables(value, this.scope.serverless ?? { supplied: {} });
      return isUnresolved(resolved) ? new Unresolved(resolved.gaps, path) : resolved;
    }
    if (!isObject(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === "Ref" || keys[0].startsWith("Fn::"))) {
      const result = this.intrinsic(keys[0], value[keys[0]], [...path, keys[0]]);
      return isUnresolved(result) ? new Unresolved(result.gaps, path) : result;
    }
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) {
      const r = this.value(v, [...path, k]);
      if (r !== NO_VALUE) out[k] = r;
    }
    return out;
  }

  /** A Condition by name: true, false, or unresolved (it depends on a gap). */
  condition(name: string): boolean | Unresolved {
    const known = this.conditionValues.get(name);
    if (known !== undefined) return known;
    if (!(name in this.conditions)) return expressionGap(`Condition ${name}`, "the template declares no such condition");
    if (this.evaluating.has(name)) return expressionGap(`Condition ${name}`, "it refers to itself");
    this.evaluating.add(name);
    const result = this.truth(this.conditions[name], ["Conditions", name]);
    this.evaluating.delete(name);
    this.conditionValues.set(name, result);
    return result;
  }

  private truth(expression: Value, path: TemplatePath): boolean | Unresolved {
    if (isObject(expression) && typeof expression.Condition === "string" && Object.keys(expression).length === 1) return this.condition(expression.Condition);
    const value = this.value(expression, path);
    if (isUnresolved(value)) return value;
    if (value === true || value === "true") return true;
    if (value === false || value === "false") return false;
    return expressionGap(`condition at ${path.join(".")}`, "it is not true or false");
  }

  private intrinsic(fn: string, arg: Value, path: TemplatePath): Value {
    switch (fn) {
      case "Ref":
        return typeof arg === "string" ? this.ref(arg) : expressionGap("Ref", "its argument is not a name");
      case "Fn::GetAtt":
        return this.getAtt(arg, path);
      case "Fn::Sub":
        return this.sub(arg, path);
      case "Fn::Join":
        return this.join(arg, path);
      case "Fn::Select":
        return this.select(arg, path);
      case "Fn::Split":
        return this.split(arg, path);
      case "Fn::If":
        return this.if(arg, path);
      case "Fn::FindInMap":
        return this.findInMap(arg, path);
      case "Fn::Equals":
      case "Fn::And":
      case "Fn::Or":
      case "Fn::Not":
        return this.logic(fn, arg, path);
      case "Fn::Base64": {
        const text = this.value(arg, path);
        if (isUnresolved(text)) return text;
        const s = stringOf(text);
        return s === undefined ? expressionGap("Fn::Base64", "its argument is not a string") : base64(s);
      }
      case "Fn::ToJsonString": {
        const v = this.value(arg, path);
        return gapsIn(v).length ? unresolvedAt(v, path) : JSON.stringify(v);
      }
      case "Fn::Length": {
        const v = this.value(arg, path);
        if (isUnresolved(v)) return v;
        return Array.isArray(v) ? v.length : expressionGap("Fn::Length", "its argument is not a list");
      }
      case "Fn::ImportValue": {
        const name = this.value(arg, path);
        if (isUnresolved(name)) return name;
        return new Unresolved([{ name: `Fn::ImportValue ${stringOf(name) ?? JSON.stringify(name)}`, kind: "expression", suppliable: false, why: "another stack's export" }]);
      }
      case "Fn::GetAZs":
        return expressionGap("Fn::GetAZs", "the Region's Availability Zones are known only at deploy time");
      default:
        return expressionGap(fn, "the import does not evaluate this function");
    }
  }

  /**
   * Evaluates an identity provider's secret: there a `Ref` to a Secrets Manager secret of the template gives
   * its Name, which a dynamic reference accepts as well as the ARN `Ref` returns (CDK writes
   * `{{resolve:secretsmanager:<Ref secret>:SecretString:::}}`).
   */
  secretValue(value: Value, path: TemplatePath): Value {
    this.secretContext = true;
    try {
      return this.value(value, path);
    } finally {
      this.secretContext = false;
    }
  }

  private secretContext = false;

  private ref(name: string): Value {
    if (name === "AWS::NoValue") return NO_VALUE;
    if (this.scope.parameters.has(name)) return this.scope.parameters.get(name);
    if (this.scope.pseudo.has(name)) return this.scope.pseudo.get(name);
    const resource = this.scope.resources[name];
    if (resource) {
      const type = String(resource.Type);
      const property = this.secretContext && type === "AWS::SecretsManager::Secret" ? "Name" : REF_PROPERTY[type];
      if (property) return this.resourceProperty(name, property);
      return new Unresolved([{ name, kind: "resource-attribute", suppliable: false, why: `the id of ${type} ${name}, known once the stack is deployed` }]);
    }
    return expressionGap(`Ref ${name}`, "the template declares no such parameter or resource");
  }

  private resourceProperty(id: string, property: string): Value {
    const properties = this.scope.resources[id]?.Properties;
    if (!isObject(properties) || !(property in properties)) return expressionGap(`${id}.${property}`, "the resource does not set it");
    const key = `${id}.${property}`;
    if (this.evaluating.has(key)) return expressionGap(key, "it refers to itself");
    this.evaluating.add(key);
    const value = this.value(properties[property], ["Resources", id, "Properties", property]);
    this.evaluating.delete(key);
    return value;
  }

  private getAtt(arg: Value, path: TemplatePath): Value {
    const parts = typeof arg === "string" ? arg.split(/\.(.*)/su).filter((p) => p !== "") : Array.isArray(arg) ? arg.map((p, i) => this.value(p, [...path, i])) : [];
    if (parts.some(isUnresolved)) return unresolvedAt(parts, path);
    const [id, attribute] = parts.map((p) => stringOf(p));
    if (!id || !attribute) return expressionGap("Fn::GetAtt", "it does not name a resource and an attribute");
    const resource = this.scope.resources[id];
    if (!resource) return expressionGap(`${id}.${attribute}`, "the template declares no such resource");
    const property = GETATT_PROPERTY[`${String(resource.Type)}.${attribute}`];
    if (property) return this.resourceProperty(id, property);
    const byName = ARN_BY_NAME[String(resource.Type)];
    if (byName && attribute === "Arn" && isObject(resource.Properties) && resource.Properties[byName.name] !== undefined) {
      const name = this.resourceProperty(id, byName.name);
      const rolePath = typeof resource.Properties.Path === "string" ? resource.Properties.Path : "/";
      if (isUnresolved(name)) return name;
      if (typeof name === "string") return this.sub(byName.arn(name.replace(/\$\{/gu, "${!"), rolePath), path);
    }
    return new Unresolved([{ name: `${id}.${attribute}`, kind: "resource-attribute", suppliable: false, why: `an attribute of ${String(resource.Type)} ${id}, known once the stack is deployed` }]);
  }

  private sub(arg: Value, path: TemplatePath): Value {
    const [template, rawVariables] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
    if (typeof template !== "string") return expressionGap("Fn::Sub", "its first argument is not a string");
    const variables = isObject(rawVariables) ? (this.value(rawVariables, [...path, 1]) as Json) : {};
    const parts: Value[] = [];
    let last = 0;
    for (const match of template.matchAll(/\$\{([^}]*)\}/gu)) {
      parts.push(template.slice(last, match.index));
      last = (match.index ?? 0) + match[0].length;
      const name = match[1].trim();
      if (name.startsWith("!")) parts.push(`\${${name.slice(1)}}`);
      else if (hasServerlessVariable(match[0])) parts.push(resolveServerlessVariables(match[0], this.scope.serverless ?? { supplied: {} }));
      else if (name in variables) parts.push(variables[name]);
      else if (!name.includes(".") || name.startsWith("AWS::") || this.scope.parameters.has(name)) parts.push(this.ref(name));
      else parts.push(this.getAtt(name, path));
    }
    parts.push(template.slice(last));
    if (gapsIn(parts).length) return unresolvedAt(parts, path);
    const strings = parts.map(stringOf);
    if (strings.some((s) => s === undefined)) return expressionGap("Fn::Sub", "a variable is not a string");
    return strings.join("");
  }

  private join(arg: Value, path: TemplatePath): Value {
    if (!Array.isArray(arg) || arg.length !== 2) return expressionGap("Fn::Join", "it takes a delimiter and a list");
    const delimiter = this.value(arg[0], [...path, 0]);
    const items = this.value(arg[1], [...path, 1]);
    if (gapsIn([delimiter, items]).length) return unresolvedAt([delimiter, items], path);
    if (!Array.isArray(items) || typeof delimiter !== "string") return expressionGap("Fn::Join", "its arguments are not a delimiter and a list");
    const strings = items.map(stringOf);
    if (strings.some((s) => s === undefined)) return expressionGap("Fn::Join", "a list item is not a string");
    return strings.join(delimiter);
  }

  private select(arg: Value, path: TemplatePath): Value {
    if (!Array.isArray(arg) || arg.length !== 2) return expressionGap("Fn::Select", "it takes an index and a list");
    const index = this.value(arg[0], [...path, 0]);
    const items = this.value(arg[1], [...path, 1]);
    if (isUnresolved(index)) return index;
    const i = Number(index);
    if (isUnresolved(items)) return items;
    if (!Array.isArray(items) || !Number.isInteger(i) || i < 0 || i >= items.length) return expressionGap("Fn::Select", "the index is not in the list");
    return items[i];
  }

  private split(arg: Value, path: TemplatePath): Value {
    if (!Array.isArray(arg) || arg.length !== 2) return expressionGap("Fn::Split", "it takes a delimiter and a string");
    const delimiter = this.value(arg[0], [...path, 0]);
    const text = this.value(arg[1], [...path, 1]);
    if (gapsIn([delimiter, text]).length) return unresolvedAt([delimiter, text], path);
    if (typeof delimiter !== "string" || delimiter === "" || typeof text !== "string") return expressionGap("Fn::Split", "its arguments are not a delimiter and a string");
    return text.split(delimiter);
  }

  private if(arg: Value, path: TemplatePath): Value {
    if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== "string") return expressionGap("Fn::If", "it takes a condition name and two values");
    const chosen = this.condition(arg[0]);
    if (isUnresolved(chosen)) return chosen;
    return chosen ? this.value(arg[1], [...path, 1]) : this.value(arg[2], [...path, 2]);
  }

  private findInMap(arg: Value, path: TemplatePath): Value {
    if (!Array.isArray(arg) || arg.length < 3) return expressionGap("Fn::FindInMap", "it takes a map name and two keys");
    const keys = arg.slice(0, 3).map((k, i) => this.value(k, [...path, i]));
    if (gapsIn(keys).length) return unresolvedAt(keys, path);
    const [map, top, second] = keys.map(stringOf);
    const entry = map !== undefined && top !== undefined && second !== undefined ? (this.mappings[map] as Json | undefined)?.[top] : undefined;
    if (isObject(entry) && second !== undefined && second in entry) return this.value(entry[second], ["Mappings", map ?? "", top ?? "", second]);
    // AWS::LanguageExtensions allows a DefaultValue as the fourth argument.
    const fallback = arg[3];
    if (isObject(fallback) && "DefaultValue" in fallback) return this.value(fallback.DefaultValue, [...path, 3, "DefaultValue"]);
    return expressionGap(`Fn::FindInMap ${[map, top, second].join(".")}`, "the Mappings have no such entry");
  }

  private logic(fn: string, arg: Value, path: TemplatePath): Value {
    const items = Array.isArray(arg) ? arg : [];
    if (fn === "Fn::Equals") {
      if (items.length !== 2) return expressionGap(fn, "it takes two values");
      const [a, b] = items.map((v, i) => this.value(v, [...path, i]));
      if (gapsIn([a, b]).length) return unresolvedAt([a, b], path);
      return JSON.stringify(typeof a === "number" ? String(a) : a) === JSON.stringify(typeof b === "number" ? String(b) : b);
    }
    const truths = items.map((v, i) => this.truth(v, [...path, i]));
    if (fn === "Fn::Not") return truths.length === 1 ? (isUnresolved(truths[0]) ? truths[0] : !truths[0]) : expressionGap(fn, "it takes one condition");
    // And is false as soon as one is false, Or true as soon as one is true, whatever the others are.
    const decisive = fn === "Fn::Or";
    if (truths.includes(decisive)) return decisive;
    if (truths.some(isUnresolved)) return unresolvedAt(truths, path);
    return !decisive;
  }
}

export type { Gap };
