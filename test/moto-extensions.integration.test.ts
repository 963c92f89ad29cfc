/**
 * The operations moto 5.2 lacks, added by test/support/moto_ext/ and reached by the real SDK over HTTP.
 * Their behaviour is modelled from the API reference, not observed on AWS:
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetLogDeliveryConfiguration.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetLogDeliveryConfiguration.html
 * Input is checked against the vendored API model (required members, enums, lengths, patterns, list sizes).
 */
import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
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
