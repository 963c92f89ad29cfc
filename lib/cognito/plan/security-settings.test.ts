import { describe, expect, it } from "vitest";
import type { PoolDocument } from "../spec/document-schema";
import type { PoolSpec } from "../spec/pool-schema";
import { planChanges } from "./plan-changes";
import { SETTING_SECURITY_RULES } from "./security-settings";

const doc = (spec: Partial<PoolSpec>): PoolDocument => ({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "p" }, spec: { region: "eu-west-1", ...spec } });
const flags = (current: Partial<PoolSpec>, desired: Partial<PoolSpec>) => planChanges(doc(current), doc(desired)).securityChanges.map((s) => `${s.code} ${s.address} ${s.path}`);

const plus = { userPoolTier: "PLUS" as const, userPoolAddOns: { advancedSecurityMode: "ENFORCED" as const } };
const risk = (settings: NonNullable<PoolSpec["riskConfiguration"]>) => ({ ...plus, riskConfiguration: settings });
const blockCompromised = { actions: { eventAction: "BLOCK" as const } };
const takeover = (highAction: "BLOCK" | "MFA_REQUIRED" | "MFA_IF_CONFIGURED" | "NO_ACTION") => ({ actions: { highAction: { notify: false, eventAction: highAction } } });
const authLogs = { eventSource: "userAuthEvents" as const, logLevel: "INFO" as const, s3Configuration: { bucketArn: "arn:aws:s3:::auth-logs" } };
const notificationLogs = { eventSource: "userNotification" as const, logLevel: "ERROR" as const, cloudWatchLogsConfiguration: { logGroupArn: "arn:aws:logs:eu-west-1:123456789012:log-group:n" } };
const sms = { smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/sns", externalId: "x" }, softwareTokenMfaConfiguration: { enabled: true } };
const emailMfa = { emailMfaConfiguration: { subject: "Your code" } };

type Case = { name: string; current: Partial<PoolSpec>; desired: Partial<PoolSpec>; expected: string[] };

const FIRES: Case[] = [
  { name: "compromised credentials: BLOCK to NO_ACTION", current: risk({ compromisedCredentialsRiskConfiguration: blockCompromised }), desired: risk({ compromisedCredentialsRiskConfiguration: { actions: { eventAction: "NO_ACTION" } } }), expected: ["threat-protection-lowered risk_configuration compromisedCredentialsRiskConfiguration.actions.eventAction"] },
  { name: "compromised credentials action removed from a managed configuration", current: risk({ compromisedCredentialsRiskConfiguration: blockCompromised }), desired: risk({ accountTakeoverRiskConfiguration: takeover("BLOCK") }), expected: ["threat-protection-lowered risk_configuration compromisedCredentialsRiskConfiguration.actions.eventAction"] },
  { name: "compromised credentials no longer checked at sign-in", current: risk({ compromisedCredentialsRiskConfiguration: blockCompromised }), desired: risk({ compromisedCredentialsRiskConfiguration: { ...blockCompromised, eventFilter: ["SIGN_UP"] } }), expected: ["threat-protection-lowered risk_configuration compromisedCredentialsRiskConfiguration.eventFilter"] },
  { name: "adaptive action at high risk: BLOCK to NO_ACTION", current: risk({ accountTakeoverRiskConfiguration: takeover("BLOCK") }), desired: risk({ accountTakeoverRiskConfiguration: takeover("NO_ACTION") }), expected: ["threat-protection-lowered risk_configuration accountTakeoverRiskConfiguration.actions.highAction.eventAction"] },
  { name: "adaptive action at high risk: MFA_REQUIRED to MFA_IF_CONFIGURED", current: risk({ accountTakeoverRiskConfiguration: takeover("MFA_REQUIRED") }), desired: risk({ accountTakeoverRiskConfiguration: takeover("MFA_IF_CONFIGURED") }), expected: ["threat-protection-lowered risk_configuration accountTakeoverRiskConfiguration.actions.highAction.eventAction"] },
  { name: "blocked IP list shortened", current: risk({ riskExceptionConfiguration: { blockedIPRangeList: ["192.0.2.0/24", "198.51.100.0/24"] } }), desired: risk({ riskExceptionConfiguration: { blockedIPRangeList: ["192.0.2.0/24"] } }), expected: ["threat-protection-lowered risk_configuration riskExceptionConfiguration.blockedIPRangeList"] },
  { name: "allow list widened", current: risk({ riskExceptionConfiguration: { skippedIPRangeList: ["192.0.2.0/24"] } }), desired: risk({ riskExceptionConfiguration: { skippedIPRangeList: ["192.0.2.0/24", "0.0.0.0/0"] } }), expected: ["threat-protection-lowered risk_configuration riskExceptionConfiguration.skippedIPRangeList"] },
  {
    name: "a client's own settings removed: it falls back to the pool's weaker ones",
    current: { ...risk({ accountTakeoverRiskConfiguration: takeover("NO_ACTION"), clients: [{ clientName: "web", accountTakeoverRiskConfiguration: takeover("BLOCK") }] }), clients: [{ name: "web" }] },
    desired: { ...risk({ accountTakeoverRiskConfiguration: takeover("NO_ACTION"), clients: [] }), clients: [{ name: "web" }] },
    expected: ['threat-protection-lowered risk_configuration["web"] accountTakeoverRiskConfiguration.actions.highAction.eventAction'],
  },
  { name: "authentication event logs removed", current: { ...plus, logDeliveryConfiguration: { logConfigurations: [notificationLogs, authLogs] } }, desired: { ...plus, logDeliveryConfiguration: { logConfigurations: [notificationLogs] } }, expected: ["auth-event-logs-removed log_delivery logConfigurations"] },
  { name: "SMS MFA off while MFA is ON", current: { mfaConfiguration: "ON", ...sms, smsMfaConfiguration: { enabled: true } }, desired: { mfaConfiguration: "ON", ...sms, smsMfaConfiguration: { enabled: false } }, expected: ["mfa-weakened mfa_config smsMfaConfiguration.enabled"] },
  { name: "SMS MFA off while MFA is OPTIONAL (users who chose SMS are left with a password)", current: { mfaConfiguration: "OPTIONAL", ...sms, smsMfaConfiguration: { enabled: true } }, desired: { ...sms, smsMfaConfiguration: { enabled: false } }, expected: ["mfa-weakened mfa_config smsMfaConfiguration.enabled"] },
  { name: "passkey user verification lowered to preferred", current: { webAuthnConfiguration: { userVerification: "required" } }, desired: { webAuthnConfiguration: { userVerification: "preferred" } }, expected: ["mfa-weakened mfa_config webAuthnConfiguration.userVerification"] },
];

const QUIET: Case[] = [
  { name: "threat protection settings raised", current: risk({ compromisedCredentialsRiskConfiguration: { actions: { eventAction: "NO_ACTION" } }, accountTakeoverRiskConfiguration: takeover("MFA_IF_CONFIGURED") }), desired: risk({ compromisedCredentialsRiskConfiguration: blockCompromised, accountTakeoverRiskConfiguration: takeover("BLOCK") }), expected: [] },
  { name: "threat protection settings not managed in place (unset keeps them)", current: risk({ compromisedCredentialsRiskConfiguration: blockCompromised, accountTakeoverRiskConfiguration: takeover("BLOCK") }), desired: plus, expected: [] },
  { name: "IP block list grown and allow list shortened", current: risk({ riskExceptionConfiguration: { blockedIPRangeList: ["192.0.2.0/24"], skippedIPRangeList: ["198.51.100.0/24"] } }), desired: risk({ riskExceptionConfiguration: { blockedIPRangeList: ["192.0.2.0/24", "203.0.113.0/24"] } }), expected: [] },
  { name: "a client's own settings kept when the document does not list clients", current: { ...risk({ clients: [{ clientName: "web", accountTakeoverRiskConfiguration: takeover("BLOCK") }] }), clients: [{ name: "web" }] }, desired: { ...risk({ accountTakeoverRiskConfiguration: takeover("BLOCK") }), clients: [{ name: "web" }] }, expected: [] },
  { name: "a deleted client's settings go with it", current: { ...risk({ clients: [{ clientName: "web", accountTakeoverRiskConfiguration: takeover("BLOCK") }] }), clients: [{ name: "web" }] }, desired: { ...risk({ clients: [] }), clients: [] }, expected: [] },
  { name: "only user notification logs removed", current: { logDeliveryConfiguration: { logConfigurations: [notificationLogs, authLogs] } }, desired: { logDeliveryConfiguration: { logConfigurations: [authLogs] } }, expected: [] },
  { name: "log delivery not managed in place", current: { ...plus, logDeliveryConfiguration: { logConfigurations: [authLogs] } }, desired: plus, expected: [] },
  { name: "authentication event logs moved to another destination", current: { ...plus, logDeliveryConfiguration: { logConfigurations: [authLogs] } }, desired: { ...plus, logDeliveryConfiguration: { logConfigurations: [{ ...authLogs, s3Configuration: { bucketArn: "arn:aws:s3:::other" } }] } }, expected: [] },
  { name: "SMS MFA off while MFA is OFF", current: { mfaConfiguration: "OFF", ...sms, smsMfaConfiguration: { enabled: true } }, desired: { mfaConfiguration: "OFF", ...sms, smsMfaConfiguration: { enabled: false } }, expected: [] },
  { name: "SMS MFA on while MFA is ON", current: { mfaConfiguration: "ON", ...sms, smsMfaConfiguration: { enabled: false } }, desired: { mfaConfiguration: "ON", ...sms, smsMfaConfiguration: { enabled: true } }, expected: [] },
  { name: "email MFA unset in place is not managed (kept)", current: { mfaConfiguration: "ON", ...emailMfa }, desired: { mfaConfiguration: "ON" }, expected: [] },
  { name: "passkey user verification raised to required", current: { webAuthnConfiguration: { userVerification: "preferred" } }, desired: { webAuthnConfiguration: { userVerification: "required" } }, expected: [] },
  {
    name: "branding and terms changes are not security flags",
    current: { clients: [{ name: "web" }], terms: [{ client: "web", name: "terms-of-use", links: { "cognito:default": "https://example.com/terms" } }], uiCustomizations: [{ clientName: "ALL", css: ".banner-customizable { background-color: #000000; }" }] },
    desired: { clients: [{ name: "web" }], terms: [], uiCustomizations: [{ clientName: "ALL", css: ".banner-customizable { background-color: #ffffff; }" }] },
    expected: [],
  },
];

describe("security flags of threat protection, log delivery and MFA factors", () => {
  it.each(FIRES)("fires: $name", (c) => {
    expect(flags(c.current, c.desired)).toEqual(c.expected);
  });
  it.each(QUIET)("stays quiet: $name", (c) => {
    const plan = planChanges(doc(c.current), doc(c.desired));
    expect(plan.securityChanges).toEqual([]);
  });

  it("email MFA gone with a replaced pool while MFA stays ON", () => {
    const current = { usernameAttributes: ["email" as const], mfaConfiguration: "ON" as const, ...emailMfa };
    const plan = planChanges(doc(current), doc({ usernameAttributes: ["phone_number"], mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } }));
    expect(plan.securityChanges.map((s) => `${s.code} ${s.path}`)).toEqual(["mfa-weakened emailMfaConfiguration"]);
  });

  it("a replaced pool that no longer manages threat protection settings or logs loses them, and says so", () => {
    const current = { usernameAttributes: ["email" as const], ...risk({ compromisedCredentialsRiskConfiguration: blockCompromised }), logDeliveryConfiguration: { logConfigurations: [authLogs] } };
    const plan = planChanges(doc(current), doc({ usernameAttributes: ["phone_number"], ...plus }));
    expect(plan.securityChanges.map((s) => `${s.code} ${s.path}`)).toEqual([
      "threat-protection-lowered compromisedCredentialsRiskConfiguration.actions.eventAction",
      "auth-event-logs-removed logConfigurations",
    ]);
  });

  it("a brand-new pool raises no flags", () => {
    expect(planChanges(null, doc(risk({ compromisedCredentialsRiskConfiguration: { actions: { eventAction: "NO_ACTION" } }, riskExceptionConfiguration: { skippedIPRangeList: ["0.0.0.0/0"] } }))).securityChanges).toEqual([]);
  });

  it("says what changed in the reviewer's words, with the values", () => {
    const plan = planChanges(doc(risk({ accountTakeoverRiskConfiguration: takeover("BLOCK") })), doc(risk({ accountTakeoverRiskConfiguration: takeover("NO_ACTION") })));
    expect(plan.securityChanges).toEqual([
      {
        code: "threat-protection-lowered",
        address: "risk_configuration",
        path: "accountTakeoverRiskConfiguration.actions.highAction.eventAction",
        message: "adaptive authentication at high risk is lowered from BLOCK to NO_ACTION",
        before: "BLOCK",
        after: "NO_ACTION",
      },
    ]);
    const logs = planChanges(doc({ logDeliveryConfiguration: { logConfigurations: [authLogs] } }), doc({ logDeliveryConfiguration: { logConfigurations: [] } }));
    expect(logs.securityChanges[0]?.message).toBe("user authentication event logs (threat protection) are no longer exported to arn:aws:s3:::auth-logs");
  });

  it("every rule cites a public AWS API reference page", () => {
    for (const rule of SETTING_SECURITY_RULES) expect(rule.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/cognito-user-identity-pools\/latest\/APIReference\/API_\w+\.html$/u);
  });
});

describe("settings the plan reads before they are complete", () => {
  // The plan also runs on documents part-way through an apply (the convergence property in plan.properties.test.ts
  // found a risk configuration without `actions`): the flags read what is there and never throw.
  it("a risk configuration without actions raises no flag and no error", () => {
    const partial = { accountTakeoverRiskConfiguration: {}, compromisedCredentialsRiskConfiguration: {} } as unknown as NonNullable<PoolSpec["riskConfiguration"]>;
    expect(() => flags(risk(partial), risk({ accountTakeoverRiskConfiguration: takeover("BLOCK") }))).not.toThrow();
    expect(flags(risk({ accountTakeoverRiskConfiguration: takeover("BLOCK"), compromisedCredentialsRiskConfiguration: blockCompromised }), risk(partial))).toEqual([
      "threat-protection-lowered risk_configuration compromisedCredentialsRiskConfiguration.actions.eventAction",
      "threat-protection-lowered risk_configuration accountTakeoverRiskConfiguration.actions.highAction.eventAction",
    ]);
  });
});
