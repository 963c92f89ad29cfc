/**
 * The API in front of a resource server as Terraform (`api-gateway.tf`): `aws_api_gateway_rest_api`, an
 * `aws_api_gateway_authorizer` of type COGNITO_USER_POOLS on the pool's ARN, a resource per path part, and per
 * route a method with `authorization = "COGNITO_USER_POOLS"` and its `authorization_scopes`, a MOCK integration
 * and its 200 response, then a deployment and a stage
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_authorizer,
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method,
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_deployment).
 * The plain export and the mineiros module export differ only in where the pool's ARN comes from.
 */
import { type HclNode, attr, blank, block, comment, expr, renderHcl } from "../formats/terraform/hcl";
import type { ExportedFile } from "../formats/types";
import type { ApiAuthorizer } from "./api-routes-schema";
import { API_EXPORT_NOTE, type ApiMethod, apiShape } from "./api-resources";

const API = "aws_api_gateway_rest_api.api";
const API_ID = expr(`${API}.id`);
const STATUS = "200";

function methodNodes(method: ApiMethod, resourceId: (path: string) => string): HclNode[] {
  const where = [attr("rest_api_id", API_ID), attr("resource_id", expr(resourceId(method.resource)))];
  const own = `aws_api_gateway_method.${method.name}`;
  const answer = [...where, attr("http_method", expr(`${own}.http_method`)), attr("status_code", STATUS)];
  return [
    blank,
    comment(`${method.route.method} ${method.route.path}`),
    block("resource", ["aws_api_gateway_method", method.name], [
      ...where,
      attr("http_method", method.route.method),
      attr("authorization", "COGNITO_USER_POOLS"),
      attr("authorizer_id", expr("aws_api_gateway_authorizer.cognito.id")),
      attr("authorization_scopes", method.route.scopes),
    ]),
    blank,
    block("resource", ["aws_api_gateway_integration", method.name], [
      ...where,
      attr("http_method", expr(`${own}.http_method`)),
      attr("type", "MOCK"),
      attr("request_templates", { "application/json": JSON.stringify({ statusCode: 200 }) }),
    ]),
    blank,
    block("resource", ["aws_api_gateway_method_response", method.name], answer),
    blank,
    block("resource", ["aws_api_gateway_integration_response", method.name], [...answer, blank, attr("depends_on", [expr(`aws_api_gateway_integration.${method.name}`)])]),
  ];
}

function deploymentNodes(methods: readonly ApiMethod[]): HclNode[] {
  const parts = methods.flatMap((m) => [`aws_api_gateway_method.${m.name}.id`, `aws_api_gateway_integration.${m.name}.id`]);
  return [
    blank,
    comment("A new deployment whenever a method or an integration changes; the stage then points at it."),
    block("resource", ["aws_api_gateway_deployment", "api"], [
      attr("rest_api_id", API_ID),
      blank,
      attr("triggers", { redeployment: expr(`sha1(jsonencode([${parts.join(", ")}]))`) }),
      blank,
      block("lifecycle", [], [attr("create_before_destroy", true)]),
      blank,
      attr("depends_on", methods.map((m) => expr(`aws_api_gateway_integration_response.${m.name}`))),
    ]),
    blank,
    block("resource", ["aws_api_gateway_stage", "api"], [attr("rest_api_id", API_ID), attr("deployment_id", expr("aws_api_gateway_deployment.api.id")), attr("stage_name", "api")]),
    blank,
    block("output", ["api_invoke_url"], [attr("description", "The API's base URL: call it with an access token in the Authorization header."), attr("value", expr("aws_api_gateway_stage.api.invoke_url"))]),
  ];
}

/** `api-gateway.tf` for `api`, its authorizer on the pool `poolArn` (a Terraform expression). */
export function renderTerraformApi(api: ApiAuthorizer, poolArn: string): ExportedFile {
  const { resources, methods } = apiShape(api, "snake");
  const labelOf = new Map(resources.map((r) => [r.path, r.name]));
  const resourceId = (path: string) => (path === "/" ? `${API}.root_resource_id` : `aws_api_gateway_resource.${labelOf.get(path)}.id`);
  const nodes: HclNode[] = [
    comment([`The API in front of resource server "${api.resourceServer.name}" (${api.resourceServer.identifier}), exported by Cognito Studio.`, ...API_EXPORT_NOTE].join("\n")),
    blank,
    block("resource", ["aws_api_gateway_rest_api", "api"], [attr("name", api.name), attr("description", `Routes guarded by the scopes of ${api.resourceServer.identifier}`)]),
    blank,
    block("resource", ["aws_api_gateway_authorizer", "cognito"], [
      attr("name", "cognito"),
      attr("rest_api_id", API_ID),
      attr("type", "COGNITO_USER_POOLS"),
      attr("provider_arns", [expr(poolArn)]),
      attr("identity_source", "method.request.header.Authorization"),
    ]),
  ];
  for (const r of resources)
    nodes.push(blank, block("resource", ["aws_api_gateway_resource", r.name], [attr("rest_api_id", API_ID), attr("parent_id", expr(resourceId(r.parent))), attr("path_part", r.pathPart)]));
  for (const m of methods) nodes.push(...methodNodes(m, resourceId));
  nodes.push(...deploymentNodes(methods));
  return { path: "api-gateway.tf", content: renderHcl(nodes) };
}
