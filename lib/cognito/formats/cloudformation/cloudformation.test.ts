import { parse } from "yaml";
import { describe, expect, test } from "vitest";
import { KITCHEN_SINK_DOCUMENT, SEED_000_DOCUMENT } from "../sample-documents";
import { parseCloudFormation } from "./parse-cloudformation";
import { renderCloudFormation } from "./render-cloudformation";

type Template = { Resources: Record<string, { Type: string; DependsOn?: string[]; Properties: Record<string, unknown> }>; Metadata: Record<string, unknown> };

function template(doc = KITCHEN_SINK_DOCUMENT): Template {
  return parse(renderCloudFormation(doc).files[0].content, { customTags: [{ tag: "!Ref", resolve: (v: string) => ({ Ref: v }) }] }) as Template;
}

describe("renderCloudFormation", () => {
  test("writes the pool with CloudFormation's own spellings (Policies, EnabledMfas, WebAuthn*, EmailAuthentication*)", () => {
    const pool = template().Resources.UserPool;
    expect(pool.Type).toBe("AWS::Cognito::UserPool");
    expect(pool.Properties).toMatchObject({
      UserPoolName: "kitchen-sink",
      UsernameAttributes: ["email"],
      MfaConfiguration: "OPTIONAL",
      EnabledMfas: ["SOFTWARE_TOKEN_MFA", "SMS_MFA", "EMAIL_OTP"],
      EmailAuthenticationMessage: "Your sign-in code is {####}",
      EmailAuthenticationSubject: "Sign-in code",
      WebAuthnRelyingPartyID: "auth.example.com",
      WebAuthnUserVerification: "preferred",
      DeletionProtection: "ACTIVE",
      UserPoolTier: "PLUS",
      UserPoolTags: { environment: "production", "cost-center": "auth" },
    });
    expect((pool.Properties.Policies as { PasswordPolicy: unknown }).PasswordPolicy).toEqual({
      MinimumLength: 14,
      RequireUppercase: true,
      RequireLowercase: true,
      RequireNumbers: true,
      RequireSymbols: false,
      PasswordHistorySize: 5,
      TemporaryPasswordValidityDays: 3,
    });
    expect(pool.Properties.AdminCreateUserConfig).toMatchObject({ InviteMessageTemplate: { SMSMessage: "Hello {username}, your password is {####}" } });
    expect(pool.Properties.LambdaConfig).toMatchObject({ KMSKeyID: expect.stringContaining(":key/"), CustomEmailSender: { LambdaVersion: "V1_0" } });
  });

  test("children reference the pool with !Ref; a client depends on the servers whose scopes it uses", () => {
    const { Resources } = template();
    expect(Resources.OrdersAPIResourceServer.Properties).toMatchObject({
      UserPoolId: { Ref: "UserPool" },
      Identifier: "https://api.example.com",
      Scopes: [
        { ScopeName: "orders.read", ScopeDescription: "Read orders" },
        { ScopeName: "orders.write", ScopeDescription: "Create and change orders" },
      ],
    });
    expect(Resources.WebSpaClient.DependsOn).toEqual(["OrdersAPIResourceServer", "ReportsResourceServer"]);
    expect(Resources.WebSpaClient.Properties).toMatchObject({
      ClientName: "web-spa",
      CallbackURLs: ["https://app.example.com/callback", "http://localhost:3000/callback"],
      DefaultRedirectURI: "https://app.example.com/callback",
      TokenValidityUnits: { AccessToken: "minutes", IdToken: "minutes", RefreshToken: "days" },
    });
    expect(Resources.UserPoolDomain.Properties).toEqual({
      UserPoolId: { Ref: "UserPool" },
      Domain: "auth.example.com",
      CustomDomainConfig: { CertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abcd-1234" },
      ManagedLoginVersion: 2,
    });
  });

  test("the Region goes into the template's Metadata, since a template is region-neutral", () => {
    expect(template(SEED_000_DOCUMENT).Metadata).toEqual({ CognitoStudio: { Region: "eu-central-1" } });
  });

  test("RefreshTokenValidity 0 (below CloudFormation's minimum of 1) is left out with a warning", () => {
    const doc = structuredClone(SEED_000_DOCUMENT);
    doc.spec.clients = [{ name: "web", refreshTokenValidity: 0 }];
    const result = renderCloudFormation(doc);
    expect(result.files[0].content).not.toContain("RefreshTokenValidity");
    expect(result.diagnostics).toEqual([expect.objectContaining({ path: "spec.clients[0].refreshTokenValidity", code: "not-expressible" })]);
  });
});

describe("parseCloudFormation", () => {
  test("round-trips the sample documents exactly", () => {
    for (const doc of [SEED_000_DOCUMENT, KITCHEN_SINK_DOCUMENT]) expect(parseCloudFormation(renderCloudFormation(doc).files[0].content).document).toEqual(doc);
  });

  test("reads short-form intrinsics: !Ref to the pool and to parameters, !Sub over parameters; others are warnings", () => {
    const text = `
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Stage: { Type: String, Default: prod }
  CallbackUrl: { Type: String, Default: "https://app.example.com/cb" }
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: !Sub "app-\${Stage}"
      LambdaConfig:
        PreSignUp: !GetAtt PreSignUpFn.Arn
  Web:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      ClientName: web
      CallbackURLs: [!Ref CallbackUrl]
      AllowedOAuthFlowsUserPoolClient: true
  PreSignUpFn:
    Type: AWS::Lambda::Function
    Properties: {}
Outputs:
  PoolId: { Value: !Ref Pool }
`;
    const result = parseCloudFormation(text, { region: "eu-west-1" });
    expect(result.document).toEqual({
      apiVersion: "cognito-studio.dev/v1",
      kind: "UserPool",
      metadata: { name: "app-prod" },
      spec: {
        region: "eu-west-1",
        lambdaConfig: {},
        clients: [{ name: "web", callbackUrls: ["https://app.example.com/cb"], allowedOAuthFlowsUserPoolClient: true }],
      },
    });
    const messages = result.diagnostics.map((d) => d.message);
    expect(messages).toContain('Resources.Pool.Properties.LambdaConfig.PreSignUp uses Fn::GetAtt ["PreSignUpFn","Arn"], which the importer cannot evaluate; the property was not imported');
    expect(messages).toContain("Resources.PreSignUpFn (AWS::Lambda::Function) is not part of the pool model; it was not imported");
    expect(messages).toContain("template: the template's Outputs section is not part of the pool model; it was not imported");
  });

  test("reads JSON templates", () => {
    const json = JSON.stringify({
      Metadata: { CognitoStudio: { Region: "ap-southeast-2" } },
      Resources: { P: { Type: "AWS::Cognito::UserPool", Properties: { UserPoolName: "p", Policies: { PasswordPolicy: { MinimumLength: 9 } } } } },
    });
    expect(parseCloudFormation(json).document?.spec).toEqual({ region: "ap-southeast-2", passwordPolicy: { minimumLength: 9 } });
  });

  test("a template without a Region and no --region is an error; no pool is an error", () => {
    const noRegion = parseCloudFormation("Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n    Properties: { UserPoolName: p }\n");
    expect(noRegion.document).toBeUndefined();
    expect(noRegion.diagnostics).toContainEqual(expect.objectContaining({ severity: "error", code: "no-region" }));
    expect(parseCloudFormation("Resources: {}\n").diagnostics).toEqual([expect.objectContaining({ code: "no-user-pool" })]);
    expect(parseCloudFormation("a: [").diagnostics).toEqual([expect.objectContaining({ code: "unparsable" })]);
  });
});
