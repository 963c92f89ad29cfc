/** readLiveIds against moto: every page of ListUserPoolClients, and nothing else. */
import { CognitoIdentityProviderClient, CreateUserPoolClientCommand, CreateUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startMoto, type MotoServer } from "../../../test/support/moto";
import { createSdkPort } from "../aws/sdk-port";
import { readLiveIds } from "./live-ids";

let moto: MotoServer;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

test("125 clients: three ListUserPoolClients calls, no DescribeUserPoolClient, every id", async () => {
  const connection = { region: "eu-west-1", endpoint: moto.endpoint, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } };
  const sdk = new CognitoIdentityProviderClient(connection);
  const userPoolId = (await sdk.send(new CreateUserPoolCommand({ PoolName: "ids" }))).UserPool!.Id!;
  const created: Record<string, string> = {};
  for (let i = 0; i < 125; i++) {
    const name = `client-${i}`;
    created[name] = (await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: name }))).UserPoolClient!.ClientId!;
  }
  const port = createSdkPort(connection, { rateLimit: "off" });
  const ids = await readLiveIds(port, userPoolId);
  expect(ids).toEqual({ userPoolId, clientIds: created });
  expect(port.calls).toEqual({ ListUserPoolClients: 3 });
});
