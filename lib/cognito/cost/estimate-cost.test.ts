import { describe, expect, test } from "vitest";
import { poolDocument } from "@/test/support/pool-documents";
import { costUsageSchema, estimateCost, priceBands } from "./estimate-cost";
import { M2M_PRICES, MAU_PRICES, PRICES_READ_ON } from "./price-table";
import { leastPlanFor, listTierFeatures } from "./tier-features";

const totals = (mau: number, doc = poolDocument()) => Object.fromEntries(estimateCost(doc, { mau }).plans.map((p) => [p.plan, p.total]));

describe("cost arithmetic at the plan boundaries", () => {
  test("up to 10,000 MAUs Lite and Essentials are free; Plus charges from the first user", () => {
    expect(totals(0)).toEqual({ LITE: 0, ESSENTIALS: 0, PLUS: 0 });
    expect(totals(10_000)).toEqual({ LITE: 0, ESSENTIALS: 0, PLUS: 200 });
    expect(totals(10_001)).toEqual({ LITE: 0.01, ESSENTIALS: 0.02, PLUS: 200.02 });
  });

  test("Lite's graduated bands: 100,000 and 1,000,000 MAUs", () => {
    // 90,000 × 0.0055 = 495; then 900,000 × 0.0046 = 4,140 more.
    expect(totals(100_000).LITE).toBe(495);
    expect(totals(100_001).LITE).toBe(495); // 0.0046 more rounds away
    expect(totals(1_000_000).LITE).toBe(4635);
    expect(totals(1_000_000).ESSENTIALS).toBe(14_850);
    expect(totals(1_000_000).PLUS).toBe(20_000);
  });

  test("priceBands counts each band once and nothing below its start", () => {
    expect(priceBands(MAU_PRICES.LITE.bands, 10_000_100)).toBeCloseTo(495 + 4140 + 9_000_000 * 0.00325 + 100 * 0.0025, 6);
    expect(priceBands([{ from: 5, perUnit: 1 }], 3)).toBe(0);
  });

  test("M2M clients and token requests are added on every plan; SMS only with a price per message", () => {
    const doc = poolDocument({ clients: [{ name: "worker", generateSecret: true, allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ["client_credentials"], allowedOAuthScopes: ["api/read"] }] });
    const e = estimateCost(doc, { mau: 0, m2mRequests: 100_000, sms: 1000 });
    expect(e.plans.map((p) => p.total)).toEqual([231, 231, 231]);
    expect(e.plans[0]?.lines.map((l) => l.item)).toEqual(["Monthly active users", "M2M app clients", "M2M token requests"]);
    expect(e.notes.join(" ")).toContain("1000 SMS messages are billed by AWS End User Messaging SMS");
    const priced = estimateCost(doc, { mau: 0, sms: 1000, smsPrice: 0.0075 });
    expect(priced.plans[1]?.lines.at(-1)).toEqual({ item: "SMS messages (AWS End User Messaging)", quantity: 1000, amount: 7.5 });
  });

  test("the usage schema refuses fractions and negatives with the field's name", () => {
    expect(costUsageSchema.safeParse({ mau: -1 }).error?.issues[0]?.message).toBe("Monthly active users cannot be negative");
    expect(costUsageSchema.safeParse({ mau: 1.5 }).error?.issues[0]?.message).toBe("Monthly active users must be a whole number");
    expect(costUsageSchema.safeParse({ mau: 10, m2mRequests: -3 }).success).toBe(false);
  });

  test("unconfirmed figures say so", () => {
    expect(estimateCost(poolDocument(), { mau: 1 }).plans.every((p) => p.confirmed === false)).toBe(true);
  });

  test("each figure of the price table says where it was read: an AWS page when confirmed, else that it is not", () => {
    const AWS_PAGE = /https:\/\/(aws\.amazon\.com|docs\.aws\.amazon\.com)\//u;
    for (const figure of [...Object.values(MAU_PRICES), M2M_PRICES]) expect(figure.basis).toMatch(figure.confirmed ? AWS_PAGE : /not confirmed/u);
    expect(PRICES_READ_ON).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
  });
});

describe("features that need a plan", () => {
  const lambdaArn = "arn:aws:lambda:eu-west-1:123456789012:function:f";
  test.each([
    ["threat protection", { userPoolAddOns: { advancedSecurityMode: "ENFORCED" as const } }, "PLUS", "spec.userPoolAddOns.advancedSecurityMode"],
    ["user activity logs", { logDeliveryConfiguration: { logConfigurations: [{ eventSource: "userNotification" as const, logLevel: "ERROR" as const }, { eventSource: "userAuthEvents" as const, logLevel: "INFO" as const }] } }, "PLUS", "spec.logDeliveryConfiguration.logConfigurations[1].eventSource"],
    ["managed login", { domain: { domain: "shop", managedLoginVersion: 2 as const } }, "ESSENTIALS", "spec.domain.managedLoginVersion"],
    ["passwordless", { signInPolicy: { allowedFirstAuthFactors: ["PASSWORD" as const, "EMAIL_OTP" as const] } }, "ESSENTIALS", "spec.signInPolicy.allowedFirstAuthFactors"],
    ["choice-based sign-in", { clients: [{ name: "a" }, { name: "b", explicitAuthFlows: ["ALLOW_USER_AUTH" as const] }] }, "ESSENTIALS", "spec.clients[1].explicitAuthFlows"],
    ["password history", { passwordPolicy: { passwordHistorySize: 5 } }, "ESSENTIALS", "spec.passwordPolicy.passwordHistorySize"],
    ["access token customization", { lambdaConfig: { preTokenGenerationConfig: { lambdaVersion: "V2_0" as const, lambdaArn } } }, "ESSENTIALS", "spec.lambdaConfig.preTokenGenerationConfig.lambdaVersion"],
  ])("%s needs %s (and is found where it is set)", (_name, spec, plan, path) => {
    expect(listTierFeatures(poolDocument(spec).spec)).toMatchObject([{ minimumPlan: plan, path }]);
    expect(leastPlanFor(poolDocument(spec).spec)).toBe(plan);
  });

  test.each([
    ["threat protection OFF", { userPoolAddOns: { advancedSecurityMode: "OFF" as const } }],
    ["password sign-in only", { signInPolicy: { allowedFirstAuthFactors: ["PASSWORD" as const] } }],
    ["password history 0", { passwordPolicy: { passwordHistorySize: 0 } }],
    ["pre token V1_0", { lambdaConfig: { preTokenGenerationConfig: { lambdaVersion: "V1_0" as const, lambdaArn } } }],
    ["managed login v1", { domain: { domain: "shop", managedLoginVersion: 1 as const } }],
  ])("%s needs no plan above Lite", (_name, spec) => {
    expect(listTierFeatures(poolDocument(spec).spec)).toEqual([]);
    expect(leastPlanFor(poolDocument(spec).spec)).toBe("LITE");
  });

  test("the estimate marks the plans a design cannot run on, with what they lack", () => {
    const e = estimateCost(poolDocument({ userPoolAddOns: { advancedSecurityMode: "AUDIT" }, passwordPolicy: { passwordHistorySize: 3 } }), { mau: 20_000 });
    expect(e.leastPlan).toBe("PLUS");
    expect(e.currentPlanIsDefault).toBe(true);
    expect(e.plans.map((p) => [p.plan, p.fits, p.missing.map((m) => m.feature)])).toEqual([
      ["LITE", false, ["Threat protection", "Password history"]],
      ["ESSENTIALS", false, ["Threat protection"]],
      ["PLUS", true, []],
    ]);
  });
});
