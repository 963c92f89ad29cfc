import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { serialisePoolDocument } from "../lib/cognito/spec/document";
import { quotaSizedPool, withTenPercentChanged } from "../test/support/pool-documents";
import { median, printRow } from "./measure";

const RUNS = 9;
const BIN = path.resolve("bin/cognito-studio.mjs");

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
    const times = { node: [] as number[], validate: [] as number[], plan: [] as number[] };
    for (let i = 0; i < RUNS; i++) for (const key of ["node", "validate", "plan"] as const) times[key].push(time(commands[key]));
    const nodeMs = median(times.node);
    const validateMs = median(times.validate);
    const planMs = median(times.plan);
    console.log(`node ${process.version}; whole processes, median of ${RUNS} interleaved runs`);
    printRow("node -e 0", nodeMs);
    printRow("cognito-studio validate (a 20-line file)", validateMs, verdict(validateMs / nodeMs, 4, "node -e 0"));
    printRow("cognito-studio plan (1000-client pool, 10% changed, JSON)", planMs, verdict(planMs / validateMs, 1.5, "validate"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function time(args: string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const ms = performance.now() - start;
  // Both files are valid and the plan has no errors: any other exit means the figure is not of a real run.
  if (run.status !== 0) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return ms;
}

function verdict(ratio: number, target: number, of: string): string {
  return `${ratio.toFixed(2)}x ${of} (target <= ${target}x: ${ratio <= target ? "met" : "NOT met"})`;
}
