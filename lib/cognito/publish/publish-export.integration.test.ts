/**
 * Publishing to a real bare repository made by the test (`git init --bare`), read back with the git command line.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type BareRepo, createBareRepo, git } from "@/test/support/git-repos";
import { startGitHttpServer } from "@/test/support/git-http-server";
import { BLOG_POOL_DOCUMENT } from "@/test/support/pool-documents";
import { renderTerraform } from "../formats/terraform/render-terraform";
import { renderTerraformModule } from "../formats/terraform-module/render-terraform-module";
import { composeCommitMessage } from "./commit-message";
import { explainGitFailure } from "./refusals";
import { type PublishRequest, publishExport } from "./publish-export";

const AUTHOR = { name: "Ann Editor", email: "ann@example.com" };
let repo: BareRepo;

beforeEach(() => {
  repo = createBareRepo();
});
afterEach(() => repo.remove());

function request(overrides: Partial<PublishRequest> = {}): PublishRequest {
  const files = renderTerraformModule(BLOG_POOL_DOCUMENT).files;
  return {
    remote: { url: repo.url },
    branch: "cognito-studio/blog/cr-1",
    folder: "cognito/blog",
    files,
    message: composeCommitMessage({ poolName: "blog", format: "terraform-module", files: files.map((f) => `cognito/blog/${f.path}`), planSummary: ["Plan: 3 to add, 0 to change, 0 to replace, 0 to destroy."], reviewers: [{ name: "Bo Approver", email: "bo@example.com" }] }),
    author: AUTHOR,
    ...overrides,
  };
}

describe("publishExport against a bare repository", () => {
  test("the first publish creates the branch with one commit holding the export, the plan summary and the reviewers", async () => {
    const result = await publishExport(request());
    expect(result).toMatchObject({ ok: true, created: true, changed: true, branch: "cognito-studio/blog/cr-1" });
    if (!result.ok) return;
    expect(repo.git("rev-parse", "refs/heads/cognito-studio/blog/cr-1").trim()).toBe(result.commit);
    expect(repo.git("show", "cognito-studio/blog/cr-1:cognito/blog/main.tf")).toBe(renderTerraformModule(BLOG_POOL_DOCUMENT).files[0].content);
    const message = repo.git("log", "-1", "--format=%B", "cognito-studio/blog/cr-1");
    expect(message).toMatch(/^Publish blog \(terraform-module\)\n/u);
    expect(message).toContain("Plan: 3 to add, 0 to change, 0 to replace, 0 to destroy.");
    expect(repo.git("log", "-1", "--format=%(trailers:key=Reviewed-by,valueonly)", "cognito-studio/blog/cr-1").trim()).toBe("Bo Approver <bo@example.com>");
    expect(repo.git("log", "-1", "--format=%an <%ae>", "cognito-studio/blog/cr-1").trim()).toBe("Ann Editor <ann@example.com>");
  });

  test("a second publish adds a commit on top of the first (no force push) and drops a file the export no longer has", async () => {
    const withVariables = renderTerraform(BLOG_POOL_DOCUMENT, { variables: true }).files;
    expect(withVariables.map((f) => f.path)).toContain("variables.tf");
    const first = await publishExport(request({ files: withVariables }));
    expect(first.ok).toBe(true);
    const changed = structuredClone(BLOG_POOL_DOCUMENT);
    changed.spec.deletionProtection = "INACTIVE";
    const plain = renderTerraform(changed).files;
    const second = await publishExport(request({ files: plain, message: "second\n" }));
    expect(second).toMatchObject({ ok: true, created: false, changed: true });
    if (!first.ok || !second.ok) return;
    expect(second.commit).not.toBe(first.commit);
    expect(repo.git("rev-parse", "cognito-studio/blog/cr-1^").trim()).toBe(first.commit);
    expect(repo.git("rev-list", "--count", "cognito-studio/blog/cr-1").trim()).toBe("2");
    expect(repo.git("ls-tree", "-r", "--name-only", "cognito-studio/blog/cr-1").trim().split("\n")).toEqual(plain.map((f) => `cognito/blog/${f.path}`));
    expect(repo.git("show", "cognito-studio/blog/cr-1:cognito/blog/main.tf")).toMatch(/deletion_protection\s*=\s*"INACTIVE"/u);
  });

  test("publishing the same export again makes no commit", async () => {
    const first = await publishExport(request());
    const again = await publishExport(request({ message: "again\n" }));
    expect(again).toMatchObject({ ok: true, changed: false });
    if (first.ok && again.ok) expect(again.commit).toBe(first.commit);
    expect(repo.git("rev-list", "--count", "cognito-studio/blog/cr-1").trim()).toBe("1");
  });

  test("a new branch starts from the repository's default branch, whose files stay", async () => {
    const work = mkdtempSync(join(tmpdir(), "studio-work-"));
    try {
      git(work, "init", "-q", "--initial-branch=main");
      execFileSync("sh", ["-c", "echo '# infra' > README.md && git add README.md && git -c user.name=T -c user.email=t@x commit -q -m init"], { cwd: work });
      git(work, "push", "-q", repo.url, "main");
      const result = await publishExport(request());
      expect(result.ok).toBe(true);
      expect(repo.git("rev-parse", "cognito-studio/blog/cr-1^").trim()).toBe(repo.git("rev-parse", "main").trim());
      expect(repo.git("show", "cognito-studio/blog/cr-1:README.md")).toBe("# infra\n");
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  test("a push the repository's pre-receive hook refuses is explained in plain words and changes nothing", async () => {
    const first = await publishExport(request());
    repo.setPreReceiveHook('echo "policy: Cognito changes need a ticket number" >&2\nexit 1');
    const changed = structuredClone(BLOG_POOL_DOCUMENT);
    changed.spec.deletionProtection = "INACTIVE";
    const refused = await publishExport(request({ files: renderTerraformModule(changed).files }));
    expect(refused).toEqual({
      ok: false,
      code: "rejected-by-hook",
      message:
        'The repository refused the push to branch "cognito-studio/blog/cr-1": a check on the repository (its pre-receive hook) declined it. Nothing was published. Ask the repository\'s owners what the check requires, then publish again. The repository said: "policy: Cognito changes need a ticket number".',
    });
    if (first.ok) expect(repo.git("rev-parse", "cognito-studio/blog/cr-1").trim()).toBe(first.commit);
  });

  test("a branch that moved is never overwritten: git's non-fast-forward refusal reads in plain words", async () => {
    // The refusal git prints when a push would overwrite commits it does not have, produced for real.
    const first = await publishExport(request());
    expect(first.ok).toBe(true);
    const work = mkdtempSync(join(tmpdir(), "studio-work-"));
    try {
      git(work, "init", "-q");
      execFileSync("sh", ["-c", "echo x > other && git add other && git -c user.name=T -c user.email=t@x commit -q -m other"], { cwd: work });
      let output = "";
      try {
        execFileSync("git", ["push", repo.url, "HEAD:refs/heads/cognito-studio/blog/cr-1"], { cwd: work, stdio: ["ignore", "pipe", "pipe"] });
      } catch (cause) {
        output = String((cause as { stderr?: Buffer }).stderr);
      }
      expect(output).toContain("rejected");
      expect(explainGitFailure(output, "cognito-studio/blog/cr-1")).toMatchObject({ code: "non-fast-forward", message: expect.stringContaining("moved on the repository") });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  test("a credential never appears in a refusal, even when the URL carries one", async () => {
    const refused = await publishExport(request({ remote: { url: "http://builder:s3cr3t-in-url@127.0.0.1:9/infra.git", credential: "ghp_tokenvalue123" } }));
    expect(refused).toMatchObject({ ok: false, code: "unreachable" });
    if (refused.ok) return;
    expect(refused.message).not.toMatch(/s3cr3t|ghp_tokenvalue123|Z2hw/u);
  });

  test("a branch or folder git would misread is refused before git runs", async () => {
    expect(await publishExport(request({ branch: "--force" }))).toMatchObject({ ok: false, code: "invalid-request" });
    expect(await publishExport(request({ folder: "../outside" }))).toMatchObject({ ok: false, code: "invalid-request" });
    expect(await publishExport(request({ remote: { url: "ext::sh -c touch% /tmp/pwned" } }))).toMatchObject({ ok: false, code: "invalid-request" });
    expect(repo.git("for-each-ref").trim()).toBe("");
  });

  test("over HTTPS-style remotes the credential goes as a Basic header; a wrong one is refused in plain words", async () => {
    const server = await startGitHttpServer(repo.url, "x-access-token", "tok_right_value");
    try {
      const wrong = await publishExport(request({ remote: { url: server.url, credential: "tok_wrong_value" } }));
      expect(wrong).toMatchObject({ ok: false, code: "authentication" });
      if (!wrong.ok) expect(wrong.message).not.toMatch(/tok_wrong_value|dG9r/u);
      expect(repo.git("for-each-ref").trim()).toBe("");

      const right = await publishExport(request({ remote: { url: server.url, credential: "tok_right_value" } }));
      expect(right).toMatchObject({ ok: true, created: true });
      if (right.ok) expect(repo.git("rev-parse", "cognito-studio/blog/cr-1").trim()).toBe(right.commit);
      expect(server.authorizations).toContain(`Basic ${Buffer.from("x-access-token:tok_right_value").toString("base64")}`);
    } finally {
      await server.close();
    }
  });
});
