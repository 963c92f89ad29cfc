/** Preflight inside apply: a blocking result refuses the apply before any Cognito write. */
import { runPreflight } from "../preflight/run-preflight";
import type { PreflightPort, PreflightReport } from "../preflight/types";
import type { PoolDocument } from "../spec/document-schema";
import { ApplyRefusedError } from "./refusals";

export async function preflightOrRefuse(desired: PoolDocument, port: PreflightPort, userPoolArn: string | undefined, region: string): Promise<PreflightReport> {
  const report = await runPreflight(desired, port, { region, ...(userPoolArn ? { userPoolArn } : {}) });
  if (report.blocked) {
    const failed = report.results.filter((r) => r.blocking);
    throw new ApplyRefusedError("preflight-failed", `preflight failed, nothing was changed: ${failed.map((r) => `${r.code} (${r.path}): ${r.message}`).join("; ")}`, report);
  }
  return report;
}
