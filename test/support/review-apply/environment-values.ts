/** A target's own values (here a callback URL) reach its live pool and stay out of the design. */
import { expect, test } from "vitest";
import type { PoolDocument } from "@/lib/cognito/spec";
import type { Harness } from "./harness";

export function describeEnvironmentValues(h: Harness): void {
  test("a target's own callback URL reaches its live pool; pulling that pool keeps it out of the design", () => targetValuesStayOutOfDesign(h));
}

async function targetValuesStayOutOfDesign(h: Harness): Promise<void> {
  const { id: valuesPool, document: design } = await h.newPool("team-values");
  const target = await h.addTarget(valuesPool, "staging", 0);
  h.as("admin");
  const set = await h.actions().updateEnvironmentValuesAction({ targetId: target, domain: "", clients: [{ name: "spa", callbackUrls: "https://staging.shop.test/cb", logoutUrls: "" }] });
  expect(set.ok, JSON.stringify(set)).toBe(true);
  const id = await h.submit(valuesPool, target, "Create on staging");
  h.as("approver");
  const applied = await h.actions().applyAction({ changeRequestId: id, planVersion: 1 });
  expect(applied.ok && applied.data.status, JSON.stringify(applied)).toBe("succeeded");
  const stagingPoolId = applied.ok ? (applied.data.userPoolId ?? "") : "";
  const live = await h.readLive(stagingPoolId, design);
  expect(live.document.spec.clients?.find((c) => c.name === "spa")?.callbackUrls).toEqual(["https://staging.shop.test/cb"]);

  // No drift: the live pool matches what was applied (the design with staging's values).
  const { checkTargetDrift } = await import("@/lib/server/drift");
  const workspaceId = (await h.db().pool.findUniqueOrThrow({ where: { id: valuesPool } })).workspaceId ?? "";
  expect((await checkTargetDrift(workspaceId, target)).plan.hasChanges).toBe(false);

  h.as("editor");
  const draft = await h.db().draft.findUniqueOrThrow({ where: { poolId: valuesPool } });
  const pulled = await h.actions().pullLiveIntoDraftAction({ targetId: target, draftVersion: draft.version });
  expect(pulled.ok, JSON.stringify(pulled)).toBe(true);
  const after = JSON.parse((await h.db().draft.findUniqueOrThrow({ where: { poolId: valuesPool } })).document) as PoolDocument;
  const designed = design.spec.clients?.find((c) => c.name === "spa")?.callbackUrls;
  expect(designed).not.toContain("https://staging.shop.test/cb");
  expect(after.spec.clients?.find((c) => c.name === "spa")?.callbackUrls).toEqual(designed);
}
