/** What the apply-progress stream sends (types only: safe to import from client components). */
import type { ApplyStep } from "@/lib/cognito/apply";
import type { ProgressEntry } from "./recording-port";

/** One apply run as the page shows it while it runs: sent each time it changes. */
export interface ApplyRunSnapshot {
  id: string;
  /** `running` only while its server holds the target's lock; a run whose server stopped reads `interrupted`. */
  status: "running" | "succeeded" | "failed" | "interrupted";
  /** Steps finished so far (in the order they finished); the full list, skipped ones included, once the run ends. */
  steps: ApplyStep[];
  /** The AWS writes made so far. */
  progress: ProgressEntry[];
  error: string | null;
  userPoolId: string | null;
}
