/** Properties of apply over arbitrary plans (test/support/pool-arbitraries.ts): apply runs the plan's entries, nothing else. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CognitoPort } from "../aws/port";
import type { LivePoolRaw } from "../aws/read-live-pool";
import { planChanges } from "../plan/plan-changes";
import type { Plan } from "../plan/types";
import type { PoolDocument } from "../spec/document-schema";
import { poolDocumentArbitrary, poolDocumentPairArbitrary } from "@/test/support/pool-arbitraries";
import { checkPlanComplete } from "./guards";
import { runPhases } from "./run-phases";
import { buildTasks, stepsOf, type TaskContext } from "./tasks";

const RUNS = { numRuns: 200 };

/**
 * A port on which every call succeeds (a created pool gets an id, a created client a client id) and a listing
 * finds nothing (a style's client deleted earlier in the same apply is not found); it records the calls made.
 */
function acceptingPort(calls: string[]): CognitoPort {
  const answer = (method: string) => (method.startsWith("list") ? { items: [] } : { Id: "eu-west-1_new", ClientId: "client-new" });
  return new Proxy({} as CognitoPort, {
    get: (_target, method) => (method === "region" ? "eu-west-1" : async () => (calls.push(String(method)), answer(String(method)))),
  });
}

const EMPTY_LIVE: LivePoolRaw = { pool: {}, mfa: {}, clients: [], resourceServers: [], groups: [], identityProviders: [] };

/** The clients of the current document exist live (unless the pool is replaced), as applyPlan's re-read finds them. */
function context(plan: Plan, calls: string[], current: PoolDocument | null): TaskContext {
  let poolId = plan.creatingPool ? undefined : "eu-west-1_live";
  const poolReplaced = plan.entries.some((e) => e.type === "userPool" && e.action === "replace");
  const liveClients = new Map((poolReplaced ? [] : (current?.spec.clients ?? [])).map((c) => [c.name, { ClientName: c.name, ClientId: `id-${c.name}` }]));
  return {
    port: acceptingPort(calls),
    ...(plan.creatingPool ? {} : { live: EMPTY_LIVE, livePoolId: "eu-west-1_live" }),
    poolReplaced,
    poolId: () => poolId ?? "missing",
    knownPoolId: () => poolId,
    setPoolId: (id) => {
      poolId = id;
    },
    liveClients,
    newClientSecrets: {},
    secretOf: async () => undefined,
  };
}

const planned = (plan: Plan) => plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action}`);

/** The address stems and actions the runs met (`risk_configuration[] create`): the property must reach every kind of entry. */
const met = new Set<string>();

async function expectRunsExactlyTheEntries(plan: Plan, current: PoolDocument | null): Promise<void> {
  checkPlanComplete(plan);
  for (const e of plan.entries) if (e.action !== "noop") met.add(`${e.address.replace(/\[.*\]$/u, "[]")} ${e.action}`);
  const calls: string[] = [];
  const tasks = buildTasks(plan, context(plan, calls, current));
  expect(stepsOf(tasks).map((s) => `${s.resource} ${s.action}`)).toEqual(planned(plan));
  const steps = await runPhases(tasks, { concurrency: 3, secrets: new Set() });
  expect(steps.map((s) => `${s.resource} ${s.action} ${s.outcome}`)).toEqual(planned(plan).map((p) => `${p} ok`));
  if (!plan.hasChanges) expect(calls).toEqual([]);
}

describe("apply properties", () => {
  it("creating a pool runs exactly the plan's entries, in the plan's order", async () => {
    await fc.assert(fc.asyncProperty(poolDocumentArbitrary(), (b) => expectRunsExactlyTheEntries(planChanges(null, b), null)), RUNS);
  });

  it("changing a pool runs exactly the plan's entries, in the plan's order, replacements included", async () => {
    await fc.assert(
      fc.asyncProperty(poolDocumentPairArbitrary(), fc.boolean(), ([a, b], allowReplace) => expectRunsExactlyTheEntries(planChanges(a, b, { allowReplace, live: { fingerprint: "f" } }), a)),
      RUNS,
    );
  });

  it("the runs met threat protection settings (the pool's and a client's) and log delivery", () => {
    for (const kind of ["risk_configuration create", "risk_configuration[] create", "log_delivery create", "risk_configuration update", "log_delivery update"]) expect(met).toContain(kind);
  });
});
