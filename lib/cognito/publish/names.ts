/**
 * Branch names and repository folders a publish may use. Git's own rules for a branch name are those of
 * https://git-scm.com/docs/git-check-ref-format; they are checked here before git sees the name, so a name that
 * begins with "-" can never be read as an option.
 */

const BAD_REF = /(^[-./])|(\.\.)|([\u0000-\u0020\u007f~^:?*[\\])|(@\{)|(\/\/)|([./]$)|(\.lock$)|(\.lock\/)|(\/\.)/u;

const REF_PREFIX = /^(refs|heads|tags|remotes)\//u;

/** Why a branch name is refused, or undefined when git accepts it. */
export function checkBranchName(branch: string): string | undefined {
  if (branch.length === 0) return "the branch name is empty: give one, e.g. cognito-studio/blog";
  if (branch.length > 200) return "the branch name is over 200 characters: shorten it";
  if (branch === "@" || BAD_REF.test(branch)) {
    return `"${branch}" is not a branch name git accepts: use letters, digits, "-", "_", "." and "/" (not at the start or end), no "..", spaces or ~^:?*[\\`;
  }
  // git accepts these, but the branch made would read as another ref: `refs/heads/main` becomes
  // refs/heads/refs/heads/main, and `heads/main` then names two refs (https://git-scm.com/docs/gitrevisions).
  if (branch === "HEAD") return `"HEAD" is git's name for the current commit, not a branch's short name: give a branch name, e.g. cognito-studio/blog`;
  if (REF_PREFIX.test(branch)) return `"${branch}" is not a branch's short name: give it without refs/, heads/, tags/ or remotes/ (e.g. main, not refs/heads/main)`;
  return undefined;
}

/** Why a folder inside the repository is refused, or undefined. "" is the repository's root. */
export function checkFolder(folder: string): string | undefined {
  if (folder === "") return undefined;
  // A file name may hold them, but no one means one, and git quotes such paths everywhere it prints them.
  if (/[\u0000-\u001f\u007f]/u.test(folder)) return `${JSON.stringify(folder)} holds a control character (a line break, tab or NUL): give a folder name without one`;
  const parts = folder.split("/");
  if (folder.startsWith("/") || parts.some((p) => p === "" || p === "." || p === ".." || p.toLowerCase() === ".git")) {
    return `"${folder}" is not a folder inside the repository: give a relative path like infra/cognito/blog, without "..", ".git" or a leading "/"`;
  }
  return undefined;
}

/** A name as a branch or folder name part: lower case, runs of anything but letters, digits, "_" and "-" as "-". */
export function slugOf(name: string, fallback = "pool"): string {
  return name.toLowerCase().replace(/[^a-z0-9_-]+/gu, "-").replace(/^-+|-+$/gu, "").slice(0, 60) || fallback;
}

/** A branch name from a pool's name and, when there is one, a change's (its target and title): `cognito-studio/blog/prod-longer-passwords`. */
export function branchNameFor(poolName: string, change?: string): string {
  return change === undefined ? `cognito-studio/${slugOf(poolName)}` : `cognito-studio/${slugOf(poolName)}/${slugOf(change, "change")}`;
}

/** Why a remote URL is refused (an option-like value, or a transport other than https, http, ssh, git or a path). */
export function checkRemoteUrl(url: string): string | undefined {
  if (url.trim() === "") return "the repository URL is empty";
  if (url.startsWith("-")) return "a repository URL cannot begin with \"-\"";
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//iu.exec(url)?.[1]?.toLowerCase();
  if (scheme && !["https", "http", "ssh", "git", "file"].includes(scheme)) return `repository URLs with ${scheme}:// are not supported: use https://, ssh://, git@host:path or a path`;
  if (/^[a-z][a-z0-9+.-]*::/iu.test(url)) return "remote helpers (name::address) are not supported: use https://, ssh://, git@host:path or a path";
  return undefined;
}
