/**
 * `checkApiRoutes(input, document)`: the API's routes read with the one schema (api-routes-schema.ts), then held
 * to the design: every scope must be one of its resource servers' (`identifier/scope`), all of one resource
 * server (the API stands in front of it), no route twice, and no two parameter names at one level of the path
 * (API Gateway keeps one variable path part per level,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html).
 * Diagnostics, never a throw; paths read `routes[1].scopes[0]`.
 */
import { effectiveClient } from "../spec/client-defaults";
import { type Diagnostic, error, warning } from "../spec/diagnostics";
import type { PoolDocument } from "../spec/document-schema";
import { formatPath } from "../spec/paths";
import { API_ROUTE_RULES, type ApiAuthorizer, type ApiRoute, apiRoutesSchema } from "./api-routes-schema";

export interface ApiRoutesCheck {
  /** The API, when the routes have no error. */
  api?: ApiAuthorizer;
  diagnostics: Diagnostic[];
}

const describe = (route: ApiRoute) => `${route.method} ${route.path}`;

function duplicateRoutes(routes: readonly ApiRoute[]): Diagnostic[] {
  const first = new Map<string, number>();
  const out: Diagnostic[] = [];
  routes.forEach((route, i) => {
    const key = describe(route);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else out.push(error(`routes[${i}]`, "duplicate-route", `${key} is listed twice (routes ${earlier + 1} and ${i + 1}): keep one, with every scope that may call it`));
  });
  return out;
}

/** The resources a REST API needs for these paths: every path prefix but the root. */
export function resourcePaths(routes: readonly ApiRoute[]): string[] {
  const paths = new Set<string>();
  for (const route of routes) {
    const parts = route.path.split("/").filter(Boolean);
    for (let n = 1; n <= parts.length; n++) paths.add(`/${parts.slice(0, n).join("/")}`);
  }
  return [...paths];
}

function parameterConflicts(routes: readonly ApiRoute[]): Diagnostic[] {
  const variableAt = new Map<string, string>();
  const out: Diagnostic[] = [];
  routes.forEach((route, i) => {
    const parts = route.path.split("/").filter(Boolean);
    for (let n = 0; n < parts.length; n++) {
      if (!API_ROUTE_RULES.parameterPart.test(parts[n])) continue;
      const parent = `/${parts.slice(0, n).join("/")}`;
      const taken = variableAt.get(parent);
      if (taken === undefined) variableAt.set(parent, parts[n]);
      else if (taken !== parts[n]) {
        out.push(error(`routes[${i}].path`, "path-parameter-conflict", `${route.path} has ${parts[n]} where another route has ${taken} after ${parent}: API Gateway keeps one parameter per level, so use ${taken} in both`));
        return;
      }
    }
  });
  return out;
}

function resourceCount(routes: readonly ApiRoute[]): Diagnostic[] {
  const count = resourcePaths(routes).length + 1;
  return count > API_ROUTE_RULES.maxResources
    ? [error("routes", "too-many-resources", `these paths need ${count} API resources; API Gateway allows ${API_ROUTE_RULES.maxResources} per API: split the routes over several APIs`)]
    : [];
}

/** Each scope among the design's, all of one resource server; that server, when every scope is known. */
function scopeDiagnostics(routes: readonly ApiRoute[], document: PoolDocument): { diagnostics: Diagnostic[]; server?: { name: string; identifier: string } } {
  const servers = document.spec.resourceServers ?? [];
  if (servers.length === 0) return { diagnostics: [error("routes", "no-resource-server", "the design has no resource server: add one with the scopes these routes need (spec.resourceServers: the editor's Resource servers section), then export again")] };
  const serverOf = new Map<string, (typeof servers)[number]>();
  for (const server of servers) for (const scope of server.scopes ?? []) serverOf.set(`${server.identifier}/${scope.name}`, server);
  const known = [...serverOf.keys()];
  const diagnostics: Diagnostic[] = [];
  let chosen: (typeof servers)[number] | undefined;
  routes.forEach((route, i) =>
    route.scopes.forEach((scope, j) => {
      const path = formatPath(["routes", i, "scopes", j]);
      const server = serverOf.get(scope);
      if (!server) {
        const offer = known.length > 0 ? `use one of ${known.join(", ")}` : "the design's resource servers have no scopes yet";
        diagnostics.push(error(path, "unknown-scope", `${scope} is not a scope of this design: add it to its resource server (spec.resourceServers: the editor's Resource servers section), or ${offer}`));
      } else if (chosen && chosen !== server)
        diagnostics.push(error(path, "scopes-of-two-servers", `${scope} belongs to resource server ${server.name}, the other routes to ${chosen.name}: one API stands in front of one resource server; export the other's routes on their own`));
      else chosen = server;
    }),
  );
  return { diagnostics, server: chosen && { name: chosen.name, identifier: chosen.identifier } };
}

/** A route whose scopes no app client may get admits no token at all: worth a word, not a refusal. */
function unreachableRoutes(routes: readonly ApiRoute[], document: PoolDocument): Diagnostic[] {
  const spec = document.spec;
  const granted = new Set((spec.clients ?? []).flatMap((c) => effectiveClient(spec, c).allowedOAuthScopes ?? []));
  return routes.flatMap((route, i) =>
    route.scopes.some((s) => granted.has(s))
      ? []
      : [warning(`routes[${i}].scopes`, "no-client-has-scope", `no app client may get ${route.scopes.join(" or ")}, so every call of ${describe(route)} is refused: allow a scope to a client (the editor's App clients section)`)],
  );
}

/** The API's default name: the pool's and the resource server's, in the characters a REST API's name takes. */
function defaultName(document: PoolDocument, server: { name: string }): string {
  return `${document.metadata.name}-${server.name}`.replace(/[^A-Za-z0-9 ._-]+/gu, "-").slice(0, 128);
}

/** Reads and checks the routes of the API in front of one of `document`'s resource servers. */
export function checkApiRoutes(input: unknown, document: PoolDocument): ApiRoutesCheck {
  const parsed = apiRoutesSchema.safeParse(input);
  if (!parsed.success) {
    const diagnostics = parsed.error.issues.map((issue) => error(formatPath(issue.path.filter((s): s is string | number => typeof s !== "symbol")), "invalid-route", issue.message));
    return { diagnostics };
  }
  const { routes, name } = parsed.data;
  const scopes = scopeDiagnostics(routes, document);
  const diagnostics = [...duplicateRoutes(routes), ...parameterConflicts(routes), ...resourceCount(routes), ...scopes.diagnostics];
  if (diagnostics.length > 0 || !scopes.server) return { diagnostics };
  return {
    api: { name: name ?? defaultName(document, scopes.server), resourceServer: scopes.server, routes },
    diagnostics: unreachableRoutes(routes, document),
  };
}
