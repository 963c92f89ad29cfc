import { describe, expect, it } from "vitest";
import { deploymentOf } from "./deployments";

const target = { id: "t1", name: "prod" };
const run = (status: string, revisionNumber: number, extra: { steps?: unknown[]; error?: string } = {}) => ({
  status,
  error: extra.error ?? null,
  steps: JSON.stringify(extra.steps ?? []),
  startedAt: new Date("2026-12-01T10:00:00Z"),
  changeRequest: { revisionNumber },
});

describe("deploymentOf (newest run first)", () => {
  it("a target with no run is not applied", () => {
    expect(deploymentOf(target, [])).toEqual({ targetId: "t1", target: "prod", state: "not-applied" });
  });
  it("a failure after a success keeps the revision that is still applied, and names the failed step", () => {
    const failedStep = { resource: 'app_client["web"]', action: "update", outcome: "failed", error: { code: "InvalidParameterException", message: "bad" } };
    expect(deploymentOf(target, [run("failed", 4, { steps: [{ resource: "user_pool", action: "update", outcome: "succeeded" }, failedStep] }), run("succeeded", 3)])).toMatchObject({
      state: "failed",
      appliedRevision: 3,
      failure: 'update app_client["web"]: InvalidParameterException',
    });
  });
  it("a run that failed outside its steps (refused, interrupted) gives its error", () => {
    expect(deploymentOf(target, [run("failed", 2, { error: "refused (preflight-failed): no credentials" })])).toMatchObject({ state: "failed", failure: "refused (preflight-failed): no credentials" });
  });
  it("a running apply is applying; a successful one is applied at its revision", () => {
    expect(deploymentOf(target, [run("running", 5), run("succeeded", 4)])).toMatchObject({ state: "applying", appliedRevision: 4 });
    expect(deploymentOf(target, [run("succeeded", 5), run("failed", 4)])).toMatchObject({ state: "applied", appliedRevision: 5 });
  });
  it("unreadable steps do not break the page", () => {
    expect(deploymentOf(target, [{ ...run("failed", 1), steps: "{not json" }])).toMatchObject({ state: "failed", failure: "the apply failed" });
  });
});
