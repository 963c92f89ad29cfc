/**
 * The API in front of a resource server in each export, read back structurally: the Terraform file with the
 * studio's HCL reader (hcl2json's shape), the CloudFormation template with its YAML reader. terraform validate and
 * cfn-lint run on the same exports in api-exports.integration.test.ts.
 */
import { describe, expect, test } from "vitest";
import { MAXIMAL_POOL_DOCUMENT } from "@/test/support/pool-documents";
import { readYamlFast } from "../formats/fast-yaml";
import { CFN_READ_SCHEMA } from "../formats/cloudformation/intrinsics";
import { exportPoolDocument, parseCloudFormation } from "../formats";
import { readHclFast } from "../formats/terraform/hcl-reader";
import { renderTerraformModuleFolder } from "../formats/terraform/module-folder";
import type { ApiAuthorizer } from "./api-routes-schema";
import { checkApiRoutes } from "./check-api-routes";

const READ = "https://api.example.com/orders.read";
const WRITE = "https://api.example.com/orders.write";
const doc = MAXIMAL_POOL_DOCUMENT;

function apiOf(routes: { method: string; path: string; scopes: string[] }[]): ApiAuthorizer {
  const checked = checkApiRoutes({ routes }, doc);
  if (!checked.api) throw new Error(JSON.stringify(checked.diagnostics));
  return checked.api;
}

const API = apiOf([
  { method: "GET", path: "/", scopes: [READ] },
  { method: "GET", path: "/orders", scopes: [READ] },
  { method: "POST", path: "/orders/{id}", scopes: [WRITE, READ] },
]);

type Blocks = Record<string, Record<string, Record<string, unknown>[]>>;

async function terraformResources(format: "terraform" | "terraform-module") {
  const result = exportPoolDocument(doc, format, { api: API });
  const file = result.files.find((f) => f.path === "api-gateway.tf");
  expect(file, `${format}: api-gateway.tf`).toBeDefined();
  const json = (await readHclFast(file?.content ?? "")) as { resource: Blocks; output: Record<string, unknown> };
  return { json, first: (type: string, name: string) => json.resource[type]?.[name]?.[0] ?? {}, result };
}

describe("Terraform: api-gateway.tf", () => {
  test("a REST API, a COGNITO_USER_POOLS authorizer on the pool's ARN, and per route a method with its scopes", async () => {
    const { json, first } = await terraformResources("terraform");
    expect(first("aws_api_gateway_authorizer", "cognito")).toMatchObject({ type: "COGNITO_USER_POOLS", provider_arns: ["${aws_cognito_user_pool.this.arn}"] });
    expect(Object.keys(json.resource.aws_api_gateway_resource ?? {})).toEqual(["orders", "orders_id"]);
    expect(first("aws_api_gateway_resource", "orders_id")).toMatchObject({ parent_id: "${aws_api_gateway_resource.orders.id}", path_part: "{id}" });
    expect(Object.keys(json.resource.aws_api_gateway_method ?? {})).toEqual(["get", "get_orders", "post_orders_id"]);
    // The root's method sits on the API's root resource.
    expect(first("aws_api_gateway_method", "get")).toMatchObject({ resource_id: "${aws_api_gateway_rest_api.api.root_resource_id}" });
    expect(first("aws_api_gateway_method", "post_orders_id")).toMatchObject({
      http_method: "POST",
      authorization: "COGNITO_USER_POOLS",
      authorizer_id: "${aws_api_gateway_authorizer.cognito.id}",
      authorization_scopes: [WRITE, READ],
    });
    expect(first("aws_api_gateway_integration", "post_orders_id")).toMatchObject({ type: "MOCK" });
    expect(Object.keys(json.resource.aws_api_gateway_integration_response ?? {})).toEqual(["get", "get_orders", "post_orders_id"]);
    expect(first("aws_api_gateway_stage", "api")).toMatchObject({ deployment_id: "${aws_api_gateway_deployment.api.id}" });
    expect(Object.keys(json.output)).toEqual(["api_invoke_url"]);
  });

  test("the file says why a REST API and that the integrations are MOCK, to be replaced", async () => {
    const file = exportPoolDocument(doc, "terraform", { api: API }).files.find((f) => f.path === "api-gateway.tf")?.content ?? "";
    expect(file).toMatch(/^# The API in front of resource server "Orders API" \(https:\/\/api\.example\.com\)/u);
    expect(file).toContain("# Every method answers from a MOCK integration");
    expect(file).toContain("https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-enable-cognito-user-pool.html");
  });

  test("the mineiros module export takes the pool's ARN from the module's user_pool output", async () => {
    const { first } = await terraformResources("terraform-module");
    expect(first("aws_api_gateway_authorizer", "cognito")).toMatchObject({ provider_arns: ["${module.cognito_user_pool.user_pool.arn}"] });
  });

  test("the module folder (the Export page's zip) gains the same api-gateway.tf", () => {
    const folder = renderTerraformModuleFolder(doc, { api: API });
    expect(folder.files.map((f) => f.path)).toEqual(["main.tf", "variables.tf", "outputs.tf", "versions.tf", "api-gateway.tf"]);
    expect(folder.files.at(-1)).toEqual(exportPoolDocument(doc, "terraform", { api: API }).files.find((f) => f.path === "api-gateway.tf"));
    expect(renderTerraformModuleFolder(doc).files.map((f) => f.path)).not.toContain("api-gateway.tf");
  });

  test("without an API the exports are as they were: no api-gateway.tf", () => {
    for (const format of ["terraform", "terraform-module"] as const) {
      const plain = exportPoolDocument(doc, format);
      expect(plain.files.map((f) => f.path)).not.toContain("api-gateway.tf");
      const withApi = exportPoolDocument(doc, format, { api: API });
      expect(withApi.files.slice(0, -1)).toEqual(plain.files);
      expect(withApi.diagnostics).toEqual(plain.diagnostics);
    }
  });
});

describe("CloudFormation: the API's resources in the pool's template", () => {
  const content = exportPoolDocument(doc, "cloudformation", { api: API }).files[0]?.content ?? "";
  const template = readYamlFast(content, { schema: CFN_READ_SCHEMA })?.value as { Resources: Record<string, { Type: string; DependsOn?: string[]; Properties: Record<string, unknown> }>; Outputs: Record<string, unknown> };
  const ofType = (type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);

  test("an authorizer of type COGNITO_USER_POOLS on !GetAtt UserPool.Arn, and per route a method with its scopes", () => {
    const [[authorizerId, authorizer]] = ofType("AWS::ApiGateway::Authorizer");
    expect(authorizer.Properties).toMatchObject({ Type: "COGNITO_USER_POOLS", ProviderARNs: [{ "Fn::GetAtt": ["UserPool", "Arn"] }] });
    const methods = ofType("AWS::ApiGateway::Method").map(([, m]) => m.Properties);
    expect(methods.map((m) => [m.HttpMethod, m.AuthorizationType, m.AuthorizationScopes])).toEqual([
      ["GET", "COGNITO_USER_POOLS", [READ]],
      ["GET", "COGNITO_USER_POOLS", [READ]],
      ["POST", "COGNITO_USER_POOLS", [WRITE, READ]],
    ]);
    for (const m of methods) expect(m.AuthorizerId).toEqual({ Ref: authorizerId });
    expect(methods[0]?.ResourceId).toEqual({ "Fn::GetAtt": ["Api", "RootResourceId"] });
    expect(methods.every((m) => (m.Integration as { Type: string }).Type === "MOCK")).toBe(true);
  });

  test("the resource tree: /orders under the root, /orders/{id} under /orders; the deployment waits for every method", () => {
    const resources = Object.fromEntries(ofType("AWS::ApiGateway::Resource").map(([id, r]) => [id, r.Properties]));
    expect(resources).toEqual({
      ApiResourceOrders: { RestApiId: { Ref: "Api" }, ParentId: { "Fn::GetAtt": ["Api", "RootResourceId"] }, PathPart: "orders" },
      ApiResourceOrdersId: { RestApiId: { Ref: "Api" }, ParentId: { Ref: "ApiResourceOrders" }, PathPart: "{id}" },
    });
    const [[, deployment]] = ofType("AWS::ApiGateway::Deployment");
    expect(deployment.DependsOn).toEqual(ofType("AWS::ApiGateway::Method").map(([id]) => id));
    expect(Object.keys(template.Outputs)).toContain("ApiInvokeUrl");
  });

  test("the pool still imports as it did: the API's resources are beside it, not in it", () => {
    const plain = exportPoolDocument(doc, "cloudformation").files[0]?.content ?? "";
    expect(parseCloudFormation(content).document).toEqual(parseCloudFormation(plain).document);
  });

  test("every Cognito resource of the template is still there, unchanged: the API's logical ids come from the same allocator", () => {
    const plain = readYamlFast(exportPoolDocument(doc, "cloudformation").files[0]?.content ?? "", { schema: CFN_READ_SCHEMA })?.value as typeof template;
    for (const [id, resource] of Object.entries(plain.Resources)) expect(template.Resources[id], id).toEqual(resource);
    expect(Object.keys(template.Resources)).toHaveLength(Object.keys(plain.Resources).length + 2 + 2 + 3 + 2);
  });
});

test("OpenMCF and the spec export say they leave the API out", () => {
  for (const format of ["openmcf", "spec"] as const) expect(exportPoolDocument(doc, format, { api: API }).diagnostics.map((d) => d.code)).toContain("api-not-exported");
});
