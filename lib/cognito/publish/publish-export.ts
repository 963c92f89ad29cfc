/**
 * Publishes an export's files to a git repository: a commit on a branch, pushed without force. It runs the git
 * command line through simple-git in a temporary clone of the one branch, so the machine's git (its transports,
 * SSH keys and TLS settings) does the talking. A credential travels as an HTTP header set through git's
 * environment (GIT_CONFIG_COUNT, https://git-scm.com/docs/git-config#ENVIRONMENT): never in a command line,
 * a URL, a file on disk or a message.
 */
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type SimpleGit, simpleGit } from "simple-git";
import type { ExportedFile } from "../formats/types";
import { checkBranchName, checkFolder, checkRemoteUrl } from "./names";
import { basicCredential, redactCredential } from "./redact";
import { explainGitFailure, type PublishFailureCode } from "./refusals";

export interface PublishRequest {
  /** Where to push: a URL git understands, and an optional credential (`token` or `user:token`) for HTTPS. */
  remote: { url: string; credential?: string };
  branch: string;
  /** The folder inside the repository that holds the export ("" for the root); its old files are replaced. */
  folder: string;
  files: ExportedFile[];
  message: string;
  author: { name: string; email: string };
  /** No output from git for this long ends the publish (a hung connection); default two minutes. */
  timeoutMs?: number;
}

export type PublishResult =
  | { ok: true; commit: string; branch: string; created: boolean; changed: boolean; files: string[] }
  | { ok: false; code: PublishFailureCode | "invalid-request"; message: string };

/** git must never wait for a password nobody will type, nor use a transport that runs commands. */
const ALLOWED_PROTOCOLS = "file:git:http:https:ssh";
/**
 * What git gets of the process environment: where programs, home and SSH agent are, proxies and certificates.
 * Nothing else (an EDITOR, a GIT_* override, a credential of another tool) reaches it.
 */
const PASSED_ENV = ["PATH", "HOME", "USER", "TMPDIR", "SSH_AUTH_SOCK", "HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY", "https_proxy", "http_proxy", "no_proxy", "SSL_CERT_FILE", "SSL_CERT_DIR"];
const DEFAULT_TIMEOUT_MS = 120_000;

function gitIn(dir: string, request: PublishRequest): SimpleGit {
  const { credential } = request.remote;
  const { name, email } = request.author;
  const env: Record<string, string> = {};
  for (const k of PASSED_ENV) if (process.env[k] !== undefined) env[k] = process.env[k];
  // LC_ALL=C: git's messages in English, the words refusals.ts recognises.
  // GIT_LITERAL_PATHSPECS: a folder named "*" or ":(top)" is that folder, not a pattern that removes the
  // repository's other files (https://git-scm.com/docs/git#Documentation/git.txt---literal-pathspecs).
  Object.assign(env, { LC_ALL: "C", GIT_TERMINAL_PROMPT: "0", GIT_ALLOW_PROTOCOL: ALLOWED_PROTOCOLS, GIT_CONFIG_NOSYSTEM: "1", GIT_LITERAL_PATHSPECS: "1" });
  Object.assign(env, { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email });
  if (credential) Object.assign(env, { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "http.extraHeader", GIT_CONFIG_VALUE_0: `Authorization: Basic ${basicCredential(credential)}` });
  // allowUnsafeConfigEnvCount: the credential header above is set through GIT_CONFIG_COUNT on purpose.
  return simpleGit({ baseDir: dir, timeout: { block: request.timeoutMs ?? DEFAULT_TIMEOUT_MS }, unsafe: { allowUnsafeConfigEnvCount: true } }).env(env);
}

function checkRequest(request: PublishRequest): string | undefined {
  if (request.files.length === 0) return "the export has no files: nothing to publish";
  const bad = request.files.map((f) => checkFolder(f.path)).find(Boolean);
  return checkRemoteUrl(request.remote.url) ?? checkBranchName(request.branch) ?? checkFolder(request.folder) ?? bad;
}

/** Whether the branch exists on the remote, and its default branch (the base of a new one) when it does not. */
async function startingPoint(git: SimpleGit, url: string, branch: string): Promise<"branch" | "default" | "empty"> {
  const heads = await git.raw(["ls-remote", "--heads", "--", url, `refs/heads/${branch}`]);
  if (heads.trim() !== "") return "branch";
  const head = await git.raw(["ls-remote", "--", url, "HEAD"]);
  return head.trim() !== "" ? "default" : "empty";
}

async function checkOutBase(git: SimpleGit, url: string, branch: string): Promise<boolean> {
  const start = await startingPoint(git, url, branch);
  if (start === "empty") {
    await git.raw(["checkout", "-q", "--orphan", branch]);
    return true;
  }
  await git.raw(["fetch", "-q", "--no-tags", "--depth=1", "--", url, start === "branch" ? `refs/heads/${branch}` : "HEAD"]);
  await git.raw(["checkout", "-q", "-B", branch, "FETCH_HEAD"]);
  return start !== "branch";
}

async function writeExport(dir: string, git: SimpleGit, request: PublishRequest): Promise<string[]> {
  const paths = request.files.map((f) => (request.folder ? `${request.folder}/${f.path}` : f.path));
  // The folder holds exactly this export: a file an earlier export wrote and this one does not is removed.
  if (request.folder) await git.raw(["rm", "-r", "-q", "--ignore-unmatch", "--", request.folder]);
  for (const [i, f] of request.files.entries()) {
    await mkdir(dirname(join(dir, paths[i])), { recursive: true });
    await writeFile(join(dir, paths[i]), f.content, "utf8");
  }
  await git.raw(["add", "-A", "--", ...paths]);
  return paths;
}

async function commitAndPush(git: SimpleGit, request: PublishRequest, created: boolean, paths: string[]): Promise<PublishResult> {
  const staged = (await git.raw(["diff", "--cached", "--name-only"])).trim();
  if (staged === "" && !created) {
    const commit = (await git.revparse(["HEAD"])).trim();
    return { ok: true, commit, branch: request.branch, created, changed: false, files: paths };
  }
  await git.raw(["commit", "-q", "--allow-empty", "--no-verify", "-m", request.message]);
  const commit = (await git.revparse(["HEAD"])).trim();
  await git.raw(["push", "-q", "--porcelain", "--", request.remote.url, `HEAD:refs/heads/${request.branch}`]);
  return { ok: true, commit, branch: request.branch, created, changed: true, files: paths };
}

/**
 * Commits `files` into `folder` on `branch` of the remote and pushes. A new branch starts from the remote's
 * default branch (or from nothing in an empty repository); an existing one gets a new commit on top. An export
 * that changes nothing makes no commit. Never throws: a refusal comes back with plain words, free of the credential.
 */
export async function publishExport(request: PublishRequest): Promise<PublishResult> {
  const invalid = checkRequest(request);
  if (invalid) return { ok: false, code: "invalid-request", message: redactCredential(invalid, request.remote.credential) };
  const dir = await mkdtemp(join(tmpdir(), "cognito-studio-publish-"));
  try {
    const git = gitIn(dir, request);
    await git.raw(["init", "-q"]);
    const created = await checkOutBase(git, request.remote.url, request.branch);
    const paths = await writeExport(dir, git, request);
    return await commitAndPush(git, request, created, paths);
  } catch (cause) {
    const output = cause instanceof Error ? cause.message : String(cause);
    const explained = explainGitFailure(redactCredential(output, request.remote.credential), request.branch, request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    return { ok: false, code: explained.code, message: explained.message };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
