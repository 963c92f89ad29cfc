/**
 * A git server over HTTP for the publish tests: Node's http server in front of git's own `git http-backend`
 * (https://git-scm.com/docs/git-http-backend, run as a CGI program), asking for HTTP Basic credentials as a
 * hosted repository does. Pushes are accepted only with the expected credential.
 */
import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, basename } from "node:path";

export interface GitHttpServer {
  /** The repository's URL on the server. */
  url: string;
  /** The Authorization headers the server received. */
  authorizations: string[];
  close: () => Promise<void>;
}

function runBackend(req: IncomingMessage, res: ServerResponse, root: string, user: string): void {
  const url = new URL(req.url ?? "/", "http://localhost");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: "1",
    REMOTE_USER: user,
    REQUEST_METHOD: req.method ?? "GET",
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.slice(1),
    CONTENT_TYPE: req.headers["content-type"] ?? "",
    ...(req.headers["content-encoding"] ? { HTTP_CONTENT_ENCODING: String(req.headers["content-encoding"]) } : {}),
  };
  const cgi = spawn("git", ["http-backend"], { env: env as NodeJS.ProcessEnv, stdio: ["pipe", "pipe", "ignore"] });
  req.pipe(cgi.stdin);
  const chunks: Buffer[] = [];
  cgi.stdout.on("data", (c: Buffer) => chunks.push(c));
  cgi.on("close", () => {
    const out = Buffer.concat(chunks);
    const split = out.indexOf("\r\n\r\n");
    const head = out.subarray(0, split).toString("latin1").split("\r\n");
    let status = 200;
    for (const line of head) {
      const [name, ...rest] = line.split(":");
      const value = rest.join(":").trim();
      if (name.toLowerCase() === "status") status = Number(value.split(" ")[0]);
      else if (name) res.setHeader(name, value);
    }
    res.statusCode = status;
    res.end(out.subarray(split + 4));
  });
}

/** Serves the bare repository at `repositoryPath`; requests need `Authorization: Basic base64(user:password)`. */
export async function startGitHttpServer(repositoryPath: string, user: string, password: string): Promise<GitHttpServer> {
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
  const authorizations: string[] = [];
  const server = createServer((req, res) => {
    if (req.headers.authorization) authorizations.push(req.headers.authorization);
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { "WWW-Authenticate": 'Basic realm="git"' }).end("unauthorised");
      return;
    }
    runBackend(req, res, dirname(repositoryPath), user);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${basename(repositoryPath)}`,
    authorizations,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
