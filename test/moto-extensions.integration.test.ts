/**
 * The operations moto 5.2 lacks, added by test/support/moto_ext/ and reached by the real SDK over HTTP.
 * Their behaviour is modelled from the API reference, not observed on AWS:
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetLogDeliveryConfiguration.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetLogDeliveryConfiguration.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LogConfigurationType.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetRiskConfiguration.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeRiskConfiguration.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RiskConfigurationType.html
 * moto's own SetUserPoolMfaConfig, GetUserPoolMfaConfig, domain operations and DescribeUserPool are wrapped where
 * moto drops or mangles members (mfa_config.py, domains.py), modelled from:
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolDomain.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPoolDomain.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolType.html
 * Input is checked against the vendored API model (required members, enums, lengths, patterns, list sizes).
 */
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteUserPoolCommand,
  DeleteUserPoolDomainCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  GetUserPoolMfaConfigCommand,
  SetUserPoolMfaConfigCommand,
  UpdateUserPoolDomainCommand,
  DescribeRiskConfigurationCommand,
  GetLogDeliveryConfigurationCommand,
  SetLogDeliveryConfigurationCommand,
  SetRiskConfigurationCommand,
  type LogConfigurationType,
  type UserPoolTierType,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMoto, type MotoServer } from "./support/moto";

let moto: MotoServer;
let cognito: CognitoIdentityProviderClient;
beforeAll(async () => {
  moto = await startMoto();
  cognito = new CognitoIdentityProviderClient({
    region: "eu-west-1",
    endpoint: moto.endpoint,
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
  });
});
afterAll(async () => {
  await moto?.stop();
});

async function newPool(name: string, UserPoolTier?: UserPoolTierType): Promise<string> {
  const created = await cognito.send(new CreateUserPoolCommand({ PoolName: name, ...(UserPoolTier ? { UserPoolTier } : {}) }));
  return created.UserPool!.Id!;
}

const logGroup = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/vendedlogs/cognito";

test("a pool that never had log delivery answers with an empty list; a set is read back whole", async () => {
  const UserPoolId = await newPool("logs-roundtrip", "PLUS");
  const before = await cognito.send(new GetLogDeliveryConfigurationCommand({ UserPoolId }));
  expect(before.LogDeliveryConfiguration).toEqual({ UserPoolId, LogConfigurations: [] });

  const LogConfigurations: LogConfigurationType[] = [
    { EventSource: "userNotification", LogLevel: "ERROR", CloudWatchLogsConfiguration: { LogGroupArn: logGroup } },
    { EventSource: "userAuthEvents", LogLevel: "INFO", S3Configuration: { BucketArn: "arn:aws:s3:::auth-logs" } },
  ];
  await cognito.send(new SetLogDeliveryConfigurationCommand({ UserPoolId, LogConfigurations }));
  const after = await cognito.send(new GetLogDeliveryConfigurationCommand({ UserPoolId }));
  expect(after.LogDeliveryConfiguration?.LogConfigurations).toEqual(LogConfigurations);
});

test("input that breaks the API model is refused with InvalidParameterException naming the member", async () => {
  const UserPoolId = await newPool("logs-invalid");
  const send = (LogConfigurations: unknown[]) =>
    cognito.send(
      new SetLogDeliveryConfigurationCommand({ UserPoolId, LogConfigurations: LogConfigurations as LogConfigurationType[] }),
    );
  await expect(send([{ EventSource: "userNotification", LogLevel: "DEBUG" }])).rejects.toMatchObject({
    name: "InvalidParameterException",
    message: expect.stringContaining("LogConfigurations.1.member.LogLevel"),
  });
  await expect(
    send([{ EventSource: "userNotification", LogLevel: "ERROR", CloudWatchLogsConfiguration: { LogGroupArn: "nope" } }]),
  ).rejects.toMatchObject({ name: "InvalidParameterException", message: expect.stringContaining("LogGroupArn") });
  const three = Array.from({ length: 3 }, () => ({ EventSource: "userNotification", LogLevel: "ERROR" }));
  await expect(send(three)).rejects.toMatchObject({
    name: "InvalidParameterException",
    message: expect.stringContaining("length less than or equal to 2"),
  });
});

test("an unknown pool is ResourceNotFoundException, and a deleted pool's settings go with it", async () => {
  await expect(
    cognito.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: "eu-west-1_doesNotExist" })),
  ).rejects.toMatchObject({ name: "ResourceNotFoundException" });
  const UserPoolId = await newPool("logs-deleted");
  await cognito.send(new DeleteUserPoolCommand({ UserPoolId }));
  await expect(cognito.send(new GetLogDeliveryConfigurationCommand({ UserPoolId }))).rejects.toMatchObject({
    name: "ResourceNotFoundException",
  });
});

test("each event source takes its own level and destination; user authentication logs need the Plus plan", async () => {
  const essentials = await newPool("logs-essentials");
  const send = (UserPoolId: string, entry: Record<string, unknown>) =>
    cognito.send(new SetLogDeliveryConfigurationCommand({ UserPoolId, LogConfigurations: [entry as unknown as LogConfigurationType] }));
  await expect(send(essentials, { EventSource: "userNotification", LogLevel: "INFO", CloudWatchLogsConfiguration: { LogGroupArn: logGroup } })).rejects.toMatchObject({
    name: "InvalidParameterException",
  });
  await expect(send(essentials, { EventSource: "userNotification", LogLevel: "ERROR", S3Configuration: { BucketArn: "arn:aws:s3:::b" } })).rejects.toMatchObject({
    name: "InvalidParameterException",
  });
  await expect(send(essentials, { EventSource: "userAuthEvents", LogLevel: "INFO", S3Configuration: { BucketArn: "arn:aws:s3:::b" } })).rejects.toMatchObject({
    name: "FeatureUnavailableInTierException",
  });
  await send(essentials, { EventSource: "userNotification", LogLevel: "ERROR", CloudWatchLogsConfiguration: { LogGroupArn: logGroup } });
});

describe("risk configuration", () => {
  const takeover = {
    Actions: { HighAction: { EventAction: "BLOCK" as const, Notify: false } },
  };

  async function poolWithClient(name: string, tier?: UserPoolTierType) {
    const UserPoolId = await newPool(name, tier);
    const client = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: "web" }));
    return { UserPoolId, ClientId: client.UserPoolClient!.ClientId! };
  }

  test("a pool never set answers with only its id; a set is read back", async () => {
    const { UserPoolId } = await poolWithClient("risk-roundtrip", "PLUS");
    const before = await cognito.send(new DescribeRiskConfigurationCommand({ UserPoolId }));
    expect(before.RiskConfiguration).toEqual({ UserPoolId });
    await cognito.send(new SetRiskConfigurationCommand({ UserPoolId, AccountTakeoverRiskConfiguration: takeover, RiskExceptionConfiguration: { BlockedIPRangeList: ["192.0.2.0/24"] } }));
    const after = await cognito.send(new DescribeRiskConfigurationCommand({ UserPoolId }));
    expect(after.RiskConfiguration).toMatchObject({ UserPoolId, AccountTakeoverRiskConfiguration: takeover, RiskExceptionConfiguration: { BlockedIPRangeList: ["192.0.2.0/24"] } });
    expect(after.RiskConfiguration?.LastModifiedDate).toBeInstanceOf(Date);
  });

  test("describe of a client without its own configuration falls back to the pool's; with its own, answers that", async () => {
    const { UserPoolId, ClientId } = await poolWithClient("risk-fallback", "PLUS");
    await cognito.send(new SetRiskConfigurationCommand({ UserPoolId, RiskExceptionConfiguration: { BlockedIPRangeList: ["192.0.2.0/24"] } }));
    const fallback = await cognito.send(new DescribeRiskConfigurationCommand({ UserPoolId, ClientId }));
    expect(fallback.RiskConfiguration?.ClientId).toBeUndefined();
    expect(fallback.RiskConfiguration?.RiskExceptionConfiguration).toEqual({ BlockedIPRangeList: ["192.0.2.0/24"] });

    await cognito.send(new SetRiskConfigurationCommand({ UserPoolId, ClientId, RiskExceptionConfiguration: { SkippedIPRangeList: ["198.51.100.0/24"] } }));
    const own = await cognito.send(new DescribeRiskConfigurationCommand({ UserPoolId, ClientId }));
    expect(own.RiskConfiguration).toMatchObject({ ClientId, RiskExceptionConfiguration: { SkippedIPRangeList: ["198.51.100.0/24"] } });
    // The pool's stays as it was: a ClientId maps the configuration to the app client only.
    const pool = await cognito.send(new DescribeRiskConfigurationCommand({ UserPoolId }));
    expect(pool.RiskConfiguration?.RiskExceptionConfiguration).toEqual({ BlockedIPRangeList: ["192.0.2.0/24"] });

    // UserPoolId and ClientId only: the client inherits the pool's again.
    await cognito.send(new SetRiskConfigurationCommand({ UserPoolId, ClientId }));
    const inherited = await cognito.send(new DescribeRiskConfigurationCommand({ UserPoolId, ClientId }));
    expect(inherited.RiskConfiguration?.ClientId).toBeUndefined();
  });

  test("a set replaces the whole configuration: a part not sent is back to its default", async () => {
    const { UserPoolId } = await poolWithClient("risk-replace", "PLUS");
    await cognito.send(new SetRiskConfigurationCommand({ UserPoolId, AccountTakeoverRiskConfiguration: takeover, RiskExceptionConfiguration: { BlockedIPRangeList: ["192.0.2.0/24"] } }));
    await cognito.send(new SetRiskConfigurationCommand({ UserPoolId, RiskExceptionConfiguration: { BlockedIPRangeList: ["192.0.2.0/24"] } }));
    const after = await cognito.send(new DescribeRiskConfigurationCommand({ UserPoolId }));
    expect(after.RiskConfiguration?.AccountTakeoverRiskConfiguration).toBeUndefined();
  });

  test("settings need the Plus plan; an unknown client or pool is ResourceNotFoundException; bad input names the member", async () => {
    const essentials = await poolWithClient("risk-essentials");
    await expect(cognito.send(new SetRiskConfigurationCommand({ UserPoolId: essentials.UserPoolId, AccountTakeoverRiskConfiguration: takeover }))).rejects.toMatchObject({
      name: "FeatureUnavailableInTierException",
    });
    const plus = await poolWithClient("risk-errors", "PLUS");
    await expect(cognito.send(new DescribeRiskConfigurationCommand({ UserPoolId: plus.UserPoolId, ClientId: "doesnotexist" }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
    await expect(cognito.send(new DescribeRiskConfigurationCommand({ UserPoolId: "eu-west-1_doesNotExist" }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
    await expect(
      cognito.send(
        new SetRiskConfigurationCommand({
          UserPoolId: plus.UserPoolId,
          AccountTakeoverRiskConfiguration: { Actions: { HighAction: { EventAction: "ALLOW" as never, Notify: true } } },
        }),
      ),
    ).rejects.toMatchObject({ name: "InvalidParameterException", message: expect.stringContaining("AccountTakeoverRiskConfiguration.Actions.HighAction.EventAction") });
  });
});

const SES = { EmailSendingAccount: "DEVELOPER" as const, SourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/no-reply@shop.test" };

test("SetUserPoolMfaConfig keeps email MFA and passkeys, with FactorConfiguration; Get answers them with defaults filled in", async () => {
  const id = (await cognito.send(new CreateUserPoolCommand({ PoolName: "mfa-ext", EmailConfiguration: SES }))).UserPool!.Id!;
  await cognito.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: id,
      MfaConfiguration: "ON",
      EmailMfaConfiguration: { Subject: "Code", Message: "Code {####}" },
      WebAuthnConfiguration: { RelyingPartyId: "shop.test", FactorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION" },
    }),
  );
  const { $metadata: _, ...mfa } = await cognito.send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }));
  expect(mfa).toEqual({
    MfaConfiguration: "ON",
    EmailMfaConfiguration: { Subject: "Code", Message: "Code {####}" },
    WebAuthnConfiguration: { RelyingPartyId: "shop.test", UserVerification: "preferred", FactorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION" },
  });
  // A Set without email MFA turns it off; the passkey settings stay.
  await cognito.send(new SetUserPoolMfaConfigCommand({ UserPoolId: id, MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: { Enabled: true } }));
  const after = await cognito.send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }));
  expect(after.EmailMfaConfiguration).toBeUndefined();
  expect(after.WebAuthnConfiguration?.FactorConfiguration).toBe("MULTI_FACTOR_WITH_USER_VERIFICATION");
});

test("SetUserPoolMfaConfig refuses what the API reference refuses", async () => {
  const cognitoDefault = (await cognito.send(new CreateUserPoolCommand({ PoolName: "mfa-refusals" }))).UserPool!.Id!;
  await expect(cognito.send(new SetUserPoolMfaConfigCommand({ UserPoolId: cognitoDefault, MfaConfiguration: "OPTIONAL", EmailMfaConfiguration: {} }))).rejects.toThrow(/Amazon SES/);
  await expect(cognito.send(new SetUserPoolMfaConfigCommand({ UserPoolId: cognitoDefault, MfaConfiguration: "ON" }))).rejects.toThrow(/At least one of/);
  await expect(
    cognito.send(new SetUserPoolMfaConfigCommand({ UserPoolId: cognitoDefault, MfaConfiguration: "OPTIONAL", SmsMfaConfiguration: { SmsAuthenticationMessage: "Code {####}" } })),
  ).rejects.toThrow(/SmsConfiguration/);
  await expect(
    cognito.send(new SetUserPoolMfaConfigCommand({ UserPoolId: cognitoDefault, WebAuthnConfiguration: { FactorConfiguration: "BOTH" as "SINGLE_FACTOR" } })),
  ).rejects.toThrow(/enum value set/);
  const lite = (await cognito.send(new CreateUserPoolCommand({ PoolName: "mfa-lite", UserPoolTier: "LITE", EmailConfiguration: SES }))).UserPool!.Id!;
  await expect(cognito.send(new SetUserPoolMfaConfigCommand({ UserPoolId: lite, MfaConfiguration: "OPTIONAL", EmailMfaConfiguration: {} }))).rejects.toThrow(
    expect.objectContaining({ name: "FeatureUnavailableInTierException" }),
  );
});

test("a pool has one prefix domain and one custom domain; each keeps its certificate and managed login version", async () => {
  const id = (await cognito.send(new CreateUserPoolCommand({ PoolName: "two-domains" }))).UserPool!.Id!;
  const certificate = "arn:aws:acm:us-east-1:123456789012:certificate/two-domains";
  const prefix = await cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: id, Domain: "two-domains-ext", ManagedLoginVersion: 2 }));
  const custom = await cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: id, Domain: "auth.two-domains.test", CustomDomainConfig: { CertificateArn: certificate } }));
  expect(prefix.ManagedLoginVersion).toBe(2);
  expect(custom.CloudFrontDomain).toMatch(/\.cloudfront\.net$/);
  await expect(cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: id, Domain: "another-prefix-ext" }))).rejects.toThrow(/already has a prefix domain/);
  const pool = (await cognito.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool!;
  expect([pool.Domain, pool.CustomDomain]).toEqual(["two-domains-ext", "auth.two-domains.test"]);
  const described = (await cognito.send(new DescribeUserPoolDomainCommand({ Domain: "auth.two-domains.test" }))).DomainDescription!;
  expect(described).toMatchObject({ Domain: "auth.two-domains.test", CustomDomainConfig: { CertificateArn: certificate }, ManagedLoginVersion: 1, CloudFrontDistribution: custom.CloudFrontDomain });
  await cognito.send(new UpdateUserPoolDomainCommand({ UserPoolId: id, Domain: "auth.two-domains.test", ManagedLoginVersion: 2 }));
  expect((await cognito.send(new DescribeUserPoolDomainCommand({ Domain: "auth.two-domains.test" }))).DomainDescription?.ManagedLoginVersion).toBe(2);
  await cognito.send(new DeleteUserPoolDomainCommand({ UserPoolId: id, Domain: "two-domains-ext" }));
  const after = (await cognito.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool!;
  expect([after.Domain, after.CustomDomain]).toEqual([undefined, "auth.two-domains.test"]);
});
