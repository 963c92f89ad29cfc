/**
 * Two studio instances, one PostgreSQL: two separate OS processes (test/support/apply-worker.ts, run by
 * tsx) apply the same change request to one moto-backed target at the same moment. The apply lock (a
 * row keyed by the target id) lets exactly one apply; the other is refused with a clear message, and
 * the pool is created once. Two targets naming one live pool are locked as one: two processes applying
 * through them at once, one is refused with the other target's name.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CognitoIdentityProviderClient, ListUserPoolClientsCommand, ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrate } from "@/prisma/migrate.mjs";
import { startMoto, type MotoServer } from "@/test/support/moto";
import { startTestPostgres, type TestPostgres } from "@/test/support/postgres";
import type { Db } from "./db";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CREDENTIALS = { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_REGION: "eu-west-1" };

let postgres: TestPostgres;
let moto: MotoServer;
let databaseUrl: string;
let db: Db;
let dir: string;
let setSessionLookup: (typeof import("./session"))["setSessionLookup"];
let actions: typeof import("@/app/pools/review-actions");
let poolActions: typeof import("@/app/pools/actions");
const users = { approver: "", admin: "", editor: "" };

beforeAll(async () => {
  postgres = await startTestPostgres();
  databaseUrl = await postgres.createDatabase("studio_multi_instance");
  process.env.DATABASE_URL = databaseUrl;
  await migrate(databaseUrl);
  moto = await startMoto();
  dir = mkdtempSync(path.join(tmpdir(), "studio-multi-"));
  db = (await import("./db")).getDb().db;
  ({ setSessionLookup } = await import("./session"));
  actions = await import("@/app/pools/review-actions");
  poolActions = await import("@/app/pools/actions");
  const { createAccount } = await import("./users");
  users.admin = (await createAccount({ email: "admin@example.com", name: "Admin", password: "password-admin" })).id;
  for (const role of ["editor", "approver"] as const) {
    users[role] = (await createAccount({ email: `${role}@example.com`, name: role, password: `password-${role}` })).id;
    await db.membership.updateMany({ where: { userId: users[role] }, data: { role } });
  }
});

afterAll(async () => {
  setSessionLookup?.(undefined);
  await db?.$disconnect();
  await moto?.stop();
  await postgres?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A blank pool (with these app clients) submitted to a dev target on moto (no approvals needed), as the editor. */
async function submitted(name: string, clients: string[] = []): Promise<{ changeRequestId: string; targetId: string }> {
  setSessionLookup(async () => ({ userId: users.editor }));
  const pool = await poolActions.createPoolAction({ name, region: "eu-west-1", environment: "dev", preset: "" });
  if (!pool.ok) throw new Error(JSON.stringify(pool));
  const target = await db.target.create({ data: { poolId: pool.data.id, name: "dev", region: "eu-west-1", endpoint: moto.endpoint, requiredApprovals: 0 } });
  if (clients.length > 0) {
    const draft = await db.draft.findUniqueOrThrow({ where: { poolId: pool.data.id } });
    const document = JSON.parse(draft.document) as { spec: Record<string, unknown> };
    document.spec.clients = clients.map((c) => ({ name: c }));
    const saved = await poolActions.saveDraftAction({ poolId: pool.data.id, version: draft.version, document });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
  }
  const draft = await db.draft.findUniqueOrThrow({ where: { poolId: pool.data.id } });
  const cr = await actions.submitChangeRequestAction({ poolId: pool.data.id, targetId: target.id, draftVersion: draft.version, title: `Create ${name}`, description: "" });
  if (!cr.ok) throw new Error(JSON.stringify(cr));
  return { changeRequestId: cr.data.id, targetId: target.id };
}

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  outcome: Promise<Record<string, unknown>>;
}

function startWorker(userId: string, changeRequestId: string, goFile: string, env: Record<string, string> = {}): Worker {
  // tsx as a loader in this one process (not its CLI, which runs the script in a child process that a
  // SIGKILL of the CLI would leave running): killing `child` kills the worker itself.
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "test/support/apply-worker.ts", userId, changeRequestId, goFile], {
    cwd: ROOT,
    env: { ...process.env, ...CREDENTIALS, DATABASE_URL: databaseUrl, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes("ready\n")) markReady();
  });
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const outcome = new Promise<Record<string, unknown>>((resolve, reject) => {
    child.on("exit", (code) => {
      const line = stdout.split("\n").find((l) => l.startsWith("{"));
      if (code === 0 && line) resolve(JSON.parse(line) as Record<string, unknown>);
      else reject(new Error(`worker exited with ${code}: ${stdout}\n${stderr.slice(-3000)}`));
    });
  });
  // A worker that dies before it is ready fails the test through `outcome` rather than hanging on `ready`.
  outcome.catch(() => markReady());
  return { child, ready, outcome };
}

async function poolsNamed(name: string): Promise<number> {
  const sdk = new CognitoIdentityProviderClient({ region: "eu-west-1", endpoint: moto.endpoint, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
  const listed = await sdk.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  return (listed.UserPools ?? []).filter((p) => p.Name === name).length;
}

/** Starts two workers (approver and admin), waits until both are loaded, then lets them apply at once. */
async function race(changeRequestId: string, name: string, env: Record<string, string> = {}) {
  const goFile = path.join(dir, `go-${name}`);
  const workers = [startWorker(users.approver, changeRequestId, goFile, env), startWorker(users.admin, changeRequestId, goFile, env)];
  await Promise.all(workers.map((w) => w.ready));
  writeFileSync(goFile, "go");
  return Promise.all(workers.map((w) => w.outcome));
}

describe("two studio processes apply one change request on one target (PostgreSQL)", () => {
  test("at the same moment: exactly one applies, the other is refused, the pool is created once", async () => {
    const { changeRequestId, targetId } = await submitted("multi-race");
    const outcomes = await race(changeRequestId, "multi-race");
    const applied = outcomes.filter((o) => o.ok === true);
    const refused = outcomes.filter((o) => o.ok === false);
    expect(applied).toHaveLength(1);
    expect(applied[0]).toMatchObject({ status: "succeeded", userPoolId: expect.stringMatching(/^eu-west-1_/u) });
    expect(refused).toHaveLength(1);
    // Refused by the lock, or (if the first finished before the second read the request) as already applied.
    expect(refused[0]?.message).toMatch(/^(Another apply to target dev is running \(by (approver|admin)@example\.com since [\d-]+ [\d:]+ UTC\); wait for it to finish\.|This change request (is applied; it cannot be applied\.|changed while you were applying it .*))$/u);
    expect(await poolsNamed("multi-race")).toBe(1);
    expect(await db.applyRun.count({ where: { changeRequestId } })).toBe(1);
    expect(await db.applyLock.count({ where: { targetId } })).toBe(0);
    expect((await db.changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } })).status).toBe("applied");
  });

  test("while one process is mid-apply (slow AWS writes), the other meets the held lock and is told who holds it", async () => {
    const { changeRequestId, targetId } = await submitted("multi-slow");
    const outcomes = await race(changeRequestId, "multi-slow", { APPLY_WORKER_DELAY_MS: "1500" });
    const applied = outcomes.filter((o) => o.ok === true);
    const refused = outcomes.filter((o) => o.ok === false);
    expect(applied).toHaveLength(1);
    expect(applied[0]?.status).toBe("succeeded");
    expect(refused).toEqual([
      { ok: false, code: "apply-locked", message: expect.stringMatching(/^Another apply to target dev is running \(by (approver|admin)@example\.com since [\d-]+ [\d:]+ UTC\); wait for it to finish\.$/u) },
    ]);
    expect(await poolsNamed("multi-slow")).toBe(1);
    expect(await db.applyRun.count({ where: { changeRequestId } })).toBe(1);
    expect(await db.applyLock.count({ where: { targetId } })).toBe(0);
  });

  test("a process killed mid-apply: its run shows the steps it finished and, once its lock expires, is marked interrupted; applying again converges, nothing created twice", async () => {
    const { changeRequestId, targetId } = await submitted("multi-killed", ["web", "worker", "mobile"]);
    const goFile = path.join(dir, "go-multi-killed");
    const doomed = startWorker(users.approver, changeRequestId, goFile, { APPLY_WORKER_DELAY_MS: "1500" });
    doomed.outcome.catch(() => {}); // it is killed: its exit is expected
    await doomed.ready;
    writeFileSync(goFile, "go");
    // Kill it (SIGKILL: no cleanup runs) as soon as its run has saved a finished step: the pool exists, clients do not yet.
    let steps: { resource: string; outcome: string }[] = [];
    for (let i = 0; i < 400 && steps.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const run = await db.applyRun.findFirst({ where: { changeRequestId } });
      steps = run ? (JSON.parse(run.steps) as typeof steps) : [];
    }
    doomed.child.kill("SIGKILL");
    await new Promise((r) => doomed.child.once("exit", r));
    expect(steps[0]).toMatchObject({ resource: "user_pool", outcome: "ok" });
    expect(await poolsNamed("multi-killed")).toBe(1);

    // This process now acts as the studio too: dummy AWS credentials for the SDK's default chain, as the workers have.
    Object.assign(process.env, CREDENTIALS);
    // The pool the dead process created is known to the target, so re-planning plans the rest, not a second pool.
    setSessionLookup(async () => ({ userId: users.approver }));
    const replanned = await actions.replanAction({ changeRequestId });
    expect(replanned.ok, JSON.stringify(replanned)).toBe(true);
    const cr = await db.changeRequest.findUniqueOrThrow({ where: { id: changeRequestId }, include: { target: true } });
    expect(cr.target.userPoolId).toMatch(/^eu-west-1_/u);
    expect(cr.planVersion).toBe(2);
    const plan = JSON.parse(cr.plan) as { entries: { address: string; action: string }[] };
    expect(plan.entries.filter((e) => e.action !== "noop").map((e) => [e.address, e.action])).toEqual([
      ['app_client["mobile"]', "create"],
      ['app_client["web"]', "create"],
      ['app_client["worker"]', "create"],
    ]);

    // While the dead process's lock has not expired, nobody else applies to the target.
    const blocked = await actions.applyAction({ changeRequestId, planVersion: 2 });
    expect(blocked.ok === false && blocked.formError).toMatch(/^Another apply to target dev is running \(by approver@example\.com since /u);
    // Time passes: the lock expires (its TTL is 2 minutes, so the test moves its expiry), and the next apply takes over.
    await db.applyLock.update({ where: { targetId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const applied = await actions.applyAction({ changeRequestId, planVersion: 2 });
    expect(applied.ok && applied.data.status, JSON.stringify(applied)).toBe("succeeded");

    const runs = await db.applyRun.findMany({ where: { changeRequestId }, orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["failed", "succeeded"]);
    expect(runs[0]?.error).toBe("interrupted: the server stopped during this apply (its lock expired); re-plan and apply again");
    expect(JSON.parse(runs[0]?.steps ?? "[]")).toEqual(steps);
    expect(await poolsNamed("multi-killed")).toBe(1);
    const sdk = new CognitoIdentityProviderClient({ region: "eu-west-1", endpoint: moto.endpoint, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
    const clients = (await sdk.send(new ListUserPoolClientsCommand({ UserPoolId: cr.target.userPoolId ?? "", MaxResults: 60 }))).UserPoolClients ?? [];
    expect(clients.map((c) => c.ClientName).sort()).toEqual(["mobile", "web", "worker"]);
  });

  test("two targets naming the same live pool, two processes applying at once: one applies, the other is refused naming the other target", async () => {
    Object.assign(process.env, CREDENTIALS);
    const { changeRequestId: first, targetId } = await submitted("multi-shared");
    setSessionLookup(async () => ({ userId: users.approver }));
    const created = await actions.applyAction({ changeRequestId: first, planVersion: 1 });
    expect(created.ok && created.data.status, JSON.stringify(created)).toBe("succeeded");
    const target = await db.target.findUniqueOrThrow({ where: { id: targetId } });
    // A second target (of the same design) names the live pool the first created.
    const alias = await db.target.create({ data: { poolId: target.poolId, name: "dev-alias", region: "eu-west-1", endpoint: moto.endpoint, userPoolId: target.userPoolId, requiredApprovals: 0 } });
    setSessionLookup(async () => ({ userId: users.editor }));
    const draft = await db.draft.findUniqueOrThrow({ where: { poolId: target.poolId } });
    const document = JSON.parse(draft.document) as { spec: Record<string, unknown> };
    document.spec.clients = [{ name: "web" }];
    const saved = await poolActions.saveDraftAction({ poolId: target.poolId, version: draft.version, document });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const submit = async (id: string, title: string) => {
      const cr = await actions.submitChangeRequestAction({ poolId: target.poolId, targetId: id, draftVersion: saved.data.version, title, description: "" });
      if (!cr.ok) throw new Error(JSON.stringify(cr));
      return cr.data.id;
    };
    const viaDev = await submit(targetId, "web client (dev)");
    const viaAlias = await submit(alias.id, "web client (alias)");

    const goFile = path.join(dir, "go-multi-shared");
    const env = { APPLY_WORKER_DELAY_MS: "1500" };
    const workers = [startWorker(users.approver, viaDev, goFile, env), startWorker(users.admin, viaAlias, goFile, env)];
    await Promise.all(workers.map((w) => w.ready));
    writeFileSync(goFile, "go");
    const outcomes = await Promise.all(workers.map((w) => w.outcome));
    const applied = outcomes.filter((o) => o.ok === true);
    const refused = outcomes.filter((o) => o.ok === false);
    expect(applied).toHaveLength(1);
    expect(applied[0]?.status).toBe("succeeded");
    expect(refused).toEqual([
      {
        ok: false,
        code: "apply-locked",
        message: expect.stringMatching(
          new RegExp(`^Another apply to live pool ${target.userPoolId} is running from target (dev|dev-alias) of pool multi-shared \\(by (approver|admin)@example\\.com since [\\d-]+ [\\d:]+ UTC\\); both targets name this pool\\. Wait for it to finish\\.$`, "u"),
        ),
      },
    ]);
    // The refused one names the other target, not its own.
    const refusedAlias = outcomes[1]?.ok === false;
    expect(String(refusedAlias ? outcomes[1]?.message : outcomes[0]?.message)).toContain(`from target ${refusedAlias ? "dev " : "dev-alias "}`);
    expect(await db.livePoolLock.count()).toBe(0);
    expect(await db.applyLock.count({ where: { targetId: { in: [targetId, alias.id] } } })).toBe(0);
    const sdk = new CognitoIdentityProviderClient({ region: "eu-west-1", endpoint: moto.endpoint, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
    const clients = (await sdk.send(new ListUserPoolClientsCommand({ UserPoolId: target.userPoolId ?? "", MaxResults: 60 }))).UserPoolClients ?? [];
    expect(clients.map((c) => c.ClientName)).toEqual(["web"]);
  });
});
