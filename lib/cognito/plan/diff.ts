/**
 * The value diff under the plan: walks two values of one resource and lists the attribute changes.
 *
 * Comparison rules (documented in README.md):
 * - Objects are compared field by field, so a change names the leaf that changed.
 * - Lists named in `KEYED_LISTS` (schema attributes, scopes) are matched by key, never by position.
 * - Every other list is a set: `["a","b"]` equals `["b","a"]` (callback URLs, auth flows, scopes, …
 *   carry no order in Cognito; a live read may return them in any order).
 * - Objects whose keys are data (tags) are atomic: compared and changed as a whole.
 *
 * Two modes: `managed` (desired vs current: a field the desired side leaves unset is not managed and
 * never a change) and `exact` (a created, deleted or replaced resource: unset means unset).
 */
import { KEYED_LISTS, type PathSegment, formatPattern } from "./paths";

export type DiffMode = "managed" | "exact";

export interface RawChange {
  segments: PathSegment[];
  before: unknown;
  after: unknown;
}

export interface DiffOptions {
  mode: DiffMode;
  /** Patterns (see `formatPattern`) of objects compared as a whole, e.g. `userPoolTags`. */
  atomic?: ReadonlySet<string>;
  /** Top-level fields to leave out (the resource's key, fields owned by another resource). */
  skip?: ReadonlySet<string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A canonical string of a value: object keys sorted, lists sorted (they are sets, see above).
 * Two values are equal for the plan when their canonical strings are equal.
 */
export function canonicalKey(value: unknown): string {
  if (value === null || typeof value !== "object") return value === undefined ? "undefined" : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalKey).sort().join(",")}]`;
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalKey((value as Record<string, unknown>)[k])}`).join(",")}}`;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    // Fast path: the same elements in the same order (the common case), compared without serialising.
    if (a.every((v, i) => v === b[i] && (v === null || typeof v !== "object"))) return true;
  }
  return canonicalKey(a) === canonicalKey(b);
}

/**
 * Whether two values are the same JSON: the same keys with the same values, lists in the same order (`undefined`
 * values count as absent, as everywhere in the plan). Cheaper than a diff, which builds a path per field: the plan
 * asks it first of each resource on both sides, and most are unchanged. `false` only means "diff them": a list in
 * another order is not the same JSON but may still be the same set.
 */
export function isSameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!isSameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    if (!Object.hasOwn(left, key) || left[key] === undefined) continue;
    if (!isSameJson(left[key], right[key])) return false;
    count++;
  }
  for (const key in right) if (Object.hasOwn(right, key) && right[key] !== undefined) count--;
  return count === 0;
}

function keyedListField(segments: readonly PathSegment[]): string | undefined {
  const last = segments[segments.length - 1];
  return typeof last === "string" && last in KEYED_LISTS ? KEYED_LISTS[last] : undefined;
}

/** Lists the changes from `before` to `after` (either may be undefined) into `out`. */
export function diffValues(before: unknown, after: unknown, options: DiffOptions, out: RawChange[], segments: PathSegment[] = []): void {
  if (after === undefined) {
    if (options.mode === "managed" || before === undefined) return;
    spread(before, "before", options, out, segments);
    return;
  }
  if (before === undefined) {
    spread(after, "after", options, out, segments);
    return;
  }
  const keyField = keyedListField(segments);
  if (keyField !== undefined && Array.isArray(before) && Array.isArray(after)) {
    diffKeyedList(before, after, keyField, options, out, segments);
    return;
  }
  if (isRecord(before) && isRecord(after) && !isAtomic(segments, options)) {
    const skip = segments.length === 0 ? options.skip : undefined;
    for (const key of Object.keys(after)) {
      if (skip?.has(key)) continue;
      diffValues(before[key], after[key], options, out, [...segments, key]);
    }
    if (options.mode === "exact") {
      for (const key of Object.keys(before)) {
        if (skip?.has(key) || key in after) continue;
        diffValues(before[key], undefined, options, out, [...segments, key]);
      }
    }
    return;
  }
  if (!sameValue(before, after)) out.push({ segments, before, after });
}

function isAtomic(segments: readonly PathSegment[], options: DiffOptions): boolean {
  return segments.length > 0 && options.atomic !== undefined && options.atomic.size > 0 && options.atomic.has(formatPattern(segments));
}

function keyOf(element: unknown, keyField: string): string | undefined {
  if (!isRecord(element)) return undefined;
  const key = element[keyField];
  return typeof key === "string" ? key : undefined;
}

function diffKeyedList(before: unknown[], after: unknown[], keyField: string, options: DiffOptions, out: RawChange[], segments: PathSegment[]): void {
  const beforeByKey = new Map<string, unknown>();
  for (const element of before) {
    const key = keyOf(element, keyField);
    if (key !== undefined) beforeByKey.set(key, element);
  }
  const seen = new Set<string>();
  for (const element of after) {
    const key = keyOf(element, keyField);
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    const path: PathSegment[] = [...segments, { key }];
    const old = beforeByKey.get(key);
    if (old === undefined) {
      out.push({ segments: path, before: undefined, after: element });
      continue;
    }
    const { [keyField]: _oldKey, ...oldRest } = old as Record<string, unknown>;
    const { [keyField]: _newKey, ...newRest } = element as Record<string, unknown>;
    diffValues(oldRest, newRest, { ...options, skip: undefined }, out, path);
  }
  // A list the desired side sets is managed as a whole: elements it lacks are removed (in both modes).
  for (const [key, element] of beforeByKey) {
    if (!seen.has(key)) out.push({ segments: [...segments, { key }], before: element, after: undefined });
  }
}

/** One side is absent: list its content as additions (side "after") or removals (side "before"). */
function spread(value: unknown, side: "before" | "after", options: DiffOptions, out: RawChange[], segments: PathSegment[]): void {
  const change = (path: PathSegment[], v: unknown): RawChange =>
    side === "after" ? { segments: path, before: undefined, after: v } : { segments: path, before: v, after: undefined };
  const keyField = keyedListField(segments);
  // Added keyed lists are listed element by element (readable); a removed list goes as one change, so
  // applying it leaves no empty list behind.
  if (side === "after" && keyField !== undefined && Array.isArray(value) && value.length > 0) {
    const seen = new Set<string>();
    for (const element of value) {
      const key = keyOf(element, keyField);
      if (key === undefined || seen.has(key)) continue;
      seen.add(key);
      out.push(change([...segments, { key }], element));
    }
    return;
  }
  if (isRecord(value) && !isAtomic(segments, options)) {
    const skip = segments.length === 0 ? options.skip : undefined;
    for (const key of Object.keys(value)) {
      if (skip?.has(key) || value[key] === undefined) continue;
      spread(value[key], side, options, out, [...segments, key]);
    }
    return;
  }
  out.push(change(segments, value));
}
