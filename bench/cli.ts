import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { serialisePoolDocument } from "../lib/cognito/spec/document";
import { quotaSizedPool, withTenPercentChanged } from "../test/support/pool-documents";
import { median, printRow } from "./measure";

const RUNS = 9;
const BIN = path.resolve("bin/cognito-studio.mjs");
/** Preloaded into every timed process: it reports the process's CPU time on file descriptor 3 as it exits. */
const CPU_REPORTER = pathToFileURL(path.resolve("bench/cpu-at-exit.mjs")).href;

/** A 20-line pool file, as a person writes one. */
const SMALL_POOL = `apiVersion: cognito-studio.dev/v1
kind: UserPool
metadata:
  name: shop-users
spec:
  region: eu-west-1
  usernameAttributes: [email]
  mfaConfiguration: "ON"
  softwareTokenMfaConfiguration: { enabled: true }
  deletionProtection: ACTIVE
  resourceServers:
    - identifier: https://api.shop.test
      name: shop-api
      scopes: [{ name: orders.read, description: Read orders }]
  clients:
    - name: web
      allowedOAuthFlowsUserPoolClient: true
      allowedOAuthFlows: [code]
      allowedOAuthScopes: [openid, email]
      callbackUrls: [https://shop.test/callback]
`;

/** Whole processes, as a person at a terminal waits for them: the CLI is timed against Node doing nothing. */
export async function benchCli(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "studio-bench-cli-"));
  try {
    const small = path.join(dir, "small.yaml");
    writeFileSync(small, SMALL_POOL);
    const current = path.join(dir, "current.json");
    const desired = path.join(dir, "desired.json");
    const pool = quotaSizedPool();
    writeFileSync(current, serialisePoolDocument(pool, "json"));
    writeFileSync(desired, serialisePoolDocument(withTenPercentChanged(pool), "json"));

    const commands: Record<"node" | "validate" | "plan", string[]> = {
      node: ["-e", "0"],
      validate: [BIN, "validate", small],
      plan: [BIN, "plan", current, desired],
    };
    // The first run builds the CLI when a source changed since the last build; it is not timed.
    for (const args of Object.values(commands)) time(args);
    // Interleaved, so a burst of load on a shared machine hits all three alike.
    const runs = { node: [] as Timed[], validate: [] as Timed[], plan: [] as Timed[] };
    for (let i = 0; i < RUNS; i++) for (const key of ["node", "validate", "plan"] as const) runs[key].push(time(commands[key]));
    const wall = (key: keyof typeof runs) => median(runs[key].map((r) => r.wall));
    const cpu = (key: keyof typeof runs) => median(runs[key].map((r) => r.cpu));
    const nodeMs = wall("node");
    const validateMs = wall("validate");
    const planMs = wall("plan");
    console.log(`node ${process.version}; whole processes, median of ${RUNS} interleaved runs; load average ${loadavg()[0]!.toFixed(2)}`);
    // On a shared machine the wall time includes waiting for a core: the CPU time (every thread of the process)
    // and its ratio say whether a change of the wall time is the code's or the machine's.
    const withCpu = (key: keyof typeof runs, note: string) => `${note}; CPU ${cpu(key).toFixed(0)} ms`;
    printRow("node -e 0", nodeMs, withCpu("node", "wall"));
    printRow("cognito-studio validate (a 20-line file)", validateMs, withCpu("validate", verdict(validateMs / nodeMs, 4, "node -e 0")));
    const planCpuRatio = `, ${(cpu("plan") / cpu("validate")).toFixed(2)}x validate's`;
    printRow("cognito-studio plan (1000-client pool, 10% changed, JSON)", planMs, withCpu("plan", verdict(planMs / validateMs, 1.5, "validate")) + planCpuRatio);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Timed {
  wall: number;
  cpu: number;
}

function time(args: string[]): Timed {
  const start = performance.now();
  const run = spawnSync(process.execPath, ["--import", CPU_REPORTER, ...args], { stdio: ["ignore", "ignore", "pipe", "pipe"], encoding: "utf8" });
  const wall = performance.now() - start;
  // Both files are valid and the plan has no errors: any other exit means the figure is not of a real run.
  if (run.status !== 0) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  const cpu = Number(run.output[3]);
  if (!Number.isFinite(cpu)) throw new Error(`${args.join(" ")} did not report its CPU time`);
  return { wall, cpu };
}

function verdict(ratio: number, target: number, of: string): string {
  return `${ratio.toFixed(2)}x ${of} (target <= ${target}x: ${ratio <= target ? "met" : "NOT met"})`;
}
