/**
 * Attribute paths of a plan, in the one notation of spec/paths.ts: fields joined with dots, elements of keyed
 * lists by key in brackets, e.g. `schemaAttributes["tier"].mutable`. Keyed lists are matched by their key
 * field (never by position), see `KEYED_LISTS`.
 */
import { KEYED_LISTS, formatPath, parsePath as parseDocumentPath } from "../spec/paths";

/** A segment of a plan attribute path: a field, or the element of a keyed list (plans never point at positions). */
export type PathSegment = string | { key: string };

export { KEYED_LISTS, formatPath };

/** Parses a plan attribute path; undefined when it is not one (a position, `[0]`, is not). */
export function parsePath(path: string): PathSegment[] | undefined {
  const segments = parseDocumentPath(path);
  return segments?.every((s) => typeof s !== "number") ? (segments as PathSegment[]) : undefined;
}

/** A path with every key replaced by `*`: what replacement rules match against. */
export function formatPattern(segments: readonly PathSegment[]): string {
  return formatPath(segments.map((s) => (typeof s === "string" ? s : { key: "*" }))).replace(/\["\*"\]/gu, "[*]");
}

type Container = Record<string, unknown>;

function isRecord(value: unknown): value is Container {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Sets (or with `undefined`, removes) the value at `segments` inside `root`, creating objects and keyed
 * lists on the way. Mutates `root`, which the caller owns (a deep copy). Empty objects left behind by a
 * removal are pruned ("empty" and "not set" manage nothing either way); lists are kept, because `[]`
 * (manage: none) differs from unset (not managed).
 */
export function setAtPath(root: Container, segments: readonly PathSegment[], value: unknown): void {
  if (segments.length === 0) return;
  const [head, ...rest] = segments;
  if (head === undefined) return;
  if (typeof head === "string") {
    if (rest.length === 0) {
      if (value === undefined) delete root[head];
      else root[head] = value;
      return;
    }
    const next = rest[0];
    if (next !== undefined && typeof next !== "string") {
      // `head` is a keyed list.
      const keyField = KEYED_LISTS[head] ?? "name";
      const list = Array.isArray(root[head]) ? (root[head] as unknown[]) : [];
      if (value === undefined && !Array.isArray(root[head])) return;
      root[head] = list;
      setInList(list, keyField, next.key, rest.slice(1), value);
      return;
    }
    let child = root[head];
    if (!isRecord(child)) {
      if (value === undefined) return;
      child = {};
      root[head] = child;
    }
    setAtPath(child as Container, rest, value);
    if (value === undefined && Object.keys(child as Container).length === 0) delete root[head];
    return;
  }
  throw new Error(`a keyed segment must follow a list field: ${formatPath(segments)}`);
}

function setInList(list: unknown[], keyField: string, key: string, rest: readonly PathSegment[], value: unknown): void {
  const index = list.findIndex((e) => isRecord(e) && e[keyField] === key);
  if (rest.length === 0) {
    if (value === undefined) {
      if (index >= 0) list.splice(index, 1);
    } else if (index >= 0) list[index] = value;
    else list.push(value);
    return;
  }
  if (index < 0) {
    if (value === undefined) return;
    list.push({ [keyField]: key });
    setAtPath(list[list.length - 1] as Container, rest, value);
    return;
  }
  setAtPath(list[index] as Container, rest, value);
}
