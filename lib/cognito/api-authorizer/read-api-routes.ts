/**
 * The two ways routes arrive, read into the one shape `checkApiRoutes` takes: the CLI's file (YAML or JSON,
 * `routes: [{ method, path, scopes }]`) and the Export page's lines (`GET /orders orders/read`, one route a line,
 * a line starting with `#` is a comment: identifiers may hold `#` themselves). A line's problems are told by its line number, as the person typed it.
 */
import { type Diagnostic, error } from "../spec/diagnostics";
import type { PoolDocument } from "../spec/document-schema";
import type { ApiAuthorizer } from "./api-routes-schema";
import { checkApiRoutes } from "./check-api-routes";
import { parseDocumentText } from "../spec/document";
import { parsePath } from "../spec/paths";

/** The page's field stays well inside a URL's length (the Export page is a GET form). */
export const MAX_ROUTE_LINES_CHARS = 6000;

/** The routes file's value, or why it cannot be read. */
export function readApiRoutesFile(text: string, fileName?: string): { value?: unknown; diagnostics: Diagnostic[] } {
  const parsed = parseDocumentText(text, fileName);
  if (parsed.value === undefined) return { diagnostics: parsed.diagnostics.map((d) => ({ ...d, message: d.message.replace("expected a pool document", "expected API routes") })) };
  return { value: parsed.value, diagnostics: [] };
}

export interface RouteLines {
  /** `{ routes }` for the schema: each line's words as method, path and scopes. */
  value: { routes: { method?: string; path?: string; scopes: string[] }[] };
  /** The 1-based line of each route. */
  lines: number[];
  /** Problems of the text as a whole (too long). */
  diagnostics: Diagnostic[];
}

/** Reads `METHOD /path scope [scope…]` lines; blank lines and lines starting with `#` are skipped. */
export function readApiRouteLines(text: string): RouteLines {
  if (text.length > MAX_ROUTE_LINES_CHARS)
    return { value: { routes: [] }, lines: [], diagnostics: [error("routes", "too-long", `the routes are ${text.length} characters; the page takes ${MAX_ROUTE_LINES_CHARS}: export more routes with the CLI's --api-routes FILE`)] };
  const routes: RouteLines["value"]["routes"] = [];
  const lines: number[] = [];
  text.split(/\r?\n/u).forEach((line, i) => {
    const words = line.trim().split(/\s+/u).filter(Boolean);
    if (words.length === 0 || words[0].startsWith("#")) return;
    const [method, path, ...scopes] = words;
    routes.push({ method, path, scopes });
    lines.push(i + 1);
  });
  return { value: { routes }, lines, diagnostics: [] };
}

/** A diagnostic of `routes[i]…` told as "Line N: …", the way the page's field is read. */
export function describeAtLine(diagnostic: Diagnostic, lines: readonly number[]): string {
  const [first, index] = parsePath(diagnostic.path) ?? [];
  const line = first === "routes" && typeof index === "number" ? lines[index] : undefined;
  return line === undefined ? diagnostic.message : `Line ${line}: ${diagnostic.message}`;
}

export interface RouteLinesCheck {
  api?: ApiAuthorizer;
  /** Errors, each "Line N: …" where it has a line. */
  errors: string[];
  warnings: string[];
}

/** The Export page's field read and checked against `document`, its problems told by line. */
export function checkApiRouteLines(text: string, document: PoolDocument): RouteLinesCheck {
  const read = readApiRouteLines(text);
  const checked = read.diagnostics.length > 0 ? { diagnostics: read.diagnostics } : checkApiRoutes(read.value, document);
  const told = (severity: Diagnostic["severity"]) => checked.diagnostics.filter((d) => d.severity === severity).map((d) => describeAtLine(d, read.lines));
  return { api: "api" in checked ? checked.api : undefined, errors: told("error"), warnings: told("warning") };
}
