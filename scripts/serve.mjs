#!/usr/bin/env node
// `npm start` / `npm run studio`: Next's production server behind a few lines that set
// X-Forwarded-For to the client's real address (lib/server/client-address.mjs explains why `next
// start` alone cannot be trusted for it). Usage: node scripts/serve.mjs [-H host] [-p port]
// On PostgreSQL it runs one server process per core (lib/server/server-processes.mjs says why), sharing the port
// through Node's cluster module; on SQLite one.
import cluster from "node:cluster";
import http from "node:http";
import { availableParallelism } from "node:os";
import next from "next";
import { resolveClientAddress, trustedProxyHops } from "../lib/server/client-address.mjs";
import { serverProcessCount } from "../lib/server/server-processes.mjs";

const args = process.argv.slice(2);
const option = (flag, fallback) => {
  const at = args.indexOf(flag);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const hostname = option("-H", process.env.HOSTNAME || "0.0.0.0");
const port = Number(option("-p", process.env.PORT || "3000"));
const hops = trustedProxyHops();

const processes = serverProcessCount(process.env, availableParallelism());

if (processes > 1 && cluster.isPrimary) runProcesses(processes);
else await serve();

/** The primary only forks and watches: a process that dies is replaced; a stop signal stops them all, then it. */
function runProcesses(count) {
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`server process ${worker.process.pid} ended (${signal ?? `exit ${code}`}); starting another`);
    cluster.fork();
  });
  for (const stop of ["SIGTERM", "SIGINT"]) {
    process.on(stop, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(stop);
    });
  }
  const why = process.env.STUDIO_SERVER_PROCESSES ? "STUDIO_SERVER_PROCESSES" : "one per core on PostgreSQL";
  console.log(`Cognito Studio: ${count} server processes on port ${port} (${why})`);
}

/** One server process: Next's request handler behind the client-address line. */
async function serve() {
  const app = next({ dev: false, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  http
    .createServer((req, res) => {
      req.headers["x-forwarded-for"] = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
      delete req.headers["x-real-ip"];
      void handle(req, res);
    })
    .listen(port, hostname, () => {
      console.log(`Cognito Studio on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port} (Node ${process.version}, trusted proxies: ${hops})`);
    });
}
