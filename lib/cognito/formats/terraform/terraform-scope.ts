/**
 * The names a Terraform configuration's expressions refer to, at import time: `var.*` (defaults, tfvars,
 * -var), `local.*` (evaluated on demand in dependency order; a cycle is reported), `count.index`,
 * `each.key` / `each.value`, dynamic-block iterators, `path.*`, the Cognito resources of the files
 * (`aws_cognito_user_pool.main.id` is the pool itself; `aws_cognito_resource_server.api.scope_identifiers` is
 * computed from its arguments) and, as unknown values, data sources, module outputs and other resources'
 * attributes. Also expands `count` / `for_each` and `dynamic` blocks
 * (https://developer.hashicorp.com/terraform/language/meta-arguments/count, .../for_each,
 * https://developer.hashicorp.com/terraform/language/expressions/dynamic-blocks).
 */
import { type Diagnostic, warning } from "../../spec/diagnostics";
import { type EvalScope, evaluateJson, markResource, withBindings } from "./hcl-evaluate";
import type { Step } from "./hcl-expression-parser";
import { type HclObject, PoolRef, Unknown, type UnknownInput, type Value, deepUnknown, entriesOf, isObject, toNumberValue } from "./hcl-values";
import { TF_TYPES } from "./naming";
import type { TfConfig, TfResource } from "./terraform-config";

/** One instance of a resource: `count` and `for_each` make several. */
export type Instance = {
  resource: TfResource;
  address: string;
  /** `count.index` / `each.key` + `each.value`. */
  bindings: HclObject;
  /** Set when `count` / `for_each` could not be evaluated: the resource was read once. */
  unknownRepetition?: { argument: "count" | "for_each"; value: Unknown; expression: string };
};

const COGNITO_TYPES = new Set<string>(Object.values(TF_TYPES));
const RESOURCE_TYPE = /^[a-z][a-z0-9]*_[a-z0-9_]+$/u;
const ITERATOR = /^\$\{([A-Za-z_][\w-]*)\}$/u;

const isJson = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function attrName(step: Step | undefined): string | undefined {
  return step?.kind === "attr" ? step.name : undefined;
}

export class TerraformScope implements EvalScope {
  readonly diagnostics: Diagnostic[] = [];
  private readonly localValues = new Map<string, Value>();
  private readonly localsInProgress: string[] = [];
  private readonly resourceValues = new Map<string, Value>();
  private readonly resourcesInProgress = new Set<string>();
  private readonly instanceCache = new Map<TfResource, Instance[]>();

  constructor(readonly config: TfConfig) {}

  lookup(root: string, steps: readonly Step[]): { value: Value; rest: readonly Step[] } | undefined {
    const first = attrName(steps[0]);
    if (root === "var" && first !== undefined) return { value: this.variable(first), rest: steps.slice(1) };
    if (root === "local" && first !== undefined) return { value: this.local(first), rest: steps.slice(1) };
    if (root === "path") return { value: { module: ".", root: ".", cwd: "." }, rest: steps };
    if (root === "terraform") return { value: Unknown.of("terraform.workspace", "expression", "the workspace is chosen when Terraform runs"), rest: [] };
    if (root === "data") {
      const names = steps.slice(0, 3).map(attrName);
      const declared = names.length >= 2 && names[0] && names[1];
      const name = ["data", ...names.filter((n): n is string => n !== undefined)].join(".");
      return { value: Unknown.of(name, "data-source", declared ? undefined : "no such data source"), rest: [] };
    }
    if (root === "module") {
      const name = ["module", ...steps.slice(0, 2).map(attrName).filter((n): n is string => n !== undefined)].join(".");
      return { value: Unknown.of(name, "resource-attribute"), rest: [] };
    }
    if (RESOURCE_TYPE.test(root) && first !== undefined) {
      const resource = this.config.resources.find((r) => r.type === root && r.label === first);
      if (resource && COGNITO_TYPES.has(root)) return { value: this.resourceValue(resource), rest: steps.slice(1) };
      // Another resource's attribute (a Lambda's ARN, an IAM role's): only known once Terraform applies it.
      const rest = steps.slice(1);
      const attr = rest.find((s) => s.kind === "attr");
      const missing = COGNITO_TYPES.has(root) ? `no resource "${root}" "${first}" in the files` : undefined;
      return { value: Unknown.of(`${root}.${first}${attr?.kind === "attr" ? `.${attr.name}` : ""}`, missing ? "expression" : "resource-attribute", missing), rest: [] };
    }
    return undefined;
  }

  variable(name: string): Value {
    const variable = this.config.variables.get(name);
    if (variable?.hasValue && variable.value !== undefined) return variable.value;
    return Unknown.of(`var.${name}`, "variable", variable ? undefined : "no variable block declares it");
  }

  local(name: string): Value {
    const known = this.localValues.get(name);
    if (known !== undefined) return known;
    const local = this.config.locals.get(name);
    if (!local) return Unknown.of(`local.${name}`, "local", "no locals block defines it");
    if (this.localsInProgress.includes(name)) {
      const cycle = [...this.localsInProgress.slice(this.localsInProgress.indexOf(name)), name].map((n) => `local.${n}`).join(" → ");
      this.diagnostics.push(warning("", "cycle", `${local.file} line ${local.line}: local.${name} depends on itself (${cycle}); it cannot be evaluated`));
      return Unknown.of(`local.${name}`, "local", `it depends on itself (${cycle})`);
    }
    this.localsInProgress.push(name);
    let value: Value;
    try {
      value = evaluateJson(local.raw, this);
    } finally {
      this.localsInProgress.pop();
    }
    // What the local could not evaluate is named after the local (the expression itself is in the file).
    value = renameExpressionUnknowns(value, `local.${name}`);
    this.localValues.set(name, value);
    return value;
  }

  /** The value `TYPE.LABEL` refers to: one instance's attributes, or a list / map of instances. */
  private resourceValue(resource: TfResource): Value {
    const key = `${resource.type}.${resource.label}`;
    const cached = this.resourceValues.get(key);
    if (cached !== undefined) return cached;
    if (this.resourcesInProgress.has(key)) return Unknown.of(key, "resource-attribute", "the resource refers to itself");
    this.resourcesInProgress.add(key);
    try {
      const instances = this.instances(resource);
      const objects = instances.map((i) => this.instanceObject(i));
      let value: Value;
      if ("count" in resource.body) value = objects;
      else if ("for_each" in resource.body) value = Object.fromEntries(instances.map((i, n) => [String(i.bindings.each && isObject(i.bindings.each) ? i.bindings.each.key : n), objects[n]]));
      else value = objects[0] ?? null;
      this.resourceValues.set(key, value);
      return value;
    } finally {
      this.resourcesInProgress.delete(key);
    }
  }

  /** An instance's arguments plus the attributes the importer can compute: a pool's id, a server's scope identifiers. */
  private instanceObject(instance: Instance): Value {
    const body = this.evaluateBody(instance.resource.body, instance.bindings);
    const out: HclObject = isObject(body) ? { ...body } : {};
    const type = instance.resource.type;
    if (type === TF_TYPES.pool) out.id = new PoolRef(instance.address);
    if (type === TF_TYPES.resourceServer) {
      const identifier = out.identifier;
      const scopes = Array.isArray(out.scope) ? out.scope : [];
      const names = scopes.map((s) => (isObject(s) ? s.scope_name : undefined));
      const unknown = deepUnknown([identifier ?? null, ...names.map((n) => n ?? null)]);
      out.scope_identifiers = unknown ?? names.map((n) => `${String(identifier)}/${String(n)}`);
    }
    return markResource(out, instance.address);
  }

  /** `count` / `for_each` expanded over known values; an unknown one reads the resource once. */
  instances(resource: TfResource): Instance[] {
    const cached = this.instanceCache.get(resource);
    if (cached) return cached;
    const base = `${resource.type === "module" ? "module" : resource.type}.${resource.label}`;
    const result = this.expand(resource, base);
    this.instanceCache.set(resource, result);
    return result;
  }

  private expand(resource: TfResource, base: string): Instance[] {
    const body = resource.body;
    if ("count" in body) {
      const count = evaluateJson(body.count, this);
      if (count instanceof Unknown || deepUnknown(count))
        return [{ resource, address: `${base}[0]`, bindings: { count: { index: 0 } }, unknownRepetition: { argument: "count", value: deepUnknown(count) as Unknown, expression: String(body.count) } }];
      let n: number;
      try {
        n = toNumberValue(count);
      } catch {
        n = 1;
      }
      n = Math.max(0, Math.min(Math.trunc(n), 1000));
      return Array.from({ length: n }, (_, index) => ({ resource, address: `${base}[${index}]`, bindings: { count: { index } } }));
    }
    if ("for_each" in body) {
      const collection = evaluateJson(body.for_each, this);
      const unknown = collection instanceof Unknown ? collection : undefined;
      if (!unknown && (Array.isArray(collection) || isObject(collection))) {
        try {
          // A set of strings: each.key and each.value are the element.
          const entries = entriesOf(collection).map(([k, v]) => (Array.isArray(collection) ? [typeof v === "string" ? v : String(k), v] : [k, v]) as [string, Value]);
          return entries.map(([key, value]) => ({ resource, address: `${base}[${JSON.stringify(key)}]`, bindings: { each: { key, value } } }));
        } catch {
          // Fall through to a single reading.
        }
      }
      const value = unknown ?? Unknown.of(String(body.for_each), "expression", "for_each must be a map or a set of strings");
      return [{ resource, address: base, bindings: { each: { key: value, value } }, unknownRepetition: { argument: "for_each", value, expression: String(body.for_each) } }];
    }
    return [{ resource, address: base, bindings: {} }];
  }

  /** Evaluates a block body with the instance's bindings, expanding `dynamic` blocks over known collections. */
  evaluateBody(raw: unknown, bindings: HclObject): Value {
    const scope = Object.keys(bindings).length ? withBindings(this, bindings) : this;
    return this.evaluateBlock(raw, scope);
  }

  private evaluateBlock(raw: unknown, scope: EvalScope): Value {
    if (!isJson(raw)) return evaluateJson(raw, scope);
    const out: HclObject = {};
    for (const [key, value] of Object.entries(raw)) {
      if (key === "dynamic" && isJson(value)) {
        for (const [blockType, specs] of Object.entries(value)) this.expandDynamic(out, blockType, specs, scope);
        continue;
      }
      // Nested blocks are lists of bodies in hcl2json's output; each may hold dynamic blocks of its own.
      out[key] = Array.isArray(value) && value.every(isJson) ? value.map((v) => this.evaluateBlock(v, scope)) : evaluateJson(value, scope);
    }
    return out;
  }

  private expandDynamic(out: HclObject, blockType: string, specs: unknown, scope: EvalScope) {
    for (const spec of Array.isArray(specs) ? specs : [specs]) {
      if (!isJson(spec)) continue;
      const iterator = typeof spec.iterator === "string" ? (ITERATOR.exec(spec.iterator)?.[1] ?? blockType) : blockType;
      const collection = evaluateJson(spec.for_each, scope);
      const content = Array.isArray(spec.content) ? spec.content[0] : spec.content;
      if (collection instanceof Unknown || !(Array.isArray(collection) || isObject(collection))) {
        out[blockType] = collection instanceof Unknown ? collection : Unknown.of(String(spec.for_each), "expression", "a dynamic block's for_each must be a list, set or map");
        continue;
      }
      const existing = out[blockType];
      const blocks: Value[] = Array.isArray(existing) ? [...existing] : [];
      for (const [key, value] of entriesOf(collection)) blocks.push(this.evaluateBlock(content ?? {}, withBindings(scope, { [iterator]: { key, value } })));
      out[blockType] = blocks;
    }
  }
}

/** Replaces the "expression" inputs of unknown parts of `value` with one named input (a local's name). */
function renameExpressionUnknowns(value: Value, name: string): Value {
  if (value instanceof Unknown) {
    const failed = value.inputs.filter((i) => i.kind === "expression");
    if (failed.length === 0) return value;
    const reason = failed.map((f) => f.reason ?? f.name).join("; ");
    const kept: UnknownInput[] = value.inputs.filter((i) => i.kind !== "expression");
    return new Unknown([...kept, { name, kind: "local", reason }]);
  }
  if (Array.isArray(value)) return value.map((v) => renameExpressionUnknowns(v, name));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameExpressionUnknowns(v, name)]));
  return value;
}
