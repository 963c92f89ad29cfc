/**
 * Import from AWS against a real moto server and a real SQLite file, through the server actions (session and
 * role checks included) and the server's own SDK port (the SDK's default credential chain, moto's dummy keys).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CognitoIdentityProviderClient, CreateIdentityProviderCommand, CreateUserPoolClientCommand, CreateUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate } from "@/prisma/migrate.mjs";
import { runBoto3 } from "@/test/support/boto3";
import { startMoto, type MotoServer } from "@/test/support/moto";
import type { Role } from "@/lib/contracts/roles";

const dir = mkdtempSync(path.join(tmpdir(), "studio-import-aws-"));
process.env.DATABASE_URL = `file:${path.join(dir, "studio.db")}`;
process.env.AWS_ACCESS_KEY_ID ??= "testing";
process.env.AWS_SECRET_ACCESS_KEY ??= "testing";

const { getDb } = await import("./db");
const { setSessionLookup } = await import("./session");
const { createAccount } = await import("./users");
const actions = await import("@/app/pools/import-actions");

const REGION = "eu-west-1";
const users: Partial<Record<Role, string>> = {};
let moto: MotoServer;
let liveId = "";

function as(role: Role) {
  setSessionLookup(async () => ({ userId: users[role] ?? "" }));
}

beforeAll(async () => {
  await migrate(process.env.DATABASE_URL);
  users.admin = (await createAccount({ email: "admin@example.com", name: "Admin", password: "password-admin" })).id;
  for (const role of ["viewer", "editor"] as const) {
    users[role] = (await createAccount({ email: `${role}@example.com`, name: role, password: `password-${role}` })).id;
    await getDb().db.membership.updateMany({ where: { userId: users[role] }, data: { role } });
  }
  moto = await startMoto();
  const sdk = new CognitoIdentityProviderClient({ region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
  // 62 pools besides the one imported: more than one page of ListUserPools (MaxResults 60); one boto3 process is quicker.
  await runBoto3(moto.endpoint, REGION, 'for i in range(62):\n    client("cognito-idp").create_user_pool(PoolName=f"filler-{i:02d}")');
  liveId = (await sdk.send(new CreateUserPoolCommand({ PoolName: "shop-live" }))).UserPool?.Id ?? "";
  await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: liveId, ClientName: "web" }));
  await sdk.send(
    new CreateIdentityProviderCommand({
      UserPoolId: liveId,
      ProviderName: "Google",
      ProviderType: "Google",
      ProviderDetails: { client_id: "google-client", client_secret: "google-secret", authorize_scopes: "openid email" },
    }),
  );
});

afterAll(async () => {
  setSessionLookup(undefined);
  await moto?.stop();
  await getDb().db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

test("viewers may not list; an editor may not send the server's credentials to an endpoint of their own", async () => {
  as("viewer");
  const viewer = await actions.listAwsPoolsAction({ region: REGION, endpoint: moto.endpoint });
  expect(viewer.ok).toBe(false);
  as("editor");
  const editor = await actions.listAwsPoolsAction({ region: REGION, endpoint: moto.endpoint });
  expect(editor.ok).toBe(false);
  if (!editor.ok) expect(editor.fieldErrors.endpoint?.[0]).toMatch(/needs the admin role/u);
});

test("an admin lists every pool of the Region, past the first page of 60", async () => {
  as("admin");
  const listed = await actions.listAwsPoolsAction({ region: REGION, endpoint: moto.endpoint });
  expect(listed.ok).toBe(true);
  if (!listed.ok) return;
  expect(listed.data).toHaveLength(63);
  expect(listed.data.find((p) => p.id === liveId)).toMatchObject({ name: "shop-live", linkedTo: [] });
});

test("importing a live pool makes a design and a linked target in one step, audited, with the provider secret to add", async () => {
  as("admin");
  const result = await actions.importAwsPoolsAction({ region: REGION, endpoint: moto.endpoint, environment: "prod", userPoolIds: [liveId, "eu-west-1_doesnotexist"] });
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  const [imported, missing] = result.data;
  expect(imported?.pool?.name).toBe("shop-live");
  expect(imported?.notes).toEqual([expect.stringMatching(/^identity provider Google has a secret in AWS: set its secretRef/u)]);
  expect(missing).toMatchObject({ userPoolId: "eu-west-1_doesnotexist", error: expect.stringMatching(/^Could not read eu-west-1_doesnotexist: ResourceNotFoundException/u) });

  const db = getDb().db;
  const pool = await db.pool.findUniqueOrThrow({ where: { id: imported?.pool?.id }, include: { draft: true, targets: true } });
  expect([pool.awsUserPoolId, pool.region, pool.environment]).toEqual([liveId, REGION, "prod"]);
  expect(pool.targets.map((t) => [t.name, t.region, t.endpoint, t.userPoolId, t.requiredApprovals])).toEqual([["prod", REGION, moto.endpoint, liveId, 1]]);
  const draft = JSON.parse(pool.draft?.document ?? "{}");
  expect(draft.spec.clients.map((c: { name: string }) => c.name)).toEqual(["web"]);
  expect(draft.spec.identityProviders[0].providerDetails).not.toHaveProperty("client_secret");
  expect(JSON.stringify(draft)).not.toContain("google-secret");
  const audits = await db.auditEvent.findMany({ where: { action: "pool.import-aws" } });
  expect(audits.map((a) => [a.poolId, a.actor])).toEqual([[pool.id, "admin@example.com"]]);
  expect(audits[0]?.details).not.toContain("google-secret");
});

test("an editor reuses the target's connection; the pool shows as linked, and a second import gets NAME-2", async () => {
  const target = await getDb().db.target.findFirstOrThrow({ where: { userPoolId: liveId } });
  as("editor");
  const listed = await actions.listAwsPoolsAction({ region: REGION, targetId: target.id });
  expect(listed.ok && listed.data.find((p) => p.id === liveId)?.linkedTo.map((l) => l.name)).toEqual(["shop-live"]);
  const again = await actions.importAwsPoolsAction({ region: REGION, targetId: target.id, environment: "dev", userPoolIds: [liveId] });
  expect(again.ok && again.data[0]?.pool).toMatchObject({ name: "shop-live-2", renamedFrom: "shop-live" });
  const created = await getDb().db.target.findFirstOrThrow({ where: { pool: { name: "shop-live-2" } } });
  expect([created.name, created.endpoint, created.requiredApprovals]).toEqual(["dev", moto.endpoint, 0]);
});
