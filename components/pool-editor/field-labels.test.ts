import { describe, expect, it } from "vitest";
import { FIELD_HELP } from "./field-help";
import { describePlanValue, humaniseKey, labelForPath, labelForPlanField, labelForPlanPath, namesFromDocument } from "./field-labels";
import { planChanges } from "@/lib/cognito/plan";
import { poolDoc } from "@/test/support/plan-helpers";

describe("labelForPath", () => {
  it.each([
    ["spec.passwordPolicy.minimumLength", "Password policy > Minimum length"],
    ["spec.mfaConfiguration", "MFA > Multi-factor authentication"],
    ["metadata.name", "Pool > Pool name"],
    ["spec.clients[0].callbackUrls[1]", "App clients > Client 1 > Callback URLs > item 2"],
    ["spec.emailConfiguration.sourceArn", "Messages > SES identity ARN"],
    ["spec.resourceServers[0].scopes[2].name", "Resource servers > Resource server 1 > Scopes > Scope 3 > Scope name"],
    ["", "The whole pool"],
  ])("%s reads %s", (path, label) => {
    expect(labelForPath(path)).toEqual({ label, apiPath: path });
  });

  it("names list items from the document", () => {
    const doc = { spec: { clients: [{ name: "web" }, { name: "api" }] } };
    expect(labelForPath("spec.clients[1].name", namesFromDocument(doc)).label).toBe("App clients > api > Client name");
  });

  it("gives every field the editor labels a label without API spelling", () => {
    for (const pattern of Object.keys(FIELD_HELP)) {
      const { label } = labelForPath(pattern.replace(/\*/gu, "0"));
      expect(label, pattern).not.toMatch(/spec\.|\b[a-z]+[A-Z][a-zA-Z]*\b/u);
    }
  });

  it("falls back to words for a field without a label", () => {
    expect(humaniseKey("temporaryPasswordValidityDays")).toBe("Temporary password validity days");
    expect(labelForPath("spec.someNewSetting").label).toBe("Pool > Some new setting");
  });
});

describe("labelForPlanPath", () => {
  it.each([
    ["userPool", "passwordPolicy.minimumLength", "Password policy > Minimum length"],
    ["userPool", "name", "Pool > Pool name"],
    ["userPool", 'schemaAttributes["tier"].mutable', "Attributes > tier > Mutable"],
    ["mfaConfig", "softwareTokenMfaConfiguration.enabled", "MFA > Authenticator apps (TOTP)"],
    ["appClient", "callbackUrls", "Callback URLs"],
    ["resourceServer", 'scopes["read"]', "Scopes > read"],
    ["group", "precedence", "Precedence"],
    ["domain", "certificateArn", "ACM certificate ARN"],
  ] as const)("%s %s reads %s", (type, path, label) => {
    expect(labelForPlanPath(type, path).label).toBe(label);
  });
});

describe("labelForPlanField", () => {
  it.each([
    ['app_client["web"] callbackUrls', "App client web > Callback URLs"],
    ["user_pool passwordPolicy.minimumLength", "Password policy > Minimum length"],
    ['group["admins"] precedence', "Group admins > Precedence"],
    ["something odd", "something odd"],
  ])("%s reads %s", (field, label) => {
    expect(labelForPlanField(field)).toEqual({ label, apiPath: field });
  });
});

describe("describePlanValue: the console's words for values in a plan, from the editor's table", () => {
  const before = poolDoc({
    mfaConfiguration: "OFF",
    signInPolicy: { allowedFirstAuthFactors: ["PASSWORD"] },
    userPoolAddOns: { advancedSecurityMode: "OFF" },
    accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }] },
    clients: [{ name: "web", explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"], preventUserExistenceErrors: "LEGACY", allowedOAuthScopes: ["openid"] }],
    groups: [{ name: "email", description: "PASSWORD" }],
  });
  const after = poolDoc({
    mfaConfiguration: "OPTIONAL",
    softwareTokenMfaConfiguration: { enabled: true },
    signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] },
    userPoolAddOns: { advancedSecurityMode: "AUDIT" },
    accountRecoverySetting: { recoveryMechanisms: [{ name: "admin_only", priority: 1 }] },
    clients: [{ name: "web", explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], preventUserExistenceErrors: "ENABLED", allowedOAuthScopes: ["openid", "email"] }],
    groups: [{ name: "email", description: "EMAIL_OTP" }],
  });
  const plan = planChanges(before, after);
  const words = (address: string, path: string) => {
    const entry = plan.entries.find((e) => e.address === address);
    const change = entry?.changes.find((c) => c.path === path);
    if (!entry || !change) throw new Error(`no ${address} ${path} in ${JSON.stringify(plan.entries.map((e) => [e.address, e.changes.map((c) => c.path)]))}`);
    return [describePlanValue(entry.type, path, change.before), describePlanValue(entry.type, path, change.after)];
  };

  it("labels enum values per field, lists item by item", () => {
    expect(words("mfa_config", "mfaConfiguration")).toEqual(["No MFA", "Optional MFA"]);
    expect(words("user_pool", "signInPolicy.allowedFirstAuthFactors")).toEqual(["Password", "Password, Email one-time password"]);
    expect(words("user_pool", "userPoolAddOns.advancedSecurityMode")).toEqual(["Off", "Audit only"]);
    expect(words('app_client["web"]', "explicitAuthFlows")).toEqual(["Sign in with secure remote password (SRP)", "Sign in with secure remote password (SRP), Get new tokens with a refresh token"]);
    expect(words('app_client["web"]', "preventUserExistenceErrors")).toEqual(["Legacy (reveals unknown users)", "Enabled (recommended)"]);
  });
  it("leaves free text and values without words alone", () => {
    // A description that happens to spell an API value, and OAuth scopes (free text: `email` is a scope, not the attribute).
    expect(words('group["email"]', "description")).toEqual([undefined, undefined]);
    expect(words('app_client["web"]', "allowedOAuthScopes")).toEqual([undefined, undefined]);
    expect(describePlanValue("userPool", "mfaConfiguration", undefined)).toBeUndefined();
    expect(describePlanValue("userPool", "passwordPolicy.minimumLength", 12)).toBeUndefined();
  });
});
