/**
 * The API in front of a resource server as CloudFormation resources, added to the pool's template:
 * `AWS::ApiGateway::RestApi`, an `AWS::ApiGateway::Authorizer` of type COGNITO_USER_POOLS on `!GetAtt UserPool.Arn`,
 * a `Resource` per path part, per route a `Method` with `AuthorizationType: COGNITO_USER_POOLS`, its
 * `AuthorizationScopes` and a MOCK integration, then a `Deployment` and a `Stage`
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-authorizer.html,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-method.html).
 * A deployment made before its methods fails, so it depends on every method.
 */
import { CfnGetAtt, CfnRef } from "../formats/cloudformation/intrinsics";
import type { NameAllocator } from "../formats/common";
import type { ApiAuthorizer } from "./api-routes-schema";
import { apiShape } from "./api-resources";

/** YAML has comments, but the template writer does not: the API says it in its own description. */
const MOCK_NOTE = "Every method answers from a MOCK integration (200, empty body) so the stack deploys as it is: replace each integration with your backend.";

export interface CloudFormationApi {
  resources: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

/** The API's resources, their logical ids taken from `ids` (the template's own, so none collides). */
export function renderCloudFormationApi(api: ApiAuthorizer, ids: NameAllocator, poolLogicalId: string): CloudFormationApi {
  const { resources: tree, methods } = apiShape(api, "pascal");
  const apiId = ids.allocate("Api", "Api");
  const authorizerId = ids.allocate("Api Authorizer", "ApiAuthorizer");
  const restApi = new CfnRef(apiId);
  const logicalOf = new Map(tree.map((r) => [r.path, ids.allocate(`Api Resource ${r.name}`, "ApiResource")]));
  const resourceRef = (path: string) => (path === "/" ? new CfnGetAtt(apiId, "RootResourceId") : new CfnRef(logicalOf.get(path) ?? ""));
  const resources: Record<string, unknown> = {
    [apiId]: { Type: "AWS::ApiGateway::RestApi", Properties: { Name: api.name, Description: `Routes guarded by the scopes of ${api.resourceServer.identifier}. ${MOCK_NOTE}` } },
    [authorizerId]: {
      Type: "AWS::ApiGateway::Authorizer",
      Properties: { Name: "cognito", RestApiId: restApi, Type: "COGNITO_USER_POOLS", ProviderARNs: [new CfnGetAtt(poolLogicalId, "Arn")], IdentitySource: "method.request.header.Authorization" },
    },
  };
  for (const r of tree)
    resources[logicalOf.get(r.path) ?? ""] = { Type: "AWS::ApiGateway::Resource", Properties: { RestApiId: restApi, ParentId: resourceRef(r.parent), PathPart: r.pathPart } };
  const methodIds: string[] = [];
  for (const m of methods) {
    const id = ids.allocate(`Api Method ${m.name}`, "ApiMethod");
    methodIds.push(id);
    resources[id] = {
      Type: "AWS::ApiGateway::Method",
      Properties: {
        RestApiId: restApi,
        ResourceId: resourceRef(m.resource),
        HttpMethod: m.route.method,
        AuthorizationType: "COGNITO_USER_POOLS",
        AuthorizerId: new CfnRef(authorizerId),
        AuthorizationScopes: m.route.scopes,
        Integration: { Type: "MOCK", RequestTemplates: { "application/json": JSON.stringify({ statusCode: 200 }) }, IntegrationResponses: [{ StatusCode: "200" }] },
        MethodResponses: [{ StatusCode: "200" }],
      },
    };
  }
  const deploymentId = ids.allocate("Api Deployment", "ApiDeployment");
  const stageId = ids.allocate("Api Stage", "ApiStage");
  resources[deploymentId] = { Type: "AWS::ApiGateway::Deployment", DependsOn: methodIds, Properties: { RestApiId: restApi } };
  resources[stageId] = { Type: "AWS::ApiGateway::Stage", Properties: { RestApiId: restApi, DeploymentId: new CfnRef(deploymentId), StageName: "api" } };
  const outputs = {
    ApiInvokeUrl: {
      Description: "The API's base URL: call it with an access token in the Authorization header.",
      Value: { "Fn::Sub": `https://\${${apiId}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/api` },
    },
  };
  return { resources, outputs };
}
