import { parse } from "yaml";

/** The short forms the exported templates use, read as their long forms (an unknown tag is a warning on stderr). */
const CFN_TAGS = [
  { tag: "!Ref", resolve: (v: string) => ({ Ref: v }) },
  { tag: "!GetAtt", resolve: (v: string) => ({ "Fn::GetAtt": v.split(".") }) },
];
import { describe, expect, test } from "vitest";
import { BLOG_POOL_DOCUMENT, MAXIMAL_POOL_DOCUMENT, poolDocument } from "@/test/support/pool-documents";
import { parseCloudFormation } from "./parse-cloudformation";
import { renderCloudFormation } from "./render-cloudformation";

type Template = { Resources: Record<string, { Type: string; DependsOn?: string[]; Properties: Record<string, unknown> }>; Metadata: Record<string, unknown> };

function template(doc = MAXIMAL_POOL_DOCUMENT): Template {
  return parse(renderCloudFormation(doc).files[0].content, { customTags: CFN_TAGS }) as Template;
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
    expect(template(BLOG_POOL_DOCUMENT).Metadata).toEqual({ CognitoStudio: { Region: "eu-central-1" } });
  });

  test("RefreshTokenValidity 0 (below CloudFormation's minimum of 1) is left out with a warning", () => {
    const doc = structuredClone(BLOG_POOL_DOCUMENT);
    doc.spec.clients = [{ name: "web", refreshTokenValidity: 0 }];
    const result = renderCloudFormation(doc);
    expect(result.files[0].content).not.toContain("RefreshTokenValidity");
    expect(result.diagnostics).toEqual([expect.objectContaining({ path: "spec.clients[0].refreshTokenValidity", code: "not-expressible" })]);
  });
});

describe("parseCloudFormation", () => {
  test("round-trips the sample documents exactly", () => {
    for (const doc of [BLOG_POOL_DOCUMENT, MAXIMAL_POOL_DOCUMENT]) expect(parseCloudFormation(renderCloudFormation(doc).files[0].content).document).toEqual(doc);
  });

  test("reads short-form intrinsics: !Ref and !Sub over parameters; a !GetAtt of another resource is a gap at its field", () => {
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
  PreSignUpFn:
    Type: AWS::Lambda::Function
    Properties: {}
Outputs:
  PoolId: { Value: !Ref Pool }
`;
    const result = parseCloudFormation(text, { region: "eu-west-1" });
    // The trigger's ARN exists only once the stack is deployed: no document until it is set.
    expect(result.document).toBeUndefined();
    expect(result.diagnostics).toContainEqual({
      severity: "error",
      path: "spec.lambdaConfig.preSignUp",
      code: "unresolved-input",
      message:
        "set from !GetAtt PreSignUpFn.Arn in template line 12; it depends on PreSignUpFn.Arn (an attribute of AWS::Lambda::Function PreSignUpFn, known once the stack is deployed): set the field in the draft by hand",
    });
    const messages = result.diagnostics.map((d) => d.message);
    expect(messages).toContain("template line 19: AWS::Lambda::Function PreSignUpFn is not part of a user pool; not imported");
    expect(messages).toContain("template line 22: the template's Outputs section is not part of the pool model; not imported");
    expect(parseCloudFormation(text.replace("!GetAtt PreSignUpFn.Arn", "arn:aws:lambda:eu-west-1:123456789012:function:pre"), { region: "eu-west-1" }).document).toEqual(poolDocument({
      lambdaConfig: { preSignUp: "arn:aws:lambda:eu-west-1:123456789012:function:pre" },
      clients: [{ name: "web", callbackUrls: ["https://app.example.com/cb"] }],
    }, "app-prod"));
  });

  test("reads JSON templates", () => {
    const json = JSON.stringify({
      Metadata: { CognitoStudio: { Region: "ap-southeast-2" } },
      Resources: { P: { Type: "AWS::Cognito::UserPool", Properties: { UserPoolName: "p", Policies: { PasswordPolicy: { MinimumLength: 9 } } } } },
    });
    expect(parseCloudFormation(json).document?.spec).toEqual({ region: "ap-southeast-2", passwordPolicy: { minimumLength: 9 } });
  });

  test("a template without a Region and no --region is a design without one; no pool is an error", () => {
    const noRegion = parseCloudFormation("Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n    Properties: { UserPoolName: p }\n");
    expect(noRegion.document?.spec).toEqual({});
    expect(noRegion.diagnostics).toEqual([]);
    expect(parseCloudFormation("Resources: {}\n").diagnostics).toEqual([expect.objectContaining({ code: "no-user-pool" })]);
    expect(parseCloudFormation("a: [").diagnostics).toEqual([expect.objectContaining({ code: "unparsable" })]);
  });
});

describe("groups and identity providers (UserPoolGroup, UserPoolIdentityProvider)", () => {
  const provider = (name: string, type: "Google" | "OIDC" | "SignInWithApple", secretRef: { source: "env" | "secretsManager" | "ssmParameter"; name: string; jsonKey?: string }) => ({
    providerName: name,
    providerType: type,
    providerDetails: { client_id: "c", authorize_scopes: "openid" },
    secretRef,
  });
  const doc = poolDocument({
    groups: [{ name: "admins", description: "Admins", precedence: 0 }],
    identityProviders: [
      provider("Google", "Google", { source: "secretsManager", name: "prod/google", jsonKey: "client_secret" }),
      provider("Okta", "OIDC", { source: "env", name: "IDP_SECRET_OKTA" }),
      provider("SignInWithApple", "SignInWithApple", { source: "ssmParameter", name: "/apple/key" }),
    ],
    clients: [{ name: "web", supportedIdentityProviders: ["COGNITO", "Google", "Okta"] }],
  });

  test("secrets become a dynamic reference or a NoEcho parameter, and read back as the same references", () => {
    const { files, diagnostics } = renderCloudFormation(doc);
    expect(diagnostics).toEqual([]);
    const template = parse(files[0].content, { customTags: CFN_TAGS }) as { Parameters: Record<string, { NoEcho: boolean }>; Resources: Record<string, { Type: string; DependsOn?: string[]; Properties: Record<string, unknown> }> };
    expect(template.Resources.GoogleIdentityProvider?.Properties.ProviderDetails).toEqual({ client_id: "c", authorize_scopes: "openid", client_secret: "{{resolve:secretsmanager:prod/google:SecretString:client_secret}}" });
    expect(template.Resources.OktaIdentityProvider?.Properties.ProviderDetails).toMatchObject({ client_secret: { Ref: "OktaClientSecret" } });
    expect(Object.values(template.Parameters).every((p) => p.NoEcho)).toBe(true);
    expect(Object.keys(template.Parameters)).toEqual(["OktaClientSecret", "SignInWithApplePrivateKey"]);
    expect(template.Resources.WebClient?.DependsOn).toEqual(["GoogleIdentityProvider", "OktaIdentityProvider"]);
    expect(template.Resources.AdminsGroup?.Type).toBe("AWS::Cognito::UserPoolGroup");
    expect(parseCloudFormation(files[0].content).document).toEqual(doc);
  });

  test("a literal secret is not imported; ssm-secure and a plain NoEcho parameter become references", () => {
    const text = `
Parameters:
  IdpSecret: { Type: String, NoEcho: true }
Resources:
  Pool: { Type: AWS::Cognito::UserPool, Properties: { UserPoolName: p } }
  Literal:
    Type: AWS::Cognito::UserPoolIdentityProvider
    Properties: { UserPoolId: !Ref Pool, ProviderName: Google, ProviderType: Google, ProviderDetails: { client_id: c, client_secret: GOCSPX-literal-in-a-template } }
  Ssm:
    Type: AWS::Cognito::UserPoolIdentityProvider
    Properties: { UserPoolId: !Ref Pool, ProviderName: Okta, ProviderType: OIDC, ProviderDetails: { client_id: o, client_secret: "{{resolve:ssm-secure:/okta/secret:3}}" } }
  Param:
    Type: AWS::Cognito::UserPoolIdentityProvider
    Properties: { UserPoolId: !Ref Pool, ProviderName: Auth0, ProviderType: OIDC, ProviderDetails: { client_id: a, client_secret: !Ref IdpSecret } }
`;
    const result = parseCloudFormation(text, { region: "eu-west-1" });
    expect(JSON.stringify(result.document)).not.toContain("GOCSPX-literal-in-a-template");
    expect(result.diagnostics.map((d) => d.code)).toContain("provider-secret-removed");
    const providers = (result.document as { spec: { identityProviders: { providerName: string; secretRef?: unknown }[] } }).spec.identityProviders;
    expect(providers.map((p) => [p.providerName, p.secretRef])).toEqual([
      ["Google", undefined],
      ["Okta", { source: "ssmParameter", name: "/okta/secret" }],
      ["Auth0", { source: "env", name: "IDP_SECRET_IdpSecret" }],
    ]);
  });
});
