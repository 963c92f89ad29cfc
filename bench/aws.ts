import { applyPlan } from "../lib/cognito/apply";
import { createSdkPort, quotaFloorSeconds, readLivePool, type SdkPort } from "../lib/cognito/aws";
import { planChanges } from "../lib/cognito/plan";
import type { PoolDocument } from "../lib/cognito/spec";
import { startMoto } from "../test/support/moto";
import { printTarget } from "./measure";

function poolWithClients(count: number): PoolDocument {
  return {
    apiVersion: "cognito-studio.dev/v1",
    kind: "UserPool",
    metadata: { name: "bench-1000-clients" },
    spec: {
      region: "eu-west-1",
      usernameAttributes: ["email"],
      clients: Array.from({ length: count }, (_, i) => ({
        name: `client-${String(i).padStart(4, "0")}`,
        generateSecret: false,
        explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      })),
    },
  };
}

function callLine(port: SdkPort, label: string, seconds: number): void {
  const calls = port.totalCalls();
  const floor = quotaFloorSeconds(port.calls);
  console.log(
    `${label.padEnd(44)} ${String(calls).padStart(5)} API calls  ${seconds.toFixed(2).padStart(6)} s on moto  ` +
      `${floor.toFixed(1).padStart(6)} s at least on AWS (quota floor)`,
  );
}

/**
 * The stale-plan guard's reads before an apply that changes 10 of 1000 clients: before, the whole pool was
 * re-read (every client described); now the pool and the 10 clients (the rest listed, 60 a page).
 */
async function benchStalePlanGuard(connection: Parameters<typeof createSdkPort>[0], userPoolId: string, base: PoolDocument): Promise<void> {
  const desired = structuredClone(base);
  desired.spec.clients?.forEach((client, i) => {
    if (i % 100 === 5) client.refreshTokenValidity = 20;
  });
  const whole = createSdkPort(connection, { rateLimit: "off" });
  const live = await readLivePool(whole, userPoolId, { desired, concurrency: 10 });
  const plan = planChanges(live.document, desired, { live: live.live });
  const port = createSdkPort(connection, { rateLimit: "off" });
  const applied = await applyPlan(plan, port, { desired, userPoolId, concurrency: 10 });
  if (!applied.ok) throw new Error("applying 10 client changes failed");
  const guardCalls = port.totalCalls() - (port.calls.UpdateUserPoolClient ?? 0);
  const name = `stale-plan guard, apply touching ${plan.summary.change} of 1000 clients`;
  printTarget(name, guardCalls, "calls", Math.floor(whole.totalCalls() / 10), `before: the whole re-read, ${whole.totalCalls()} calls, ${quotaFloorSeconds(whole.calls).toFixed(0)} s at the quota floor`);
}

/** The AWS benchmark's figures: reading a 1000-client pool and applying 100 client changes, against moto. */
export async function benchAws(): Promise<void> {
  const moto = await startMoto();
  try {
    const connection = { region: "eu-west-1", endpoint: moto.endpoint, credentials: { accessKeyId: "bench", secretAccessKey: "bench" } };
    const desired = poolWithClients(1000);

    let port = createSdkPort(connection, { rateLimit: "off" });
    let started = performance.now();
    const created = await applyPlan(planChanges(null, desired), port, { desired, concurrency: 10 });
    if (!created.ok || !created.userPoolId) throw new Error("creating the bench pool failed");
    callLine(port, "create a pool with 1000 clients", (performance.now() - started) / 1000);

    port = createSdkPort(connection, { rateLimit: "off" });
    started = performance.now();
    const live = await readLivePool(port, created.userPoolId, { desired, concurrency: 10 });
    callLine(port, "read the 1000-client pool (readLivePool)", (performance.now() - started) / 1000);

    const changed = structuredClone(desired);
    changed.spec.clients?.forEach((client, i) => {
      if (i % 10 === 0) client.enableTokenRevocation = false;
    });
    port = createSdkPort(connection, { rateLimit: "off" });
    started = performance.now();
    const plan = planChanges(live.document, changed, { live: live.live });
    const applied = await applyPlan(plan, port, { desired: changed, userPoolId: created.userPoolId, concurrency: 10 });
    if (!applied.ok) throw new Error("applying 100 client changes failed");
    callLine(port, `apply ${plan.summary.change} client changes (incl. stale-plan re-read)`, (performance.now() - started) / 1000);
    await benchStalePlanGuard(connection, created.userPoolId, changed);
  } finally {
    await moto.stop();
  }
}
