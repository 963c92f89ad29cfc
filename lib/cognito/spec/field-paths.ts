/**
 * Reading and writing one field of a document by its diagnostic path (`spec.clients[0].name`,
 * `spec.identityProviders[1].providerDetails["authorize_scopes"]`): what an import's unresolved inputs
 * name as the fields they feed. Supplying an input later copies exactly those fields from a fresh
 * import into the draft as it is now, so edits made since stay.
 */
import type { PathSegment } from "./diagnostics";
import { parsePath } from "./paths";

/** `spec.clients[0].name` → ["spec", "clients", 0, "name"]; undefined when the path is not in that notation. */
export function parseFieldPath(path: string): PathSegment[] | undefined {
  return parsePath(path)?.map((s) => (typeof s === "object" ? s.key : s));
}

function isContainer(value: unknown): value is Record<string | number, unknown> {
  return value !== null && typeof value === "object";
}

/** The value at `path`, or undefined when any step is missing. */
export function getField(document: unknown, path: readonly PathSegment[]): unknown {
  let node: unknown = document;
  for (const segment of path) {
    if (!isContainer(node)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

export type CopyFieldsResult = {
  document: Record<string, unknown>;
  /** Paths written (or removed, when the source no longer sets them). */
  written: string[];
  /**
   * Paths that could not be written because the draft no longer has what holds them (a client deleted
   * since the import, say): the value would have nowhere to go.
   */
  skipped: string[];
};

/**
 * Copies the fields at `paths` from `source` into a copy of `target`. A field goes in when everything that
 * holds it exists in `target` (objects along the way are created, array items are not: an index may now
 * mean another item). A field `source` leaves unset is removed from `target`.
 */
export function copyFields(target: Record<string, unknown>, source: unknown, paths: readonly string[]): CopyFieldsResult {
  const document = structuredClone(target);
  const written: string[] = [];
  const skipped: string[] = [];
  for (const path of [...new Set(paths)]) {
    const segments = parseFieldPath(path);
    if (!segments || segments.length === 0) {
      skipped.push(path);
      continue;
    }
    const value = getField(source, segments);
    let node: Record<string | number, unknown> = document;
    let reachable = true;
    for (let i = 0; i < segments.length - 1; i++) {
      const segment = segments[i] as PathSegment;
      const next = node[segment];
      if (isContainer(next)) node = next as Record<string | number, unknown>;
      else if (next === undefined && typeof segment === "string" && typeof segments[i + 1] === "string" && !Array.isArray(node)) {
        const created: Record<string, unknown> = {};
        node[segment] = created;
        node = created;
      } else {
        reachable = false;
        break;
      }
    }
    const last = segments[segments.length - 1] as PathSegment;
    if (!reachable || (typeof last === "number" && !Array.isArray(node))) {
      skipped.push(path);
      continue;
    }
    if (value === undefined) {
      if (Array.isArray(node)) {
        skipped.push(path);
        continue;
      }
      delete node[last];
    } else node[last] = structuredClone(value);
    written.push(path);
  }
  return { document, written, skipped };
}
