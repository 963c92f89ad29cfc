/**
 * Test-only SDK stub: moto does not implement AddUserPoolClientSecret / ListUserPoolClientSecrets /
 * DeleteUserPoolClientSecret, so tests of rotation send those three commands here instead. It follows the
 * API model (vendored in test/fixtures/reference/): at most 2 secrets per client
 * (a third is LimitExceededException), the last secret cannot be deleted (InvalidParameterException),
 * List never includes ClientSecretValue, an unknown client is ResourceNotFoundException. Any other command
 * is an error (so a test notices an unexpected call), or goes to a fallback client when one is given.
 */
import { randomBytes } from "node:crypto";
import {
  AddUserPoolClientSecretCommand,
  DeleteUserPoolClientSecretCommand,
  ListUserPoolClientSecretsCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type { CommandSender } from "@/lib/cognito/rotation/sdk-client-secret-port";

const awsError = (name: string, message: string) => Object.assign(new Error(message), { name });

export interface SecretStub extends CommandSender {
  /** Secrets per `poolId/clientId` (the stub's state; values kept only to check what a test printed). */
  secrets: Map<string, { id: string; value: string; createdAt: Date }[]>;
  /** Commands received, by name. */
  calls: string[];
  /** Adds a client with one secret (what CreateUserPoolClient with GenerateSecret does). */
  addClient(userPoolId: string, clientId: string): string;
}

/** `fallback` receives every other command (e.g. a real client for moto), instead of an error. */
export function createSecretStub(fallback?: CommandSender): SecretStub {
  const secrets = new Map<string, { id: string; value: string; createdAt: Date }[]>();
  const calls: string[] = [];
  let counter = 0;
  const newSecret = (clientId: string) => ({ id: `${clientId}--${++counter}`, value: randomBytes(32).toString("base64url"), createdAt: new Date(Date.UTC(2026, 0, counter)) });
  const of = (input: { UserPoolId?: string; ClientId?: string }) => {
    const list = secrets.get(`${input.UserPoolId}/${input.ClientId}`);
    if (!list) throw awsError("ResourceNotFoundException", `User pool client ${input.ClientId} does not exist.`);
    return list;
  };
  const stub: SecretStub = {
    secrets,
    calls,
    addClient(userPoolId, clientId) {
      const secret = newSecret(clientId);
      secrets.set(`${userPoolId}/${clientId}`, [secret]);
      return secret.value;
    },
    send: (async (command: unknown) => {
      if (command instanceof ListUserPoolClientSecretsCommand) {
        calls.push("ListUserPoolClientSecrets");
        return { ClientSecrets: of(command.input).map((s) => ({ ClientSecretId: s.id, ClientSecretCreateDate: s.createdAt })) };
      }
      if (command instanceof AddUserPoolClientSecretCommand) {
        calls.push("AddUserPoolClientSecret");
        const list = of(command.input);
        if (list.length >= 2) throw awsError("LimitExceededException", "An app client can have at most 2 secrets.");
        const secret = newSecret(command.input.ClientId ?? "");
        list.push(secret);
        return { ClientSecretDescriptor: { ClientSecretId: secret.id, ClientSecretValue: secret.value, ClientSecretCreateDate: secret.createdAt } };
      }
      if (command instanceof DeleteUserPoolClientSecretCommand) {
        calls.push("DeleteUserPoolClientSecret");
        const list = of(command.input);
        const index = list.findIndex((s) => s.id === command.input.ClientSecretId);
        if (index < 0) throw awsError("ResourceNotFoundException", `Client secret ${command.input.ClientSecretId} does not exist.`);
        if (list.length === 1) throw awsError("InvalidParameterException", "You cannot delete the last remaining secret for an app client.");
        list.splice(index, 1);
        return {};
      }
      if (fallback) return fallback.send(command as Parameters<CommandSender["send"]>[0]);
      throw new Error(`secret stub: unexpected command ${(command as { constructor: { name: string } }).constructor.name}`);
    }) as CommandSender["send"],
  };
  return stub;
}
