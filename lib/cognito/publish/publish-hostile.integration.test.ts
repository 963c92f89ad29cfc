/**
 * Hostile publish requests against a real bare repository that already holds a team's files: a folder git would
 * read as a pattern, control characters, branch names that are not short names, and a remote that never answers.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { type Server, type Socket, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type BareRepo, createBareRepo, git } from "@/test/support/git-repos";
import { type PublishRequest, publishExport } from "./publish-export";

let repo: BareRepo;
const TEAM_FILES = ["README.md", "app/b.ts", "infra/a.tf"];

beforeEach(() => {
  repo = createBareRepo();
  const work = mkdtempSync(join(tmpdir(), "studio-seed-"));
  try {
    git(work, "init", "-q", "--initial-branch=main");
    execFileSync("sh", ["-c", "mkdir -p app infra && echo r > README.md && echo b > app/b.ts && echo a > infra/a.tf && git add -A && git -c user.name=T -c user.email=t@x commit -q -m team"], { cwd: work });
    git(work, "push", "-q", repo.url, "main");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
afterEach(() => repo.remove());

function request(overrides: Partial<PublishRequest> = {}): PublishRequest {
  return { remote: { url: repo.url }, branch: "cognito-studio/blog", folder: "cognito/blog", files: [{ path: "main.tf", content: "# pool\n" }], message: "Publish blog", author: { name: "Ann", email: "ann@example.com" }, ...overrides };
}

const treeOf = (branch: string) => repo.git("ls-tree", "-r", "--name-only", branch).trim().split("\n");

describe("publish: hostile folders and branches", () => {
  test.each(["*", "inf*", ":(glob)**", ":(top)"])("folder %j is a folder of that name: git reads no pattern in it, and the team's files stay", async (folder) => {
    const result = await publishExport(request({ folder }));
    expect(result).toMatchObject({ ok: true, files: [`${folder}/main.tf`] });
    expect(treeOf("cognito-studio/blog").sort()).toEqual([...TEAM_FILES, `${folder}/main.tf`].sort());
  });

  test.each(["a\nb", "a\u0000b", "a\tb/c", "a/\u007f"])("folder %j (a control character) is refused before git runs", async (folder) => {
    const result = await publishExport(request({ folder }));
    expect(result).toMatchObject({ ok: false, code: "invalid-request", message: expect.stringContaining("control character") });
    expect(repo.git("for-each-ref", "--format=%(refname)").trim()).toBe("refs/heads/main");
  });

  test.each(["refs/heads/main", "refs/tags/v1", "HEAD", "heads/main"])("branch %j (not a branch's short name) is refused before git runs", async (branch) => {
    const result = await publishExport(request({ branch }));
    expect(result).toMatchObject({ ok: false, code: "invalid-request" });
    if (!result.ok) expect(result.message).toMatch(/short name/u);
    expect(repo.git("for-each-ref", "--format=%(refname)").trim()).toBe("refs/heads/main");
  });
});

describe("publish: a remote that never answers", () => {
  let server: Server;
  const sockets: Socket[] = [];
  beforeEach(async () => {
    // Accepts the connection and says nothing, as a stuck proxy or a firewall that swallows packets would.
    server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  test("ends after the time given, in plain words, with the credential nowhere", async () => {
    const { port } = server.address() as { port: number };
    const started = Date.now();
    const result = await publishExport({ ...request({ remote: { url: `http://builder:pw-in-url@127.0.0.1:${port}/infra.git`, credential: "tok_hanging_value" } }), timeoutMs: 1500 });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result).toMatchObject({ ok: false, code: "timed-out" });
    if (result.ok) return;
    expect(result.message).toBe("The repository did not answer for 2 seconds, so the studio stopped waiting. Nothing was published. Check that the repository's address is right and that the server can reach it, then publish again.");
    expect(result.message).not.toMatch(/pw-in-url|tok_hanging_value/u);
  });
});
