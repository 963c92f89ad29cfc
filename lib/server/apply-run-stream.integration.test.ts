/**
 * The apply-progress stream (Server-Sent Events) against a real SQLite file and a real moto server:
 * the route handler is called as the app calls it, and its body is read while an apply runs. The
 * apply is held between two AWS calls by a gate around the real moto port (the call is delayed, not
 * faked), so the test can see a step arrive before the run ends.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CognitoPort } from "@/lib/cognito/aws";
import { createSdkPort } from "@/lib/cognito/aws";
import { createMotoClient } from "@/test/support/moto-cognito";
import { migrate } from "@/prisma/migrate.mjs";
import { startMoto, type MotoServer } from "@/test/support/moto";
import type { ApplyRunSnapshot } from "./apply-run-stream";
import type { Role } from "@/lib/contracts/roles";
import { addMembers, byRole, useTemporarySqlite } from "@/test/support/studio-db";

const database = useTemporarySqlite("studio-apply-stream-");

const { getDb } = await import("./db");
const { setSessionLookup } = await import("./session");
const { createAccount } = await import("./users");
const { setTargetPortFactory, setTargetPreflightFactory } = await import("./target-port");
const { stubPreflightPort } = await import("@/test/support/stub-ports");
const { streamApplyRun } = await import("./apply-run-stream");
const route = await import("@/app/api/change-requests/[crId]/apply-runs/stream/route");
const poolActions = await import("@/app/pools/actions");
const actions = await import("@/app/pools/review-actions");

type Who = Role | "anonymous" | "outsider";
const users: Partial<Record<Who, string>> = {};
function as(who: Who) {
  setSessionLookup(async () => (who === "anonymous" ? null : { userId: users[who] ?? "" }));
}

let moto: MotoServer;
/** Closed while the test wants the apply to stop before its MFA call. */
let mfaGate: Promise<void> = Promise.resolve();

function gated(inner: CognitoPort): CognitoPort {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (prop === "setUserPoolMfaConfig" && typeof value === "function") {
        return async (...args: unknown[]) => {
          await mfaGate;
          return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

beforeAll(async () => {
  await migrate(process.env.DATABASE_URL);
  moto = await startMoto();
  const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };
  setTargetPortFactory((t) => gated(createSdkPort(createMotoClient({ region: t.region, endpoint: t.endpoint ?? "", credentials }), { rateLimit: "off" })));
  // Preflight is not what this suite is about: its credentials check passes, its reads are "not checked".
  setTargetPreflightFactory(() => stubPreflightPort());
  Object.assign(users, await addMembers(byRole("viewer", "editor", "approver")));
  // Someone admin of another workspace: the request is not theirs to watch.
  users.outsider = (await createAccount({ email: "outsider@example.com", name: "Outsider", password: "password-outsider" })).id;
  const other = await getDb().db.workspace.create({ data: { name: "Other" } });
  await getDb().db.membership.deleteMany({ where: { userId: users.outsider } });
  await getDb().db.membership.create({ data: { userId: users.outsider, workspaceId: other.id, role: "admin" } });
});

afterAll(async () => {
  setSessionLookup(undefined);
  setTargetPortFactory(undefined);
  setTargetPreflightFactory(undefined);
  await getDb().db.$disconnect();
  await moto?.stop();
  database.remove();
});

/** A hardened pool (it manages MFA, so the apply makes a second call after creating the pool), submitted to a dev target on moto. */
async function submittedRequest(name: string): Promise<string> {
  as("editor");
  const created = await poolActions.createPoolAction({ name, region: "eu-west-1", environment: "dev", preset: "hardened-production" });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const target = await getDb().db.target.create({ data: { poolId: created.data.id, name: "dev", region: "eu-west-1", endpoint: moto.endpoint, requiredApprovals: 0 } });
  const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId: created.data.id } });
  const submitted = await actions.submitChangeRequestAction({ poolId: created.data.id, targetId: target.id, draftVersion: draft.version, title: "Create it", description: "" });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  return submitted.data.id;
}

interface SseEvent {
  event: string;
  data: unknown;
}

/** Reads Server-Sent Events one at a time from a response body. */
function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return {
    /** The next event, or null when the server closed the stream. */
    async next(): Promise<SseEvent | null> {
      while (true) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split("\n");
          const event = lines.find((l) => l.startsWith("event: "))?.slice(7);
          const data = lines.find((l) => l.startsWith("data: "))?.slice(6);
          if (event && data) return { event, data: JSON.parse(data) };
          continue; // a comment line (keep-alive)
        }
        const chunk = await reader.read();
        if (chunk.done) return null;
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

function open(changeRequestId: string, query = ""): Promise<Response> {
  return route.GET(new Request(`http://studio.test/api/change-requests/${changeRequestId}/apply-runs/stream${query}`), { params: Promise.resolve({ crId: changeRequestId }) });
}

describe("GET /api/change-requests/[crId]/apply-runs/stream", () => {
  test("streams the run's steps as they are written, then ends when the run finishes", async () => {
    const id = await submittedRequest("stream-orders");
    let openGate: () => void = () => {};
    mfaGate = new Promise<void>((resolve) => {
      openGate = resolve;
    });

    // A viewer watches (anyone in the workspace may read the request); an approver applies.
    as("viewer");
    const response = await open(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const events = sseReader(response.body!);
    as("approver");
    let finished = false;
    const applying = actions.applyAction({ changeRequestId: id, planVersion: 1 }).finally(() => (finished = true));

    // The first events come while the apply waits before its MFA call: the pool step is done.
    const seen: ApplyRunSnapshot[] = [];
    let event = await events.next();
    while (event?.event === "run" && !(event.data as ApplyRunSnapshot).steps.some((s) => s.resource === "user_pool")) {
      seen.push(event.data as ApplyRunSnapshot);
      event = await events.next();
    }
    expect(event?.event).toBe("run");
    const midway = event?.data as ApplyRunSnapshot;
    expect(finished).toBe(false);
    expect(midway.status).toBe("running");
    expect(midway.steps).toEqual([{ resource: "user_pool", action: "create", outcome: "ok" }]);
    expect(midway.progress.map((p) => `${p.call} ${p.outcome}`)).toEqual(["createUserPool ok"]);

    openGate();
    const rest: SseEvent[] = [];
    for (let e = await events.next(); e; e = await events.next()) rest.push(e);
    const result = await applying;
    expect(result.ok && result.data.status).toBe("succeeded");
    // The last run event is the finished run; then `end`, then the server closes the stream.
    expect(rest.at(-1)).toEqual({ event: "end", data: { status: "succeeded" } });
    const last = rest.filter((e) => e.event === "run").at(-1)?.data as ApplyRunSnapshot;
    expect(last).toMatchObject({ id: midway.id, status: "succeeded", error: null, userPoolId: result.ok ? result.data.userPoolId : "?" });
    expect(last.steps.map((s) => `${s.resource} ${s.action} ${s.outcome}`)).toEqual(["user_pool create ok", "mfa_config create ok"]);
    expect(last.progress.map((p) => p.call)).toEqual(["createUserPool", "setUserPoolMfaConfig"]);
  });

  test("?run follows a finished run: one snapshot and end; ?after waits for a run started later, never an older one", async () => {
    const id = await submittedRequest("stream-billing");
    as("approver");
    const applied = await actions.applyAction({ changeRequestId: id, planVersion: 1 });
    if (!applied.ok) throw new Error(JSON.stringify(applied));
    as("editor");
    const events = sseReader((await open(id, `?run=${applied.data.runId}`)).body!);
    const first = await events.next();
    expect(first?.event).toBe("run");
    expect((first?.data as ApplyRunSnapshot).status).toBe("succeeded");
    expect(await events.next()).toEqual({ event: "end", data: { status: "succeeded" } });
    expect(await events.next()).toBeNull();
    // No run after this one: the stream says so instead of waiting forever, and never offers an older run.
    const cr = await getDb().db.changeRequest.findUniqueOrThrow({ where: { id } });
    const finished = { changeRequestId: id, targetId: cr.targetId, appliedBy: "admin@example.com", planVersion: 1, status: "failed", finishedAt: new Date() };
    await getDb().db.applyRun.create({ data: { ...finished, id: "older-run", startedAt: new Date(Date.now() - 60_000) } });
    const none = sseReader(streamApplyRun({ changeRequestId: id, after: applied.data.runId, waitMs: 300, pollMs: 50 }));
    expect(await none.next()).toEqual({ event: "none", data: { reason: "no apply run started" } });
    expect(await none.next()).toBeNull();
    // A run that starts later is the one followed.
    const next = sseReader(streamApplyRun({ changeRequestId: id, after: applied.data.runId, waitMs: 5_000, pollMs: 50 }));
    await getDb().db.applyRun.create({ data: { ...finished, id: "newer-run", startedAt: new Date(Date.now() + 1000) } });
    expect(((await next.next())?.data as ApplyRunSnapshot).id).toBe("newer-run");
    expect(await next.next()).toEqual({ event: "end", data: { status: "failed" } });
  });

  test("a reader that goes away stops the stream reading the database", async () => {
    const id = await submittedRequest("stream-cancelled");
    const cr = await getDb().db.changeRequest.findUniqueOrThrow({ where: { id } });
    // A run in progress on another instance: its lock is held, so the stream would follow it indefinitely.
    await getDb().db.applyLock.create({ data: { targetId: cr.targetId, runId: "held-run", holder: "admin@example.com", expiresAt: new Date(Date.now() + 60_000) } });
    await getDb().db.applyRun.create({ data: { id: "held-run", changeRequestId: id, targetId: cr.targetId, appliedBy: "admin@example.com", planVersion: 1 } });
    let reads = 0;
    const db = getDb().db;
    const counting = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === "applyRun") reads++;
        return Reflect.get(target, prop, receiver);
      },
    });
    const events = sseReader(streamApplyRun({ changeRequestId: id, runId: "held-run", pollMs: 20, db: counting }));
    expect((await events.next())?.event).toBe("run");
    await new Promise((r) => setTimeout(r, 100));
    expect(reads).toBeGreaterThan(2);
    await events.cancel();
    await new Promise((r) => setTimeout(r, 60));
    const afterCancel = reads;
    await new Promise((r) => setTimeout(r, 200));
    expect(reads).toBe(afterCancel);
    await getDb().db.applyLock.delete({ where: { targetId: cr.targetId } });
  });

  test("refused without a session (401), and for a request of another workspace or none (404)", async () => {
    const id = await submittedRequest("stream-private");
    as("anonymous");
    const anonymous = await open(id);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: "Your session has ended; sign in again." });
    as("outsider");
    const outsider = await open(id);
    expect(outsider.status).toBe(404);
    expect(await outsider.json()).toEqual({ error: "This change request does not exist." });
    as("viewer");
    expect((await open("no-such-request")).status).toBe(404);
  });
});
