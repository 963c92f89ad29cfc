import type { PreflightReport } from "./types";

const MARK = { pass: "ok  ", fail: "FAIL", warn: "warn", unknown: "??  " } as const;

/** The report as text for a terminal: one line per result, the fix indented below. */
export function renderPreflightText(report: PreflightReport): string {
  if (report.results.length === 0) return "Preflight: nothing to check (no custom domain, SES email, SMS role, triggers or KMS key).\n";
  const lines = report.results.flatMap((r) => [
    `${MARK[r.outcome]} ${r.code}  ${r.path}`,
    `     ${r.message}`,
    ...(r.fix ? [`     fix: ${r.fix}`] : []),
    ...(r.outcome !== "pass" && r.awsErrorWithout ? [`     without this check: ${r.awsErrorWithout}`] : []),
  ]);
  const { pass, fail, warn, unknown } = report.summary;
  lines.push("", `Preflight: ${pass} passed, ${fail} failed, ${warn} warnings, ${unknown} not checked.${report.blocked ? " Apply is blocked." : ""}`);
  return `${lines.join("\n")}\n`;
}
