/**
 * Attribute paths of a plan: fields joined with dots, elements of keyed lists by key in brackets,
 * e.g. `schemaAttributes["tier"].mutable`. Keys are JSON strings so any character round-trips.
 * Keyed lists are matched by their key field (never by position), see {@link KEYED_LISTS}.
 */

/** A field name, or the element of a keyed list whose key field equals `key`. */
export type PathSegment = string | { key: string };

/** List fields whose elements have identity: the key field that names an element. */
export const KEYED_LISTS: Readonly<Record<string, string>> = {
  // A pool's schema attributes are matched by name (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AddCustomAttributes.html: add-only by name).
  schemaAttributes: "name",
  // A resource server's scopes are matched by name (`ResourceServerScopeType.ScopeName`).
  scopes: "name",
  // Log delivery holds one entry per event source (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetLogDeliveryConfiguration.html).
  logConfigurations: "eventSource",
};

export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "string") out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment.key)}]`;
  }
  return out;
}

/** A path with every key replaced by `*`: what replacement rules match against. */
export function formatPattern(segments: readonly PathSegment[]): string {
  return formatPath(segments.map((s) => (typeof s === "string" ? s : { key: "*" }))).replace(/\["\*"\]/gu, "[*]");
}

const TOKEN = /\.?([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\]/uy;

/** Parses a path written by {@link formatPath}; undefined when it is not one. */
export function parsePath(path: string): PathSegment[] | undefined {
  const out: PathSegment[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < path.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(path);
    if (!match) return undefined;
    if (match[1] !== undefined) {
      if (start === 0 && path.startsWith(".")) return undefined;
      out.push(match[1]);
    } else {
      const key: unknown = JSON.parse(match[2] ?? '""');
      if (typeof key !== "string") return undefined;
      out.push({ key });
    }
  }
  return out;
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
