import { expect, test } from "vitest";
import { runCli } from "../main";
import { memoryIo } from "@/test/support/cli-io";

const pool = `apiVersion: cognito-studio.dev/v1
kind: UserPool
metadata: { name: shop }
spec:
  region: eu-west-1
  clients:
    - name: web
      allowedOAuthFlowsUserPoolClient: true
      allowedOAuthFlows: [code]
      allowedOAuthScopes: [openid, email]
      callbackUrls: [https://app.example.com/api/auth/callback/cognito]
    - name: backend
      generateSecret: true
      allowedOAuthFlowsUserPoolClient: true
      allowedOAuthFlows: [code]
      allowedOAuthScopes: [openid]
      callbackUrls: [https://admin.example.com/cb]
  domain: { domain: shop-auth }
`;

test("facts by default; placeholders without --user-pool-id", async () => {
  const io = memoryIo({ files: { "pool.yaml": pool } });
  expect(await runCli(["connect", "pool.yaml", "--client", "web"], io)).toBe(0);
  expect(io.out()).toMatch(/^token: +https:\/\/shop-auth\.auth\.eu-west-1\.amazoncognito\.com\/oauth2\/token$/mu);
  expect(io.out()).toContain("not applied: ids are placeholders");
});

test("--for next-auth prints auth.ts; --for amplify refuses a client with a secret, with the reason", async () => {
  const io = memoryIo({ files: { "pool.yaml": pool } });
  expect(await runCli(["connect", "pool.yaml", "--client", "web", "--for", "next-auth"], io)).toBe(0);
  expect(io.out()).toContain('import Cognito from "next-auth/providers/cognito";');
  const amplify = memoryIo({ files: { "pool.yaml": pool } });
  expect(await runCli(["connect", "pool.yaml", "--client", "backend", "--for", "amplify"], amplify)).toBe(1);
  expect(amplify.out()).toBe("");
  expect(amplify.err()).toContain("cannot keep a client secret");
});

test("a client secret is only ever referred to", async () => {
  const io = memoryIo({ files: { "pool.yaml": pool } });
  expect(await runCli(["connect", "pool.yaml", "--client", "backend", "--for", "next-auth", "--format", "json"], io)).toBe(0);
  const out = JSON.parse(io.out()) as { connection: { secretReference: string }; snippet: { text: string } };
  expect(out.connection.secretReference).toContain("never stores it");
  expect(out.snippet.text).toContain("clientSecret: process.env.AUTH_COGNITO_SECRET");
});

test("usage: unknown client, unknown kind, missing --client", async () => {
  const unknown = memoryIo({ files: { "pool.yaml": pool } });
  expect(await runCli(["connect", "pool.yaml", "--client", "mobile"], unknown)).toBe(1);
  expect(unknown.err()).toContain('no app client named "mobile"; the design has web, backend');
  expect(await runCli(["connect", "pool.yaml", "--client", "web", "--for", "flutter"], memoryIo({ files: { "pool.yaml": pool } }))).toBe(2);
  expect(await runCli(["connect", "pool.yaml"], memoryIo({ files: { "pool.yaml": pool } }))).toBe(2);
});
