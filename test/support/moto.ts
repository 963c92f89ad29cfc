import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "./free-port";

/** `pid`: the moto process (the load bench reads its CPU time). */
export type MotoServer = { endpoint: string; pid: number | undefined; stop(): Promise<void> };

/**
 * moto's server with the Cognito operations moto 5.2 lacks added in Python (test/support/moto_ext/:
 * each operation is modelled from the API reference and checks its input against the vendored API model).
 * Resolved from the repository root, where every test runner starts.
 */
const MOTO_SERVER = path.resolve("test/support/moto_ext/serve.py");

/**
 * Starts a real moto server on 127.0.0.1 and a free port and waits until it answers. Tests point the
 * real AWS SDK at `endpoint`; moto keeps state until stopped. `lowPriority` runs it under `nice -n 19`, so it
 * takes only CPU nothing else wants (the load bench: AWS does not run on the studio's machine).
 */
export async function startMoto({ lowPriority = false } = {}): Promise<MotoServer> {
  const port = await freePort();
  const command = ["python3", MOTO_SERVER, "-H", "127.0.0.1", "-p", String(port)];
  // nice execs python3 in its own process, so the pid is moto's.
  const [program, ...args] = lowPriority ? ["nice", "-n", "19", ...command] : command;
  const child: ChildProcess = spawn(program!, args, {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (true) {
    if (child.exitCode !== null) throw new Error(`moto exited with ${child.exitCode}: ${stderr}`);
    try {
      const response = await fetch(`${endpoint}/moto-api/`);
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`moto did not start within 30 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    endpoint,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
