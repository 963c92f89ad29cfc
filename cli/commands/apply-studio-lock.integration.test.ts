/**
 * `apply --user-pool-id` takes the studio's apply lock when DATABASE_URL names the studio's database and a
 * studio target links the pool: a real SQLite studio database and a real moto server.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ListUserPoolClientsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { createCognitoClient } from "../../lib/cognito/aws/sdk-port";
import { createDb, type Db } from "../../lib/server/db";
import { migrate } from "../../prisma/migrate.mjs";
import { startMoto, type MotoServer } from "../../test/support/moto";
import { runCli } from "../main";
import { memoryIo } from "@/test/support/cli-io";

let moto: MotoServer;
let dir: string;
let databaseUrl: string;
let db: Db;
/** The live pool the first test creates. */
let userPoolId = "";

beforeAll(async () => {
  moto = await startMoto();
  vi.stubEnv("AWS_ACCESS_KEY_ID", "testing");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "testing");
  dir = mkdtempSync(path.join(tmpdir(), "studio-cli-lock-"));
  databaseUrl = `file:${path.join(dir, "studio.db")}`;
  await migrate(databaseUrl);
  db = createDb(databaseUrl);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await db?.$disconnect();
  await moto?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const pool = (clients: string[]) => `apiVersion: cognito-studio.dev/v1
kind: UserPool
metadata:
  name: cli-locked
spec:
  region: eu-west-1
  clients:
${clients.map((c) => `    - name: ${c}`).join("\n")}
`;

async function clientsOf(userPoolId: string): Promise<string[]> {
  const sdk = createCognitoClient({ region: "eu-west-1", endpoint: moto.endpoint, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
  const listed = await sdk.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  return (listed.UserPoolClients ?? []).map((c) => c.ClientName ?? "").sort();
}

test("a pool a studio target links: refused while the studio applies to it, applied under the lock otherwise", async () => {
  const create = memoryIo({ files: { "pool.yaml": pool(["web"]) } });
  expect(await runCli(["apply", "pool.yaml", "--create", "--endpoint", moto.endpoint, "--yes", "--format", "json"], create)).toBe(0);
  userPoolId = (JSON.parse(create.out()) as { userPoolId: string }).userPoolId;

  // The studio knows this pool: target prod links it, and an apply to it is running there.
  const workspace = await db.workspace.create({ data: { name: "team" } });
  const design = await db.pool.create({ data: { name: "cli-locked", region: "eu-west-1", workspaceId: workspace.id } });
  const target = await db.target.create({ data: { poolId: design.id, name: "prod", region: "eu-west-1", endpoint: `${moto.endpoint}/`, userPoolId } });
  await db.applyLock.create({ data: { targetId: target.id, runId: "studio-run", holder: "rita@example.com", expiresAt: new Date(Date.now() + 60_000) } });

  const env = { DATABASE_URL: databaseUrl };
  const args = ["apply", "pool.yaml", "--user-pool-id", userPoolId, "--endpoint", moto.endpoint, "--yes"];
  const refused = memoryIo({ files: { "pool.yaml": pool(["web", "mobile"]) }, env });
  expect(await runCli(args, refused)).toBe(1);
  expect(refused.err()).toMatch(
    /cognito-studio apply: refused: Another apply to target prod is running \(by rita@example\.com since [\d-]+ [\d:]+ UTC\); wait for it to finish; nothing was applied\n$/u,
  );
  expect(await clientsOf(userPoolId)).toEqual(["web"]);

  // The studio's apply finished: the CLI applies, holding the target's and the live pool's locks, then frees them.
  await db.applyLock.deleteMany({ where: { targetId: target.id } });
  const applied = memoryIo({ files: { "pool.yaml": pool(["web", "mobile"]) }, env });
  expect(await runCli(args, applied), applied.err()).toBe(0);
  expect(applied.err()).toContain(`holding the studio's apply lock of target prod and pool ${userPoolId}`);
  expect(await clientsOf(userPoolId)).toEqual(["mobile", "web"]);
  expect(await db.applyLock.count()).toBe(0);
  expect(await db.livePoolLock.count()).toBe(0);

  // Without DATABASE_URL the CLI does not know the studio: it applies without a lock (the README says so).
  await db.applyLock.create({ data: { targetId: target.id, runId: "studio-run-2", holder: "rita@example.com", expiresAt: new Date(Date.now() + 60_000) } });
  const unlocked = memoryIo({ files: { "pool.yaml": pool(["web", "mobile", "tv"]) } });
  expect(await runCli(args, unlocked), unlocked.err()).toBe(0);
  expect(await clientsOf(userPoolId)).toEqual(["mobile", "tv", "web"]);
});

test("a studio database that cannot be read refuses, without its URL in the message", async () => {
  const io = memoryIo({ files: { "pool.yaml": pool(["web", "mobile", "tv", "watch"]) }, env: { DATABASE_URL: "postgresql://studio:s3cret-pw@127.0.0.1:1/studio" } });
  expect(await runCli(["apply", "pool.yaml", "--user-pool-id", userPoolId, "--endpoint", moto.endpoint, "--yes"], io)).toBe(1);
  expect(io.err()).not.toContain("s3cret-pw");
  expect(io.err()).toMatch(/cannot read the studio's database \(DATABASE_URL\) to take its apply lock \(\w+\); unset DATABASE_URL to apply without the studio's lock; nothing was applied\n$/u);
  expect(await clientsOf(userPoolId)).toEqual(["mobile", "tv", "web"]);
});
