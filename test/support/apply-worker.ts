/**
 * One studio instance applying a change request, for lib/server/apply-multi-instance.integration.test.ts:
 * a separate OS process that calls the same function the apply server action calls
 * (applyChangeRequest), against the database in DATABASE_URL and the target's endpoint (moto), with
 * AWS credentials from the environment (the SDK's default chain, as the server).
 *
 *   tsx --conditions=react-server test/support/apply-worker.ts USER_ID CHANGE_REQUEST_ID GO_FILE
 *
 * Prints `ready` once loaded and connected, waits until GO_FILE exists (so two workers start at the same
 * moment), applies, prints one JSON line with the outcome and exits. APPLY_WORKER_DELAY_MS holds each
 * AWS write that long first (a slow apply, so the other instance meets a held lock).
 */
import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

async function main(): Promise<void> {
  const [userId, changeRequestId, goFile] = process.argv.slice(2);
  if (!userId || !changeRequestId || !goFile) throw new Error("usage: apply-worker.ts USER_ID CHANGE_REQUEST_ID GO_FILE");
  const { getDb } = await import("@/lib/server/db");
  const { findAccount } = await import("@/lib/server/users");
  const { applyChangeRequest } = await import("@/lib/server/change-requests");
  const { UserError } = await import("@/lib/server/errors");
  const { setTargetPortFactory } = await import("@/lib/server/target-port");
  const { createSdkPort } = await import("@/lib/cognito/aws");

  const delay = Number(process.env.APPLY_WORKER_DELAY_MS ?? 0);
  if (delay > 0) {
    setTargetPortFactory((target) => {
      const port = createSdkPort({ region: target.region, ...(target.endpoint ? { endpoint: target.endpoint } : {}) }, { rateLimit: "off" });
      return new Proxy(port, {
        get(inner, prop, receiver) {
          const value: unknown = Reflect.get(inner, prop, receiver);
          if (typeof value !== "function") return value;
          if (typeof prop === "string" && /^(create|update|delete|set|add)/u.test(prop)) {
            return async (...args: unknown[]) => {
              await sleep(delay);
              return (value as (...a: unknown[]) => Promise<unknown>).apply(inner, args);
            };
          }
          return (value as (...a: unknown[]) => unknown).bind(inner);
        },
      });
    });
  }

  const account = await findAccount(userId);
  if (!account) throw new Error(`no account ${userId}`);
  process.stdout.write("ready\n");
  while (!existsSync(goFile)) await sleep(5);
  let outcome: Record<string, unknown>;
  try {
    const result = await applyChangeRequest(account, { changeRequestId, planVersion: 1 });
    outcome = { ok: true, status: result.status, userPoolId: result.userPoolId ?? null, runId: result.runId };
  } catch (error) {
    outcome = error instanceof UserError ? { ok: false, code: error.code, message: error.message } : { ok: false, code: "crash", message: String(error) };
  }
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
  await getDb().db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
