import { describe, expect, it } from "vitest";
import type { PoolDocument } from "@/lib/cognito/spec";
import { summarizePoolSettings } from "./settings-summary";

const doc = (spec: PoolDocument["spec"]): PoolDocument => ({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "shop" }, spec });
const rows = (d: PoolDocument) => Object.fromEntries(summarizePoolSettings(d).map((r) => [r.term, r.details]));

describe("the pool's settings listed on the overview", () => {
  it("names threat protection, log destinations, both domains with the DNS record, MFA methods and passkeys in the console's words", () => {
    const listed = rows(
      doc({
        region: "eu-west-1",
        userPoolTier: "PLUS",
        userPoolAddOns: { advancedSecurityMode: "AUDIT", advancedSecurityAdditionalFlows: { customAuthMode: "ENFORCED" } },
        riskConfiguration: {
          compromisedCredentialsRiskConfiguration: { actions: { eventAction: "BLOCK" } },
          accountTakeoverRiskConfiguration: { actions: { highAction: { notify: false, eventAction: "MFA_REQUIRED" } } },
          riskExceptionConfiguration: { blockedIPRangeList: ["192.0.2.0/24"] },
          clients: [{ clientName: "web" }],
        },
        logDeliveryConfiguration: { logConfigurations: [{ eventSource: "userAuthEvents", logLevel: "INFO", s3Configuration: { bucketArn: "arn:aws:s3:::auth-logs" } }] },
        domain: { domain: "shop-auth", managedLoginVersion: 2 },
        customDomain: { domain: "auth.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc" },
        mfaConfiguration: "ON",
        softwareTokenMfaConfiguration: { enabled: true },
        webAuthnConfiguration: { userVerification: "required", factorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION", relyingPartyId: "auth.example.com" },
      }),
    );
    expect(listed["Feature plan"]).toEqual(["Plus"]);
    expect(listed["Threat protection"]).toEqual([
      "Audit only",
      "Custom authentication: Full function",
      "Pool settings: compromised credentials: Block sign-in · high risk: Require MFA · 1 IP range always blocked",
      "App client web: AWS's defaults",
    ]);
    expect(listed["Log delivery"]).toEqual(["User authentication logs (Info) → Amazon S3 arn:aws:s3:::auth-logs"]);
    expect(listed["Domains"]).toEqual([
      "Prefix domain https://shop-auth.auth.eu-west-1.amazoncognito.com (managed login)",
      "Custom domain https://auth.example.com (hosted sign-in pages)",
      "DNS for auth.example.com: an alias (A) record, or a CNAME, to its CloudFront distribution (hosted zone Z2FDTNDATAQYW2); Connect shows the distribution once applied to a target",
    ]);
    expect(listed["MFA"]).toEqual(["Require MFA", "Methods: Authenticator apps, Passkeys with user verification"]);
    expect(listed["Passkeys"]).toEqual(["Not offered at sign-in (no WEB_AUTHN first factor)", "User verification: Required", "Relying party: auth.example.com", "Counts as MFA when the passkey verifies the user"]);
  });

  it("says what the design leaves to AWS's defaults or does not manage, and lists no passkeys row without passkeys", () => {
    const listed = rows(doc({ region: "eu-west-1" }));
    expect(listed["Feature plan"]).toEqual(["Essentials (AWS's default; not set in this design)"]);
    expect(listed["Threat protection"]).toEqual(["Off (AWS's default; not set in this design)"]);
    expect(listed["Log delivery"]).toEqual(["Not managed by this design"]);
    expect(listed["Domains"]).toEqual(["No domain: no hosted sign-in pages"]);
    expect(listed["MFA"]).toEqual(["No MFA (AWS's default; not set in this design)", "Methods: none turned on"]);
    expect(listed["Passkeys"]).toBeUndefined();
    expect(rows(doc({ logDeliveryConfiguration: { logConfigurations: [] } }))["Log delivery"]).toEqual(["No logs exported"]);
  });
});
