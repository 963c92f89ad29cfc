/**
 * The API in front of a resource server, an export option: routes each guarded by that server's scopes, checked
 * against the design, and written as an API Gateway REST API with a Cognito user pool authorizer in the
 * Terraform, mineiros module and CloudFormation exports.
 */
export { API_METHODS, API_ROUTE_RULES, apiRoutesSchema, apiRouteSchema, pathProblem, type ApiAuthorizer, type ApiMethod, type ApiRoute, type ApiRoutesInput } from "./api-routes-schema";
export { checkApiRoutes, resourcePaths, type ApiRoutesCheck } from "./check-api-routes";
export { MAX_ROUTE_LINES_CHARS, checkApiRouteLines, describeAtLine, readApiRouteLines, readApiRoutesFile, type RouteLines, type RouteLinesCheck } from "./read-api-routes";
export { renderTerraformApi } from "./render-terraform-api";
export { renderCloudFormationApi, type CloudFormationApi } from "./render-cloudformation-api";
