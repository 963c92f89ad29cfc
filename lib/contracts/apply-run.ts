/** What an apply run records and the apply-progress stream sends (types only: safe to import from client components). */
import type { ApplyStep } from "@/lib/cognito/apply";

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

/** One finished AWS write of an apply, as the run's progress records it. */
export interface ProgressEntry {
  at: string;
  /** The port method, e.g. createUserPoolClient. */
  call: string;
  /** What it acted on: the client, pool, resource server or domain name when the request names one. */
  subject: string;
  outcome: "ok" | "failed";
  error?: { code: string; message: string };
}
