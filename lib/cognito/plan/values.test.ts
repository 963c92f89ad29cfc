import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPlanComplete } from "../apply/guards";
import { poolDocumentPairArbitrary } from "@/test/support/pool-arbitraries";
import { PLAN_FORMAT_VERSION } from "./format-version";
import { planChanges } from "./plan-changes";
import type { Plan } from "./types";
import { upgradePlan } from "./values";
import { poolDoc } from "../../../test/support/plan-helpers";

/** A plan as version 1 stored it: no `formatVersion`, no entry values. */
function asVersion1(plan: Plan): Plan {
  const { formatVersion: _version, ...rest } = structuredClone(plan);
  return { ...rest, entries: rest.entries.map(({ value: _value, ...entry }) => entry) } as Plan;
}

describe("stored plans", () => {
  it("a version 1 plan, upgraded with its document, is the plan the planner makes today", () => {
    fc.assert(
      fc.property(poolDocumentPairArbitrary(), ([a, b]) => {
        const plan = planChanges(a, b, { allowReplace: true });
        expect(upgradePlan(asVersion1(plan), b)).toEqual(plan);
      }),
      { numRuns: 200 },
    );
  });

  it("a version 1 plan without its values cannot be applied until upgraded", () => {
    const plan = asVersion1(planChanges(null, poolDoc({ clients: [{ name: "web" }] })));
    expect(() => checkPlanComplete(plan)).toThrow(/format undefined/u);
    expect(() => checkPlanComplete(upgradePlan(plan, poolDoc({ clients: [{ name: "web" }] })))).not.toThrow();
  });

  it("a plan of an unknown version is left as it is, and apply refuses it", () => {
    const plan = { ...planChanges(null, poolDoc()), formatVersion: PLAN_FORMAT_VERSION + 1 };
    expect(upgradePlan(plan, poolDoc())).toBe(plan);
    expect(() => checkPlanComplete(plan)).toThrow(/format 3, this studio applies format 2/u);
  });

  it("an upgraded plan whose document lacks a resource it creates is refused, not half applied", () => {
    const plan = asVersion1(planChanges(null, poolDoc({ clients: [{ name: "web" }] })));
    expect(() => checkPlanComplete(upgradePlan(plan, poolDoc({ clients: [] })))).toThrow(/no desired value for app_client\["web"\]/u);
  });
});
