import { describe, expect, it } from "vitest";
import { fromOpenMcfPath, splitPath, toOpenMcfPath } from "./paths";

describe("path translation table", () => {
  it.each([
    ["spec.clients[2].allowedOAuthScopes[1]", "spec.clients[2].allowedOauthScopes[1]"],
    ["spec.clients[0].accessTokenValidity", "spec.clients[0].accessTokenValidityMinutes"],
    ["spec.clients[1].tokenValidityUnits.refreshToken", "spec.clients[1].refreshTokenValidityDays"],
    ["spec.clients[0].callbackUrls[1]", "spec.clients[0].callbackUrls[1]"],
    ["spec.accountRecoverySetting.recoveryMechanisms[1].priority", "spec.accountRecoveryMechanisms[1].priority"],
    ["spec.softwareTokenMfaConfiguration.enabled", "spec.softwareTokenMfaEnabled"],
    ["spec.usernameConfiguration", "spec.usernameCaseSensitive"],
    ["spec.adminCreateUserConfig.allowAdminCreateUserOnly", "spec.allowAdminCreateUserOnly"],
    ["spec.emailConfiguration.from", "spec.emailConfiguration.fromEmailAddress"],
    ["spec.schemaAttributes[3].numberAttributeConstraints.maxValue", "spec.customAttributes[3].numberMaxValue"],
    ["spec.schemaAttributes[0].name", "spec.customAttributes[0].name"],
    ['metadata.labels["openmcf.cognito-studio.dev/org"]', "metadata.org"],
    ['metadata.labels["team"]', 'metadata.labels["team"]'],
    ["spec.region", "spec.region"],
  ])("%s → %s", (native, openmcf) => {
    expect(toOpenMcfPath(native)).toBe(openmcf);
  });

  it.each([
    ["spec.clients[2].allowedOauthFlows[0]", "spec.clients[2].allowedOAuthFlows[0]"],
    ["spec.clients[0].accessTokenValidityMinutes", "spec.clients[0].accessTokenValidity"],
    ["spec.softwareTokenMfaEnabled", "spec.softwareTokenMfaConfiguration.enabled"],
    ["spec.accountRecoveryMechanisms[0].name", "spec.accountRecoverySetting.recoveryMechanisms[0].name"],
    ["spec.customAttributes[1].stringMinLength", "spec.schemaAttributes[1].stringAttributeConstraints.minLength"],
    // A client path stays a client path (the fold of tokenValidityUnits into the client has no inverse).
    ["spec.clients[0].name", "spec.clients[0].name"],
    ["metadata.env", 'metadata.labels["openmcf.cognito-studio.dev/env"]'],
  ])("back: %s → %s", (openmcf, native) => {
    expect(fromOpenMcfPath(openmcf)).toBe(native);
  });

  it("splits paths written by joinPath", () => {
    expect(splitPath('spec.clients[10].x["a.b/c"]')).toEqual(["spec", "clients", 10, "x", "a.b/c"]);
    expect(splitPath("")).toEqual([]);
  });
});
