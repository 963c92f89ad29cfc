/**
 * `connect --user-pool-id` against a real moto server: the live ids replace the placeholders, and the
 * JWKS path under the issuer is the one the Cognito service (here moto's) serves the pool's keys at.
 */
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { startMoto, type MotoServer } from "../../test/support/moto";
import { runCli } from "../main";
import { memoryIo } from "@/test/support/cli-io";

let moto: MotoServer;
beforeAll(async () => {
  moto = await startMoto();
  vi.stubEnv("AWS_ACCESS_KEY_ID", "testing");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "testing");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await moto?.stop();
});

const pool = `apiVersion: cognito-studio.dev/v1
kind: UserPool
metadata: { name: connect-pool }
spec:
  region: eu-west-1
  clients:
    - name: web
      allowedOAuthFlowsUserPoolClient: true
      allowedOAuthFlows: [code]
      allowedOAuthScopes: [openid, email]
      callbackUrls: [https://app.example.com/callback]
  domain: { domain: connect-pool-auth }
`;

test("after apply, connect prints the live pool and client ids; the JWKS URL's path serves the pool's keys", async () => {
  const apply = memoryIo({ files: { "pool.yaml": pool } });
  expect(await runCli(["apply", "pool.yaml", "--create", "--yes", "--endpoint", moto.endpoint, "--format", "json"], apply)).toBe(0);
  const userPoolId = (JSON.parse(apply.out()) as { userPoolId: string }).userPoolId;

  const io = memoryIo({ files: { "pool.yaml": pool } });
  expect(await runCli(["connect", "pool.yaml", "--client", "web", "--for", "env", "--user-pool-id", userPoolId, "--endpoint", moto.endpoint], io)).toBe(0);
  const env = Object.fromEntries(io.out().split("\n").filter((l) => l.includes("=") && !l.startsWith("#")).map((l) => l.split("=", 2) as [string, string]));
  expect(env.COGNITO_USER_POOL_ID).toBe(userPoolId);
  expect(env.COGNITO_CLIENT_ID).toMatch(/^[a-z0-9]{20,}$/u);
  expect(io.out()).toContain("ids of the live pool");

  // The issuer is AWS's host; the path below it is the same on moto's endpoint.
  const jwksPath = new URL(env.COGNITO_JWKS_URL ?? "").pathname;
  expect(jwksPath).toBe(`/${userPoolId}/.well-known/jwks.json`);
  const keys = (await (await fetch(`${moto.endpoint}${jwksPath}`)).json()) as { keys: { kid: string; alg: string }[] };
  expect(keys.keys.length).toBeGreaterThan(0);
  expect(keys.keys[0]?.alg).toBe("RS256");
});
