import { describe, expect, it } from "vitest";
import type { PoolSpec } from "../spec/pool-schema";
import { findTargetFindings } from "./target-findings";

const spec = (mode?: "OFF" | "AUDIT" | "ENFORCED"): { spec: PoolSpec } => ({ spec: mode ? { userPoolTier: "PLUS", userPoolAddOns: { advancedSecurityMode: mode } } : {} });

describe("findings for a production-looking target", () => {
  it.each(["prod", "production", "prod-eu", "LIVE", "prd"])("warns when %s gets threat protection in Audit only mode, in the console's words", (name) => {
    const found = findTargetFindings(spec("AUDIT"), name);
    expect(found).toEqual([
      {
        severity: "warning",
        code: "finding/threat-protection-not-full-function-on-production-target",
        path: "spec.userPoolAddOns.advancedSecurityMode",
        message: `Target ${name} looks like production, but threat protection is Audit only: Cognito logs risky sign-ins and compromised passwords but blocks none of them. Choose Full function under Advanced > Threat protection (it needs the Plus feature plan).`,
        complianceRule: "cognito-user-pool-advanced-security-enabled",
        securityHubControl: "Cognito.1",
      },
    ]);
  });
  it("warns when threat protection is off or not set", () => {
    expect(findTargetFindings(spec("OFF"), "prod")[0]?.message).toMatch(/^Target prod looks like production, but threat protection is Off: nothing detects/u);
    expect(findTargetFindings(spec(), "prod")[0]?.message).toMatch(/threat protection is Off \(not set, AWS's default\)/u);
  });
  it("stays quiet in Full function mode, and for targets that do not look like production", () => {
    expect(findTargetFindings(spec("ENFORCED"), "prod")).toEqual([]);
    for (const name of ["dev", "staging", "test", "preprod", "eu-west", "product-demo"]) expect(findTargetFindings(spec("AUDIT"), name)).toEqual([]);
  });
});
