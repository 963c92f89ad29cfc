import { describe, expect, test } from "vitest";
import { PLAN_FORMAT_VERSION, planChanges } from "@/lib/cognito/plan";
import type { PoolDocument } from "@/lib/cognito/spec";
import { NEWER_PLAN, OLDER_PLAN, readStoredPlan, UNREADABLE_PLAN, writeStoredPlan } from "./stored-plan";

const document: PoolDocument = { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "shop-users" }, spec: {} };
const plan = planChanges(null, document, { region: "eu-west-1" });

describe("stored plans", () => {
  test("are written with the plan module's format version and read back as the same plan", () => {
    const text = writeStoredPlan(plan);
    expect(JSON.parse(text).formatVersion).toBe(PLAN_FORMAT_VERSION);
    expect(readStoredPlan(text)).toEqual({ ok: true, plan: JSON.parse(JSON.stringify(plan)) });
  });

  test.each([
    ["a plan stored before plans carried a version", () => JSON.stringify({ ...plan, formatVersion: undefined }), OLDER_PLAN],
    ["an earlier version", () => JSON.stringify({ ...plan, formatVersion: PLAN_FORMAT_VERSION - 1 }), OLDER_PLAN],
    ["a later version", () => JSON.stringify({ ...plan, formatVersion: PLAN_FORMAT_VERSION + 1 }), NEWER_PLAN],
    ["text that is not JSON", () => "{ not json", UNREADABLE_PLAN],
    ["JSON that is not a plan", () => JSON.stringify({ formatVersion: PLAN_FORMAT_VERSION, entries: "none" }), UNREADABLE_PLAN],
    ["null", () => "null", UNREADABLE_PLAN],
  ])("refuse %s with what to do", (_, text, expected) => {
    expect(readStoredPlan(text())).toEqual({ ok: false, ...expected });
  });

  test("the page's words for an old plan", () => {
    expect(OLDER_PLAN.problem).toBe("This plan was made by an older studio; re-plan to continue.");
  });
});
