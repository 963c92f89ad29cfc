import { describe, expect, it } from "vitest";
import type { PoolDocument } from "../spec/document-schema";
import { applyPlanToDocument } from "../../../test/support/apply-plan-to-document";
import { describeDestruction } from "./destructive";
import { planChanges } from "./plan-changes";

const doc = (spec: PoolDocument["spec"]): PoolDocument => ({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "p" }, spec });
const takeover = { actions: { highAction: { notify: false, eventAction: "BLOCK" as const } } };
const logs = { logConfigurations: [{ eventSource: "userNotification" as const, logLevel: "ERROR" as const, cloudWatchLogsConfiguration: { logGroupArn: "arn:aws:logs:eu-west-1:123456789012:log-group:a" } }] };
const base = doc({ userPoolTier: "PLUS", clients: [{ name: "web" }], riskConfiguration: { accountTakeoverRiskConfiguration: takeover, clients: [{ clientName: "web", riskExceptionConfiguration: { blockedIPRangeList: ["192.0.2.0/24"] } }] }, logDeliveryConfiguration: logs });

const changed = (a: PoolDocument, b: PoolDocument) => planChanges(a, b).entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action}`);

describe("threat protection settings and log delivery in the plan", () => {
  it("the same document plans nothing, and neither setting is part of the pool's attributes", () => {
    expect(changed(base, structuredClone(base))).toEqual([]);
  });
  it("a new pool creates the pool's settings, each client's own and log delivery", () => {
    expect(planChanges(null, base).entries.filter((e) => e.type === "riskConfiguration" || e.type === "logDelivery").map((e) => `${e.address} ${e.action}`)).toEqual([
      "risk_configuration create",
      'risk_configuration["web"] create',
      "log_delivery create",
    ]);
  });
  it("unset is not managed: nothing is planned, whatever the pool has", () => {
    const { riskConfiguration: _r, logDeliveryConfiguration: _l, ...spec } = base.spec;
    expect(changed(base, doc(spec))).toEqual([]);
  });
  it("a client's own settings removed is a delete that destroys nothing (no confirmation needed)", () => {
    const next = structuredClone(base);
    next.spec.riskConfiguration!.clients = [];
    const plan = planChanges(base, next);
    expect(changed(base, next)).toEqual(['risk_configuration["web"] delete']);
    expect(describeDestruction(plan)).toBe("");
    expect(plan.worstImpact.level).not.toBe("destroys-resources");
  });
  it("a replaced client gets its own settings again (its id changes)", () => {
    const next = structuredClone(base);
    next.spec.clients = [{ name: "web", generateSecret: true }];
    expect(changed(base, next)).toContain('risk_configuration["web"] create');
  });
  it("turning every log off is an update, and applying the plan to the document gives the desired settings", () => {
    const next = structuredClone(base);
    next.spec.logDeliveryConfiguration = { logConfigurations: [] };
    delete next.spec.riskConfiguration!.accountTakeoverRiskConfiguration;
    const plan = planChanges(base, next);
    expect(changed(base, next)).toEqual(["risk_configuration update", "log_delivery update"]);
    const after = applyPlanToDocument(base, plan);
    expect(planChanges(after, next).hasChanges).toBe(false);
    expect(after.spec.logDeliveryConfiguration).toEqual({ logConfigurations: [] });
  });
});
