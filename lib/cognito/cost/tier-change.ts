/**
 * The plan's hook into cost: when a plan changes the pool's feature plan, one sentence on what the change
 * does to the price, from the dated price table. The plan itself stays free of prices.
 */
import type { Plan } from "../plan/types";
import { FEATURE_PLAN_LABEL, type FeaturePlan, MAU_PRICES, PRICES_READ_ON } from "./price-table";
import { groupDigits } from "../spec/group-digits";

function priceWords(plan: FeaturePlan): string {
  const bands = MAU_PRICES[plan].bands;
  const free = bands[0]?.perUnit === 0 ? (bands[0].to ?? 0) : 0;
  const rate = bands.find((b) => b.perUnit > 0)?.perUnit ?? 0;
  return `${free > 0 ? `${groupDigits(free)} MAUs free, then ` : ""}$${rate} per MAU${bands.filter((b) => b.perUnit > 0).length > 1 ? " (less at higher volumes)" : ""}`;
}

/** The sentence for a plan that changes `userPoolTier`; undefined when it does not. */
export function describeTierChange(plan: Pick<Plan, "entries">): string | undefined {
  const change = plan.entries.find((e) => e.type === "userPool")?.changes.find((c) => c.path === "userPoolTier");
  if (!change) return undefined;
  const before = (change.before ?? "ESSENTIALS") as FeaturePlan;
  const after = (change.after ?? "ESSENTIALS") as FeaturePlan;
  if (before === after || !(before in MAU_PRICES) || !(after in MAU_PRICES)) return undefined;
  const unconfirmed = !MAU_PRICES[before].confirmed || !MAU_PRICES[after].confirmed;
  return (
    `The feature plan changes from ${FEATURE_PLAN_LABEL[before]} (${priceWords(before)}) to ${FEATURE_PLAN_LABEL[after]} (${priceWords(after)}); ` +
    `prices read ${PRICES_READ_ON}${unconfirmed ? ", not confirmed on the pricing page" : ""}. The editor's Pool section estimates the monthly cost.`
  );
}
