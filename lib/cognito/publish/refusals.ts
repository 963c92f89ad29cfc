/**
 * What git says when a publish fails, in plain words. Each row matches git's own output (the push and fetch
 * messages of https://git-scm.com/docs/git-push#_output and the hooks of https://git-scm.com/docs/githooks#pre-receive);
 * the first row that matches explains the failure. The server's own words (`remote:` lines) are quoted after.
 */

export type PublishFailureCode = "timed-out" | "rejected-by-hook" | "non-fast-forward" | "authentication" | "unreachable" | "protected-branch" | "git-failed";

interface RefusalRule {
  code: PublishFailureCode;
  pattern: RegExp;
  explain: (branch: string) => string;
}

const RULES: RefusalRule[] = [
  {
    code: "rejected-by-hook",
    pattern: /pre-receive hook declined|hook declined|\[remote rejected\]/u,
    explain: (branch) => `The repository refused the push to branch "${branch}": a check on the repository (its pre-receive hook) declined it. Nothing was published. Ask the repository's owners what the check requires, then publish again.`,
  },
  {
    code: "protected-branch",
    pattern: /protected branch|GH006|not allowed to push/iu,
    explain: (branch) => `The repository does not allow pushes to branch "${branch}" (it is protected). Nothing was published. Publish to another branch.`,
  },
  {
    code: "non-fast-forward",
    pattern: /non-fast-forward|\(fetch first\)|\[rejected\]/u,
    explain: (branch) => `Branch "${branch}" moved on the repository while the studio was publishing (someone pushed to it). Nothing was published; the studio never overwrites a branch. Publish again to add the export on top of the new commits.`,
  },
  {
    code: "authentication",
    pattern: /Authentication failed|could not read Username|terminal prompts disabled|HTTP 40[13]|Permission denied \(publickey/iu,
    explain: () => "The repository refused the studio's credential (wrong, expired or without write access). Nothing was published. Ask an administrator to check the publish credential in the server's environment.",
  },
  {
    code: "unreachable",
    pattern: /does not appear to be a git repository|Could not resolve host|Connection refused|Repository not found|not found|unable to access|Could not read from remote/iu,
    explain: () => "The studio could not reach the repository (wrong address, or the server cannot connect to it). Nothing was published. Check the repository URL.",
  },
];

/** The `remote:` lines git printed: what the repository's own checks said. */
function remoteLines(output: string): string[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("remote:"))
    .map((line) => line.slice("remote:".length).trim())
    .filter((line) => line.length > 0);
}

/** "2 minutes", "2 seconds": how long git waited without a word. */
function durationWords(ms: number): string {
  const minutes = ms / 60_000;
  if (Number.isInteger(minutes)) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const seconds = Math.ceil(ms / 1000);
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

/** What simple-git says when it ended a git that printed nothing for the block timeout. */
const TIMED_OUT = /block timeout reached/u;

/** A failed publish explained: its code and a message for people (already free of the credential). */
export function explainGitFailure(output: string, branch: string, timeoutMs = 120_000): { code: PublishFailureCode; message: string } {
  if (TIMED_OUT.test(output))
    return {
      code: "timed-out",
      message: `The repository did not answer for ${durationWords(timeoutMs)}, so the studio stopped waiting. Nothing was published. Check that the repository's address is right and that the server can reach it, then publish again.`,
    };
  const rule = RULES.find((r) => r.pattern.test(output));
  const said = remoteLines(output);
  const quote = said.length > 0 ? ` The repository said: "${said.slice(0, 5).join(" ")}".` : "";
  if (rule) return { code: rule.code, message: `${rule.explain(branch)}${quote}` };
  const lastLine = output.trim().split("\n").filter(Boolean).at(-1) ?? "no output";
  return { code: "git-failed", message: `Publishing to branch "${branch}" failed; nothing was published. Git said: ${lastLine}` };
}
