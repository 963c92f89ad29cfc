/**
 * Executes a {@link Plan} against Cognito through a {@link CognitoPort}: the plan's entries, and nothing
 * else. Each entry carries the value to send (`ResourceChange.value`); each resource type has its task
 * builder (tasks/); the tasks run in phases (run-phases.ts). The result has one step per entry that is not
 * a noop, in the plan's order.
 *
 * Safety (guards.ts): a plan with errors or for another pool is refused, as is destruction without
 * `allowReplace`; the live pool (the pool and the clients the plan touches) is re-read and must be the one the
 * plan was computed against (stale-plan guard); a pool with deletion protection on is never deleted; preflight runs before the first write.
 * Update calls replace the whole object, so requests merge the entry's value over the re-read live object.
 * New client secrets are returned once in `newClientSecrets` and never logged or stored. Identity provider
 * secrets are resolved from their `secretRef` (options.resolveSecret) just before the call, never returned,
 * logged or stored; a resolved value found in an AWS error message is replaced by "(secret)".
 */
import type { UserPoolClientType } from "@aws-sdk/client-cognito-identity-provider";
import type { CognitoPort } from "../aws/port";
import { readLivePool, type LivePool } from "../aws/read-live-pool";
import { environmentSecretResolver } from "../aws/secret-resolver";
import type { Plan } from "../plan/types";
import { upgradePlan } from "../plan/values";
import type { PreflightReport } from "../preflight/types";
import type { IdentityProviderSpec } from "../spec/identity-provider-schema";
import { checkLivePool, checkPlanAllowed, checkPlanComplete, refuseLostProviderSecrets } from "./guards";
import { preflightOrRefuse } from "./preflight-gate";
import { ApplyRefusedError } from "./refusals";
import { runPhases } from "./run-phases";
import { buildTasks, type TaskContext } from "./tasks";
import type { ApplyOptions, ApplyResult } from "./types";

export { checkPlanAllowed } from "./guards";
export { ApplyRefusedError, REDACTED_SECRET, redactSecrets, type ApplyRefusalCode } from "./refusals";
export type { ApplyOptions, ApplyResult, ApplyStep, StepOutcome } from "./types";

/** Re-reads the live pool the plan was computed against and checks it still is (the stale-plan guard). */
async function rereadLivePool(plan: Plan, port: CognitoPort, options: ApplyOptions): Promise<{ id: string; pool: LivePool }> {
  const id = options.userPoolId ?? plan.live?.userPoolId;
  if (!id) throw new ApplyRefusedError("missing-live-state", "the plan does not name the live pool it was computed against (plan.live.userPoolId)");
  if (!plan.live?.fingerprint) {
    throw new ApplyRefusedError("missing-live-state", "the plan was not computed against the live pool (it has no fingerprint); plan against the pool and apply that plan");
  }
  // Only the clients the plan touches are described (the rest are listed): the guard compares no more.
  const touched = plan.live.guard ? { clients: new Set(Object.keys(plan.live.guard.clients)) } : {};
  const pool = await readLivePool(port, id, { desired: options.desired, ...touched, ...(options.readConcurrency ? { concurrency: options.readConcurrency } : {}) });
  checkLivePool(plan, pool, id);
  return { id, pool };
}

/** The state the tasks of one apply share. */
function taskContext(port: CognitoPort, options: ApplyOptions, live: { id: string; pool: LivePool } | undefined, poolReplaced: boolean, secrets: Set<string>): TaskContext {
  let poolId = live?.id;
  const resolveSecret = options.resolveSecret ?? environmentSecretResolver();
  const liveClients = new Map<string, UserPoolClientType>();
  if (!poolReplaced) {
    for (const c of live?.pool.raw.clients ?? []) if (c.ClientName) liveClients.set(c.ClientName, c);
    // The clients the guard did not describe: their ids are what later phases need (terms, branding, risk).
    for (const [name, id] of Object.entries(live?.pool.live.clientIds ?? {})) if (!liveClients.has(name)) liveClients.set(name, { ClientId: id, ClientName: name });
  }
  return {
    port,
    ...(live ? { live: live.pool.raw, livePoolId: live.id } : {}),
    poolReplaced,
    poolId: () => {
      if (!poolId) throw new Error("no user pool id (the pool was not created)");
      return poolId;
    },
    knownPoolId: () => poolId,
    setPoolId: (id) => {
      poolId = id;
    },
    liveClients,
    newClientSecrets: {},
    secretOf: async (provider: IdentityProviderSpec) => {
      if (!provider.secretRef) return undefined;
      const value = await resolveSecret(provider.secretRef);
      secrets.add(value);
      return value;
    },
  };
}

/** Applies `plan` (see the module comment). Throws ApplyRefusedError before any change; never throws after. */
export async function applyPlan(stored: Plan, port: CognitoPort, options: ApplyOptions): Promise<ApplyResult> {
  const plan = upgradePlan(stored, options.desired);
  checkPlanAllowed(plan, options);
  checkPlanComplete(plan);
  const poolAction = plan.entries.find((e) => e.type === "userPool")?.action;
  const creating = plan.creatingPool || poolAction === "create";
  const preflightFirst = options.preflight !== undefined && (creating || options.preflight.userPoolArn !== undefined);
  let preflight: PreflightReport | undefined;
  if (options.preflight && preflightFirst) preflight = await preflightOrRefuse(options.desired, options.preflight.port, creating ? undefined : options.preflight.userPoolArn, port.region);
  const live = creating ? undefined : await rereadLivePool(plan, port, options);
  if (options.preflight && !preflightFirst) preflight = await preflightOrRefuse(options.desired, options.preflight.port, live?.pool.raw.pool.Arn, port.region);
  const poolReplaced = poolAction === "replace";
  if (live && !poolReplaced) refuseLostProviderSecrets(plan, live.pool);

  const secrets = new Set<string>();
  const ctx = taskContext(port, options, live, poolReplaced, secrets);
  const steps = await runPhases(buildTasks(plan, ctx), { concurrency: options.concurrency ?? 5, secrets, ...(options.onStepFinished ? { onStepFinished: options.onStepFinished } : {}) });
  const result: ApplyResult = { steps, ok: steps.every((s) => s.outcome === "ok") };
  const userPoolId = ctx.knownPoolId();
  if (userPoolId) result.userPoolId = userPoolId;
  if (Object.keys(ctx.newClientSecrets).length > 0) result.newClientSecrets = ctx.newClientSecrets;
  if (preflight) result.preflight = preflight;
  return result;
}
