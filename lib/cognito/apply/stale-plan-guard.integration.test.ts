/**
 * The stale-plan guard against a real moto server: before it writes, apply re-reads the pool and only the app
 * clients its plan touches (the others are listed, 60 a page), and refuses when one of those, or the pool,
 * changed since the plan; a change to a client the plan does not touch does not stop it. Calls are counted
 * through the port, against a whole read of the same pool.
 */
import { CreateGroupCommand, CreateUserPoolClientCommand, DescribeUserPoolClientCommand, UpdateUserPoolClientCommand } from "@aws-sdk/client-cognito-identity-provider";
import { beforeAll, expect, test } from "vitest";
import { planAgainstLive } from "@/test/support/apply-testing";
import { motoCognito, useMotoCognito } from "@/test/support/moto-cognito";
import { readLivePool } from "../aws/read-live-pool";
import { planChanges } from "../plan";
import type { PoolDocument } from "../spec/document-schema";
import { applyPlan, ApplyRefusedError } from "./apply-plan";

const REGION = "eu-west-1";
const CLIENTS = 130; // three pages of ListUserPoolClients
const moto = useMotoCognito(REGION);

const clientName = (i: number) => `client-${String(i).padStart(3, "0")}`;
let counter = 0;
function poolWithClients(): PoolDocument {
  counter++;
  return {
    apiVersion: "cognito-studio.dev/v1",
    kind: "UserPool",
    metadata: { name: `guard-${counter}` },
    spec: {
      region: REGION,
      clients: Array.from({ length: CLIENTS }, (_, i) => ({ name: clientName(i), explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], refreshTokenValidity: 30 })),
    },
  };
}

/** A port of its own, so its counts are one operation's. */
const countingPort = () => motoCognito(moto.endpoint, REGION).port;

let doc: PoolDocument;
let id: string;
beforeAll(async () => {
  doc = poolWithClients();
  const created = await applyPlan(planChanges(null, doc), moto.port, { desired: doc, concurrency: 10 });
  expect(created.ok).toBe(true);
  id = created.userPoolId!;
});

/** The desired document with client `i`'s refresh token validity set to `days`. */
function withClientChanged(base: PoolDocument, i: number, days: number): PoolDocument {
  const changed = structuredClone(base);
  changed.spec.clients![i]!.refreshTokenValidity = days;
  return changed;
}

async function clientIdOf(name: string): Promise<string> {
  return (await readLivePool(moto.port, id, { clients: new Set() })).live.clientIds[name]!;
}

async function refreshDaysOf(name: string): Promise<number | undefined> {
  return (await moto.sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: id, ClientId: await clientIdOf(name) }))).UserPoolClient?.RefreshTokenValidity;
}

test("apply re-reads the pool and only the clients its plan touches: a fraction of a whole read", async () => {
  const whole = countingPort();
  await readLivePool(whole, id, { desired: doc });
  const changed = withClientChanged(doc, 7, 20);
  const plan = await planAgainstLive(moto.port, changed, id);
  expect(Object.keys(plan.live?.guard?.clients ?? {})).toEqual([clientName(7)]);
  const applying = countingPort();
  const result = await applyPlan(plan, applying, { desired: changed, userPoolId: id });
  expect(result.ok).toBe(true);
  // A whole read describes every client; the guard describes the one it changes and lists the rest.
  expect(whole.calls.DescribeUserPoolClient).toBe(CLIENTS);
  expect(applying.calls.DescribeUserPoolClient).toBe(1);
  expect(applying.calls.ListUserPoolClients).toBe(3);
  expect(applying.calls.UpdateUserPoolClient).toBe(1);
  expect(applying.totalCalls()).toBeLessThan(whole.totalCalls() / 10);
  expect(await refreshDaysOf(clientName(7))).toBe(20);
  doc = changed;
});

test("a change made after the plan to a client the plan does not touch does not stop the apply, and stays", async () => {
  const changed = withClientChanged(doc, 8, 21);
  const plan = await planAgainstLive(moto.port, changed, id);
  await moto.sdk.send(new UpdateUserPoolClientCommand({ UserPoolId: id, ClientId: await clientIdOf(clientName(9)), ClientName: clientName(9), RefreshTokenValidity: 9 }));
  const result = await applyPlan(plan, moto.port, { desired: changed, userPoolId: id });
  expect(result.ok).toBe(true);
  expect(await refreshDaysOf(clientName(8))).toBe(21);
  expect(await refreshDaysOf(clientName(9))).toBe(9);
  // Planning again shows the console change as drift.
  const again = await planAgainstLive(moto.port, changed, id);
  expect(again.entries.filter((e) => e.action !== "noop").map((e) => e.address)).toEqual([`app_client["${clientName(9)}"]`]);
  doc = changed;
  await applyPlan(again, moto.port, { desired: doc, userPoolId: id });
});

test("a change made after the plan to a client the plan touches refuses the apply, and nothing is applied", async () => {
  const changed = withClientChanged(withClientChanged(doc, 10, 22), 11, 22);
  const plan = await planAgainstLive(moto.port, changed, id);
  await moto.sdk.send(new UpdateUserPoolClientCommand({ UserPoolId: id, ClientId: await clientIdOf(clientName(11)), ClientName: clientName(11), RefreshTokenValidity: 11 }));
  const error = await applyPlan(plan, moto.port, { desired: changed, userPoolId: id }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApplyRefusedError);
  expect((error as ApplyRefusedError).code).toBe("stale-plan");
  expect((error as ApplyRefusedError).message).toContain(`app client "${clientName(11)}"`);
  expect(await refreshDaysOf(clientName(10))).toBe(30);
});

test.each([
  ["a group is created", () => moto.sdk.send(new CreateGroupCommand({ UserPoolId: id, GroupName: "late-group" }))],
  ["a client is added", () => moto.sdk.send(new CreateUserPoolClientCommand({ UserPoolId: id, ClientName: "late-client" }))],
])("a change made after the plan to the pool refuses the apply: %s", async (_, change) => {
  const changed = withClientChanged(doc, 12, 23);
  const plan = await planAgainstLive(moto.port, changed, id);
  await change();
  const error = await applyPlan(plan, moto.port, { desired: changed, userPoolId: id }).catch((e: unknown) => e);
  expect((error as ApplyRefusedError).code).toBe("stale-plan");
  expect((error as ApplyRefusedError).message).toContain("the pool");
  expect(await refreshDaysOf(clientName(12))).toBe(30);
});

test("a plan stored before the guard (no live.guard) is checked against the whole pool, as before", async () => {
  const changed = withClientChanged(doc, 13, 24);
  const plan = await planAgainstLive(moto.port, changed, id);
  delete plan.live!.guard;
  await moto.sdk.send(new UpdateUserPoolClientCommand({ UserPoolId: id, ClientId: await clientIdOf(clientName(14)), ClientName: clientName(14), RefreshTokenValidity: 14 }));
  const applying = countingPort();
  const error = await applyPlan(plan, applying, { desired: changed, userPoolId: id }).catch((e: unknown) => e);
  expect((error as ApplyRefusedError).code).toBe("stale-plan");
  expect(applying.calls.DescribeUserPoolClient).toBeGreaterThanOrEqual(CLIENTS);
});
