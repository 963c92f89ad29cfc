import { expect, test } from "vitest";
import { poolDocument } from "@/test/support/pool-documents";
import { planChanges } from "../plan";
import { describeTierChange } from "./tier-change";

test("a plan that changes the feature plan says what it does to the price; one that does not says nothing", () => {
  const note = describeTierChange(planChanges(poolDocument({ userPoolTier: "ESSENTIALS" }), poolDocument({ userPoolTier: "PLUS" })));
  expect(note).toBe(
    "The feature plan changes from Essentials (10,000 MAUs free, then $0.015 per MAU) to Plus ($0.02 per MAU); prices read 2026-12-06, not confirmed on the pricing page. The editor's Pool section estimates the monthly cost.",
  );
  expect(describeTierChange(planChanges(poolDocument({ userPoolTier: "LITE" }), poolDocument({ userPoolTier: "LITE", deletionProtection: "ACTIVE" })))).toBeUndefined();
  expect(describeTierChange(planChanges(poolDocument({ userPoolTier: "PLUS" }), poolDocument({ userPoolTier: "LITE" })))).toContain("to Lite (10,000 MAUs free, then $0.0055 per MAU (less at higher volumes))");
});
