import { describe, expect, it } from "vitest";
import { FIELD_HELP } from "./field-help";
import { humaniseKey, labelForPath, labelForPlanField, labelForPlanPath, namesFromDocument } from "./field-labels";

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
