/**
 * `rotate-secret` through runCli. The pool and client are real (moto, found by name with
 * ListUserPoolClients); moto does not implement the client secret operations, so those three commands go to
 * an SDK stub (test/support/secret-stub.ts) that forwards everything else to moto.
 */
import { CognitoIdentityProviderClient, CreateUserPoolClientCommand, CreateUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { createSecretStub, type SecretStub } from "@/test/support/secret-stub";
import { createSdkClientSecretPort } from "../../lib/cognito/rotation/sdk-client-secret-port";
import { startMoto, type MotoServer } from "../../test/support/moto";
import { runCli } from "../main";
import { memoryIo } from "@/test/support/cli-io";
import { setClientSecretPortFactory } from "./rotate-secret";

const REGION = "eu-west-1";
let moto: MotoServer;
let stub: SecretStub;
let userPoolId: string;

beforeAll(async () => {
  moto = await startMoto();
  vi.stubEnv("AWS_ACCESS_KEY_ID", "testing");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "testing");
  const sdk = new CognitoIdentityProviderClient({ region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
  userPoolId = (await sdk.send(new CreateUserPoolCommand({ PoolName: "rotation" }))).UserPool!.Id!;
  const clientId = (await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: "backend", GenerateSecret: true }))).UserPoolClient!.ClientId!;
  stub = createSecretStub(sdk);
  stub.addClient(userPoolId, clientId);
  setClientSecretPortFactory(() => createSdkClientSecretPort(stub));
});
afterAll(async () => {
  setClientSecretPortFactory(undefined);
  vi.unstubAllEnvs();
  await moto?.stop();
});

const base = () => ["--user-pool-id", userPoolId, "--client", "backend", "--endpoint", moto.endpoint];
const count = (text: string, part: string) => text.split(part).length - 1;

test("start prints the new secret once, the guided confirmation deletes the old one; the secret is never printed again", async () => {
  const asked: string[] = [];
  const start = Object.assign(memoryIo(), { confirm: async (q: string) => (asked.push(q), true) });
  expect(await runCli(["rotate-secret", "start", ...base()], start)).toBe(0);
  const secrets = [...(stub.secrets.values())].flat();
  expect(secrets).toHaveLength(1); // the old one was deleted after the confirmation
  const value = secrets[0]!.value;
  expect(count(start.out(), value)).toBe(1);
  expect(start.err()).not.toContain(value);
  expect(asked).toEqual(['Does your application use the new secret now? Type "yes" to delete the old one: ']);
  expect(start.files.size).toBe(0); // nothing written anywhere

  const status = memoryIo();
  expect(await runCli(["rotate-secret", "status", ...base(), "--format", "json"], status)).toBe(0);
  expect(status.out()).toContain(secrets[0]!.id);
  expect(status.out()).not.toContain(value);
});

test("without the confirmation the old secret stays; a second start refuses instead of showing another; finish needs --confirmed", async () => {
  const start = Object.assign(memoryIo(), { confirm: async () => false });
  expect(await runCli(["rotate-secret", "start", ...base(), "--format", "json"], start)).toBe(0);
  const started = JSON.parse(start.out()) as { newSecret: { id: string; value: string }; previous: { id: string }[] };
  expect(start.err()).toContain(`--keep ${started.newSecret.id} --confirmed`);

  const again = memoryIo();
  expect(await runCli(["rotate-secret", "start", ...base()], again)).toBe(1);
  expect(again.err()).toContain("refused (rotation-in-progress)");
  expect(again.out()).toBe("");
  expect(stub.calls.filter((c) => c === "AddUserPoolClientSecret")).toHaveLength(2); // one per successful start

  const unconfirmed = memoryIo();
  expect(await runCli(["rotate-secret", "finish", ...base(), "--keep", started.newSecret.id], unconfirmed)).toBe(1);
  expect(unconfirmed.err()).toContain("refused (not-confirmed)");

  const finish = memoryIo();
  expect(await runCli(["rotate-secret", "finish", ...base(), "--keep", started.newSecret.id, "--confirmed"], finish)).toBe(0);
  expect(finish.out()).toBe(`Kept ${started.newSecret.id}; deleted ${started.previous[0]!.id}.\n`);
  expect(`${finish.out()}${finish.err()}`).not.toContain(started.newSecret.value);
});

test("an unknown client and usage errors", async () => {
  const unknown = memoryIo();
  expect(await runCli(["rotate-secret", "status", "--user-pool-id", userPoolId, "--client", "nope", "--endpoint", moto.endpoint], unknown)).toBe(1);
  expect(unknown.err()).toContain("no app client named nope");
  expect(await runCli(["rotate-secret", "finish", ...base()], memoryIo())).toBe(2);
  expect(await runCli(["rotate-secret", "spin", ...base()], memoryIo())).toBe(2);
});
