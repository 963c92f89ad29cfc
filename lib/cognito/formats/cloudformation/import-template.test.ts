import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { importFiles } from "..";
import type { ImportRequest, ImportedPool } from "../types";
import { importCloudFormationFiles } from "./import-template";

/** The 1-based line of the first line containing `needle` (so expectations do not hard-code counted lines). */
function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`${needle} is not in the template`);
  return index + 1;
}

async function importOne(content: string, request: Omit<ImportRequest, "files"> = {}, path = "template.yaml"): Promise<{ pool: ImportedPool; messages: string[] }> {
  const result = await importCloudFormationFiles({ files: [{ path, content }], ...request });
  expect(result.pools).toHaveLength(1);
  const [pool] = result.pools;
  return { pool, messages: [...result.diagnostics, ...pool.diagnostics].map((d) => d.message) };
}

const PARAMETERISED = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  AppName:
    Type: String
    Description: Short name of the application
  Stage:
    Type: String
    AllowedValues: [dev, prod]
  CallbackUrls:
    Type: CommaDelimitedList
  TokenDays:
    Type: Number
    Default: 30
Resources:
  UserPool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: !Sub "\${AppName}-users-\${Stage}"
      MfaConfiguration: "OFF"
  WebClient:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref UserPool
      ClientName: !Join ["-", [!Ref AppName, web]]
      CallbackURLs: !Ref CallbackUrls
      RefreshTokenValidity: !Ref TokenDays
`;

describe("parameters: a gap at every field it feeds, filled by supplying it", () => {
  test("without values: the draft leaves the fields unset and says what to supply, with file and line", async () => {
    const { pool } = await importOne(PARAMETERISED, { region: "eu-west-1" });
    expect(pool.document).toBeUndefined();
    expect(pool.draft).toEqual({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: {}, spec: { region: "eu-west-1", mfaConfiguration: "OFF", clients: [{ refreshTokenValidity: 30 }] } });
    const nameLine = lineOf(PARAMETERISED, "UserPoolName:");
    expect(pool.diagnostics).toContainEqual({
      severity: "error",
      path: "metadata.name",
      code: "unresolved-input",
      message: `set from !Sub "\${AppName}-users-\${Stage}" in template.yaml line ${nameLine}; supply the parameters AppName and Stage`,
    });
    expect(pool.diagnostics.find((d) => d.path === "spec.clients[0].callbackUrls")?.message).toBe(`set from !Ref CallbackUrls in template.yaml line ${lineOf(PARAMETERISED, "CallbackURLs:")}; supply the parameter CallbackUrls`);
    // The schema's "required" is not repeated where the import already says what to supply.
    expect(pool.diagnostics.filter((d) => d.code === "required")).toEqual([]);
    expect(pool.unresolved).toEqual([
      { name: "AppName", kind: "parameter", suppliable: true, file: "template.yaml", line: lineOf(PARAMETERISED, "AppName:"), type: "String", description: "Short name of the application", fields: ["metadata.name", "spec.clients[0].name"] },
      { name: "Stage", kind: "parameter", suppliable: true, file: "template.yaml", line: lineOf(PARAMETERISED, "Stage:"), type: "String", fields: ["metadata.name"] },
      { name: "CallbackUrls", kind: "parameter", suppliable: true, file: "template.yaml", line: lineOf(PARAMETERISED, "CallbackUrls:"), type: "CommaDelimitedList", fields: ["spec.clients[0].callbackUrls"] },
    ]);
  });

  test("supplying them fills every field that used them, and the draft becomes a document", async () => {
    const { pool } = await importOne(PARAMETERISED, { region: "eu-west-1", parameters: { AppName: "shop", Stage: "prod", CallbackUrls: "https://shop.example.com/cb, http://localhost:3000/cb", TokenDays: "7" } });
    expect(pool.unresolved).toEqual([]);
    expect(pool.document).toEqual({
      apiVersion: "cognito-studio.dev/v1",
      kind: "UserPool",
      metadata: { name: "shop-users-prod" },
      spec: { region: "eu-west-1", mfaConfiguration: "OFF", clients: [{ name: "shop-web", callbackUrls: ["https://shop.example.com/cb", "http://localhost:3000/cb"], refreshTokenValidity: 7 }] },
    });
    expect(pool.name).toBe("shop-users-prod");
  });

  test("pseudo-parameters come from the request; missing ones are gaps naming them", async () => {
    const template = `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: !Sub "\${AWS::StackName}-pool"
      SmsConfiguration:
        SnsCallerArn: !Sub "arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/sms"
        ExternalId: !Ref AWS::Region
`;
    const gaps = await importOne(template);
    expect(gaps.pool.unresolved.map((u) => [u.name, u.kind, u.fields])).toEqual([
      ["AWS::StackName", "pseudo-parameter", ["metadata.name"]],
      ["AWS::Partition", "pseudo-parameter", ["spec.smsConfiguration.snsCallerArn"]],
      ["AWS::AccountId", "pseudo-parameter", ["spec.smsConfiguration.snsCallerArn"]],
      ["AWS::Region", "pseudo-parameter", ["spec.smsConfiguration.externalId"]],
    ]);
    expect(gaps.pool.diagnostics.find((d) => d.path === "metadata.name")?.message).toContain("supply AWS::StackName");
    const { pool } = await importOne(template, { region: "eu-west-1", pseudoParameters: { "AWS::StackName": "auth", "AWS::AccountId": "123456789012" } });
    expect(pool.document?.metadata.name).toBe("auth-pool");
    expect(pool.document?.spec.smsConfiguration).toEqual({ snsCallerArn: "arn:aws:iam::123456789012:role/sms", externalId: "eu-west-1" });
  });

  test("an SSM parameter type is a gap even with a Default (the Default names the SSM parameter)", async () => {
    const template = `Parameters:
  PoolName: { Type: "AWS::SSM::Parameter::Value<String>", Default: /auth/pool-name }
Resources:
  Pool: { Type: AWS::Cognito::UserPool, Properties: { UserPoolName: !Ref PoolName } }
`;
    const gap = await importOne(template, { region: "eu-west-1" });
    expect(gap.pool.unresolved).toEqual([expect.objectContaining({ name: "PoolName", kind: "parameter", description: 'the value of the SSM parameter "/auth/pool-name"', fields: ["metadata.name"] })]);
    expect((await importOne(template, { region: "eu-west-1", parameters: { PoolName: "from-ssm" } })).pool.document?.metadata.name).toBe("from-ssm");
  });

  test("a trigger from another resource and a stack export are gaps nobody supplies: set in the draft", async () => {
    const template = `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: p
      LambdaConfig:
        PreSignUp: !GetAtt PreSignUp.Arn
        KMSKeyID: !ImportValue shared-kms-key
  PreSignUp: { Type: AWS::Lambda::Function, Properties: {} }
`;
    const { pool } = await importOne(template, { region: "eu-west-1" });
    expect(pool.unresolved.map((u) => [u.name, u.kind, u.suppliable, u.fields])).toEqual([
      ["PreSignUp.Arn", "resource-attribute", false, ["spec.lambdaConfig.preSignUp"]],
      ["Fn::ImportValue shared-kms-key", "expression", false, ["spec.lambdaConfig.kmsKeyId"]],
    ]);
    expect(pool.diagnostics.find((d) => d.path === "spec.lambdaConfig.kmsKeyId")?.message).toBe(
      `set from !ImportValue shared-kms-key in template.yaml line 8; it depends on Fn::ImportValue shared-kms-key (another stack's export): set the field in the draft by hand`,
    );
  });
});

describe("a gap in a list", () => {
  test("the list keeps its other items; the gap is reported at the list with the item's place", async () => {
    const template = `Resources:
  Site: { Type: AWS::CloudFront::Distribution, Properties: {} }
  Pool: { Type: AWS::Cognito::UserPool, Properties: { UserPoolName: p } }
  Web:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      ClientName: web
      CallbackURLs:
        - !Join ["", ["https://", !GetAtt Site.DomainName, "/cb"]]
        - http://localhost:3000/cb
`;
    const { pool } = await importOne(template, { region: "eu-west-1" });
    expect((pool.draft.spec as { clients: unknown[] }).clients).toEqual([{ name: "web", callbackUrls: ["http://localhost:3000/cb"] }]);
    expect(pool.diagnostics).toEqual([
      {
        severity: "error",
        path: "spec.clients[0].callbackUrls",
        code: "unresolved-input",
        message: `item 1 of the list (not in the draft) set from !Join ["", ["https://", !GetAtt Site.DomainName, "/cb"]] in template.yaml line 10; it depends on Site.DomainName (an attribute of AWS::CloudFront::Distribution Site, known once the stack is deployed): set the field in the draft by hand`,
      },
    ]);
    expect(pool.unresolved.map((u) => [u.name, u.fields])).toEqual([["Site.DomainName", ["spec.clients[0].callbackUrls"]]]);
  });
});

describe("conditions, mappings and Fn::If", () => {
  const template = `Parameters:
  Stage: { Type: String, Default: dev }
Mappings:
  Stages:
    dev: { Prefix: dev-auth, Mfa: "OFF" }
    prod: { Prefix: auth, Mfa: "ON" }
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: !Sub "app-\${Stage}"
      MfaConfiguration: !FindInMap [Stages, !Ref Stage, Mfa]
      EnabledMfas: !If [IsProd, [SOFTWARE_TOKEN_MFA], !Ref AWS::NoValue]
      DeletionProtection: !If [IsProd, ACTIVE, INACTIVE]
  Domain:
    Type: AWS::Cognito::UserPoolDomain
    Properties:
      UserPoolId: !Ref Pool
      Domain: !FindInMap [Stages, !Ref Stage, Prefix]
  AdminClient:
    Type: AWS::Cognito::UserPoolClient
    Condition: IsProd
    Properties: { UserPoolId: !Ref Pool, ClientName: admin }
`;

  test("a resource whose Condition is false is left out with one line saying so", async () => {
    const { pool, messages } = await importOne(template, { region: "eu-west-1" });
    expect(pool.document).toEqual({
      apiVersion: "cognito-studio.dev/v1",
      kind: "UserPool",
      metadata: { name: "app-dev" },
      spec: { region: "eu-west-1", mfaConfiguration: "OFF", deletionProtection: "INACTIVE", domain: { domain: "dev-auth" } },
    });
    expect(messages).toContain(`template.yaml line ${lineOf(template, "Condition: IsProd")}: AdminClient (AWS::Cognito::UserPoolClient) is left out: its Condition IsProd is false with the parameters given`);
  });

  test("with other parameters the conditions turn", async () => {
    const { pool } = await importOne(template, { region: "eu-west-1", parameters: { Stage: "prod" } });
    expect(pool.document?.spec).toEqual({
      region: "eu-west-1",
      mfaConfiguration: "ON",
      softwareTokenMfaConfiguration: { enabled: true },
      deletionProtection: "ACTIVE",
      domain: { domain: "auth" },
      clients: [{ name: "admin" }],
    });
  });

  test("a Condition that depends on a gap imports the resource as if it held, and names the gap", async () => {
    const undecided = template.replace("Stage: { Type: String, Default: dev }", "Stage: { Type: String }");
    const { pool } = await importOne(undecided, { region: "eu-west-1" });
    expect((pool.draft.spec as { clients?: unknown[] }).clients).toEqual([{ name: "admin" }]);
    expect(pool.diagnostics.map((d) => d.code)).toContain("condition-unresolved");
    expect(pool.unresolved.find((u) => u.name === "Stage")?.fields).toEqual(["metadata.name", "spec.mfaConfiguration", "spec.deletionProtection", "spec.softwareTokenMfaConfiguration.enabled", "spec.domain.domain"]);
  });
});

describe("JSON templates", () => {
  const json = JSON.stringify(
    {
      AWSTemplateFormatVersion: "2010-09-09",
      Parameters: { Env: { Type: "String" } },
      Resources: {
        Pool: { Type: "AWS::Cognito::UserPool", Properties: { UserPoolName: { "Fn::Join": ["-", ["app", { Ref: "Env" }]] }, AutoVerifiedAttributes: ["email"] } },
        Client: { Type: "AWS::Cognito::UserPoolClient", Properties: { UserPoolId: { Ref: "Pool" }, ClientName: "web", GenerateSecret: false } },
      },
    },
    null,
    2,
  );

  test("read with the same functions, and the gaps name the JSON line", async () => {
    const { pool } = await importOne(json, { region: "eu-west-1" }, "template.json");
    expect(pool.diagnostics.find((d) => d.path === "metadata.name")?.message).toBe(
      `set from { "Fn::Join": [ "-", [ "app", { "Ref": "Env" } ] ] } in template.json line ${lineOf(json, '"UserPoolName"')}; supply the parameter Env`,
    );
    const filled = await importOne(json, { region: "eu-west-1", parameters: { Env: "prod" } }, "template.json");
    expect(filled.pool.document?.metadata.name).toBe("app-prod");
    expect(filled.pool.document?.spec.clients).toEqual([{ name: "web", generateSecret: false }]);
  });

  test("an unreadable JSON file is one error with its line", async () => {
    const result = await importCloudFormationFiles({ files: [{ path: "t.json", content: '{\n  "Resources": {\n    "P": \n  }\n' }] });
    expect(result.pools).toEqual([]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: "error", code: "unparsable", message: expect.stringMatching(/^t\.json is not valid YAML or JSON at line \d+, column \d+/u) })]);
  });
});

describe("SAM templates", () => {
  const sam = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: nodejs20.x
    Timeout: 10
Resources:
  UserPool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: !Sub "\${AWS::StackName}-users"
      UsernameAttributes: [email]
  UserPoolClient:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref UserPool
      ClientName: spa
      ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
  PreSignUpFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Events:
        SignUp:
          Type: Cognito
          Properties:
            UserPool: !Ref UserPool
            Trigger: PreSignUp
  ApiFunction:
    Type: AWS::Serverless::Function
    Properties: { Handler: api.handler }
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Auth:
        Authorizers:
          CognitoAuth: { UserPoolArn: !GetAtt UserPool.Arn }
`;

  test("the pool imports; Transform, Globals and each serverless type are one line each; a Cognito event is the trigger's gap", async () => {
    const { pool, messages } = await importOne(sam, { region: "us-east-1", pseudoParameters: { "AWS::StackName": "notes" } });
    expect(pool.draft).toEqual({
      apiVersion: "cognito-studio.dev/v1",
      kind: "UserPool",
      metadata: { name: "notes-users" },
      spec: { region: "us-east-1", usernameAttributes: ["email"], lambdaConfig: {}, clients: [{ name: "spa", explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }] },
    });
    expect(pool.unresolved).toEqual([
      expect.objectContaining({ name: "PreSignUpFunction.Arn", kind: "resource-attribute", suppliable: false, line: lineOf(sam, "SignUp:"), fields: ["spec.lambdaConfig.preSignUp"] }),
    ]);
    expect(messages.filter((m) => m.includes("not imported") || m.includes("read as written"))).toEqual([
      `template.yaml line 2: the template is a SAM template (Transform AWS::Serverless-2016-10-31); SAM expands only AWS::Serverless::* resources; the Cognito resources were read as written`,
      `template.yaml line ${lineOf(sam, "Globals:")}: the template's Globals section applies to AWS::Serverless::* resources only; not imported`,
      `template.yaml line ${lineOf(sam, "PreSignUpFunction:")}: 2 AWS::Serverless::Function resources (PreSignUpFunction, ApiFunction) are not part of a user pool (SAM expands only AWS::Serverless::* resources; the Cognito resources were read as written); not imported`,
      `template.yaml line ${lineOf(sam, "  Api:")}: AWS::Serverless::Api Api is not part of a user pool (SAM expands only AWS::Serverless::* resources; the Cognito resources were read as written); not imported`,
    ]);
  });
});

describe("CDK-synthesised templates", () => {
  // The shape `cdk synth` writes: hashed logical ids, aws:cdk:path Metadata, Fn::Join with the partition,
  // Fn::GetAtt of a Lambda, a resource server referenced by Ref, CDKMetadata with its region condition,
  // the BootstrapVersion parameter and its Rule.
  const cdk = JSON.stringify(
    {
      Resources: {
        AuthUserPool8115E87F: {
          Type: "AWS::Cognito::UserPool",
          Properties: {
            AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "verified_email", Priority: 1 }] },
            AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
            AutoVerifiedAttributes: ["email"],
            EmailVerificationMessage: "The verification code to your new account is {####}",
            EmailVerificationSubject: "Verify your new account",
            LambdaConfig: { PostConfirmation: { "Fn::GetAtt": ["PostConfirmFn2A9D3BC4", "Arn"] } },
            UserPoolName: "orders-users",
            UsernameAttributes: ["email"],
            VerificationMessageTemplate: { DefaultEmailOption: "CONFIRM_WITH_CODE", EmailMessage: "The verification code to your new account is {####}", EmailSubject: "Verify your new account" },
          },
          UpdateReplacePolicy: "Retain",
          DeletionPolicy: "Retain",
          Metadata: { "aws:cdk:path": "OrdersStack/Auth/UserPool/Resource" },
        },
        AuthUserPoolOrdersApi6B1E5C2A: {
          Type: "AWS::Cognito::UserPoolResourceServer",
          Properties: { Identifier: "orders", Name: "orders", Scopes: [{ ScopeDescription: "Read orders", ScopeName: "read" }], UserPoolId: { Ref: "AuthUserPool8115E87F" } },
          Metadata: { "aws:cdk:path": "OrdersStack/Auth/UserPool/OrdersApi/Resource" },
        },
        AuthUserPoolWebClient5F1E2D3C: {
          Type: "AWS::Cognito::UserPoolClient",
          Properties: {
            AllowedOAuthFlows: ["code"],
            AllowedOAuthFlowsUserPoolClient: true,
            AllowedOAuthScopes: ["openid", { "Fn::Join": ["", [{ Ref: "AuthUserPoolOrdersApi6B1E5C2A" }, "/read"]] }],
            CallbackURLs: ["https://orders.example.com/callback"],
            ClientName: "web",
            SupportedIdentityProviders: ["COGNITO"],
            UserPoolId: { Ref: "AuthUserPool8115E87F" },
          },
          Metadata: { "aws:cdk:path": "OrdersStack/Auth/UserPool/WebClient/Resource" },
        },
        AuthUserPoolDomain6F4C1B2A: {
          Type: "AWS::Cognito::UserPoolDomain",
          Properties: { Domain: "orders-auth", UserPoolId: { Ref: "AuthUserPool8115E87F" } },
          Metadata: { "aws:cdk:path": "OrdersStack/Auth/UserPool/Domain/Resource" },
        },
        PostConfirmFn2A9D3BC4: {
          Type: "AWS::Lambda::Function",
          Properties: { Role: { "Fn::GetAtt": ["PostConfirmFnServiceRole1A2B3C4D", "Arn"] }, Runtime: "nodejs20.x" },
          Metadata: { "aws:cdk:path": "OrdersStack/PostConfirmFn/Resource" },
        },
        PostConfirmFnCognitoPermission9F8E7D6C: {
          Type: "AWS::Lambda::Permission",
          Properties: {
            Action: "lambda:InvokeFunction",
            FunctionName: { "Fn::GetAtt": ["PostConfirmFn2A9D3BC4", "Arn"] },
            Principal: "cognito-idp.amazonaws.com",
            SourceArn: { "Fn::GetAtt": ["AuthUserPool8115E87F", "Arn"] },
          },
        },
        PostConfirmFnServiceRole1A2B3C4D: {
          Type: "AWS::IAM::Role",
          Properties: { ManagedPolicyArns: [{ "Fn::Join": ["", ["arn:", { Ref: "AWS::Partition" }, ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]] }] },
        },
        CDKMetadata: { Type: "AWS::CDK::Metadata", Properties: { Analytics: "v2:deflate64:H4sIAAAAAAAA" }, Metadata: { "aws:cdk:path": "OrdersStack/CDKMetadata/Default" }, Condition: "CDKMetadataAvailable" },
      },
      Conditions: {
        CDKMetadataAvailable: { "Fn::Or": [{ "Fn::Or": [{ "Fn::Equals": [{ Ref: "AWS::Region" }, "af-south-1"] }, { "Fn::Equals": [{ Ref: "AWS::Region" }, "eu-west-1"] }] }, { "Fn::Equals": [{ Ref: "AWS::Region" }, "us-east-1"] }] },
      },
      Outputs: { UserPoolId: { Value: { Ref: "AuthUserPool8115E87F" } } },
      Parameters: { BootstrapVersion: { Type: "AWS::SSM::Parameter::Value<String>", Default: "/cdk-bootstrap/hnb659fds/version", Description: "Version of the CDK Bootstrap resources in this environment, automatically retrieved from SSM Parameter Store. [cdk:skip]" } },
      Rules: { CheckBootstrapVersion: { Assertions: [{ Assert: { "Fn::Not": [{ "Fn::Contains": [["1", "2", "3", "4", "5"], { Ref: "BootstrapVersion" }] }] }, AssertDescription: "CDK bootstrap stack version 6 required." }] } },
    },
    null,
    1,
  );

  test("the pool, its resource server, client and domain import; the rest is one line per type", async () => {
    const result = await importFiles({ files: [{ path: "OrdersStack.template.json", content: cdk }], region: "eu-west-1" });
    expect(result.sourceKind).toBe("cloudformation");
    const [pool] = result.pools;
    expect(pool.address).toBe("AuthUserPool8115E87F");
    expect(pool.draft.spec).toMatchObject({
      region: "eu-west-1",
      resourceServers: [{ identifier: "orders", name: "orders", scopes: [{ name: "read", description: "Read orders" }] }],
      clients: [{ name: "web", allowedOAuthScopes: ["openid", "orders/read"], allowedOAuthFlows: ["code"], callbackUrls: ["https://orders.example.com/callback"] }],
      domain: { domain: "orders-auth" },
    });
    // The only gap is the trigger; nothing about BootstrapVersion (it feeds no field).
    expect(pool.unresolved.map((u) => [u.name, u.fields])).toEqual([["PostConfirmFn2A9D3BC4.Arn", ["spec.lambdaConfig.postConfirmation"]]]);
    const lines = result.diagnostics.map((d) => d.message.replace(/ line \d+/u, ""));
    expect(lines).toEqual([
      "OrdersStack.template.json: the template's Outputs section is not part of the pool model; not imported",
      "OrdersStack.template.json: the template's Rules section (checked by CloudFormation before a deploy) is not part of the pool model; not imported",
      "OrdersStack.template.json: AWS::Lambda::Function PostConfirmFn2A9D3BC4 is not part of a user pool; not imported",
      "OrdersStack.template.json: AWS::Lambda::Permission PostConfirmFnCognitoPermission9F8E7D6C is not part of a user pool; not imported",
      "OrdersStack.template.json: AWS::IAM::Role PostConfirmFnServiceRole1A2B3C4D is not part of a user pool; not imported",
      "OrdersStack.template.json: AWS::CDK::Metadata CDKMetadata is CDK's usage report, not part of a user pool; not imported",
    ]);
    // Nothing of the pool was dropped; the warnings are the pool's own (CDK sets email texts for Cognito's sender).
    expect(pool.diagnostics.filter((d) => d.severity === "warning").map((d) => d.code)).toEqual(["template-needs-developer-email", "template-needs-developer-email"]);
  });
});

describe("several pools in one template", () => {
  const two = `Resources:
  Customers:
    Type: AWS::Cognito::UserPool
    Properties: { UserPoolName: customers }
  Staff:
    Type: AWS::Cognito::UserPool
    Properties: { UserPoolName: staff }
  CustomersWeb:
    Type: AWS::Cognito::UserPoolClient
    Properties: { UserPoolId: !Ref Customers, ClientName: web }
  StaffAdmins:
    Type: AWS::Cognito::UserPoolGroup
    Properties: { UserPoolId: !GetAtt Staff.UserPoolId, GroupName: admins }
  StaffGoogle:
    Type: AWS::Cognito::UserPoolIdentityProvider
    Properties: { UserPoolId: !Ref Staff, ProviderName: Google, ProviderType: Google, ProviderDetails: { client_id: g, authorize_scopes: openid, client_secret: "{{resolve:secretsmanager:google:SecretString:secret}}" } }
  StaffPortal:
    Type: AWS::Cognito::UserPoolClient
    Properties: { UserPoolId: !Ref Staff, ClientName: portal, SupportedIdentityProviders: [!Ref StaffGoogle] }
  StaffUser:
    Type: AWS::Cognito::UserPoolUser
    Properties: { UserPoolId: !Ref Staff, Username: admin }
  Partner:
    Type: AWS::Cognito::UserPoolClient
    Properties: { UserPoolId: eu-west-1_Elsewhere, ClientName: partner }
`;

  test("each pool is its own draft with the resources that name it", async () => {
    const result = await importCloudFormationFiles({ files: [{ path: "auth.yaml", content: two }], region: "eu-west-1" });
    expect(result.pools.map((p) => [p.address, p.document?.spec])).toEqual([
      ["Customers", { region: "eu-west-1", clients: [{ name: "web" }] }],
      [
        "Staff",
        {
          region: "eu-west-1",
          clients: [{ name: "portal", supportedIdentityProviders: ["Google"] }],
          groups: [{ name: "admins" }],
          identityProviders: [{ providerName: "Google", providerType: "Google", providerDetails: { client_id: "g", authorize_scopes: "openid" }, secretRef: { source: "secretsManager", name: "google", jsonKey: "secret" } }],
        },
      ],
    ]);
    expect(result.pools[1].diagnostics.map((d) => d.message)).toEqual([`auth.yaml line ${lineOf(two, "StaffUser:")}: AWS::Cognito::UserPoolUser StaffUser is not part of the pool model; not imported`]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      `auth.yaml line ${lineOf(two, "Partner:")}: Partner (AWS::Cognito::UserPoolClient) names no user pool of this template in UserPoolId; not imported (import the template that defines its pool)`,
    ]);
  });

  test("request.pool picks one; an unknown one is an error listing the pools", async () => {
    const picked = await importCloudFormationFiles({ files: [{ path: "auth.yaml", content: two }], region: "eu-west-1", pool: "Staff" });
    expect(picked.pools.map((p) => p.address)).toEqual(["Staff"]);
    const wrong = await importCloudFormationFiles({ files: [{ path: "auth.yaml", content: two }], region: "eu-west-1", pool: "Admins" });
    expect(wrong.pools).toEqual([]);
    expect(wrong.diagnostics.at(-1)).toEqual({ severity: "error", path: "", code: "no-such-pool", message: "no user pool Admins in the template; the user pools are Customers, Staff: pick one of them" });
  });

  test("several files: addresses carry the file", async () => {
    const result = await importCloudFormationFiles({
      files: [
        { path: "a.yaml", content: "Resources:\n  Pool: { Type: AWS::Cognito::UserPool, Properties: { UserPoolName: a } }\n" },
        { path: "b.yaml", content: "Resources:\n  Pool: { Type: AWS::Cognito::UserPool, Properties: { UserPoolName: b } }\n" },
      ],
      region: "eu-west-1",
      pool: "b.yaml#Pool",
    });
    expect(result.pools.map((p) => [p.address, p.name])).toEqual([["b.yaml#Pool", "b"]]);
  });
});

describe("Region", () => {
  test("without a Region the pool is a valid design without one (plan and apply take the target's), and nothing is said about it", async () => {
    const { pool } = await importOne("Resources:\n  Pool: { Type: AWS::Cognito::UserPool, Properties: { UserPoolName: p } }\n");
    const expected = { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "p" }, spec: {} };
    expect(pool.draft).toEqual(expected);
    expect(pool.document).toEqual(expected);
    expect(pool.diagnostics).toEqual([]);
  });

  test("a template with no user pool is an error naming the Cognito resources it does have", async () => {
    const result = await importCloudFormationFiles({ files: [{ path: "t.yaml", content: "Resources:\n  C: { Type: AWS::Cognito::UserPoolClient, Properties: { UserPoolId: !ImportValue pool, ClientName: c } }\n" }] });
    expect(result.pools).toEqual([]);
    expect(result.diagnostics.at(-1)?.message).toBe("t.yaml has no AWS::Cognito::UserPool resource (its Cognito resources C belong to a pool defined elsewhere); nothing to import: import the template that defines the pool");
  });
});

describe("a Schema entry without AttributeDataType (CloudFormation does not require it)", () => {
  const template = (schema: string) => `Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPoolName: p\n      Schema:\n${schema}`;

  test("a standard attribute takes its own type, as Cognito does", async () => {
    const { pool } = await importOne(template("        - Name: email\n          Required: true\n        - Name: email_verified\n          Mutable: true\n"));
    expect(pool.diagnostics).toEqual([]);
    expect(pool.document?.spec.schemaAttributes).toEqual([
      { name: "email", attributeDataType: "String", required: true },
      { name: "email_verified", attributeDataType: "Boolean", mutable: true },
    ]);
  });

  test("a custom attribute has no default type: the draft keeps it unset, invalid, with one error at the field and its line", async () => {
    const { pool } = await importOne(template("        - Name: email\n        - Name: tenant\n          Mutable: true\n"));
    expect(pool.document).toBeUndefined();
    expect(pool.draft.spec).toEqual({ schemaAttributes: [{ name: "email", attributeDataType: "String" }, { name: "tenant", mutable: true }] });
    expect(pool.diagnostics).toEqual([
      {
        severity: "error",
        path: "spec.schemaAttributes[1].attributeDataType",
        code: "attribute-type-missing",
        message:
          "template.yaml line 8: Resources.Pool.Properties.Schema[1] (the custom attribute tenant) has no AttributeDataType, and Cognito refuses a custom attribute without one: choose String, Number, DateTime or Boolean",
      },
    ]);
  });
});

describe("never throws", () => {
  const intrinsic = fc.constantFrom("!Ref P", "!Sub '${P}-x'", "!GetAtt Pool.Arn", "!If [C, a, b]", "!Join ['', [a, !Ref P]]", "!Select [9, [a]]", "!FindInMap [M, a, b]", "{ Ref: AWS::NoValue }", "!Split [',', 3]", "!ImportValue x", "[!Ref Nope]", "{}", "[]", "~", "7", "'${self:custom.stage}-x'", "'${opt:stage, self:provider.stage}'", "!If [C, !Ref Pool, !Ref P]", "!Sub '${A.Name}-${self:x}'", "!GetAtt B.Name", "!Ref C");
  const key = fc.constantFrom("UserPoolName", "UserPoolId", "ClientName", "Policies", "EnabledMfas", "LambdaConfig", "Domain", "GroupName", "ProviderDetails", "Schema", "CallbackURLs", "Condition", "Nope");
  const type = fc.constantFrom("AWS::Cognito::UserPool", "AWS::Cognito::UserPoolClient", "AWS::Cognito::UserPoolDomain", "AWS::Cognito::UserPoolGroup", "AWS::Cognito::UserPoolIdentityProvider", "AWS::Cognito::UserPoolResourceServer", "AWS::Serverless::Function", "AWS::Lambda::Function", "7");
  const resource = fc.record({ id: fc.constantFrom("Pool", "A", "B", "C"), type, properties: fc.array(fc.tuple(key, intrinsic), { maxLength: 5 }), condition: fc.option(fc.constantFrom("C", "D", "Loop")) });
  const template = fc.array(resource, { minLength: 1, maxLength: 5 }).map(
    (resources) =>
      `Parameters:\n  P: { Type: String }\nConditions:\n  C: !Equals [!Ref P, x]\n  Loop: !Not [!Condition Loop]\nMappings:\n  M: { a: { b: [1] } }\nResources:\n${resources
        .map((r) => `  ${r.id}:\n    Type: ${r.type}\n${r.condition ? `    Condition: ${r.condition}\n` : ""}    Properties:\n${r.properties.map(([k, v]) => `      ${k}: ${v}\n`).join("") || "      {}\n"}`)
        .join("")}`,
  );

  test("any template of Cognito resources and intrinsics gives drafts, never an internal error", async () => {
    await fc.assert(
      fc.asyncProperty(template, fc.option(fc.constantFrom("eu-west-1")), async (content, region) => {
        const result = await importCloudFormationFiles({ files: [{ path: "t.yaml", content }], ...(region ? { region } : {}) });
        const all = [...result.diagnostics, ...result.pools.flatMap((p) => p.diagnostics)];
        expect(all.filter((d) => d.code === "internal-error")).toEqual([]);
        for (const pool of result.pools) for (const input of pool.unresolved) expect(input.fields.every((f) => f.startsWith("metadata.") || f.startsWith("spec."))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test("any text at all gives a result", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (content) => {
        const result = await importCloudFormationFiles({ files: [{ path: "t.yaml", content }] });
        expect(Array.isArray(result.pools)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("Serverless Framework files", () => {
  const serverlessYml = `service: notes
provider:
  name: aws
  stage: dev
  region: \${opt:region, 'eu-central-1'}
custom:
  stage: \${opt:stage, self:provider.stage}
functions:
  preSignUp:
    handler: handler.preSignUp
    events:
      - cognitoUserPool:
          pool: notes-users
          trigger: PreSignUp
resources:
  Resources:
    CognitoUserPool:
      Type: AWS::Cognito::UserPool
      Properties:
        UserPoolName: \${self:service}-users-\${self:custom.stage}
        UsernameAttributes: [email]
    CognitoUserPoolClient:
      Type: AWS::Cognito::UserPoolClient
      Properties:
        ClientName: \${self:custom.stage}-web
        UserPoolId: { Ref: CognitoUserPool }
        CallbackURLs: \${param:callbackUrls}
`;

  test("serverless.yml: its resources are the template, its variables resolve from the file, a supplied value or the fallback", async () => {
    const result = await importCloudFormationFiles({ files: [{ path: "serverless.yml", content: serverlessYml }] });
    const [pool] = result.pools;
    expect(pool.draft).toEqual({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "notes-users-dev" }, spec: { region: "eu-central-1", usernameAttributes: ["email"], clients: [{ name: "dev-web" }] } });
    expect(pool.unresolved).toEqual([
      { name: "param:callbackUrls", kind: "variable", suppliable: true, file: "serverless.yml", line: lineOf(serverlessYml, "CallbackURLs:"), description: "a Serverless Framework variable, which serverless resolves before CloudFormation sees the template", fields: ["spec.clients[0].callbackUrls"] },
    ]);
    expect(pool.diagnostics.find((d) => d.code === "unresolved-input")?.message).toBe(`set from \${param:callbackUrls} in serverless.yml line ${lineOf(serverlessYml, "CallbackURLs:")}; supply the Serverless Framework variable param:callbackUrls`);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "serverless.yml: a Serverless Framework file; its resources section was read as the template (service, provider, custom, functions are not part of a user pool; not imported)",
      "serverless.yml: function preSignUp is the PreSignUp trigger of user pool notes-users (a cognitoUserPool event, set by serverless at deploy time); set that pool's lambdaConfig in the draft",
    ]);
    const prod = await importCloudFormationFiles({ files: [{ path: "serverless.yml", content: serverlessYml }], region: "us-east-1", parameters: { "opt:stage": "prod", "param:callbackUrls": "https://notes.example.com/cb" } });
    expect(prod.pools[0].document).toMatchObject({ metadata: { name: "notes-users-prod" }, spec: { region: "us-east-1", clients: [{ name: "prod-web", callbackUrls: ["https://notes.example.com/cb"] }] } });
    expect(prod.diagnostics.map((d) => d.code)).not.toContain("unknown-parameter");
  });

  test("a resources file included by serverless.yml: its variables are gaps named by the variable", async () => {
    const included = "Resources:\n  CognitoUserPool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPoolName: ${self:custom.stage}-user-pool\n";
    const { pool } = await importOne(included, { region: "eu-west-1" }, "resources/cognito-user-pool.yml");
    expect(pool.unresolved.map((u) => [u.name, u.fields])).toEqual([["self:custom.stage", ["metadata.name"]]]);
    expect((await importOne(included, { region: "eu-west-1", parameters: { "self:custom.stage": "dev" } })).pool.document?.metadata.name).toBe("dev-user-pool");
  });
});

describe("a UserPoolId chosen by Fn::If", () => {
  const template = `Parameters:
  ExistingPoolId: { Type: String, Default: "" }
Conditions:
  CreatePool: !Equals [!Ref ExistingPoolId, ""]
Resources:
  UserPool:
    Type: AWS::Cognito::UserPool
    Condition: CreatePool
    Properties: { UserPoolName: app }
  Other:
    Type: AWS::Cognito::UserPool
    Properties: { UserPoolName: other }
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !If [CreatePool, !Ref UserPool, !Ref ExistingPoolId]
      ClientName: web
`;

  test("the client belongs to the pool the condition picks", async () => {
    const result = await importCloudFormationFiles({ files: [{ path: "t.yaml", content: template }], region: "eu-west-1" });
    expect(result.pools.map((p) => [p.address, (p.draft.spec as { clients?: unknown }).clients])).toEqual([
      ["UserPool", [{ name: "web" }]],
      ["Other", undefined],
    ]);
    const existing = await importCloudFormationFiles({ files: [{ path: "t.yaml", content: template }], region: "eu-west-1", parameters: { ExistingPoolId: "eu-west-1_abc" } });
    expect(existing.pools.map((p) => p.address)).toEqual(["Other"]);
    expect(existing.diagnostics.map((d) => d.code)).toEqual(["condition-false", "other-pool"]);
  });
});

describe("parameter files beside the template", () => {
  const template = "Parameters:\n  Env: { Type: String }\n  Scopes: { Type: CommaDelimitedList }\nResources:\n  Pool: { Type: AWS::Cognito::UserPool, Properties: { UserPoolName: !Sub 'app-${Env}', AliasAttributes: !Ref Scopes } }\n";
  test.each([
    ["params.json", JSON.stringify([{ ParameterKey: "Env", ParameterValue: "prod" }, { ParameterKey: "Scopes", ParameterValue: "email,phone_number" }])],
    ["prod.json", JSON.stringify({ Parameters: { Env: "prod", Scopes: "email,phone_number" }, Tags: { team: "auth" } })],
    ["parameters.json", JSON.stringify({ Env: "prod", Scopes: ["email", "phone_number"] })],
  ])("%s supplies the parameters", async (path, content) => {
    const result = await importCloudFormationFiles({ files: [{ path: "template.yaml", content: template }, { path, content }], region: "eu-west-1" });
    expect(result.diagnostics).toEqual([]);
    expect(result.pools.map((p) => [p.address, p.document?.metadata.name, p.document?.spec.aliasAttributes])).toEqual([["Pool", "app-prod", ["email", "phone_number"]]]);
  });

  test("values given in the request win over a parameter file", async () => {
    const result = await importCloudFormationFiles({
      files: [{ path: "template.yaml", content: template }, { path: "params.json", content: JSON.stringify({ Parameters: { Env: "prod", Scopes: "email" } }) }],
      region: "eu-west-1",
      parameters: { Env: "staging" },
    });
    expect(result.pools[0].document?.metadata.name).toBe("app-staging");
  });
});

describe("identity provider secrets", () => {
  test("a secret from any parameter or from an expression making a dynamic reference is a reference; its value is never read", async () => {
    const template = `Parameters:
  Env: { Type: String, Default: prod }
  OktaSecret: { Type: String, Default: literal-secret-value }
Resources:
  Pool: { Type: AWS::Cognito::UserPool, Properties: { UserPoolName: p } }
  Google:
    Type: AWS::Cognito::UserPoolIdentityProvider
    Properties:
      UserPoolId: !Ref Pool
      ProviderName: Google
      ProviderType: Google
      ProviderDetails:
        client_id: g
        authorize_scopes: openid
        client_secret: !Sub "{{resolve:secretsmanager:\${Env}/google:SecretString:secret}}"
  Okta:
    Type: AWS::Cognito::UserPoolIdentityProvider
    Properties:
      UserPoolId: !Ref Pool
      ProviderName: Okta
      ProviderType: OIDC
      ProviderDetails: { client_id: o, authorize_scopes: openid, oidc_issuer: "https://okta.example.com", attributes_request_method: GET, client_secret: !Ref OktaSecret }
`;
    const { pool } = await importOne(template, { region: "eu-west-1", parameters: { OktaSecret: "supplied-secret-value" } });
    expect(pool.diagnostics).toEqual([]);
    expect(JSON.stringify(pool)).not.toMatch(/literal-secret-value|supplied-secret-value/u);
    expect((pool.draft.spec as { identityProviders: { providerName: string; secretRef: unknown }[] }).identityProviders.map((p) => [p.providerName, p.secretRef])).toEqual([
      ["Google", { source: "secretsManager", name: "prod/google", jsonKey: "secret" }],
      ["Okta", { source: "env", name: "IDP_SECRET_OktaSecret" }],
    ]);
  });
});

describe("CDK identity providers and clients", () => {
  test("a secret CDK keeps in a Secrets Manager secret of the stack is a reference by its name; an unnamed client takes its logical id", async () => {
    const template = JSON.stringify({
      Resources: {
        pool056F3F7E: { Type: "AWS::Cognito::UserPool", Properties: { UserPoolName: "shop" } },
        SecretA1B2C3D4: { Type: "AWS::SecretsManager::Secret", Properties: { Name: "google-client-secret", GenerateSecretString: {} } },
        googleDB2C5242: {
          Type: "AWS::Cognito::UserPoolIdentityProvider",
          Properties: {
            UserPoolId: { Ref: "pool056F3F7E" },
            ProviderName: "Google",
            ProviderType: "Google",
            ProviderDetails: { client_id: "id", authorize_scopes: "profile", client_secret: { "Fn::Join": ["", ["{{resolve:secretsmanager:", { Ref: "SecretA1B2C3D4" }, ":SecretString:::}}"]] } },
          },
        },
        poolclient2623294C: { Type: "AWS::Cognito::UserPoolClient", Properties: { UserPoolId: { Ref: "pool056F3F7E" }, SupportedIdentityProviders: [{ Ref: "googleDB2C5242" }, "COGNITO"] } },
      },
    });
    const { pool, messages } = await importOne(template, { region: "eu-west-1" }, "Stack.template.json");
    expect(pool.document?.spec).toMatchObject({
      identityProviders: [{ providerName: "Google", secretRef: { source: "secretsManager", name: "google-client-secret" } }],
      clients: [{ name: "poolclient2623294C", supportedIdentityProviders: ["Google", "COGNITO"] }],
    });
    expect(messages).toContain("Stack.template.json line 1: Resources.poolclient2623294C.Properties.ClientName is not set; the logical id poolclient2623294C is used as the client name");
  });
});

describe("a whole Properties block chosen by an undecided condition", () => {
  test("nothing of it is imported, with a warning, and its gaps are listed to supply", async () => {
    const template = "Parameters:\n  Mode: { Type: String }\nConditions:\n  Strict: !Equals [!Ref Mode, strict]\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties: !If [Strict, { UserPoolName: strict, MfaConfiguration: 'ON' }, { UserPoolName: relaxed }]\n";
    const { pool, messages } = await importOne(template, { region: "eu-west-1" });
    expect(messages).toContain("template.yaml line 8: Resources.Pool.Properties as a whole depends on Mode; none of it was imported (supply the parameter Mode)");
    expect(pool.unresolved).toEqual([{ name: "Mode", kind: "parameter", suppliable: true, file: "template.yaml", line: 2, type: "String", fields: [] }]);
    expect((await importOne(template, { region: "eu-west-1", parameters: { Mode: "strict" } })).pool.document).toMatchObject({ metadata: { name: "strict" }, spec: { mfaConfiguration: "ON" } });
  });
});
