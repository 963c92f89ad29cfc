/**
 * A cross-field rule: a pure function of a schema-valid spec that returns diagnostics.
 * Rules run after the zod schema passed, so they can trust the types; they never throw or mutate.
 */
import { resolveClient } from "../client-defaults";
import type { AppClientSettings, AppClientSpec } from "../client-schema";
import { type Diagnostic, type PathSegment, joinPath } from "../diagnostics";
import type { PoolSpec } from "../pool-schema";

export interface RuleContext {
  spec: PoolSpec;
  /** Path of the spec in the user's document, usually "spec". */
  base: string;
}

export type Rule = (ctx: RuleContext) => Diagnostic[];

export function at(ctx: RuleContext, ...segments: PathSegment[]): string {
  return joinPath(ctx.base, ...segments);
}

/** A client with `clientDefaults` applied, and where each of its settings came from. */
export interface EffectiveClient {
  index: number;
  client: AppClientSpec;
  /** Path of a setting: on the client when it sets it, else on `clientDefaults`. */
  pathOf: (field: keyof AppClientSpec, ...rest: PathSegment[]) => string;
}

/**
 * Seven rules walk the effective clients: runCrossFieldRules passes them one context, for which the list is built
 * once (rules never mutate what they read; a new context, as each validation makes, builds it again).
 */
const effectiveClientsOf = new WeakMap<RuleContext, EffectiveClient[]>();

export function effectiveClients(ctx: RuleContext): EffectiveClient[] {
  const known = effectiveClientsOf.get(ctx);
  if (known) return known;
  const built = buildEffectiveClients(ctx);
  effectiveClientsOf.set(ctx, built);
  return built;
}

function buildEffectiveClients(ctx: RuleContext): EffectiveClient[] {
  const defaults: AppClientSettings = ctx.spec.clientDefaults ?? {};
  // Without defaults a client is its own effective client; rules only read it.
  const resolve = ctx.spec.clientDefaults === undefined ? (own: AppClientSpec) => own : (own: AppClientSpec) => resolveClient(defaults, own);
  return (ctx.spec.clients ?? []).map((own, index) => {
    const client = resolve(own);
    const pathOf = (field: keyof AppClientSpec, ...rest: PathSegment[]) =>
      own[field] === undefined && field !== "name" && defaults[field as keyof AppClientSettings] !== undefined
        ? at(ctx, "clientDefaults", field, ...rest)
        : at(ctx, "clients", index, field, ...rest);
    return { index, client, pathOf };
  });
}

/** Indexes of the values that occurred before (for "must be unique" rules). */
export function duplicateIndexes<T>(values: readonly T[], key: (v: T) => unknown = (v) => v): number[] {
  const seen = new Set<unknown>();
  const dupes: number[] = [];
  values.forEach((v, i) => {
    const k = key(v);
    if (seen.has(k)) dupes.push(i);
    seen.add(k);
  });
  return dupes;
}
