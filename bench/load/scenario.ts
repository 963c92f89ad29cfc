import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import { DRAFT_CONFLICT } from "../../lib/contracts/action-result";
import type { PoolDocument } from "../../lib/cognito/spec";
import { BLOG_POOL_DOCUMENT, maximalPoolOnMoto } from "../../test/support/pool-documents";
import { type LoadStudio, cpuSeconds, postgresCpuSeconds } from "./harness";
import { LOAD_PASSWORD, type LoadAccount, seedAccounts } from "./seed";
import { type ActionAnswer, StudioSession, readActionIds } from "./session";
import { Recorder, percentile } from "./stats";

/** How many people do what, for how long. */
export interface LoadShape {
  /** People autosaving their own draft. */
  editors: number;
  /** Pairs of people autosaving the same draft (their saves conflict). */
  sharedPairs: number;
  /** People opening change request plans and export pages. */
  readers: number;
  /** People applying change requests to moto and following the apply's progress stream. */
  followers: number;
  durationMs: number;
  /**
   * The same mix before the timed part, not counted in the latencies (its saves are in the lost-edit proof, its errors
   * in the error count): a server process's first requests of each kind load that page's code and warm up V8.
   */
  warmUpMs: number;
  /** The editor's autosave fires after a pause in typing; someone who keeps typing saves this often. */
  saveEveryMs: number;
  /** A reader's pause between two pages. */
  readPauseMs: number;
  /**
   * An applier's pause after following an apply to its end, before saving the next change: reading the outcome.
   * moto answers an apply in about half a second where AWS takes seconds, so without a pause five people would
   * apply four or five reviewed changes a second between them.
   */
  applyPauseMs: number;
}

export const BASE_SHAPE: LoadShape = { editors: 50, sharedPairs: 3, readers: 10, followers: 5, durationMs: 60_000, warmUpMs: 10_000, saveEveryMs: 2_000, readPauseMs: 1_000, applyPauseMs: 1_000 };

export const PROBE_STATIC = "probe: /favicon.ico (no database)";
export const PROBE_HEALTH = "probe: /api/health (SELECT 1)";
/** How many saves at once the CPU measurement after the load also tries. */
const DEMAND_LANES = 10;
export const SAVE_FILE = "app/pools/actions.ts#saveDraftAction";
const CREATE_POOL = "app/pools/actions.ts#createPoolAction";
const CREATE_TARGET = "app/pools/review-actions.ts#createTargetAction";
const SUBMIT = "app/pools/review-actions.ts#submitChangeRequestAction";
const APPLY = "app/pools/review-actions.ts#applyAction";

/** One save the server acknowledged (ok: true) with the version it says it wrote, and the document sent. */
export interface AckedSave {
  poolId: string;
  version: number;
  document: PoolDocument;
}

/** A save the server refused because someone else had saved first. */
export interface RefusedSave {
  poolId: string;
  baseVersion: number;
  document: PoolDocument;
}

export interface LoadOutcome {
  recorder: Recorder;
  /** The warm-up's requests (its figures are not reported; its errors are). */
  warmUp: Recorder;
  /** When the timed part began (performance.now()), and how long it ran. */
  startedAt: number;
  elapsedMs: number;
  acked: AckedSave[];
  refused: RefusedSave[];
  /** Drafts and their version before the load, for the check afterwards. */
  drafts: { poolId: string; shared: boolean; initialVersion: number }[];
  applies: { succeeded: number; failed: string[] };
  /** CPU seconds the studio server, PostgreSQL, moto and the bench itself used during the timed part (not the setting up, not the measurement after). */
  cpu: { server: number; postgres: number; moto: number; bench: number };
  connections: { open: number; busy: number };
  /** Each kind alone, one request at a time after the load: the CPU one request costs the studio and PostgreSQL. */
  demand: Demand[];
}

export interface Demand {
  kind: string;
  requests: number;
  serverCpuMs: number;
  postgresCpuMs: number;
  medianMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** An editor's document after their n-th burst of typing: the blog pool, renamed, with a changing client name and label. */
export function editedDocument(pool: string, who: string, n: number): PoolDocument {
  const doc = structuredClone(BLOG_POOL_DOCUMENT);
  doc.metadata = { name: pool, labels: { "edited-by": who, edit: String(n) } };
  doc.spec.region = "eu-west-1";
  doc.spec.domain = { domain: `${pool}-auth` };
  doc.spec.clients![0]!.name = `web-${who}-${n}`;
  return doc;
}

/** Runs the mix against a started studio: seeds, signs everyone in, creates the pools, then the timed load. */
export async function runLoad(studio: LoadStudio, shape: LoadShape, label: string, timedPhase?: { started(): void; ended(): void }): Promise<LoadOutcome> {
  const ids = readActionIds();
  const accounts: LoadAccount[] = [
    { email: `admin-${label}@example.com`, role: "admin" },
    ...Array.from({ length: shape.editors }, (_, i) => ({ email: `editor-${i}@example.com`, role: "editor" as const })),
    ...Array.from({ length: shape.sharedPairs * 2 }, (_, i) => ({ email: `pair-${i}@example.com`, role: "editor" as const })),
    ...Array.from({ length: shape.readers }, (_, i) => ({ email: `reader-${i}@example.com`, role: "viewer" as const })),
    ...Array.from({ length: shape.followers }, (_, i) => ({ email: `applier-${i}@example.com`, role: "approver" as const })),
  ];
  await seedAccounts(studio.databaseUrl, accounts);
  const sessions = new Map<string, StudioSession>();
  // Signed in a few at a time: each sign-in is a bcrypt compare on the server.
  for (let i = 0; i < accounts.length; i += 8) {
    await Promise.all(
      accounts.slice(i, i + 8).map(async (a) => {
        const session = new StudioSession(studio.base, a.email, ids);
        await session.signIn(LOAD_PASSWORD);
        sessions.set(a.email, session);
      }),
    );
  }
  const admin = sessions.get(accounts[0]!.email)!;
  const must = async <T>(what: string, call: Promise<{ value?: ActionAnswer<T>; error?: string }>): Promise<T> => {
    const r = await call;
    if (r.error || !r.value?.ok) throw new Error(`setup: ${what} failed: ${r.error ?? JSON.stringify(r.value).slice(0, 300)}`);
    return r.value.data;
  };
  const newPool = (name: string) => must<{ id: string }>(`creating ${name}`, admin.action(CREATE_POOL, { name, region: "eu-west-1", environment: "dev", preset: "" })).then((p) => p.id);

  // The bench's own reads (a person reloading the page after a conflict, the versions before the load).
  const db = new pg.Pool({ connectionString: studio.databaseUrl, max: 4, application_name: "load-bench" });
  /** The most connections the studio had open to PostgreSQL, and busy at once, as the probe saw them. */
  const connections = { open: 0, busy: 0 };
  const draftOf = async (poolId: string) => {
    const { rows } = await db.query<{ version: number; document: string }>(`SELECT "version", "document" FROM "Draft" WHERE "poolId" = $1`, [poolId]);
    return { version: rows[0]!.version, document: JSON.parse(rows[0]!.document) as PoolDocument };
  };

  // The pools: one per editor, one per pair, two reviewed ones for the readers, one per follower.
  const editorPools: string[] = [];
  for (let i = 0; i < shape.editors; i++) editorPools.push(await newPool(`load-editor-${i}`));
  const sharedPools: string[] = [];
  for (let i = 0; i < shape.sharedPairs; i++) sharedPools.push(await newPool(`load-shared-${i}`));
  const target = (poolId: string) =>
    must<{ id: string }>("creating a target", admin.action(CREATE_TARGET, { poolId, name: "dev", region: "eu-west-1", endpoint: studio.motoEndpoint, roleArn: "", userPoolId: "", requiredApprovals: 0 }, `/pools/${poolId}/targets`)).then((t) => t.id);
  const submit = async (session: StudioSession, poolId: string, targetId: string, title: string) => {
    const { version } = await draftOf(poolId);
    return session.action<{ id: string }>(SUBMIT, { poolId, targetId, draftVersion: version, title, description: "" }, `/pools/${poolId}/changes`);
  };
  const reviewed: { poolId: string; crId: string }[] = [];
  for (let i = 0; i < 2; i++) {
    const poolId = await newPool(`load-review-${i}`);
    const { version } = await draftOf(poolId);
    await must("saving the reviewed pool", admin.action(SAVE_FILE, { poolId, version, document: maximalPoolOnMoto(`load-review-${i}`) }, `/pools/${poolId}`));
    const crId = (await must<{ id: string }>("submitting a change request", submit(admin, poolId, await target(poolId), "Load bench review"))).id;
    reviewed.push({ poolId, crId });
  }
  // Saved to only by the one-at-a-time measurement after the load, so the check of the load's saves is not disturbed.
  const demandPools: string[] = [];
  for (let i = 0; i < DEMAND_LANES; i++) demandPools.push(await newPool(`load-demand-${i}`));
  const followed: { poolId: string; targetId: string }[] = [];
  for (let i = 0; i < shape.followers; i++) {
    const poolId = await newPool(`load-apply-${i}`);
    followed.push({ poolId, targetId: await target(poolId) });
  }
  const drafts = [
    ...(await Promise.all(editorPools.map(async (poolId) => ({ poolId, shared: false, initialVersion: (await draftOf(poolId)).version })))),
    ...(await Promise.all(sharedPools.map(async (poolId) => ({ poolId, shared: true, initialVersion: (await draftOf(poolId)).version })))),
  ];

  // Each phase (the warm-up, then the timed part) gets its own recorder and times; the people's closures read them.
  let recorder = new Recorder();
  let start = 0;
  let end = 0;
  const acked: AckedSave[] = [];
  const refused: RefusedSave[] = [];
  const applies = { succeeded: 0, failed: [] as string[] };
  /** Each editor's count of edits over both phases, so no two of their saves send the same document. */
  const edits = new Map<string, number>();
  /** Each applier's count of applies over both phases, so every apply changes the pool. */
  const appliesBy = new Map<number, number>();

  /** Autosaves every `saveEveryMs` (a save never overlaps the same person's previous one, as in the editor). */
  const editor = async (session: StudioSession, poolId: string, who: string, kind: string) => {
    let { version } = await draftOf(poolId);
    let n = edits.get(who) ?? 0;
    let next = start + Math.random() * shape.saveEveryMs;
    while (next < end) {
      await sleep(next - performance.now());
      next += shape.saveEveryMs;
      const document = editedDocument(poolName(poolId), who, ++n);
      edits.set(who, n);
      const r = await session.action<{ version: number }>(SAVE_FILE, { poolId, version, document }, `/pools/${poolId}`);
      const answer = r.value;
      if (answer?.ok) {
        acked.push({ poolId, version: answer.data.version, document });
        version = answer.data.version;
        recorder.record(kind, r.ms);
      } else if (answer && !answer.ok && answer.code === DRAFT_CONFLICT) {
        refused.push({ poolId, baseVersion: version, document });
        // Refused as it should be when the draft is shared; on one's own draft it is an error.
        recorder.record(kind, r.ms, kind === "save (own draft)" ? "conflict on an own draft" : undefined);
        recorder.record("conflict refused", r.ms);
        // The person reloads the page: the draft as it is now, and their next edit starts from it.
        version = (await draftOf(poolId)).version;
      } else recorder.record(kind, r.ms, r.error ?? JSON.stringify(answer).slice(0, 200));
      // Typing went on during a slow save: the editor saves once right after it (useDraftAutosave), not once per missed tick.
      next = Math.max(next, performance.now());
    }
  };
  const names = new Map<string, string>([
    ...editorPools.map((id, i) => [id, `load-editor-${i}`] as [string, string]),
    ...sharedPools.map((id, i) => [id, `load-shared-${i}`] as [string, string]),
  ]);
  const poolName = (poolId: string) => names.get(poolId)!;

  const reader = async (session: StudioSession, i: number) => {
    let n = i;
    await sleep(Math.random() * shape.readPauseMs);
    while (performance.now() < end) {
      const { poolId, crId } = reviewed[n % reviewed.length]!;
      const plan = n % 2 === 0;
      const r = await session.page(plan ? `/pools/${poolId}/changes/${crId}` : `/pools/${poolId}/export`);
      const missing = r.value && !r.value.includes(plan ? "Load bench review" : "Export") ? "the page lacks its heading" : undefined;
      recorder.record(plan ? "plan page" : "export page", r.ms, r.error ?? missing);
      n++;
      await sleep(shape.readPauseMs);
    }
  };

  /** Saves a change, submits it, opens the progress stream, applies, and reads the stream to its end. */
  /** An applier reads the outcome (or the refusal) before the next apply; never past the phase's end. */
  const pauseAfterApply = () => sleep(Math.min(shape.applyPauseMs, end - performance.now()));
  const follower = async (session: StudioSession, poolId: string, targetId: string, i: number) => {
    let n = appliesBy.get(i) ?? 0;
    await sleep(Math.random() * 2_000);
    while (performance.now() < end) {
      appliesBy.set(i, ++n);
      const { version } = await draftOf(poolId);
      const document = structuredClone(BLOG_POOL_DOCUMENT);
      document.metadata = { name: `load-apply-${i}` };
      document.spec.region = "eu-west-1";
      document.spec.domain = { domain: `load-apply-${i}-auth` };
      document.spec.passwordPolicy = { ...document.spec.passwordPolicy, minimumLength: 8 + (n % 20) };
      const saved = await session.action(SAVE_FILE, { poolId, version, document }, `/pools/${poolId}`);
      if (!saved.value?.ok) {
        recorder.record("apply", saved.ms, `saving before apply: ${saved.error ?? JSON.stringify(saved.value).slice(0, 200)}`);
        await pauseAfterApply();
        continue;
      }
      const submitted = await submit(session, poolId, targetId, `Load apply ${n}`);
      if (!submitted.value?.ok) {
        recorder.record("apply", submitted.ms, `submitting: ${submitted.error ?? JSON.stringify(submitted.value).slice(0, 200)}`);
        await pauseAfterApply();
        continue;
      }
      const crId = submitted.value.data.id;
      const abort = new AbortController();
      const streamStart = performance.now();
      const reading = readStream(session, `/api/change-requests/${crId}/apply-runs/stream`, abort.signal, streamStart);
      const applied = await session.action<{ status: string; error?: string }>(APPLY, { changeRequestId: crId, planVersion: 1 }, `/pools/${poolId}/changes/${crId}`);
      const appliedAt = performance.now();
      const timer = setTimeout(() => abort.abort(), 30_000);
      const stream = await reading;
      clearTimeout(timer);
      const applyError = applied.error ?? (applied.value?.ok ? (applied.value.data.status === "succeeded" ? undefined : `apply ${applied.value.data.status}: ${applied.value.data.error}`) : JSON.stringify(applied.value).slice(0, 200));
      recorder.record("apply", applied.ms, applyError);
      if (applyError) applies.failed.push(applyError);
      else applies.succeeded++;
      recorder.record("stream: open → first event", stream.firstEventMs ?? stream.totalMs, stream.firstEventMs === undefined ? (stream.error ?? "no event") : undefined);
      recorder.record("stream: end after apply answered", Math.max(0, streamStart + stream.totalMs - appliedAt), stream.ended ? undefined : (stream.error ?? "the stream never sent end"));
      await pauseAfterApply();
    }
  };

  /** Where the time goes: a static file (the event loop only) and /api/health (one query: a pooled connection). */
  const probe = async () => {
    for (let n = 0; performance.now() < end; n++) {
      const r = await admin.page(n % 2 === 0 ? "/favicon.ico" : "/api/health");
      recorder.record(n % 2 === 0 ? PROBE_STATIC : PROBE_HEALTH, r.ms, r.error);
      // The studio's connections (the bench's own pool connects as the same user: its 4 are left out by application_name).
      const { rows } = await db.query<{ open: number; busy: number }>(
        `SELECT count(*)::int AS open, count(*) FILTER (WHERE state <> 'idle')::int AS busy FROM pg_stat_activity WHERE datname = current_database() AND application_name <> 'load-bench'`,
      );
      connections.open = Math.max(connections.open, rows[0]!.open);
      connections.busy = Math.max(connections.busy, rows[0]!.busy);
      await sleep(500);
    }
  };

  const runMix = async (durationMs: number) => {
    start = performance.now();
    end = start + durationMs;
    await Promise.all([
      probe(),
      ...editorPools.map((poolId, i) => editor(sessions.get(`editor-${i}@example.com`)!, poolId, `e${i}`, "save (own draft)")),
      ...sharedPools.flatMap((poolId, i) => [0, 1].map((k) => editor(sessions.get(`pair-${i * 2 + k}@example.com`)!, poolId, `p${i * 2 + k}`, "save (shared draft)"))),
      ...Array.from({ length: shape.readers }, (_, i) => reader(sessions.get(`reader-${i}@example.com`)!, i)),
      ...followed.map((f, i) => follower(sessions.get(`applier-${i}@example.com`)!, f.poolId, f.targetId, i)),
    ]);
  };

  try {
    await runMix(shape.warmUpMs);
    const warmUp = recorder;
    recorder = new Recorder();
    applies.succeeded = 0;
    applies.failed.length = 0;
    const cpuAtStart = { server: cpuSeconds(studio.serverPid), postgres: postgresCpuSeconds(studio.databaseUrl), moto: cpuSeconds(studio.motoPid), bench: process.cpuUsage() };
    timedPhase?.started();
    await runMix(shape.durationMs);
    timedPhase?.ended();
    const elapsedMs = performance.now() - start;
    const own = process.cpuUsage(cpuAtStart.bench);
    const cpu = {
      server: cpuSeconds(studio.serverPid) - cpuAtStart.server,
      postgres: postgresCpuSeconds(studio.databaseUrl) - cpuAtStart.postgres,
      moto: cpuSeconds(studio.motoPid) - cpuAtStart.moto,
      bench: (own.user + own.system) / 1e6,
    };
    const editor0 = sessions.get("editor-0@example.com")!;
    const { poolId: readPool, crId } = reviewed[0]!;
    const versions = await Promise.all(demandPools.map(async (poolId) => (await draftOf(poolId)).version));
    const saveDemand = (lane: number) => async (n: number) => {
      const poolId = demandPools[lane]!;
      const r = await editor0.action<{ version: number }>(SAVE_FILE, { poolId, version: versions[lane], document: editedDocument(`load-demand-${lane}`, "e0", n) }, `/pools/${poolId}`);
      if (r.value?.ok) versions[lane] = r.value.data.version;
      return r;
    };
    const demand = [
      await measureDemand(studio, "save (own draft)", [saveDemand(0)]),
      await measureDemand(studio, `save (own draft), ${DEMAND_LANES} at once`, demandPools.map((_, lane) => saveDemand(lane))),
      await measureDemand(studio, "plan page", [() => editor0.page(`/pools/${readPool}/changes/${crId}`)]),
      await measureDemand(studio, "export page", [() => editor0.page(`/pools/${readPool}/export`)]),
    ];
    return { recorder, warmUp, startedAt: start, elapsedMs, acked, refused, drafts, applies, cpu, connections, demand };
  } finally {
    await db.end();
  }
}

/**
 * `count` requests on each lane (the lanes at once, each one request at a time) after two untimed ones: the server's
 * and PostgreSQL's CPU per request, and the median wall time.
 */
async function measureDemand(studio: LoadStudio, kind: string, lanes: ((n: number) => Promise<{ ms: number; error?: string }>)[], count = 20): Promise<Demand> {
  for (let n = 0; n < 2; n++) await Promise.all(lanes.map((call) => call(n)));
  const server = cpuSeconds(studio.serverPid);
  const postgres = postgresCpuSeconds(studio.databaseUrl);
  const times: number[] = [];
  await Promise.all(
    lanes.map(async (call) => {
      for (let n = 0; n < count; n++) {
        const r = await call(n + 2);
        if (r.error) throw new Error(`${kind}: ${r.error}`);
        times.push(r.ms);
      }
    }),
  );
  const requests = count * lanes.length;
  return {
    kind,
    requests,
    serverCpuMs: ((cpuSeconds(studio.serverPid) - server) * 1000) / requests,
    postgresCpuMs: ((postgresCpuSeconds(studio.databaseUrl) - postgres) * 1000) / requests,
    medianMs: percentile(times, 50),
  };
}

/** Reads Server-Sent Events until `end` (or `none`, an error, or the abort): when the first event came, and whether it ended. */
async function readStream(session: StudioSession, path: string, signal: AbortSignal, start: number): Promise<{ firstEventMs?: number; totalMs: number; ended: boolean; error?: string }> {
  let firstEventMs: number | undefined;
  try {
    const response = await session.stream(path, signal);
    if (!response.ok || !response.body) return { totalMs: performance.now() - start, ended: false, error: `HTTP ${response.status}` };
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let at: number;
      while ((at = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const name = /^event: (.*)$/mu.exec(block)?.[1];
        if (!name) continue;
        firstEventMs ??= performance.now() - start;
        if (name === "end") return { firstEventMs, totalMs: performance.now() - start, ended: true };
        if (name === "none" || name === "error") return { firstEventMs, totalMs: performance.now() - start, ended: false, error: `event: ${name}` };
      }
    }
    return { firstEventMs, totalMs: performance.now() - start, ended: false, error: "the stream closed without end" };
  } catch (error) {
    return { firstEventMs, totalMs: performance.now() - start, ended: false, error: signal.aborted ? "no end within 30 s" : String(error) };
  }
}

/** The proof afterwards, from the database: every acknowledged save is there, every refused one is not. */
export async function verifySaves(databaseUrl: string, outcome: LoadOutcome): Promise<{ problems: string[]; checked: string }> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const problems: string[] = [];
  try {
    for (const draft of outcome.drafts) {
      const { rows } = await db.query<{ version: number; document: string }>(`SELECT "version", "document" FROM "Draft" WHERE "poolId" = $1`, [draft.poolId]);
      const stored = rows[0]!;
      const acks = outcome.acked.filter((a) => a.poolId === draft.poolId).sort((a, b) => a.version - b.version);
      const versions = acks.map((a) => a.version);
      // Each save that committed raised the version by exactly one; so the acknowledged versions must be
      // initial+1 … final with none missing (a save applied but not acknowledged) and none twice (two saves
      // acknowledged on the same base: one of them lost).
      const expected = Array.from({ length: stored.version - draft.initialVersion }, (_, k) => draft.initialVersion + 1 + k);
      if (!isDeepStrictEqual(versions, expected)) problems.push(`${draft.poolId}: acknowledged versions ${compact(versions)}, the draft went ${draft.initialVersion} → ${stored.version}`);
      const last = acks.at(-1);
      if (last && !isDeepStrictEqual(JSON.parse(stored.document), last.document)) problems.push(`${draft.poolId}: the stored draft is not the last acknowledged save (version ${last.version})`);
      for (const r of outcome.refused.filter((x) => x.poolId === draft.poolId)) {
        if (isDeepStrictEqual(JSON.parse(stored.document), r.document)) problems.push(`${draft.poolId}: a refused save's document is the stored draft`);
      }
    }
  } finally {
    await db.end();
  }
  const shared = outcome.drafts.filter((d) => d.shared).length;
  return {
    problems,
    checked: `${outcome.acked.length} acknowledged saves on ${outcome.drafts.length} drafts (${shared} shared), ${outcome.refused.length} refused as conflicts`,
  };
}

function compact(versions: number[]): string {
  return versions.length > 8 ? `${versions.slice(0, 4).join(",")}…${versions.slice(-3).join(",")} (${versions.length})` : versions.join(",");
}
