/** Small builders for the plan's tests (test-only). */
import type { PoolDocument } from "../../lib/cognito/spec/document-schema";
import type { PoolSpec } from "../../lib/cognito/spec/pool-schema";
import type { Plan, ResourceChange } from "../../lib/cognito/plan/types";

export function poolDoc(spec: Partial<PoolSpec> = {}, name = "shop"): PoolDocument {
  return { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name }, spec: { region: "eu-west-1", ...spec } };
}

export function entry(plan: Plan, address: string): ResourceChange {
  const found = plan.entries.find((e) => e.address === address);
  if (!found) throw new Error(`no entry ${address} in plan: ${plan.entries.map((e) => e.address).join(", ")}`);
  return found;
}

/** `address action` of every entry that is not a noop, for compact assertions. */
export function actions(plan: Plan): string[] {
  return plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action}`);
}
