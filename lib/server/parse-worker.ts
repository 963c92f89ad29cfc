import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ParseJob, ParseJobResult } from "@/lib/cognito/formats/parse-job";

/**
 * Reads uploaded and pasted text in worker threads with a wall-clock and a heap limit, so one file can never
 * stall the server's event loop or take the process down with it: a job over its time is stopped by
 * terminating its worker, a job over its heap ends only its worker (Node's resourceLimits), and either way the
 * person gets an error naming the limit. A small pool of warm workers is kept; jobs beyond it wait in a
 * bounded queue. The limits on the text itself (size, depth: lib/cognito/formats/input-limits.ts) run inside
 * the worker before any parser.
 */

export interface ParseWorkerLimits {
  /** Wall-clock time one job may take once a worker has it. */
  timeoutMs: number;
  /** Old-generation heap of one worker (Node's resourceLimits.maxOldGenerationSizeMb). */
  memoryMb: number;
  /** Workers running at once. */
  workers: number;
  /** Jobs waiting for a worker before new ones are turned away. */
  queue: number;
}

export const PARSE_TIMEOUT_ENV = "STUDIO_PARSE_TIMEOUT_SECONDS";
export const PARSE_MEMORY_ENV = "STUDIO_PARSE_MEMORY_MB";

/**
 * The benchmarks' quota-sized pool (1,000 clients, `quotaSizedPool` in test/support/pool-documents.ts) reads within a 128 MB heap, in 4-8 s as
 * YAML or CloudFormation and 9-20 s as 1.3 MB of Terraform on a busy 2-core machine: twice that is the default.
 */
export const DEFAULT_PARSE_LIMITS: Readonly<ParseWorkerLimits> = { timeoutMs: 40_000, memoryMb: 256, workers: 2, queue: 16 };

/** The limits with the operator's overrides (whole positive numbers; anything else keeps the default). */
export function parseLimitsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): ParseWorkerLimits {
  const positive = (raw: string | undefined) => (raw && /^\d+$/u.test(raw) && Number(raw) > 0 ? Number(raw) : undefined);
  const seconds = positive(env[PARSE_TIMEOUT_ENV]);
  const megabytes = positive(env[PARSE_MEMORY_ENV]);
  return { ...DEFAULT_PARSE_LIMITS, ...(seconds ? { timeoutMs: seconds * 1000 } : {}), ...(megabytes ? { memoryMb: megabytes } : {}) };
}

export type ParseLimitCode = "parse-timeout" | "parse-memory" | "parse-busy" | "parse-crashed";

/** A job the pool stopped or refused; the message is for the person (it names the limit and what to do). */
export class ParseLimitError extends Error {
  override name = "ParseLimitError";
  constructor(
    readonly code: ParseLimitCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The worker's body, found from the project folder (where `next start`, Vitest and the CLI run) rather than
 * from this module, whose compiled copy lives in .next/.
 */
const THREAD_ENTRY = path.join(process.cwd(), "lib", "server", "parse-worker-thread.mjs");

/** How long a new worker may take to load the importers before it counts as broken. */
const STARTUP_MS = 30_000;

type Reply = { ready: true } | { id: number; ok: true; value: ParseJobResult } | { id: number; ok: false; message: string };

interface Slot {
  worker: Worker;
  ready: Promise<void>;
}

export class ParseWorkerPool {
  private readonly idle: Slot[] = [];
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private nextId = 1;

  constructor(
    readonly limits: ParseWorkerLimits = DEFAULT_PARSE_LIMITS,
    private readonly entry: string = THREAD_ENTRY,
  ) {}

  async run<J extends ParseJob>(job: J): Promise<ParseJobResult<J>> {
    await this.acquire();
    try {
      return (await this.runOn(this.idle.pop() ?? this.spawn(), job)) as ParseJobResult<J>;
    } finally {
      this.release();
    }
  }

  /** Ends the idle workers (tests; a running job ends its own worker when it finishes or fails). */
  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((slot) => slot.worker.terminate()));
  }

  private async acquire(): Promise<void> {
    if (this.running < this.limits.workers) {
      this.running += 1;
      return;
    }
    if (this.waiting.length >= this.limits.queue)
      throw new ParseLimitError("parse-busy", `The server is already reading ${this.running + this.waiting.length} files; try again in a minute.`);
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Hands the running slot straight to the next waiting job, so none can slip in between. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }

  private spawn(): Slot {
    const worker = new Worker(this.entry, {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (reply: Reply) => {
        if ("ready" in reply) {
          worker.off("error", reject);
          resolve();
        }
      };
      worker.once("message", onMessage);
      worker.once("error", reject);
    });
    ready.catch(() => undefined);
    const slot = { worker, ready };
    // A worker that dies while idle must not be handed the next job.
    worker.once("exit", () => {
      const at = this.idle.indexOf(slot);
      if (at !== -1) this.idle.splice(at, 1);
    });
    return slot;
  }

  private runOn(slot: Slot, job: ParseJob): Promise<ParseJobResult> {
    const id = this.nextId++;
    const seconds = Math.round(this.limits.timeoutMs / 100) / 10;
    return new Promise<ParseJobResult>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: { value: ParseJobResult } | { error: Error }, keep: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        slot.worker.off("message", onMessage);
        slot.worker.off("error", onError);
        slot.worker.off("exit", onExit);
        if (keep) this.idle.push(slot);
        else void slot.worker.terminate();
        if ("value" in outcome) resolve(outcome.value);
        else reject(outcome.error);
      };
      const onMessage = (reply: Reply) => {
        if ("ready" in reply || reply.id !== id) return;
        if (reply.ok) finish({ value: reply.value }, true);
        else {
          console.error("parse worker: the job failed", reply.message);
          finish({ error: crashed() }, false);
        }
      };
      const onError = (error: Error & { code?: string }) => {
        if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
          finish({ error: new ParseLimitError("parse-memory", `Reading the file needed more than ${this.limits.memoryMb} MB of memory, the limit for one import. Import a smaller file (only the user pool's resources), or ask the operator to raise ${PARSE_MEMORY_ENV}.`) }, false);
          return;
        }
        console.error("parse worker: the worker failed", error);
        finish({ error: crashed() }, false);
      };
      const onExit = () => finish({ error: crashed() }, false);
      const timeUp = () =>
        finish(
          { error: new ParseLimitError("parse-timeout", `Reading the file took longer than ${seconds} s, the limit for one import, and was stopped. Import a smaller file (only the user pool's resources), or ask the operator to raise ${PARSE_TIMEOUT_ENV}.`) },
          false,
        );
      // The limit counts the job, not a new worker's start (loading the importers takes about a second).
      let timer = setTimeout(() => finish({ error: crashed() }, false), Math.max(this.limits.timeoutMs, STARTUP_MS));
      slot.worker.on("message", onMessage);
      slot.worker.on("error", onError);
      slot.worker.on("exit", onExit);
      slot.ready.then(
        () => {
          if (settled) return;
          clearTimeout(timer);
          timer = setTimeout(timeUp, this.limits.timeoutMs);
          slot.worker.postMessage({ id, job });
        },
        (error: unknown) => onError(error instanceof Error ? error : new Error(String(error))),
      );
    });
  }
}

function crashed(): ParseLimitError {
  return new ParseLimitError("parse-crashed", "The file could not be read: the reader stopped unexpectedly (the error was logged on the server). Check that it is a YAML, JSON or Terraform file.");
}

let shared: ParseWorkerPool | undefined;

/** Runs a parse job in the server's shared pool (the limits read once from the environment). */
export function parseInWorker<J extends ParseJob>(job: J): Promise<ParseJobResult<J>> {
  shared ??= new ParseWorkerPool(parseLimitsFromEnv());
  return shared.run(job);
}
