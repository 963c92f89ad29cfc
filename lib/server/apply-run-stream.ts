import "server-only";
import type { ApplyRunSnapshot } from "@/lib/contracts/apply-run";
import { hasRole } from "@/lib/contracts/roles";
import { readRunSnapshot } from "./change-request-views";
import { type Db, getDb } from "./db";
import { getCurrentAccount } from "./session";

export interface StreamOptions {
  changeRequestId: string;
  /** Follow this run. */
  runId?: string;
  /** Otherwise follow the next run of the request started after this one (the apply the page is starting). */
  after?: string;
  /** How often the database is read while the run changes. */
  pollMs?: number;
  /** The longest pause between reads while nothing changes (see {@link nextPollDelay}). */
  quietPollMs?: number;
  /** How long to wait for a run to appear before ending with `event: none` (default {@link RUN_WAIT_MS}). */
  waitMs?: number;
  signal?: AbortSignal;
  db?: Db;
}

export type { ApplyRunSnapshot };

/**
 * How long a stream opened as Apply is pressed waits for the apply's run to appear. Before its run, an apply
 * re-reads the live pool, checks the approvals and policies and takes the target's lock: a second on a quiet
 * studio, but more than 30 s on a busy one (under twice the load of `npm run bench -- load`, 2 streams in 10
 * gave up at 30 s while their applies went on). The page never learns of a run it stopped waiting for, so the
 * wait is generous; while it waits, the stream reads the database once every couple of seconds.
 */
export const RUN_WAIT_MS = 2 * 60_000;

/** Which runs the stream may follow: one run, runs started after a given one, or any run of the request. */
type RunFilter = { id: string } | { startedAt: { gt: Date }; id: { not: string } } | Record<string, never>;

async function runFilter(options: StreamOptions, db: Db): Promise<RunFilter> {
  if (options.runId) return { id: options.runId };
  if (!options.after) return {};
  const after = await db.applyRun.findFirst({ where: { id: options.after, changeRequestId: options.changeRequestId }, select: { startedAt: true } });
  // Runs of one request are serialised by the target's lock, so "started later" is "the next one".
  return after ? { startedAt: { gt: after.startedAt }, id: { not: options.after } } : {};
}

async function readSnapshot(options: StreamOptions, filter: RunFilter, db: Db): Promise<ApplyRunSnapshot | null> {
  const run = await db.applyRun.findFirst({ where: { changeRequestId: options.changeRequestId, ...filter }, orderBy: { startedAt: "desc" } });
  if (!run) return null;
  return readRunSnapshot(run, db);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/**
 * The pause before the next read: the base interval right after a change (steps arrive close together),
 * doubling while nothing changes up to `quietMs`, so a run stuck on one slow step, watched by many
 * pages, costs a read every couple of seconds per page rather than four a second.
 */
export function nextPollDelay(current: number, changed: boolean, baseMs: number, quietMs: number): number {
  return changed ? baseMs : Math.min(quietMs, Math.max(baseMs, current * 2));
}

const encoder = new TextEncoder();
const event = (name: string, data: unknown) => encoder.encode(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);

/**
 * Server-Sent Events for one apply run, read from the database as the applying server writes it (so
 * it works whichever studio instance runs the apply): `run` with an {@link ApplyRunSnapshot} each time
 * it changes, then `end` once the run is no longer running; `none` when no run appears in `waitMs`.
 * The caller has checked that the request belongs to the reader's workspace.
 */
export function streamApplyRun(options: StreamOptions): ReadableStream<Uint8Array> {
  const db = options.db ?? getDb().db;
  const pollMs = options.pollMs ?? 250;
  const quietPollMs = Math.max(pollMs, options.quietPollMs ?? 2_000);
  const waitMs = options.waitMs ?? RUN_WAIT_MS;
  // Set when the reader goes away (the browser closed the page): the loop stops reading the database.
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    cancel() {
      cancelled = true;
    },
    async start(controller) {
      const started = Date.now();
      let last = "";
      let lastSent = Date.now();
      let delay = pollMs;
      try {
        const filter = await runFilter(options, db);
        while (!cancelled && !options.signal?.aborted) {
          const snapshot = await readSnapshot(options, filter, db);
          let changed = false;
          if (!snapshot && Date.now() - started > waitMs) {
            controller.enqueue(event("none", { reason: "no apply run started" }));
            break;
          }
          if (snapshot) {
            const text = JSON.stringify(snapshot);
            if (text !== last) {
              controller.enqueue(event("run", snapshot));
              last = text;
              lastSent = Date.now();
              changed = true;
            }
            if (snapshot.status !== "running") {
              controller.enqueue(event("end", { status: snapshot.status }));
              break;
            }
          }
          // A comment line now and then keeps proxies from closing a quiet stream.
          if (Date.now() - lastSent > 15_000) {
            controller.enqueue(encoder.encode(": waiting\n\n"));
            lastSent = Date.now();
          }
          delay = nextPollDelay(delay, changed, pollMs, quietPollMs);
          await sleep(delay, options.signal);
        }
      } catch (error) {
        if (cancelled) return;
        console.error("apply stream: reading the run failed", error);
        controller.enqueue(event("error", { message: "Reading the apply run failed; reload the page." }));
      }
      if (!cancelled) controller.close();
    },
  });
}

/**
 * The route handler's work: the session and role are checked on the server (any member of the
 * workspace may watch, as they may read the page), and the request must be in their workspace.
 */
export async function applyRunStreamResponse(request: Request, changeRequestId: string, db: Db = getDb().db): Promise<Response> {
  const account = await getCurrentAccount();
  if (!account) return Response.json({ error: "Your session has ended; sign in again." }, { status: 401 });
  if (!hasRole(account.role, "viewer")) return Response.json({ error: "You are not a member of this workspace." }, { status: 403 });
  const cr = await db.changeRequest.findFirst({ where: { id: changeRequestId, pool: { workspaceId: account.workspaceId } }, select: { id: true } });
  if (!cr) return Response.json({ error: "This change request does not exist." }, { status: 404 });
  const params = new URL(request.url).searchParams;
  const runId = params.get("run") ?? undefined;
  const after = params.get("after") ?? undefined;
  const body = streamApplyRun({ changeRequestId: cr.id, ...(runId ? { runId } : {}), ...(after ? { after } : {}), signal: request.signal, db });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      // Tells nginx-style proxies not to buffer the stream.
      "x-accel-buffering": "no",
    },
  });
}
