import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startMoto, type MotoServer } from "./support/moto";

let moto: MotoServer;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

test("the real SDK creates and reads a user pool on the moto server", async () => {
  const cognito = new CognitoIdentityProviderClient({
    region: "eu-west-1",
    endpoint: moto.endpoint,
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
  });
  const created = await cognito.send(
    new CreateUserPoolCommand({
      PoolName: "studio-smoke",
      UsernameAttributes: ["email"],
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireNumbers: true } },
    }),
  );
  const id = created.UserPool?.Id;
  expect(id).toMatch(/^eu-west-1_[0-9A-Za-z]+$/);

  const described = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: id }));
  expect(described.UserPool?.Name).toBe("studio-smoke");
  expect(described.UserPool?.UsernameAttributes).toEqual(["email"]);
  expect(described.UserPool?.Policies?.PasswordPolicy?.MinimumLength).toBe(12);
});
