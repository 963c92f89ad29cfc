/**
 * Runs tasks phase by phase (see tasks/task.ts for the order). Tasks of one phase run concurrently,
 * bounded (the port's rate limiter keeps them within quota); the pool and MFA phases one at a time. When a
 * phase has a failed task, every later phase is skipped: its tasks may depend on the failed one (a client
 * on a scope, a pool replacement on its domain being gone). A step is ok when all of its tasks ran.
 */
import { toAwsErrorInfo } from "../aws/port";
import { mapWithConcurrency } from "../concurrency";
import { redactSecrets } from "./refusals";
import { PHASES, stepsOf, type Task } from "./tasks";
import type { ApplyOptions, ApplyStep } from "./types";

export interface RunOptions {
  concurrency: number;
  onStepFinished?: ApplyOptions["onStepFinished"];
  /** Secrets resolved by this apply: an AWS error may quote a request, so they are cut out of error messages. */
  secrets: ReadonlySet<string>;
}

/** Runs every task; returns the steps with their outcomes. Never throws. */
export async function runPhases(tasks: readonly Task[], options: RunOptions): Promise<ApplyStep[]> {
  const steps = stepsOf(tasks);
  const done = new Set<Task>();
  const finished = (task: Task) => tasks.every((t) => t.step !== task.step || done.has(t));
  let failed = false;
  for (const phase of PHASES) {
    if (failed) break; // later phases stay "skipped"
    const phaseTasks = tasks.filter((t) => t.phase === phase);
    await mapWithConcurrency(phaseTasks, phase === "pool" || phase === "mfa" ? 1 : options.concurrency, async (task) => {
      if (task.step.error) return;
      try {
        await task.run();
        done.add(task);
        if (finished(task)) options.onStepFinished?.({ ...task.step, outcome: "ok" }, steps.length);
      } catch (error) {
        const info = toAwsErrorInfo(error);
        task.step.error = { code: redactSecrets(info.code, options.secrets), message: redactSecrets(info.message, options.secrets) };
        failed = true;
        options.onStepFinished?.({ ...task.step, outcome: "failed" }, steps.length);
      }
    });
  }
  for (const step of steps) step.outcome = step.error ? "failed" : tasks.every((t) => t.step !== step || done.has(t)) ? "ok" : "skipped";
  return steps;
}
