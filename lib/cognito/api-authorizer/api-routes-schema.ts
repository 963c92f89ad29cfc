/**
 * The API in front of a resource server, as an export option: its routes (an HTTP method and a path), each
 * admitting the access tokens that carry one of its scopes (`identifier/scope`). The same schema reads the CLI's
 * `--api-routes FILE` (YAML or JSON) and the Export page's route lines. What API Gateway accepts is in the
 * table below, each rule with its public page; rules that need the design (which scopes exist) are in
 * check-api-routes.ts.
 */
import { z } from "zod";

/**
 * The HTTP methods a REST API method may have (`ANY` catches every method without its own)
 * (https://docs.aws.amazon.com/apigateway/latest/api/API_PutMethod.html, httpMethod).
 */
export const API_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"] as const;
export type ApiMethod = (typeof API_METHODS)[number];

export const API_ROUTE_RULES = {
  /**
   * A literal path part: the URL's unreserved characters (https://www.rfc-editor.org/rfc/rfc3986#section-2.3),
   * which API Gateway takes as a resource's pathPart
   * (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateResource.html).
   */
  literalPart: /^[A-Za-z0-9._~-]+$/u,
  /**
   * A path parameter `{name}`, or a greedy one `{name+}` that matches the rest of the path and so comes last
   * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-set-up-simple-proxy.html).
   */
  parameterPart: /^\{([A-Za-z0-9._-]+)(\+?)\}$/u,
  /** Resources per REST API, API Gateway's default quota (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html). */
  maxResources: 300,
  /** A REST API's name (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateRestApi.html); kept to what every export can write. */
  name: /^[A-Za-z0-9 ._-]{1,128}$/u,
} as const;

/** Why a path part is not one API Gateway takes, in the page's words; undefined when it is fine. */
export function pathProblem(path: string): string | undefined {
  if (!path.startsWith("/")) return `the path ${path} must start with / (e.g. /${path})`;
  if (path === "/") return undefined;
  if (path.endsWith("/")) return `the path ${path} ends with /: write ${path.replace(/\/+$/u, "") || "/"} (a route has no empty path part)`;
  const parts = path.slice(1).split("/");
  for (const [i, part] of parts.entries()) {
    if (part === "") return `the path ${path} has an empty part (//): write each part once`;
    const parameter = API_ROUTE_RULES.parameterPart.exec(part);
    if (parameter) {
      if (parameter[2] === "+" && i !== parts.length - 1) return `the greedy parameter ${part} in ${path} matches the rest of the path, so it must be the last part`;
      continue;
    }
    if (!API_ROUTE_RULES.literalPart.test(part))
      return `the path part "${part}" in ${path} may hold only letters, digits and - . _ ~, or be a parameter like {id} (or {proxy+} as the last part)`;
  }
  return undefined;
}

const methodSchema = z
  .string({ error: `a route needs a method: one of ${API_METHODS.join(", ")}` })
  .transform((m) => m.trim().toUpperCase())
  .pipe(z.enum(API_METHODS, { error: (issue) => `the method ${String(issue.input)} is not one API Gateway takes: use one of ${API_METHODS.join(", ")}` }));

const pathSchema = z
  .string({ error: "a route needs a path, like /orders or /orders/{id}" })
  .superRefine((path, ctx) => {
    const problem = pathProblem(path);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const scopeSchema = z
  .string({ error: "a scope is written identifier/scope, like orders/read" })
  .regex(/^\S+\/\S+$/u, { error: (issue) => `the scope ${String(issue.input)} is not written identifier/scope (like orders/read): a resource server's identifier, a slash, the scope's name` });

/** An object's own errors: an unknown key named, anything else shown by example. */
function objectError(what: string, keys: string, example: string) {
  return (issue: { code?: string; keys?: string[] }) => (issue.code === "unrecognized_keys" ? `${(issue.keys ?? []).join(", ")}: not a setting of ${what}, which has ${keys}` : example);
}

export const apiRouteSchema = z.strictObject(
  {
    method: methodSchema,
    path: pathSchema,
    scopes: z
      .array(scopeSchema, { error: "a route lists its scopes, like [orders/read]" })
      .min(1, { error: "a route needs at least one scope: a token with any of them may call it" })
      .refine((scopes) => new Set(scopes).size === scopes.length, { error: "the route lists a scope twice: list each once" }),
  },
  { error: objectError("a route", "a method, a path and scopes", "a route is written { method: GET, path: /orders, scopes: [orders/read] }") },
);

export const apiRoutesSchema = z.strictObject(
  {
    /** The REST API's name; the export names it after the pool and the resource server when absent. */
    name: z
      .string()
      .regex(API_ROUTE_RULES.name, { error: "the API's name is 1 to 128 letters, digits, spaces and . _ -" })
      .optional(),
    routes: z
      .array(apiRouteSchema, { error: "routes is a list of routes, each with a method, a path and scopes" })
      .min(1, { error: "list at least one route (method, path and scopes)" })
      .max(API_ROUTE_RULES.maxResources, { error: `an API has at most ${API_ROUTE_RULES.maxResources} resources (API Gateway's quota): split the routes over several APIs` }),
  },
  { error: objectError("the API", "routes and a name", "the API's routes are written routes: [{ method: GET, path: /orders, scopes: [orders/read] }]") },
);

/** What a person gives: the CLI's file, or the page's lines read into this shape. */
export type ApiRoutesInput = z.input<typeof apiRoutesSchema>;
export type ApiRoute = z.output<typeof apiRouteSchema>;

/** A checked API: the routes, its name and the resource server whose scopes guard it. */
export interface ApiAuthorizer {
  name: string;
  resourceServer: { name: string; identifier: string };
  routes: ApiRoute[];
}
