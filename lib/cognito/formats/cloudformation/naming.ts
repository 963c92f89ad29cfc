/**
 * CloudFormation property names of the spec's fields: PascalCase of the spec key unless listed here
 * (AWS::Cognito::UserPool / UserPoolClient / UserPoolResourceServer / UserPoolDomain resource schemas, as
 * shipped with cfn-lint). Pool fields CloudFormation spells differently (Policies, EnabledMfas, WebAuthn*,
 * EmailAuthentication*, CustomDomainConfig) are handled in the renderer and parser.
 */
import { type ShapeNaming, pascalCase } from "../shape-walk";

function tableNaming(overrides: Record<string, string>): ShapeNaming {
  return { objectsAsBlocks: false, targetName: (path, key) => overrides[[...path, key].join(".")] ?? pascalCase(key) };
}

export const CFN_POOL_NAMING = tableNaming({
  schemaAttributes: "Schema",
  "adminCreateUserConfig.inviteMessageTemplate.smsMessage": "SMSMessage",
  "lambdaConfig.kmsKeyId": "KMSKeyID",
  "lambdaConfig.customSmsSender": "CustomSMSSender",
});

export const CFN_CLIENT_NAMING = tableNaming({
  name: "ClientName",
  callbackUrls: "CallbackURLs",
  logoutUrls: "LogoutURLs",
  defaultRedirectUri: "DefaultRedirectURI",
});

export const CFN_RESOURCE_SERVER_NAMING = tableNaming({ "scopes.name": "ScopeName", "scopes.description": "ScopeDescription" });

export const CFN_TYPES = {
  pool: "AWS::Cognito::UserPool",
  client: "AWS::Cognito::UserPoolClient",
  resourceServer: "AWS::Cognito::UserPoolResourceServer",
  domain: "AWS::Cognito::UserPoolDomain",
} as const;

/** Template Metadata key holding what CloudFormation has no property for (the Region, the document's labels). */
export const STUDIO_METADATA = "CognitoStudio";
