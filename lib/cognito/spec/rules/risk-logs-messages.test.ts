/** The words of the threat protection and log streaming findings, as the editor shows them at the field. */
import { describe, expect, it } from "vitest";
import type { PoolDocument } from "../document-schema";
import { THREAT_PROTECTION_DOCUMENT } from "@/test/support/pool-documents";
import { validatePoolDocument } from "../validate";

const doc = (spec: PoolDocument["spec"]): PoolDocument => ({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "p" }, spec });
const messages = (spec: PoolDocument["spec"]) => validatePoolDocument(doc(spec)).diagnostics.map((d) => `${d.severity} ${d.path}: ${d.message}`);

describe("threat protection and log streaming findings", () => {
  it("the sample threat protection design has none", () => {
    expect(validatePoolDocument(THREAT_PROTECTION_DOCUMENT).diagnostics).toEqual([]);
  });
  it("name the plan and the mode in the editor's words, once", () => {
    expect(messages({ userPoolTier: "ESSENTIALS", riskConfiguration: { riskExceptionConfiguration: { blockedIPRangeList: ["192.0.2.0/24"] } } })).toEqual([
      "error spec.riskConfiguration: Threat protection settings need the Plus feature plan, not Essentials; choose Plus under Advanced > Feature plan, or remove these settings",
      "warning spec.riskConfiguration: Threat protection settings take effect only when threat protection is on; choose Audit only or Full function under Advanced > Threat protection",
    ]);
  });
  it("a bad IP range names the rule and an example", () => {
    expect(messages({ userPoolTier: "PLUS", userPoolAddOns: { advancedSecurityMode: "ENFORCED" }, riskConfiguration: { riskExceptionConfiguration: { skippedIPRangeList: ["203.0.113.7"] } } })).toEqual([
      "error spec.riskConfiguration.riskExceptionConfiguration.skippedIPRangeList[0]: \"skippedIPRangeList\": needs a prefix length, like 203.0.113.0/24 (a single address is /32)",
    ]);
  });
  it("user authentication logs on the Essentials plan", () => {
    expect(messages({ userPoolTier: "ESSENTIALS", logDeliveryConfiguration: { logConfigurations: [{ eventSource: "userAuthEvents", logLevel: "INFO", s3Configuration: { bucketArn: "arn:aws:s3:::logs" } }] } })).toEqual([
      "error spec.logDeliveryConfiguration.logConfigurations[0].eventSource: User authentication logs need the Plus feature plan, not Essentials; choose Plus under Advanced > Feature plan",
    ]);
  });
});
