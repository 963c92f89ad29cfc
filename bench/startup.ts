import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "../prisma/migrate.mjs";
import { freePort } from "../test/support/free-port";
import { medianMs, printRow } from "./measure";

/** Start-up figures: migrating a new embedded database, and `next start` until /api/health answers. */
export async function benchStartup(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "studio-bench-"));
  try {
    let n = 0;
    const ms = await medianMs(() => migrate(`file:${path.join(dir, `db-${n++}.db`)}`), 5);
    printRow("create + migrate a new SQLite database", ms);

    if (!existsSync(".next/BUILD_ID")) {
      console.log("(building the app once for the start-up figure)");
      spawnSync("npx", ["next", "build"], { stdio: "ignore" });
    }
    const times: number[] = [];
    for (let i = 0; i < 3; i++) times.push(await timeNextStart(path.join(dir, `app-${i}.db`)));
    printRow("next start until GET /api/health is 200 (median of 3)", times.sort((a, b) => a - b)[1]!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timeNextStart(dbFile: string): Promise<number> {
  await migrate(`file:${dbFile}`);
  const port = await freePort();
  const start = performance.now();
  const child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
    stdio: "ignore",
  });
  try {
    while (performance.now() - start < 30_000) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (response.status === 200) return performance.now() - start;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error("next start did not answer within 30 s");
  } finally {
    child.kill("SIGTERM");
  }
}
