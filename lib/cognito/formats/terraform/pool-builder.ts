/**
 * Builds one pool's draft from evaluated Terraform bodies: unknown values become gap markers (see import-gaps.ts),
 * shape conversion warnings get the file and line of the argument they name, and the finished draft is
 * schema-checked with every gap an error at its field.
 */
import { type Diagnostic, warning } from "../../spec/diagnostics";
import type { PoolSpec } from "../../spec/pool-schema";
import { validatePoolDocument } from "../../spec/validate";
import { smsMfaImpliedByTerraform } from "../common";
import { fromTarget } from "../shape-walk";
import type { ImportedPool } from "../types";
import { PoolRef, Unknown, type Value, isObject } from "./hcl-values";
import { type FilledGap, Gaps, expressionText, gapDiagnostic, unresolvedInputs } from "./import-gaps";
import { argumentLine } from "./source-positions";
import type { TfConfig, TfResource } from "./terraform-config";
import type { Instance, TerraformScope } from "./terraform-scope";

type Json = Record<string, unknown>;

/** How Terraform manages a resource, not what it is: never part of the document. */
export const META_ARGUMENTS = ["count", "for_each", "lifecycle", "depends_on", "provider", "providers", "provisioner", "connection"];

/** `file line N` for a resource argument (keys without list indexes). */
export function lineOf(resource: TfResource, keys: readonly (string | number)[]): number {
  if (!resource.block) return 1;
  return argumentLine(resource.positions, resource.block, keys.filter((k): k is string => typeof k === "string"));
}

/** A path below a value, innermost key last: `{ parent: { key: "a" }, key: 0 }` is a, 0. */
type KeyPath = { parent: KeyPath | undefined; key: string | number };

function keysOf(path: KeyPath | undefined): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let at = path; at; at = at.parent) keys.push(at.key);
  return keys.reverse();
}

/** Builds one pool's draft; collects its warnings and gaps. */
export class PoolBuilder {
  readonly diagnostics: Diagnostic[] = [];
  readonly gaps = new Gaps();

  constructor(
    readonly scope: TerraformScope,
    readonly config: TfConfig,
  ) {}

  warn(code: string, message: string) {
    this.diagnostics.push(warning("", code, message));
  }

  /** Replaces unknown values (and pool references outside user_pool_id) by gap markers. */
  mark(value: Value, raw: unknown, resource: TfResource, keys: (string | number)[]): unknown {
    return this.markAt(value, raw, resource, keys, undefined);
  }

  /**
   * `mark` below `keys`: the path is `keys` then `below`'s keys, a list built only where a gap is found (each
   * value of 1,000 clients would otherwise copy its path).
   */
  private markAt(value: Value, raw: unknown, resource: TfResource, keys: readonly (string | number)[], below: KeyPath | undefined): unknown {
    if (value === null || typeof value !== "object") return value;
    if (value instanceof Unknown || value instanceof PoolRef) {
      const path = [...keys, ...keysOf(below)];
      const unknown = value instanceof Unknown ? value : Unknown.of(`${value.address}.id`, "resource-attribute");
      return this.gaps.mark({ unknown, file: resource.file, line: lineOf(resource, path), expression: raw === undefined ? this.dynamicText(resource, path) : expressionText(raw) });
    }
    if (Array.isArray(value)) {
      // hcl2json gives a block as a list of one body; the raw list lines up with the value except where dynamic blocks added items.
      const rawList = Array.isArray(raw) ? raw : undefined;
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.markAt(value[i], rawList?.[i], resource, keys, { parent: below, key: i });
      return out;
    }
    if (isObject(value)) {
      const rawObject = raw !== null && typeof raw === "object" ? (raw as Record<string | number, unknown>) : undefined;
      const out: Json = {};
      for (const k of Object.keys(value)) out[k] = this.markAt(value[k], rawObject?.[k], resource, keys, { parent: below, key: k });
      return out;
    }
    return value;
  }

  /** A block made by a `dynamic` block: named with its for_each. */
  dynamicText(resource: TfResource, keys: readonly (string | number)[]): string {
    const name = String(keys[keys.length - 1] ?? "");
    const text = resource.positions.lines[lineOf(resource, keys) - 1]?.trim() ?? "";
    return /^dynamic\s+"/u.test(text) ? `the dynamic "${name}" block's for_each` : keys.join(".");
  }

  /** Evaluates an instance's body (bindings, dynamic blocks), drops meta-arguments, and marks its gaps. */
  body(instance: Instance, raw: Json = instance.resource.body): Json {
    const value = this.scope.evaluateBody(raw, instance.bindings);
    const marked = this.mark(value, raw, instance.resource, []);
    const out: Json = isObject(marked as Value) ? { ...(marked as Json) } : {};
    for (const key of META_ARGUMENTS) delete out[key];
    return out;
  }

  /** Shape conversion; each warning it raises gets the file and line of the argument it names. */
  convert(schema: Parameters<typeof fromTarget>[0], value: Json, naming: Parameters<typeof fromTarget>[2]["naming"], instance: Instance): Json {
    const diagnostics: Diagnostic[] = [];
    const result = fromTarget(schema, value, { naming, diagnostics, where: instance.address }) as Json;
    for (const d of diagnostics) this.diagnostics.push(this.located(d, instance));
    return isObject(result as Value) ? result : {};
  }

  /** Adds ` (file line N)` to a warning that names `address.argument...`. */
  located(d: Diagnostic, instance: Instance): Diagnostic {
    const { address, resource } = instance;
    if (!d.message.startsWith(address)) return { ...d, message: `${d.message} (${resource.file} line ${lineOf(resource, [])})` };
    const rest = /^(\S*)/u.exec(d.message.slice(address.length))?.[1] ?? "";
    const keys = [...rest.matchAll(/\.([A-Za-z_][\w-]*)/gu)].map((m) => m[1]);
    return { ...d, message: `${d.message} (${resource.file} line ${lineOf(resource, keys)})` };
  }
}

/** A resource whose `count` / `for_each` could not be evaluated was read once: a gap at the item it became. */
export function placeRepetition(b: PoolBuilder, instance: Instance, path: string): void {
  const repetition = instance.unknownRepetition;
  if (!repetition) return;
  b.gaps.place(path, {
    unknown: repetition.value,
    file: instance.resource.file,
    line: lineOf(instance.resource, [repetition.argument]),
    expression: `${repetition.argument} = ${expressionText(repetition.expression)} (so it was read once)`,
  });
}

/** The region of the pool's provider: its `provider = aws.ALIAS`, else the default `provider "aws"`. */
export function providerRegion(b: PoolBuilder, instance: Instance): unknown {
  const body = instance.resource.body;
  // A resource says `provider = aws.ALIAS`; a module call says `providers = { aws = aws.ALIAS }`.
  const meta = body.provider ?? (body.providers !== null && typeof body.providers === "object" ? (body.providers as Json).aws : undefined);
  const alias = typeof meta === "string" ? /^\$\{aws\.([\w-]+)\}$/u.exec(meta)?.[1] : undefined;
  const providers = b.config.providers.filter((p) => p.name === "aws");
  const provider = providers.find((p) => p.alias === alias) ?? (alias ? undefined : providers[0]);
  if (!provider || !("region" in provider.body)) return undefined;
  const value = b.scope.evaluateBody({ region: provider.body.region }, {});
  const region = isObject(value) ? value.region : undefined;
  if (region instanceof Unknown) {
    return b.gaps.mark({ unknown: region, file: provider.file, line: provider.line, expression: expressionText(provider.body.region) });
  }
  return region;
}

/** Turns a built draft into an ImportedPool: gaps out, errors at their fields, schema check. */
export function finishPool(address: string, draft: Json, b: { diagnostics: Diagnostic[]; gaps: Gaps }, config: TfConfig): ImportedPool {
  deriveSmsMfaSwitch(draft);
  const filled: FilledGap[] = [...b.gaps.placed, ...b.gaps.extract(draft, "")];
  const gapPaths = filled.map((f) => f.path);
  const diagnostics = [...b.diagnostics, ...filled.map(gapDiagnostic)];
  // No region is no error: a design may name none, and plan and apply take the target's.
  const covered = (path: string) => gapPaths.some((g) => path === g || path.startsWith(`${g}.`) || path.startsWith(`${g}[`));
  const validation = validatePoolDocument(draft);
  for (const d of validation.diagnostics) if (!(d.severity === "error" && covered(d.path))) diagnostics.push(d);
  const metadata = draft.metadata as Json;
  return {
    address,
    ...(typeof metadata.name === "string" ? { name: metadata.name } : {}),
    draft,
    ...(validation.document && filled.length === 0 ? { document: validation.document } : {}),
    unresolved: unresolvedInputs(filled, config),
    diagnostics,
  };
}


/**
 * Terraform (and the mineiros module) turn SMS MFA on with an SMS configuration and MFA ON or OPTIONAL; the
 * design says so with its own switch (`smsMfaImpliedByTerraform`). A value the importer could not evaluate
 * leaves the switch unset.
 */
function deriveSmsMfaSwitch(draft: Json): void {
  const spec = draft.spec;
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) return;
  const s = spec as Json;
  if (s.smsMfaConfiguration !== undefined || s.smsConfiguration === undefined) return;
  if (s.mfaConfiguration !== undefined && typeof s.mfaConfiguration !== "string") return;
  const implied = smsMfaImpliedByTerraform({ smsConfiguration: {}, mfaConfiguration: s.mfaConfiguration } as PoolSpec);
  if (implied) s.smsMfaConfiguration = implied;
}
