import type { Plan } from "./types";

/**
 * How many settings differ in a plan, for one number a person can read ("3 settings differ"): each changed
 * attribute of a resource on both sides counts once, and a resource on one side only (made or deleted outside
 * the studio) counts once as a whole rather than once per attribute it lists.
 */
export function countDifferences(plan: Plan): number {
  let count = 0;
  for (const entry of plan.entries) {
    if (entry.action === "noop") continue;
    count += entry.action === "create" || entry.action === "delete" ? 1 : Math.max(entry.changes.length, 1);
  }
  return count;
}
