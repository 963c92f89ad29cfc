/**
 * The secret resolver against a real moto Secrets Manager: what an error may say, and which names the
 * default allows.
 */
import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMoto, type MotoServer } from "../../../test/support/moto";
import { createSecretResolver } from "./secret-resolver";

const REGION = "eu-west-1";
const PLAIN_SECRET = "Zq9#xV7!mK2@pL5$wR8^";
let moto: MotoServer;
let connection: { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };

beforeAll(async () => {
  moto = await startMoto();
  connection = { region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } };
  const client = new SecretsManagerClient(connection);
  for (const [name, value] of [
    ["studio/idp/plain", PLAIN_SECRET],
    ["studio/idp/json", JSON.stringify({ client_secret: "from-json" })],
    ["prod/database-password", "not-for-identity-providers"],
  ])
    await client.send(new CreateSecretCommand({ Name: name, SecretString: value }));
});
afterAll(async () => {
  await moto?.stop();
});

/** Every run of 3 characters of the secret: none may appear in what the error says. */
const fragments = (secret: string) => Array.from({ length: secret.length - 2 }, (_, i) => secret.slice(i, i + 3));

describe("secret resolver errors never hold the secret", () => {
  test("a jsonKey on a plain-text secret names the reference and the fix, and quotes nothing of the value", async () => {
    const error = await createSecretResolver(connection, {})({ source: "secretsManager", name: "studio/idp/plain", jsonKey: "client_secret" }).then(
      () => new Error("the resolver returned a value"),
      (e: unknown) => e as Error,
    );
    expect(error.message).toBe('secretsManager "studio/idp/plain" (key client_secret): the secret is not a JSON object, so it has no key client_secret; remove jsonKey to use the whole secret, or store it as JSON');
    for (const fragment of fragments(PLAIN_SECRET)) expect(`${error.message}\n${error.stack ?? ""}`).not.toContain(fragment);
  });

  test("a jsonKey on a JSON secret still reads its key", async () => {
    await expect(createSecretResolver(connection, {})({ source: "secretsManager", name: "studio/idp/json", jsonKey: "client_secret" })).resolves.toBe("from-json");
  });
});

describe("STUDIO_SECRET_NAME_PREFIX", () => {
  const other = { source: "secretsManager" as const, name: "prod/database-password" };

  test.each([
    ["unset", {}],
    ["empty (a variable templated from nothing)", { STUDIO_SECRET_NAME_PREFIX: "" }],
  ])("%s: only studio/idp/ names are read", async (_, env) => {
    const resolve = createSecretResolver(connection, env);
    await expect(resolve(other)).rejects.toThrow('refusing to read secretsManager "prod/database-password": STUDIO_SECRET_NAME_PREFIX allows only names starting with studio/idp/ (the default)');
    await expect(resolve({ source: "secretsManager", name: "studio/idp/plain" })).resolves.toBe(PLAIN_SECRET);
  });

  test("a deployment's own prefix replaces the default", async () => {
    const resolve = createSecretResolver(connection, { STUDIO_SECRET_NAME_PREFIX: "prod/" });
    await expect(resolve(other)).resolves.toBe("not-for-identity-providers");
    await expect(resolve({ source: "secretsManager", name: "studio/idp/plain" })).rejects.toThrow("allows only names starting with prod/;");
  });

  test("* allows any name, on purpose", async () => {
    await expect(createSecretResolver(connection, { STUDIO_SECRET_NAME_PREFIX: "*" })(other)).resolves.toBe("not-for-identity-providers");
  });
});
