/**
 * The operations moto 5.2 lacks, added by test/support/moto_ext/ and reached by the real SDK over HTTP.
 * Their behaviour is modelled from the API reference, not observed on AWS:
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetLogDeliveryConfiguration.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetLogDeliveryConfiguration.html
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
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteUserPoolCommand,
  DeleteUserPoolDomainCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  GetUserPoolMfaConfigCommand,
  SetUserPoolMfaConfigCommand,
  UpdateUserPoolDomainCommand,
  GetLogDeliveryConfigurationCommand,
  SetLogDeliveryConfigurationCommand,
  type LogConfigurationType,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, expect, test } from "vitest";
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

async function newPool(name: string): Promise<string> {
  const created = await cognito.send(new CreateUserPoolCommand({ PoolName: name }));
  return created.UserPool!.Id!;
}

const logGroup = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/vendedlogs/cognito";

test("a pool that never had log delivery answers with an empty list; a set is read back whole", async () => {
  const UserPoolId = await newPool("logs-roundtrip");
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
