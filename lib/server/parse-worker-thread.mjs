// The body of a parse worker thread (started by parse-worker.ts). It loads the TypeScript domain core with
// tsx, so the same source runs under `next start`, Vitest and the CLI without a separate build step.
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { runParseJob } = await tsImport("../cognito/formats/parse-job.ts", import.meta.url);

parentPort.on("message", async ({ id, job }) => {
  try {
    parentPort.postMessage({ id, ok: true, value: await runParseJob(job) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
parentPort.postMessage({ ready: true });
