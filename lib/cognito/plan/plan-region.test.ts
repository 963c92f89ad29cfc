/**
 * A design without a Region takes its target's: "no Region" on either side of a plan is never a change (the
 * live pool always has one, the design or the last-applied baseline may not), while two different Regions
 * still replace the pool.
 */
import { describe, expect, it } from "vitest";
import type { PoolDocument } from "../spec/document-schema";
import { applyPlanToDocument } from "../../../test/support/apply-plan-to-document";
import { planChanges } from "./plan-changes";
import { renderPlanText } from "./render-text";
import { entry, poolDoc } from "../../../test/support/plan-helpers";

function regionFree(doc: PoolDocument): PoolDocument {
  const { region: _region, ...spec } = doc.spec;
  return { ...doc, spec };
}

describe("plans of a design without a Region", () => {
  const live = poolDoc({ clients: [{ name: "web" }], mfaConfiguration: "OFF" });
  const design = regionFree(live);

  it("against the live pool: nothing changes, and the plan is in the pool's Region", () => {
    const plan = planChanges(live, design);
    expect(plan.hasChanges).toBe(false);
    expect(entry(plan, "user_pool").action).toBe("noop");
    expect(plan.region).toBe("eu-west-1");
  });

  it("drift from a baseline without a Region to the live pool is not a change either", () => {
    expect(planChanges(design, live).hasChanges).toBe(false);
  });

  it("a new pool is planned in the target's Region when one is given", () => {
    const plan = planChanges(null, design, { region: "ap-southeast-2" });
    expect(plan.region).toBe("ap-southeast-2");
    expect(renderPlanText(plan)).toContain('"shop" (ap-southeast-2)');
  });

  it("offline, with no target, the plan says the Region is the target's", () => {
    const plan = planChanges(null, design);
    expect(plan.region).toBeUndefined();
    expect(renderPlanText(plan)).toContain("\"shop\" (the target's Region)");
    expect(applyPlanToDocument(null, plan).spec.region).toBeUndefined();
  });

  it("a design naming another Region than the live pool's still replaces the pool", () => {
    const plan = planChanges(live, poolDoc({ clients: [{ name: "web" }], mfaConfiguration: "OFF", region: "us-east-1" }));
    expect(entry(plan, "user_pool").action).toBe("replace");
    expect(entry(plan, "user_pool").reasons.map((r) => r.rule)).toContain("pool.region");
  });

  it("the design's own Region wins over the target's for the plan's Region", () => {
    expect(planChanges(null, poolDoc(), { region: "us-east-1" }).region).toBe("eu-west-1");
  });
});
