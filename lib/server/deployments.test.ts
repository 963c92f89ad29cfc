import { describe, expect, it } from "vitest";
import { deploymentOf, describeAge, describeDeployment } from "./deployments";

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

describe("the drift status (a check counts only after the last apply)", () => {
  const at = (iso: string) => new Date(`2026-12-01T${iso}Z`);
  const ran = (status: string, revisionNumber: number, startedAt: string, finishedAt?: string) => ({ ...run(status, revisionNumber), startedAt: at(startedAt), finishedAt: finishedAt ? at(finishedAt) : null });
  const checked = (differences: number, when: string) => ({ differences, checkedAt: at(when), checkedBy: "ana@shop.test" });
  const now = at("10:35:00");

  it("a check after the last apply that found differences says Drifted, with how many and how long ago", () => {
    const d = deploymentOf(target, [ran("succeeded", 3, "10:00:00", "10:01:00")], [checked(3, "10:30:00")]);
    expect(d).toMatchObject({ state: "applied", appliedRevision: 3, check: { differences: 3 } });
    expect(describeDeployment(d, now)).toMatchObject({ status: "drifted", label: "prod: Drifted: 3 settings differ (checked 5 min ago)" });
    expect(describeDeployment(deploymentOf(target, [ran("succeeded", 3, "10:00:00", "10:01:00")], [checked(1, "10:30:00")]), now).label).toBe("prod: Drifted: 1 setting differs (checked 5 min ago)");
  });
  it("a check after the last apply that found none says In sync", () => {
    const d = deploymentOf(target, [ran("succeeded", 3, "10:00:00", "10:01:00")], [checked(0, "10:34:30")]);
    expect(describeDeployment(d, now)).toMatchObject({ status: "in-sync", label: "prod: In sync (checked just now)" });
    expect(describeDeployment(d, now).title).toContain("Checked by ana@shop.test at 2026-12-01 10:34 UTC, against what was applied (revision 3 applied).");
  });
  it("an apply after the check makes it irrelevant: the apply status shows", () => {
    const d = deploymentOf(target, [ran("succeeded", 4, "10:31:00", "10:32:00"), ran("succeeded", 3, "10:00:00", "10:01:00")], [checked(3, "10:30:00")]);
    expect(d.check).toBeUndefined();
    expect(describeDeployment(d, now)).toEqual({ status: "applied", label: "prod: revision 4 applied" });
  });
  it("a check made while an apply ran does not count once it ended (the apply may have changed what it read)", () => {
    const d = deploymentOf(target, [ran("succeeded", 4, "10:20:00", "10:31:00")], [checked(0, "10:25:00")]);
    expect(describeDeployment(d, now).status).toBe("applied");
  });
  it("a running apply shows applying, whatever an earlier check found", () => {
    const d = deploymentOf(target, [ran("running", 4, "10:33:00"), ran("succeeded", 3, "10:00:00", "10:01:00")], [checked(2, "10:34:00")]);
    expect(describeDeployment(d, now)).toEqual({ status: "applying", label: "prod: applying…" });
  });
  it("no check, or only an old one, falls back to the applies", () => {
    expect(describeDeployment(deploymentOf(target, [ran("succeeded", 3, "10:00:00", "10:01:00")]), now)).toEqual({ status: "applied", label: "prod: revision 3 applied" });
    expect(describeDeployment(deploymentOf(target, []), now)).toEqual({ status: "not-applied", label: "prod: not applied" });
  });
  it("a check after a failed apply counts, and the title keeps the failure", () => {
    const failedStep = { resource: 'app_client["web"]', action: "update", outcome: "failed", error: { code: "InvalidParameterException", message: "bad" } };
    const d = deploymentOf(target, [{ ...ran("failed", 4, "10:10:00", "10:11:00"), steps: JSON.stringify([failedStep]) }, ran("succeeded", 3, "10:00:00", "10:01:00")], [checked(0, "10:20:00")]);
    const described = describeDeployment(d, now);
    expect(described).toMatchObject({ status: "in-sync", label: "prod: In sync (checked 15 min ago)" });
    expect(described.title).toContain('The last apply failed at update app_client["web"]: InvalidParameterException; revision 3 was applied before.');
  });
  it("a pool linked from AWS and never applied is checked against the draft", () => {
    const d = deploymentOf(target, [], [checked(2, "09:35:00")]);
    expect(describeDeployment(d, now)).toMatchObject({ status: "drifted", label: "prod: Drifted: 2 settings differ (checked 1 h ago)" });
    expect(describeDeployment(d, now).title).toContain("against the draft (nothing applied yet)");
  });
  it("the age reads in minutes, hours, then days", () => {
    expect([0, 59_999, 60_000, 59 * 60_000, 60 * 60_000, 23 * 3_600_000 + 59 * 60_000, 24 * 3_600_000, 49 * 3_600_000].map((ms) => describeAge(new Date(now.getTime() - ms), now))).toEqual([
      "just now",
      "just now",
      "1 min ago",
      "59 min ago",
      "1 h ago",
      "23 h ago",
      "1 day ago",
      "2 days ago",
    ]);
  });
});
