/**
 * readLivePool against a real moto server through the SDK-backed port: every page of clients and
 * resource servers, secrets kept out, live facts, fingerprint behaviour, and the call count and wall
 * time of reading a pool with many clients.
 */
import {
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { expect, test } from "vitest";
import { useMotoCognito } from "@/test/support/moto-cognito";
import { LIST_CLIENTS_PAGE_SIZE } from "./sdk-port";
import { quotaFloorSeconds } from "./quotas";
import { readLivePool } from "./read-live-pool";
import { createSdkPort } from "./sdk-port";

const REGION = "eu-west-1";
const moto = useMotoCognito(REGION);

async function poolWithClients(name: string, clients: number, servers: number): Promise<string> {
  const pool = await moto.sdk.send(new CreateUserPoolCommand({ PoolName: name, Policies: { PasswordPolicy: { MinimumLength: 10 } } }));
  const id = pool.UserPool!.Id!;
  for (let i = 0; i < clients; i++) {
    await moto.sdk.send(new CreateUserPoolClientCommand({ UserPoolId: id, ClientName: `client-${String(i).padStart(4, "0")}`, GenerateSecret: i % 2 === 0 }));
  }
  for (let i = 0; i < servers; i++) {
    await moto.sdk.send(
      new CreateResourceServerCommand({ UserPoolId: id, Identifier: `https://api-${i}.example.com`, Name: `api-${i}`, Scopes: [{ ScopeName: "read", ScopeDescription: "Read" }] }),
    );
  }
  return id;
}

test("reads every page of clients and resource servers; secrets never enter the document", async () => {
  const clients = LIST_CLIENTS_PAGE_SIZE * 2 + 5; // three pages
  const id = await poolWithClients("paged", clients, 55); // two pages of resource servers (50 per page)
  const port = createSdkPort(moto.connection, { rateLimit: "off" });
  const read = await readLivePool(port, id);

  expect(read.document.spec.clients).toHaveLength(clients);
  expect(read.document.spec.resourceServers).toHaveLength(55);
  expect(Object.keys(read.live.clientIds)).toHaveLength(clients);
  expect(port.calls.ListUserPoolClients).toBe(3);
  expect(port.calls.ListResourceServers).toBe(2);
  expect(port.calls.DescribeUserPoolClient).toBe(clients);
  // Confidential clients are marked as such, but no secret is anywhere in the result's document or facts.
  expect(read.document.spec.clients!.find((c) => c.name === "client-0000")?.generateSecret).toBe(true);
  expect(read.document.spec.clients!.find((c) => c.name === "client-0001")?.generateSecret).toBeUndefined();
  const secretPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/u; // moto's secrets are UUIDs
  expect(JSON.stringify(read.document)).not.toMatch(secretPattern);
  expect(JSON.stringify(read.live)).not.toMatch(secretPattern);
  expect(JSON.stringify(read.raw.clients)).not.toMatch(secretPattern);
});

test("live facts: ARN, issuer URL, client ids, CloudFront target; defaults pruned for pull", async () => {
  const id = await poolWithClients("facts", 2, 0);
  await moto.sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: id, Domain: "facts-auth" }));
  const port = createSdkPort(moto.connection, { rateLimit: "off" });
  const read = await readLivePool(port, id);
  expect(read.live.userPoolId).toBe(id);
  expect(read.live.arn).toBe(`arn:aws:cognito-idp:${REGION}:123456789012:userpool/${id}`);
  expect(read.live.issuerUrl).toBe(`https://cognito-idp.${REGION}.amazonaws.com/${id}`);
  expect(Object.keys(read.live.clientIds).sort()).toEqual(["client-0000", "client-0001"]);
  expect(read.live.domainCloudFrontTarget).toMatch(/^[0-9a-f]{16}\.amazoncognito\.com$/u);
  expect(read.live.estimatedNumberOfUsers).toBe(0);
  // The smallest spec: only what differs from AWS's defaults. moto reports an account recovery setting
  // for every pool; AWS documents no default for it, so it is kept as live state.
  expect(read.document).toEqual({
    apiVersion: "cognito-studio.dev/v1",
    kind: "UserPool",
    metadata: { name: "facts" },
    spec: {
      region: REGION,
      // Created with only MinimumLength: the API reads the absent requirement switches as off.
      passwordPolicy: { minimumLength: 10, requireUppercase: false, requireLowercase: false, requireNumbers: false, requireSymbols: false },
      accountRecoverySetting: {
        recoveryMechanisms: [
          { name: "verified_email", priority: 1 },
          { name: "verified_phone_number", priority: 2 },
        ],
      },
      clients: [{ name: "client-0000", generateSecret: true }, { name: "client-0001" }],
      domain: { domain: "facts-auth" },
    },
  });
});

test("the fingerprint is stable across reads and changes when the pool changes", async () => {
  const id = await poolWithClients("fingerprint", 3, 1);
  const port = createSdkPort(moto.connection, { rateLimit: "off" });
  const first = await readLivePool(port, id);
  const second = await readLivePool(port, id);
  expect(second.live.fingerprint).toBe(first.live.fingerprint);
  expect(first.live.fingerprint).toMatch(/^[0-9a-f]{64}$/u);
  await moto.sdk.send(new CreateUserPoolClientCommand({ UserPoolId: id, ClientName: "late" }));
  const third = await readLivePool(port, id);
  expect(third.live.fingerprint).not.toBe(first.live.fingerprint);
});

test("reading a pool with 200 clients: API calls and wall time (moto, no rate limit) vs the AWS floor", async () => {
  const clients = 200;
  const id = await poolWithClients("bench", clients, 0);
  const port = createSdkPort(moto.connection, { rateLimit: "off" });
  const started = performance.now();
  await readLivePool(port, id, { concurrency: 10 });
  const seconds = (performance.now() - started) / 1000;
  // DescribeUserPool, GetUserPoolMfaConfig, 4 pages of ListUserPoolClients, 1 ListResourceServers, 200 DescribeUserPoolClient,
  // 1 ListGroups and 1 ListIdentityProviders (no providers to describe), and, this being a pull, 1 ListTerms (no documents
  // to describe) and 1 GetLogDeliveryConfiguration (no DescribeRiskConfiguration: the pool is not on the Plus plan).
  expect(port.calls).toEqual({
    GetLogDeliveryConfiguration: 1,
    DescribeUserPool: 1,
    GetUserPoolMfaConfig: 1,
    ListUserPoolClients: 4,
    ListResourceServers: 1,
    DescribeUserPoolClient: clients,
    ListGroups: 1,
    ListIdentityProviders: 1,
    ListTerms: 1,
  });
  const floor = quotaFloorSeconds(port.calls);
  expect(floor).toBeCloseTo((clients - 1) / 5 + 0, 0); // 5 DescribeUserPoolClient per second per pool
  console.log(`read ${clients} clients from moto: ${port.totalCalls()} API calls in ${seconds.toFixed(2)} s; AWS floor ${floor.toFixed(1)} s`);
});

test("with the quota rate limiter on, DescribeUserPoolClient runs at no more than 5 per second", async () => {
  const id = await poolWithClients("limited", 11, 0);
  const port = createSdkPort(moto.connection, { rateLimit: "quota" });
  const started = performance.now();
  await readLivePool(port, id, { concurrency: 5 });
  const seconds = (performance.now() - started) / 1000;
  // 11 calls at 5 per second: the 11th goes out 2 s after the first.
  expect(seconds).toBeGreaterThanOrEqual(1.95);
  expect(seconds).toBeLessThan(6);
});
