/**
 * The shape both renderers write: a REST API's resource tree (one resource per path prefix, parents first) and
 * its methods, each with the names the export gives it. Kept apart from the formats so Terraform and
 * CloudFormation say the same API.
 */
import { NameAllocator } from "../formats/common";
import type { ApiAuthorizer, ApiRoute } from "./api-routes-schema";
import { resourcePaths } from "./check-api-routes";

export interface ApiResource {
  path: string;
  /** The parent's path; "/" is the API's root resource. */
  parent: string;
  pathPart: string;
  name: string;
}

export interface ApiMethod {
  route: ApiRoute;
  /** The resource's path ("/" for the root). */
  resource: string;
  name: string;
}

/**
 * Why a REST API and its Cognito user pool authorizer, said in each export. A method's authorization scopes are
 * matched against the access token's `scope` claim, and a token with any one of them passes
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-enable-cognito-user-pool.html). An HTTP
 * API's JWT authorizer would also check `client_id` against a list of audiences
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html), but a Cognito
 * access token carries a resource server's scope only when its app client is allowed that scope, so the scope
 * check already names the clients; and a REST API can answer from a MOCK integration, so the export deploys
 * without a backend, which an HTTP API cannot (its integrations are Lambda or HTTP).
 */
export const API_EXPORT_NOTE = [
  "A REST API with a Cognito user pool authorizer (COGNITO_USER_POOLS) on the exported pool: each method admits",
  "an access token that carries one of its authorization scopes (any one of them), signed by the pool and unexpired",
  "(https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-enable-cognito-user-pool.html).",
  "Every method answers from a MOCK integration (200, empty body) so the API deploys as it is: replace each",
  "integration with your backend (a Lambda function, an HTTP endpoint) before real use.",
];

/** The resources, parents first, and the methods of `api`, named by `style` (Terraform labels or logical ids). */
export function apiShape(api: ApiAuthorizer, style: "snake" | "pascal"): { resources: ApiResource[]; methods: ApiMethod[] } {
  const resourceNames = new NameAllocator(style);
  const resources = resourcePaths(api.routes).map((path) => {
    const cut = path.lastIndexOf("/");
    return { path, parent: cut === 0 ? "/" : path.slice(0, cut), pathPart: path.slice(cut + 1), name: resourceNames.allocate(path, "resource") };
  });
  const methodNames = new NameAllocator(style);
  const methods = api.routes.map((route) => ({ route, resource: route.path, name: methodNames.allocate(`${route.method.toLowerCase()} ${route.path}`, "method") }));
  return { resources, methods };
}
