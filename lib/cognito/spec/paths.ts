/**
 * The one notation of paths into a pool document, used by diagnostics, plan attributes and (through
 * {@link toFieldName}) form fields:
 *
 * - a field: `.callbackUrls` (an identifier; the first has no dot);
 * - a list element by position: `[0]`;
 * - an element of a keyed list by its key, or a map entry whose key is not an identifier: `["read"]`
 *   (a JSON string, so any character round-trips). After a list named in {@link KEYED_LISTS} it names the
 *   element whose key field has that value; anywhere else it is a field.
 *
 * Diagnostics point at positions (`spec.clients[0].callbackUrls[1]`); plan attributes are relative to their
 * resource and name keyed elements by key (`schemaAttributes["tier"].mutable`, `scopes["read"]`).
 * react-hook-form needs `spec.clients.0.callbackUrls.1`: {@link toFieldName} is the only way to it.
 */

/** A field name, a position in a list, or the element of a keyed list whose key field equals `key`. */
export type PathSegment = string | number | { key: string };

/** Lists inside a resource whose elements have identity: the key field that names an element. */
export const KEYED_LISTS: Readonly<Record<string, string>> = {
  // A pool's schema attributes are matched by name (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AddCustomAttributes.html: add-only by name).
  schemaAttributes: "name",
  // A resource server's scopes are matched by name (`ResourceServerScopeType.ScopeName`).
  scopes: "name",
  // Log delivery holds one entry per event source (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetLogDeliveryConfiguration.html).
  logConfigurations: "eventSource",
};

/** The document's lists of resources, matched by key in plans (`spec.clients["web"]`). */
export const RESOURCE_LISTS: Readonly<Record<string, string>> = {
  clients: "name",
  resourceServers: "identifier",
  identityProviders: "providerName",
  groups: "name",
};

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;

function isKeyedList(segment: PathSegment | undefined): boolean {
  return typeof segment === "string" && (Object.hasOwn(KEYED_LISTS, segment) || Object.hasOwn(RESOURCE_LISTS, segment));
}

/** Writes segments in the notation, after `base` (a path, or ""). */
export function formatPath(segments: readonly PathSegment[], base = ""): string {
  let out = base;
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "object") out += `[${JSON.stringify(segment.key)}]`;
    else if (IDENTIFIER.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

const TOKEN = /\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/uy;

/** Parses a path in the notation; undefined when it is not one. */
export function parsePath(path: string): PathSegment[] | undefined {
  const out: PathSegment[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < path.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(path);
    if (!match) return undefined;
    const [, field, index, quoted] = match;
    if (field !== undefined) {
      if (start === 0 && path.startsWith(".")) return undefined;
      out.push(field);
    } else if (index !== undefined) out.push(Number(index));
    else {
      const key: unknown = JSON.parse(quoted ?? '""');
      if (typeof key !== "string") return undefined;
      out.push(isKeyedList(out[out.length - 1]) ? { key } : key);
    }
  }
  return out;
}

/** `spec.clients[0].callbackUrls[1]` → `spec.clients.0.callbackUrls.1` (react-hook-form names). */
export function toFieldName(path: string): string {
  const segments = parsePath(path);
  if (!segments) return path;
  return segments.map((s) => (typeof s === "object" ? s.key : String(s))).join(".");
}
