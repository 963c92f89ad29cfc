/** The commit message of a publish: what was published, the plan's summary and who reviewed it (git trailers). */

export interface CommitMessageInput {
  /** The pool's name (metadata.name). */
  poolName: string;
  format: string;
  /** A change request's title and target, when the publish is of one. */
  change?: { title: string; target: string };
  /** The plan's summary line and its resource lines, as `renderPlanText` words them. */
  planSummary?: string[];
  /** The people who approved, as `Name <email>`. */
  reviewers?: { name: string; email: string }[];
  /** Paths of the files committed, relative to the repository's root. */
  files: string[];
  /** Free text from the person publishing. */
  note?: string;
}

/** One line: newlines and control characters from names or notes never break the message's structure. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/gu, " ").trim();
}

/**
 * Subject, body and trailers. `Reviewed-by:` is the trailer git's own project uses for reviewers
 * (https://git-scm.com/docs/SubmittingPatches#sign-off), so `git log --format=%(trailers)` lists them.
 */
export function composeCommitMessage(input: CommitMessageInput): string {
  const subject = input.change
    ? `Publish ${oneLine(input.poolName)} for ${oneLine(input.change.target)} (${input.format}): ${oneLine(input.change.title)}`
    : `Publish ${oneLine(input.poolName)} (${input.format})`;
  const body: string[] = [];
  if (input.note?.trim()) body.push(input.note.trim(), "");
  if (input.planSummary && input.planSummary.length > 0) body.push(...input.planSummary.map((line) => line.replace(/\s+$/u, "")), "");
  body.push("Files:", ...input.files.map((f) => `  ${f}`));
  const trailers = (input.reviewers ?? []).map((r) => `Reviewed-by: ${oneLine(r.name)} <${oneLine(r.email)}>`);
  return [subject, "", ...body, ...(trailers.length > 0 ? ["", ...trailers] : [])].join("\n") + "\n";
}
