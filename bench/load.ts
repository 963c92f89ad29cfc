import { availableParallelism, loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { ensureBuild, motoAtLowPriority, startLoadStudio } from "./load/harness";
import { BASE_SHAPE, type LoadShape, PROBE_HEALTH, PROBE_STATIC, runLoad, verifySaves } from "./load/scenario";
import { summariseErrors } from "./load/stats";

/** Targets on the project's 2-core machines (p95, ms). */
const SAVE_P95_TARGET_MS = 200;
const PLAN_P95_TARGET_MS = 1_000;

const SHOWN_KINDS = ["save (own draft)", "save (shared draft)", "conflict refused", "plan page", "export page", "apply", "stream: open → first event", "stream: end after apply answered", PROBE_STATIC, PROBE_HEALTH];

/**
 * `npm run bench -- load`: a team on one studio. The production build on PostgreSQL, signed-in people over
 * HTTP on 127.0.0.1: editors autosaving their own drafts through the editor's server action, a few pairs
 * autosaving one shared draft, readers opening plans and exports, and appliers applying to moto while they
 * follow the progress stream. Then the same mix doubled, on a fresh database. Settings, in the environment:
 * BENCH_LOAD_SECONDS the length of each run (default 60); BENCH_LOAD_WARMUP_SECONDS the warm-up before it (default 10: the
 * same mix, not timed); BENCH_LOAD_DOUBLED=0 skips the doubled run, =only runs it
 * alone; BENCH_LOAD_READ_PAUSE_MS a reader's pause between two pages (default 1000: a pessimistic reader);
 * BENCH_LOAD_APPLY_PAUSE_MS an applier's pause after an apply ended (default 1000; 0 applies back to back);
 * BENCH_LOAD_PG_POOL=30 gives the studio's PostgreSQL pool that many connections (an experiment; the studio's own
 * is POSTGRES_POOL_SIZE in lib/server/db.ts); BENCH_LOAD_MOTO_NICE=0 runs moto (AWS for the applies) at normal
 * priority instead of `nice -n 19`; BENCH_LOAD_CPU_PROF=DIR writes a V8 CPU profile of the studio server
 * into DIR when it stops (with BENCH_LOAD_SECONDS=0, the profile of the one-at-a-time measurement and the setting up).
 */
export async function benchLoad(): Promise<void> {
  ensureBuild();
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
  const base: LoadShape = {
    ...BASE_SHAPE,
    durationMs: seconds * 1000,
    warmUpMs: Number(process.env.BENCH_LOAD_WARMUP_SECONDS ?? BASE_SHAPE.warmUpMs / 1000) * 1000,
    readPauseMs: Number(process.env.BENCH_LOAD_READ_PAUSE_MS ?? BASE_SHAPE.readPauseMs),
    applyPauseMs: Number(process.env.BENCH_LOAD_APPLY_PAUSE_MS ?? BASE_SHAPE.applyPauseMs),
  };
  const doubled: LoadShape = { ...base, editors: base.editors * 2, sharedPairs: base.sharedPairs * 2, readers: base.readers * 2, followers: base.followers * 2 };
  const which = process.env.BENCH_LOAD_DOUBLED;
  const runs: [string, LoadShape][] = [...(which === "only" ? [] : [["x1", base] as [string, LoadShape]]), ...(which === "0" ? [] : [["x2", doubled] as [string, LoadShape]])];
  if (process.env.BENCH_LOAD_PG_POOL) console.log(`(the studio's PostgreSQL pool: ${process.env.BENCH_LOAD_PG_POOL} connections, BENCH_LOAD_PG_POOL; the studio's own is POSTGRES_POOL_SIZE)`);
  const summaries: RunSummary[] = [];
  for (const [label, shape] of runs) summaries.push(await runOnce(label, shape));
  if (summaries.length === 2) printDoubling(summaries[0]!, summaries[1]!);
}

interface RunSummary {
  label: string;
  reqPerSecond: number;
  errors: number;
  p95: Map<string, number>;
}

/** Doubling the people: what grew most, and whether anything failed or was lost. */
function printDoubling(one: RunSummary, two: RunSummary): void {
  console.log(`\ndoubled: throughput ${one.reqPerSecond.toFixed(1)} → ${two.reqPerSecond.toFixed(1)} req/s, errors ${one.errors} → ${two.errors}`);
  const growth = [...one.p95].filter(([kind, p95]) => p95 > 0 && two.p95.has(kind)).map(([kind, p95]) => ({ kind, from: p95, to: two.p95.get(kind)!, ratio: two.p95.get(kind)! / p95 }));
  for (const g of growth.sort((a, b) => b.ratio - a.ratio)) console.log(`    p95 ${g.kind.padEnd(34)} ${g.from.toFixed(0).padStart(7)} → ${g.to.toFixed(0).padStart(7)} ms (×${g.ratio.toFixed(1)})`);
}

/** The requests the throughput counts: not a conflict twice (it is a save too), not streams' events, not the probes. */
function isCountedKind(kind: string): boolean {
  return kind !== "conflict refused" && !kind.startsWith("stream") && !kind.startsWith("probe");
}

function uptime(): string {
  return `load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${availableParallelism()} cores`;
}

async function runOnce(label: string, shape: LoadShape): Promise<RunSummary> {
  console.log(
    `\n### ${label}: ${shape.editors} editors autosaving every ${shape.saveEveryMs / 1000} s, ${shape.sharedPairs} pairs on shared drafts, ${shape.readers} readers of plans and exports (${shape.readPauseMs / 1000} s between pages), ${shape.followers} appliers following the stream (${shape.applyPauseMs / 1000} s between applies); ${shape.durationMs / 1000} s after a ${shape.warmUpMs / 1000} s warm-up`,
  );
  const studio = await startLoadStudio();
  const samples: number[] = [];
  let sampler: NodeJS.Timeout | undefined;
  // The bench's own process: a starved client inflates every latency it measures, so its figures are shown.
  const lag = monitorEventLoopDelay({ resolution: 10 });
  // The load average and the event loop's delay are sampled over the timed minute only, like every other figure.
  const timedPhase = {
    started: () => {
      lag.enable();
      sampler = setInterval(() => samples.push(loadavg()[0]!), 5_000);
    },
    ended: () => {
      lag.disable();
      clearInterval(sampler);
    },
  };
  try {
    console.log(`before: ${uptime()}`);
    const outcome = await runLoad(studio, shape, label, timedPhase);
    const { recorder, elapsedMs, warmUp } = outcome;
    const seconds = elapsedMs / 1000;
    const total = recorder.total(isCountedKind);
    console.log(`after:  ${uptime()}; 1-min load average during the timed run ${Math.min(...samples).toFixed(1)}–${Math.max(...samples).toFixed(1)}`);
    // The appliers' first applies, which create their pools on moto, fall in the warm-up.
    console.log(`warm-up (the same mix, not in the figures below but for its errors): ${warmUp.total(isCountedKind)} requests, ${warmUp.totalErrors()} errors`);
    for (const kind of warmUp.kinds().filter((k) => warmUp.errors(k).length > 0)) console.log(`    warm-up errors, ${kind}: ${summariseErrors(warmUp.errors(kind))}`);
    console.log(`throughput: ${total} requests in ${seconds.toFixed(1)} s = ${(total / seconds).toFixed(1)} req/s`);
    console.log(
      `CPU: studio server ${(outcome.cpu.server / seconds).toFixed(2)} cores on average (${((outcome.cpu.server * 1000) / total).toFixed(0)} ms per request, streams and applies included), ` +
        `PostgreSQL ${(outcome.cpu.postgres / seconds).toFixed(2)} cores, moto (AWS for the applies${motoAtLowPriority() ? ", at low priority" : ""}) ${(outcome.cpu.moto / seconds).toFixed(2)} cores; ` +
        `the bench itself ${(outcome.cpu.bench / seconds).toFixed(2)} cores, its event loop delay p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms`,
    );
    console.log(`PostgreSQL connections of the studio, most seen at once: ${outcome.connections.open} open, ${outcome.connections.busy} busy (the probe's own query included)`);
    console.log(`${"request kind".padEnd(34)} ${"count".padStart(6)} ${"req/s".padStart(6)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"errors".padStart(7)}`);
    for (const kind of SHOWN_KINDS.filter((k) => recorder.count(k) > 0)) {
      const f = (p: number) => recorder.percentile(kind, p).toFixed(0).padStart(8);
      console.log(`${kind.padEnd(34)} ${String(recorder.count(kind)).padStart(6)} ${(recorder.count(kind) / seconds).toFixed(1).padStart(6)} ${f(50)} ${f(95)} ${f(99)} ${String(recorder.errors(kind).length).padStart(7)}`);
      if (recorder.errors(kind).length > 0) console.log(`    errors: ${summariseErrors(recorder.errors(kind))}`);
    }
    // Whether the slow requests are spread over the run or bunched (a server process's first pages load their code).
    for (const kind of ["save (own draft)", "plan page"]) {
      const slices = recorder.percentileBySlice(kind, 95, outcome.startedAt, shape.durationMs, 10_000).map((ms) => (Number.isNaN(ms) ? "-" : ms.toFixed(0)));
      console.log(`    p95 of ${kind} in each 10 s of the run: ${slices.join(", ")} ms`);
    }
    console.log("each kind alone afterwards, one request at a time unless said (what a request costs, whatever the machine's load):");
    for (const d of outcome.demand) {
      console.log(`    ${d.kind.padEnd(34)} server CPU ${d.serverCpuMs.toFixed(0).padStart(4)} ms, PostgreSQL CPU ${d.postgresCpuMs.toFixed(0).padStart(3)} ms, wall ${d.medianMs.toFixed(0).padStart(4)} ms (median of ${d.requests})`);
    }
    console.log(`applies in the timed run: ${outcome.applies.succeeded} succeeded, ${outcome.applies.failed.length} failed`);
    const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
    const errors = recorder.totalErrors() + warmUp.totalErrors();
    const serverErrors = studio.serverErrors().filter((l) => /error|failed/iu.test(l));
    console.log(`target: no errors: ${errors} request errors (warm-up included), ${serverErrors.length} error lines in the server log: ${verdict(errors === 0 && serverErrors.length === 0)}`);
    if (serverErrors.length > 0) console.log(`    server log: ${summariseErrors(serverErrors)}`);
    const saveP95 = recorder.percentile("save (own draft)", 95);
    console.log(`target: p95 of a save (own draft) ${saveP95.toFixed(0)} ms <= ${SAVE_P95_TARGET_MS} ms: ${verdict(saveP95 <= SAVE_P95_TARGET_MS)}  (${uptime()})`);
    const planP95 = recorder.percentile("plan page", 95);
    console.log(`target: p95 of a plan page ${planP95.toFixed(0)} ms <= ${PLAN_P95_TARGET_MS} ms: ${verdict(planP95 <= PLAN_P95_TARGET_MS)}  (${uptime()})`);
    const check = await verifySaves(studio.databaseUrl, outcome);
    const conflicts = outcome.refused.length;
    console.log(`no lost edit: ${check.checked}: ${check.problems.length === 0 ? "every acknowledged save is in the database, no refused one is" : `${check.problems.length} PROBLEMS`}`);
    for (const p of check.problems.slice(0, 10)) console.log(`    ${p}`);
    console.log(`conflicts: ${conflicts} saves on shared drafts refused (draft-conflict), none merged: ${verdict(shape.sharedPairs === 0 || (conflicts > 0 && check.problems.length === 0))}`);
    return { label, reqPerSecond: total / seconds, errors, p95: new Map(SHOWN_KINDS.filter((k) => recorder.count(k) > 0).map((k) => [k, recorder.percentile(k, 95)])) };
  } finally {
    timedPhase.ended();
    await studio.stop();
  }
}
