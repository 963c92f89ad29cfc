/** Small builders for the plan's tests (test-only). */
import type { Plan, ResourceChange } from "../../lib/cognito/plan/types";

/** The plan's tests call the shared document builder by its short name. */
export { poolDocument as poolDoc } from "./pool-documents";

export function entry(plan: Plan, address: string): ResourceChange {
  const found = plan.entries.find((e) => e.address === address);
  if (!found) throw new Error(`no entry ${address} in plan: ${plan.entries.map((e) => e.address).join(", ")}`);
  return found;
}

/** `address action` of every entry that is not a noop, for compact assertions. */
export function actions(plan: Plan): string[] {
  return plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action}`);
}
