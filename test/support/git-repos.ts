/**
 * Real git repositories for the publish tests: a bare repository in a temporary folder, as a team's server holds
 * one, read back with the git command line.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface BareRepo {
  /** The repository's path, usable as the remote URL. */
  url: string;
  /** Runs git in the bare repository and returns its standard output. */
  git: (...args: string[]) => string;
  /** Installs a pre-receive hook: a shell script body. */
  setPreReceiveHook: (script: string | undefined) => void;
  remove: () => void;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** `git init --bare` in a new temporary folder; `initialBranch` is what HEAD names (main). */
export function createBareRepo(): BareRepo {
  const root = mkdtempSync(join(tmpdir(), "studio-bare-"));
  const url = join(root, "infra.git");
  execFileSync("git", ["init", "-q", "--bare", "--initial-branch=main", url]);
  const hook = join(url, "hooks", "pre-receive");
  return {
    url,
    git: (...args) => git(url, ...args),
    setPreReceiveHook: (script) => {
      if (script === undefined) rmSync(hook, { force: true });
      else {
        writeFileSync(hook, `#!/bin/sh\n${script}\n`);
        chmodSync(hook, 0o755);
      }
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
