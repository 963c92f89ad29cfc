/** What an apply is given and what it reports. */
import type { AwsErrorInfo } from "../aws/port";
import type { SecretResolver } from "../aws/secret-resolver";
import type { PlanAction } from "../plan/types";
import type { PreflightPort, PreflightReport } from "../preflight/types";
import type { PoolDocument } from "../spec/document-schema";

export type StepOutcome = "ok" | "failed" | "skipped";

/** One plan entry as apply ran it. */
export interface ApplyStep {
  /** The plan entry's address: `user_pool`, `app_client["web"]`, `resource_server["https://api"]`, `domain`. */
  resource: string;
  action: Exclude<PlanAction, "noop">;
  outcome: StepOutcome;
  /** The AWS error code and message when the step failed. */
  error?: AwsErrorInfo;
}

export interface ApplyResult {
  /** The pool the plan was applied to (the new pool's id when it was created or replaced). */
  userPoolId?: string;
  /** One per entry of the plan that is not a noop, in the plan's order. */
  steps: ApplyStep[];
  /** True when every step is ok. */
  ok: boolean;
  /** Secrets of clients created by this apply, by client name. Show once; never store or log. */
  newClientSecrets?: Record<string, string>;
  /** The preflight report, when the apply ran preflight (warnings and passes; a failure refuses instead). */
  preflight?: PreflightReport;
}

export interface ApplyOptions {
  /**
   * The document the plan was computed for: preflight checks it, the live re-read is normalised against it,
   * and a plan stored before entries carried their values gets them from it.
   */
  desired: PoolDocument;
  /** The live pool; default `plan.live.userPoolId`. Not used when the plan creates the pool. */
  userPoolId?: string;
  /** Allow replacing or deleting the pool and replacing clients (`--allow-replace`). */
  allowReplace?: boolean;
  /** Steps of one kind in flight at once; default 5 (the per-pool rate of the write categories). */
  concurrency?: number;
  /** Concurrency of the re-read (see readLivePool). */
  readConcurrency?: number;
  /**
   * Called as each step finishes (ok, or failed with its AWS error), in the order they finish, with the
   * number of steps the apply runs: lets a caller show progress while the apply is still going. Steps
   * that never ran (after a failure) are only in the result, as `skipped`.
   */
  onStepFinished?: (step: ApplyStep, total: number) => void;
  /** Reads a provider's secret from its reference; default: environment variables of this process only. */
  resolveSecret?: SecretResolver;
  /**
   * Check the other AWS services the pool depends on (preflight/) and refuse, before any Cognito write,
   * when a blocking check fails. Runs before any Cognito call when the pool is created or `userPoolArn`
   * is given; otherwise right after the stale-plan re-read (a read), with the ARN it returns.
   */
  preflight?: { port: PreflightPort; userPoolArn?: string };
}
