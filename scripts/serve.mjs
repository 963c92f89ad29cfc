#!/usr/bin/env node
// `npm start` / `npm run studio`: Next's production server behind a few lines that set
// X-Forwarded-For to the client's real address (lib/server/client-address.mjs explains why `next
// start` alone cannot be trusted for it). Usage: node scripts/serve.mjs [-H host] [-p port]
import http from "node:http";
import next from "next";
import { resolveClientAddress, trustedProxyHops } from "../lib/server/client-address.mjs";

const args = process.argv.slice(2);
const option = (flag, fallback) => {
  const at = args.indexOf(flag);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const hostname = option("-H", process.env.HOSTNAME || "0.0.0.0");
const port = Number(option("-p", process.env.PORT || "3000"));
const hops = trustedProxyHops();

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
