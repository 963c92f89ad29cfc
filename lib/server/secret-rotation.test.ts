/**
 * Client secret rotation through the server actions, on a real SQLite file. The session lookup is
 * replaced, ListUserPoolClients comes from a fake Cognito port, and the three secret operations (which
 * moto does not implement) go to the SDK stub of test/support/secret-stub.ts.
 * The point: a secret is returned once, stored nowhere (not in any table, not in the database file), never
 * audited, and cannot be obtained a second time.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect, test } from "vitest";
import type { CognitoPort } from "@/lib/cognito/aws";
import { createSdkClientSecretPort } from "@/lib/cognito/rotation";
import { createSecretStub } from "@/test/support/secret-stub";
import { byRole, useStudioDatabase } from "@/test/support/studio-db";

const database = useStudioDatabase("studio-secrets-", byRole("viewer", "editor", "approver"));
const { as } = database;

const { getDb } = await import("./db");
const { setTargetPortFactory, setTargetSecretPortFactory } = await import("./target-port");
const poolActions = await import("@/app/pools/actions");
const reviewActions = await import("@/app/pools/review-actions");
const actions = await import("@/app/pools/secret-actions");

const stub = createSecretStub();
const USER_POOL_ID = "eu-west-1_Rotate1";
let targetId = "";

beforeAll(async () => {
  stub.addClient(USER_POOL_ID, "backendid");
  const port = { region: "eu-west-1", listUserPoolClients: async () => ({ items: [{ ClientName: "backend", ClientId: "backendid" }] }) } as unknown as CognitoPort;
  setTargetPortFactory(() => port);
  setTargetSecretPortFactory(() => createSdkClientSecretPort(stub));

  as("admin");
  const pool = await poolActions.createPoolAction({ name: "rotation", region: "eu-west-1", environment: "dev", preset: "development" });
  if (!pool.ok) throw new Error(JSON.stringify(pool));
  const target = await reviewActions.createTargetAction({ poolId: pool.data.id, name: "prod", region: "eu-west-1", endpoint: "", roleArn: "", userPoolId: USER_POOL_ID, requiredApprovals: 1 });
  if (!target.ok) throw new Error(JSON.stringify(target));
  targetId = target.data.id;
});


/** Every text of every row of every table, plus the raw bytes of the database files. */
async function everythingStored(): Promise<string> {
  const { db } = getDb();
  const rows = await Promise.all([db.auditEvent.findMany(), db.target.findMany(), db.pool.findMany(), db.draft.findMany(), db.revision.findMany(), db.changeRequest.findMany(), db.applyRun.findMany()]);
  const files = readdirSync(database.dir).map((f) => readFileSync(path.join(database.dir, f)).toString("latin1"));
  return JSON.stringify(rows) + files.join("");
}

test("only approvers rotate; viewers may list ids", async () => {
  as("editor");
  const refused = await actions.startSecretRotationAction({ targetId, clientName: "backend" });
  expect(refused).toEqual({ ok: false, fieldErrors: {}, formError: "This needs the approver role; you are editor. Ask an admin of the workspace." });
  as("viewer");
  const listed = await actions.listClientSecretsAction({ targetId, clientName: "backend" });
  expect(listed.ok && listed.data.secrets).toHaveLength(1);
});

test("start returns the secret once and stores it nowhere; a second start refuses; finish needs the confirmation and is audited without values", async () => {
  as("approver");
  const started = await actions.startSecretRotationAction({ targetId, clientName: "backend" });
  expect(started.ok, JSON.stringify(started)).toBe(true);
  if (!started.ok) return;
  const value = started.data.newSecret.value;
  expect(value.length).toBeGreaterThan(20);
  expect(await everythingStored()).not.toContain(value);
  const audit = await getDb().db.auditEvent.findFirstOrThrow({ where: { action: "client-secret.add" } });
  expect(audit.after).toContain(started.data.newSecret.id);

  const again = await actions.startSecretRotationAction({ targetId, clientName: "backend" });
  expect(again.ok).toBe(false);
  expect(!again.ok && again.formError).toContain("a rotation is under way");
  expect(JSON.stringify(again)).not.toContain(value);
  const listed = await actions.listClientSecretsAction({ targetId, clientName: "backend" });
  expect(listed.ok && listed.data.secrets.map((s) => s.id)).toEqual([...started.data.previous, started.data.newSecret.id]);
  expect(JSON.stringify(listed)).not.toContain(value);

  const unconfirmed = await actions.finishSecretRotationAction({ targetId, clientName: "backend", keepSecretId: started.data.newSecret.id, confirmed: false });
  expect(unconfirmed.ok === false && unconfirmed.fieldErrors.confirmed).toEqual(["confirm that your application uses the new secret; the old one stops working"]);

  const finished = await actions.finishSecretRotationAction({ targetId, clientName: "backend", keepSecretId: started.data.newSecret.id, confirmed: true });
  expect(finished).toEqual({ ok: true, data: { kept: started.data.newSecret.id, deleted: started.data.previous } });
  const deleted = await getDb().db.auditEvent.findFirstOrThrow({ where: { action: "client-secret.delete" } });
  expect(deleted.after).toContain(`deleted ${started.data.previous[0]}`);
  expect(await everythingStored()).not.toContain(value);
});

test("an unknown client is named in the error, on the client field", async () => {
  as("approver");
  const result = await actions.startSecretRotationAction({ targetId, clientName: "nope" });
  expect(result.ok === false && result.fieldErrors.clientName).toEqual([`Pool ${USER_POOL_ID} of target prod has no app client named nope.`]);
});
