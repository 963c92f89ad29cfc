/**
 * The SDK-backed {@link ClientSecretPort}. Kept apart from aws/sdk-port.ts (the plan/apply port): these
 * calls are not part of a plan, and moto does not implement them, so they are tested with an SDK stub.
 */
import {
  AddUserPoolClientSecretCommand,
  type CognitoIdentityProviderClient,
  DeleteUserPoolClientSecretCommand,
  ListUserPoolClientSecretsCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { type CognitoConnectionOptions, createCognitoClient } from "../aws/sdk-port";
import type { ClientSecretPort } from "./port";

/** Anything that sends SDK commands: the real client, or a test stub. */
export type CommandSender = Pick<CognitoIdentityProviderClient, "send">;

export function createSdkClientSecretPort(target: CommandSender | CognitoConnectionOptions): ClientSecretPort {
  const client: CommandSender = "send" in target ? target : createCognitoClient(target);
  return {
    async listClientSecrets(UserPoolId, ClientId) {
      const out = await client.send(new ListUserPoolClientSecretsCommand({ UserPoolId, ClientId }));
      return (out.ClientSecrets ?? []).map((s) => ({ id: s.ClientSecretId ?? "", ...(s.ClientSecretCreateDate ? { createdAt: s.ClientSecretCreateDate } : {}) }));
    },
    async addClientSecret(UserPoolId, ClientId) {
      const out = await client.send(new AddUserPoolClientSecretCommand({ UserPoolId, ClientId }));
      const d = out.ClientSecretDescriptor;
      if (!d?.ClientSecretId || !d.ClientSecretValue) throw new Error("AddUserPoolClientSecret returned no generated secret");
      return { id: d.ClientSecretId, value: d.ClientSecretValue, ...(d.ClientSecretCreateDate ? { createdAt: d.ClientSecretCreateDate } : {}) };
    },
    async deleteClientSecret(UserPoolId, ClientId, ClientSecretId) {
      await client.send(new DeleteUserPoolClientSecretCommand({ UserPoolId, ClientId, ClientSecretId }));
    },
  };
}
