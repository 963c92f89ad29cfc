import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { hasPyYaml, loadWithPyYaml } from "@/test/support/pyyaml";
import { applyClientPreset, createPoolDocument } from "../../presets";
import { hardenedProductionPreset } from "../../presets/hardened-production";
import { machineToMachinePreset } from "../../presets/machine-to-machine";
import type { PoolDocument } from "../../spec/document-schema";
import type { PoolSpec } from "../../spec/pool-schema";
import { parseOpenMcf } from "./parse";
import { renderOpenMcf } from "./render";

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");

function doc(spec: Partial<PoolSpec> = {}, metadata: PoolDocument["metadata"] = { name: "pool" }): PoolDocument {
  return {
    apiVersion: "cognito-studio.dev/v1",
    kind: "UserPool",
    metadata,
    spec: { region: "eu-west-1", usernameConfiguration: { caseSensitive: false }, clients: [{ name: "web" }], ...spec },
  };
}

const render = (d: PoolDocument) => {
  const out = renderOpenMcf(d);
  const content = out.files[0]?.content ?? "";
  return { ...out, content, manifest: YAML.parse(content) as { apiVersion: string; kind: string; metadata: Record<string, unknown>; spec: Record<string, unknown> } };
};
const codesAt = (ds: readonly { path: string; code: string }[]) => ds.map((d) => [d.path, d.code]);

describe("renderOpenMcf", () => {
  it("writes OpenMCF's production documentation example back field for field", () => {
    const parsed = parseOpenMcf(fixture("seed-001-production.yaml")).document;
    expect(parsed).toBeDefined();
    const out = render(parsed as PoolDocument);
    expect(out.diagnostics).toEqual([]);
    expect(out.files.map((f) => f.path)).toEqual(["manifest.yaml"]);
    expect(out.manifest.apiVersion).toBe("aws.openmcf.org/v1");
    expect(out.manifest.kind).toBe("AwsCognitoUserPool");
    const original = YAML.parse(fixture("seed-001-production.yaml")) as { metadata: unknown; spec: Record<string, unknown> };
    expect(out.manifest.metadata).toEqual(original.metadata);
    // The only addition is the case sensitivity OpenMCF deploys anyway when the field is unset.
    expect(out.manifest.spec).toEqual({ ...original.spec, usernameCaseSensitive: false });
  });

  it("maps metadata labels back to OpenMCF metadata fields", () => {
    const out = render(doc({}, { name: "p", labels: { team: "id", "openmcf.cognito-studio.dev/org": "acme", "openmcf.cognito-studio.dev/env": "prod" } }));
    expect(out.manifest.metadata).toEqual({ name: "p", org: "acme", env: "prod", labels: { team: "id" } });
  });

  it("converts native fields to OpenMCF names and shapes", () => {
    const out = render(
      doc({
        softwareTokenMfaConfiguration: { enabled: true },
        mfaConfiguration: "ON",
        adminCreateUserConfig: { allowAdminCreateUserOnly: true },
        accountRecoverySetting: { recoveryMechanisms: [{ name: "admin_only", priority: 1 }] },
        deletionProtection: "INACTIVE",
        emailConfiguration: { emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/example.com", from: "no-reply@example.com" },
        schemaAttributes: [{ name: "plan", attributeDataType: "String", mutable: true, stringAttributeConstraints: { maxLength: "32" } }],
        clients: [
          {
            name: "web",
            allowedOAuthFlowsUserPoolClient: true,
            allowedOAuthFlows: ["code"],
            allowedOAuthScopes: ["openid"],
            accessTokenValidity: 15,
            tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
          },
        ],
      }),
    );
    expect(out.diagnostics).toEqual([]);
    const spec = out.manifest.spec;
    expect(spec.softwareTokenMfaEnabled).toBe(true);
    expect(spec.allowAdminCreateUserOnly).toBe(true);
    expect(spec.accountRecoveryMechanisms).toEqual([{ name: "admin_only", priority: 1 }]);
    expect(spec.deletionProtection).toBe(false);
    expect(spec.emailConfiguration).toEqual({ emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/example.com", fromEmailAddress: "no-reply@example.com" });
    expect(spec.customAttributes).toEqual([{ name: "plan", attributeDataType: "String", mutable: true, stringMaxLength: "32" }]);
    expect(spec.clients).toEqual([{ name: "web", allowedOauthFlowsUserPoolClient: true, allowedOauthFlows: ["code"], allowedOauthScopes: ["openid"], accessTokenValidityMinutes: 15 }]);
  });

  it('quotes YAML 1.1 booleans, so Go readers see mfaConfiguration "OFF" as text', () => {
    const out = render(doc({ mfaConfiguration: "OFF" }));
    expect(out.content).toContain('mfaConfiguration: "OFF"');
  });

  it.skipIf(!hasPyYaml)("PyYAML (YAML 1.1) reads the manifest exactly as the YAML 1.2 parser does", () => {
    for (const mfaConfiguration of ["ON", "OFF"] as const) {
      const out = render(doc({ mfaConfiguration, softwareTokenMfaConfiguration: { enabled: mfaConfiguration === "ON" } }));
      const loaded = loadWithPyYaml(out.content) as { spec: { mfaConfiguration: unknown } };
      expect(loaded.spec.mfaConfiguration).toBe(mfaConfiguration);
      expect(loaded).toEqual(out.manifest);
    }
  });

  it("a pool preset with a machine-to-machine client: every field OpenMCF lacks is a warning and a comment", () => {
    const base = createPoolDocument(hardenedProductionPreset, { name: "prod", region: "eu-west-1" });
    const withClient = applyClientPreset(base.spec, machineToMachinePreset, { clientName: "worker" });
    expect(withClient.diagnostics).toEqual([]);
    const out = render({ ...base, spec: withClient.spec });
    const paths = out.diagnostics.map((d) => d.path);
    expect(out.diagnostics.every((d) => d.severity === "warning")).toBe(true);
    for (const path of ["spec.resourceServers", "spec.userPoolAddOns", "spec.userPoolTier"]) {
      expect(paths).toContain(path);
      expect(out.content).toContain(`#   - ${path}: `);
    }
    expect(out.diagnostics.find((d) => d.path === "spec.resourceServers")?.message).toMatch(/no resource servers/u);
    expect(out.manifest.spec.resourceServers).toBeUndefined();
    // The explicit warnings name every loss; the safety net has nothing left to report.
    expect(out.diagnostics.filter((d) => d.code === "openmcf-not-exact")).toEqual([]);
  });

  it.each<[string, Partial<PoolSpec>, string, string]>([
    ["SMS configuration", { smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/sms" } }, "spec.smsConfiguration", "openmcf-not-expressible"],
    ["device tracking", { deviceConfiguration: { challengeRequiredOnNewDevice: true } }, "spec.deviceConfiguration", "openmcf-not-expressible"],
    ["verification templates", { verificationMessageTemplate: { defaultEmailOption: "CONFIRM_WITH_LINK" } }, "spec.verificationMessageTemplate", "openmcf-not-expressible"],
    ["tags", { userPoolTags: { team: "id" } }, "spec.userPoolTags", "openmcf-not-expressible"],
    ["password history", { passwordPolicy: { minimumLength: 12, passwordHistorySize: 5 } }, "spec.passwordPolicy.passwordHistorySize", "openmcf-not-expressible"],
    ["managed login", { domain: { domain: "acme-login", managedLoginVersion: 2 } }, "spec.domain.managedLoginVersion", "openmcf-not-expressible"],
    ["a versioned trigger", { lambdaConfig: { preTokenGenerationConfig: { lambdaVersion: "V2_0", lambdaArn: "arn:aws:lambda:eu-west-1:123456789012:function:t" } } }, "spec.lambdaConfig.preTokenGenerationConfig", "openmcf-not-expressible"],
    ["a developer-only attribute", { schemaAttributes: [{ name: "secret", attributeDataType: "String", developerOnlyAttribute: true }] }, "spec.schemaAttributes[0].developerOnlyAttribute", "openmcf-not-expressible"],
    ["client read attributes", { clients: [{ name: "web", readAttributes: ["email"] }] }, "spec.clients[0].readAttributes", "openmcf-not-expressible"],
    ["refresh token rotation", { clients: [{ name: "web", refreshTokenRotation: { feature: "ENABLED" } }] }, "spec.clients[0].refreshTokenRotation", "openmcf-not-expressible"],
    ["ALLOW_USER_AUTH", { clients: [{ name: "web", explicitAuthFlows: ["ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }] }, "spec.clients[0].explicitAuthFlows[0]", "openmcf-not-expressible"],
    ["no clients", { clients: [] }, "spec.clients", "openmcf-clients-required"],
  ])("%s → a warning at %s", (_, spec, path, code) => {
    const out = render(doc(spec));
    expect(codesAt(out.diagnostics)).toEqual([[path, code]]);
    expect(out.content).toContain(`#   - ${path}: `);
  });

  it("leaves out an auth flow OpenMCF rejects but keeps the others", () => {
    const out = render(doc({ clients: [{ name: "web", explicitAuthFlows: ["ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }] }));
    expect((out.manifest.spec.clients as { explicitAuthFlows: string[] }[])[0]?.explicitAuthFlows).toEqual(["ALLOW_REFRESH_TOKEN_AUTH"]);
  });

  it("unset case sensitivity: exported as true (the API default) with a warning", () => {
    const d = doc();
    delete d.spec.usernameConfiguration;
    const out = render(d);
    expect(out.manifest.spec.usernameCaseSensitive).toBe(true);
    expect(codesAt(out.diagnostics)).toEqual([["spec.usernameConfiguration", "openmcf-username-case"]]);
  });

  it("a password policy without a minimum length gets Cognito's 8, with a warning", () => {
    const out = render(doc({ passwordPolicy: { requireSymbols: true } }));
    expect(out.manifest.spec.passwordPolicy).toEqual({ minimumLength: 8, requireSymbols: true });
    expect(codesAt(out.diagnostics)).toEqual([["spec.passwordPolicy.minimumLength", "openmcf-value-filled"]]);
  });

  it("token lifetimes in other units are converted to minutes and days, with warnings", () => {
    const out = render(doc({ clients: [{ name: "web", accessTokenValidity: 2, idTokenValidity: 90, refreshTokenValidity: 48, tokenValidityUnits: { idToken: "minutes", refreshToken: "hours" } }] }));
    const client = (out.manifest.spec.clients as Record<string, unknown>[])[0];
    expect(client).toEqual({ name: "web", accessTokenValidityMinutes: 120, idTokenValidityMinutes: 90, refreshTokenValidityDays: 2 });
    expect(codesAt(out.diagnostics)).toEqual([
      ["spec.clients[0].accessTokenValidity", "openmcf-token-validity-converted"],
      ["spec.clients[0].refreshTokenValidity", "openmcf-token-validity-converted"],
      ["spec.clients[0].tokenValidityUnits", "openmcf-token-units"],
    ]);
  });

  it("a lifetime that is not a whole number of minutes is left out with a warning", () => {
    const out = render(doc({ clients: [{ name: "web", accessTokenValidity: 330, tokenValidityUnits: { accessToken: "seconds", idToken: "minutes", refreshToken: "days" } }] }));
    expect((out.manifest.spec.clients as Record<string, unknown>[])[0]).toEqual({ name: "web" });
    expect(out.diagnostics.map((d) => d.path)).toContain("spec.clients[0].accessTokenValidity");
  });

  it("client defaults are written into each client, the client's own value winning", () => {
    const out = render(doc({ clientDefaults: { enableTokenRevocation: true, preventUserExistenceErrors: "ENABLED" }, clients: [{ name: "a" }, { name: "b", enableTokenRevocation: false }] }));
    expect(out.manifest.spec.clients).toEqual([
      { name: "a", enableTokenRevocation: true, preventUserExistenceErrors: "ENABLED" },
      { name: "b", enableTokenRevocation: false, preventUserExistenceErrors: "ENABLED" },
    ]);
    expect(codesAt(out.diagnostics)).toEqual([["spec.clientDefaults", "openmcf-client-defaults-expanded"]]);
  });

  it("warns where OpenMCF's own validation would reject the manifest", () => {
    const out = render(doc({ mfaConfiguration: "OFF", softwareTokenMfaConfiguration: { enabled: true } }));
    expect(codesAt(out.diagnostics)).toEqual([["spec.softwareTokenMfaConfiguration.enabled", "openmcf-invalid"]]);
    expect(out.diagnostics[0]?.message).toContain("software_token_mfa_requires_mfa");
  });

  it("never throws, even on a document that breaks its own type", () => {
    const broken = { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: null, spec: { clients: "x" } } as unknown as PoolDocument;
    const out = renderOpenMcf(broken);
    expect(out.files).toEqual([]);
    expect(out.diagnostics.map((d) => d.code)).toEqual(["internal-error"]);
  });
});

describe("groups and identity providers", () => {
  it("are reported as not expressible in AwsCognitoUserPool v1 and not written", () => {
    const doc: PoolDocument = {
      apiVersion: "cognito-studio.dev/v1",
      kind: "UserPool",
      metadata: { name: "shop" },
      spec: { region: "eu-west-1", groups: [{ name: "admins" }], identityProviders: [{ providerName: "Corp", providerType: "SAML", providerDetails: { MetadataURL: "https://idp.example.com/m" } }] },
    };
    const result = renderOpenMcf(doc);
    expect(result.diagnostics.filter((d) => d.code === "openmcf-not-expressible").map((d) => d.path)).toEqual(["spec.groups", "spec.identityProviders"]);
    expect(result.files.map((f) => f.content).join("\n")).not.toContain("idp.example.com");
  });
});
