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
