import { expect, test } from "vitest";
import { runCli } from "../main";
import { memoryIo } from "@/test/support/cli-io";

const pool = `apiVersion: cognito-studio.dev/v1
kind: UserPool
metadata: { name: shop }
spec:
  region: eu-west-1
  usernameAttributes: [email]
  groups:
    - { name: admins, precedence: 0, roleArn: "arn:aws:iam::123456789012:role/admin" }
    - { name: staff, precedence: 5 }
  resourceServers:
    - identifier: https://api.example.com
      name: Orders API
      scopes: [{ name: orders.read, description: Read orders }]
  clients:
    - name: web
      allowedOAuthFlowsUserPoolClient: true
      allowedOAuthFlows: [code]
      allowedOAuthScopes: [openid, email, https://api.example.com/orders.read]
      callbackUrls: [https://app.example.com/cb]
      idTokenValidity: 30
      tokenValidityUnits: { idToken: minutes }
    - name: worker
      generateSecret: true
      allowedOAuthFlowsUserPoolClient: true
      allowedOAuthFlows: [client_credentials]
      allowedOAuthScopes: [https://api.example.com/orders.read]
  domain: { domain: shop-auth }
`;

type Printed = { idToken: Record<string, unknown> | null; accessToken: Record<string, unknown>; notes: { text: string; source: string }[] };

test("--format json: an SPA's ID and access token claims with its groups, and cited notes", async () => {
  const io = memoryIo({ files: { "pool.yaml": pool } });
  expect(await runCli(["tokens", "pool.yaml", "--client", "web", "--group", "admins", "--group", "staff", "--format", "json"], io)).toBe(0);
  const printed = JSON.parse(io.out()) as Printed;
  expect(Object.keys(printed)).toEqual(["idToken", "accessToken", "notes"]);
  expect(printed.idToken).toMatchObject({ token_use: "id", "cognito:groups": ["admins", "staff"], "cognito:preferred_role": "arn:aws:iam::123456789012:role/admin" });
  expect((printed.idToken!.exp as number) - (printed.idToken!.iat as number)).toBe(30 * 60);
  expect(printed.accessToken).toMatchObject({ token_use: "access", scope: "openid email https://api.example.com/orders.read" });
  expect(printed.notes.length).toBeGreaterThan(3);
  expect(printed.notes.every((n) => /^https:\/\/docs\.aws\.amazon\.com\//u.test(n.source))).toBe(true);
});

test("an M2M client prints idToken null and says why", async () => {
  const io = memoryIo({ files: { "pool.yaml": pool } });
  expect(await runCli(["tokens", "pool.yaml", "--client", "worker", "-f", "json"], io)).toBe(0);
  const printed = JSON.parse(io.out()) as Printed;
  expect(printed.idToken).toBeNull();
  expect(printed.accessToken.scope).toBe("https://api.example.com/orders.read");
  expect(printed.notes.map((n) => n.text).join(" ")).toContain("there is no ID token");
});

test("text output shows both tokens and the notes with their pages", async () => {
  const io = memoryIo({ files: { "pool.yaml": pool } });
  expect(await runCli(["tokens", "pool.yaml", "--client", "web", "--attribute", "email=jane@example.com"], io)).toBe(0);
  expect(io.out()).toContain("ID token of web:");
  expect(io.out()).toContain('"email": "jane@example.com"');
  expect(io.out()).toMatch(/^- .*\(https:\/\/docs\.aws\.amazon\.com\/cognito\/latest\/developerguide\/amazon-cognito-user-pools-using-the-access-token\.html\)$/mu);
});

test("an unknown group or client exits 1 naming what exists; a bad --attribute is a usage error", async () => {
  const group = memoryIo({ files: { "pool.yaml": pool } });
  expect(await runCli(["tokens", "pool.yaml", "--client", "web", "--group", "ops"], group)).toBe(1);
  expect(group.err()).toContain('no group named "ops"; the design has admins, staff');
  const client = memoryIo({ files: { "pool.yaml": pool } });
  expect(await runCli(["tokens", "pool.yaml", "--client", "app"], client)).toBe(1);
  expect(client.err()).toContain("the design has web, worker");
  const attribute = memoryIo({ files: { "pool.yaml": pool } });
  expect(await runCli(["tokens", "pool.yaml", "--client", "web", "--attribute", "email"], attribute)).toBe(2);
  expect(attribute.err()).toContain("--attribute takes NAME=VALUE");
});
