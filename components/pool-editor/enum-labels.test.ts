import { describe, expect, it } from "vitest";
import {
  ALIAS_ATTRIBUTES,
  AUTH_FACTORS,
  EXPLICIT_AUTH_FLOWS,
  OAUTH_FLOWS,
  RECOVERY_OPTION_NAMES,
  TIME_UNITS,
  USERNAME_ATTRIBUTES,
  VERIFIED_ATTRIBUTES,
} from "@/lib/cognito/spec";
import { labelForEnum } from "./enum-labels";

describe("labelForEnum", () => {
  it.each([
    ["spec.signInPolicy.allowedFirstAuthFactors", "EMAIL_OTP", "Email one-time password"],
    ["spec.clients.0.explicitAuthFlows", "ADMIN_NO_SRP_AUTH", "Server-side administrative sign-in (legacy name)"],
    ["spec.usernameAttributes", "phone_number", "Phone number"],
    ["spec.mfaConfiguration", "OFF", "No MFA"],
    ["spec.userPoolAddOns.advancedSecurityMode", "OFF", "Off"],
    ["spec.clientDefaults.preventUserExistenceErrors", "ENABLED", "Enabled (recommended)"],
    ["spec.clients.3.allowedOAuthFlows", "client_credentials", "Client credentials"],
  ])("%s %s reads %s", (field, value, label) => {
    expect(labelForEnum(field, value)).toBe(label);
  });

  it("keeps a value neither table knows", () => {
    expect(labelForEnum("spec.clients.0.allowedOAuthScopes", "https://api.example.com/read")).toBe("https://api.example.com/read");
  });

  // Every value the editor offers as a choice from the spec's own lists has a console label.
  it.each([
    ["spec.signInPolicy.allowedFirstAuthFactors", AUTH_FACTORS],
    ["spec.clients.0.explicitAuthFlows", EXPLICIT_AUTH_FLOWS],
    ["spec.clients.0.allowedOAuthFlows", OAUTH_FLOWS],
    ["spec.clients.0.tokenValidityUnits.accessToken", TIME_UNITS],
    ["spec.usernameAttributes", USERNAME_ATTRIBUTES],
    ["spec.aliasAttributes", ALIAS_ATTRIBUTES],
    ["spec.autoVerifiedAttributes", VERIFIED_ATTRIBUTES],
    ["spec.accountRecoverySetting.recoveryMechanisms.0.name", RECOVERY_OPTION_NAMES],
  ] as const)("labels every value of %s", (field, values) => {
    for (const value of values) expect(labelForEnum(field, value), value).not.toBe(value);
  });
});
