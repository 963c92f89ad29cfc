/**
 * The settings the 2026 console added, one by one through every file format: a format that holds a setting
 * exports it without a warning and imports it back equal; a format that cannot hold it warns at the setting
 * when exporting, and importing that export gives back everything else (nothing is lost without a word).
 * The table below is the answer per setting and format; each cell is one test.
 */
import { describe, expect, test } from "vitest";
import type { PoolDocument } from "../spec/document-schema";
import type { PoolSpec } from "../spec/pool-schema";
import { exportPoolDocument, importPoolDocument } from "./index";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGPgLLoMRwzEcQASchThTOT9gwAAAABJRU5ErkJggg==";

function base(spec: Partial<PoolSpec>): PoolDocument {
  return { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "console" }, spec: { region: "eu-west-1", clients: [{ name: "web" }], ...spec } };
}

/** Each setting as a small document, and the spec paths its export warnings may name. */
const SETTINGS: Record<string, { doc: PoolDocument; paths: string[] }> = {
  "managed login branding": {
    doc: base({
      domain: { domain: "console-auth", managedLoginVersion: 2 },
      managedLoginBranding: [
        {
          clientName: "web",
          settings: { categories: { global: { colorSchemeMode: "DARK" } }, components: { primaryButton: { lightMode: { defaults: { backgroundColor: "0972d3ff" } } } }, note: ["kept", 1, true, null] },
          assets: [{ category: "FORM_LOGO", colorMode: "LIGHT", extension: "PNG", bytes: PNG, resourceId: "logo 1" }],
        },
        { clientName: "mobile", useCognitoProvidedValues: true },
      ],
      clients: [{ name: "web" }, { name: "mobile" }],
    }),
    paths: ["spec.managedLoginBranding"],
  },
  "classic UI customization": {
    doc: base({
      domain: { domain: "console-auth", managedLoginVersion: 1 },
      uiCustomizations: [
        { clientName: "ALL", css: ".banner-customizable { background-color: #fff; }" },
        { clientName: "web", css: ".submitButton-customizable { color: red; }" },
      ],
    }),
    paths: ["spec.uiCustomizations"],
  },
  "classic UI logo": {
    doc: base({ domain: { domain: "console-auth" }, uiCustomizations: [{ clientName: "web", imageFile: PNG }] }),
    paths: ["spec.uiCustomizations"],
  },
  "threat protection": {
    doc: base({
      userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
      riskConfiguration: {
        compromisedCredentialsRiskConfiguration: { eventFilter: ["SIGN_IN"], actions: { eventAction: "BLOCK" } },
        riskExceptionConfiguration: { blockedIPRangeList: ["192.0.2.0/24"] },
        clients: [
          {
            clientName: "web",
            accountTakeoverRiskConfiguration: {
              notifyConfiguration: { sourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/example.com", blockEmail: { subject: "Blocked", htmlBody: "<p>We blocked a sign-in</p>", textBody: "We blocked a sign-in" } },
              actions: { highAction: { notify: true, eventAction: "BLOCK" } },
            },
          },
        ],
      },
    }),
    paths: ["spec.riskConfiguration", "spec.userPoolAddOns"],
  },
  "log delivery": {
    doc: base({
      logDeliveryConfiguration: {
        logConfigurations: [
          { eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: "arn:aws:logs:eu-west-1:123456789012:log-group:cognito" } },
          { eventSource: "userAuthEvents", logLevel: "INFO", s3Configuration: { bucketArn: "arn:aws:s3:::auth-logs" } },
        ],
      },
    }),
    paths: ["spec.logDeliveryConfiguration"],
  },
  "passkeys as MFA factor": {
    doc: base({ mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true }, webAuthnConfiguration: { relyingPartyId: "auth.example.com", factorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION" } }),
    paths: ["spec.webAuthnConfiguration", "spec.mfaConfiguration", "spec.softwareTokenMfaConfiguration"],
  },
  "SMS MFA switch": {
    doc: base({ mfaConfiguration: "OPTIONAL", smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/sns", externalId: "x" }, smsMfaConfiguration: { enabled: true } }),
    paths: ["spec.smsMfaConfiguration", "spec.smsConfiguration", "spec.mfaConfiguration"],
  },
  "terms documents": {
    doc: base({ terms: [{ client: "web", name: "privacy-policy", links: { "cognito:default": "https://shop.test/privacy", "cognito:french": "https://shop.test/fr/vie-privee" } }] }),
    paths: ["spec.terms"],
  },
  "prefix and custom domain together": {
    doc: base({
      domain: { domain: "console-auth", managedLoginVersion: 2 },
      customDomain: { domain: "auth.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc", managedLoginVersion: 2 },
    }),
    paths: ["spec.customDomain", "spec.domain"],
  },
  "email MFA": {
    doc: base({
      mfaConfiguration: "OPTIONAL",
      userPoolTier: "ESSENTIALS",
      emailConfiguration: { emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/example.com", from: "no-reply@example.com" },
      emailMfaConfiguration: { message: "Your code is {####}", subject: "Sign-in code" },
      accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }, { name: "verified_phone_number", priority: 2 }] },
    }),
    paths: ["spec.emailMfaConfiguration", "spec.mfaConfiguration", "spec.userPoolTier", "spec.emailConfiguration"],
  },
};

type Answer = "round-trip" | "warns";
type Format = "terraform" | "cloudformation" | "openmcf";

/**
 * Per setting, per format. Plain Terraform follows hashicorp/aws: log delivery is a 6.5.0 resource (the file
 * then asks for that provider), the provider has no passkey factor setting and no terms resource. CloudFormation has every
 * resource but no classic logo property. The mineiros module and OpenMCF v1 have none of the new settings.
 */
const ANSWERS: Record<string, Record<Format, Answer>> = {
  "managed login branding": { terraform: "round-trip", cloudformation: "round-trip", openmcf: "warns" },
  "classic UI customization": { terraform: "round-trip", cloudformation: "round-trip", openmcf: "warns" },
  "classic UI logo": { terraform: "round-trip", cloudformation: "warns", openmcf: "warns" },
  "threat protection": { terraform: "round-trip", cloudformation: "round-trip", openmcf: "warns" },
  "log delivery": { terraform: "round-trip", cloudformation: "round-trip", openmcf: "warns" },
  "passkeys as MFA factor": { terraform: "warns", cloudformation: "round-trip", openmcf: "warns" },
  "SMS MFA switch": { terraform: "round-trip", cloudformation: "round-trip", openmcf: "warns" },
  "terms documents": { terraform: "warns", cloudformation: "round-trip", openmcf: "warns" },
  "prefix and custom domain together": { terraform: "round-trip", cloudformation: "round-trip", openmcf: "warns" },
  "email MFA": { terraform: "round-trip", cloudformation: "round-trip", openmcf: "warns" },
};

async function roundTrip(doc: PoolDocument, format: Format) {
  const exported = exportPoolDocument(doc, format);
  const text = exported.files.map((f) => (format === "terraform" ? `# ==> ${f.path} <==\n${f.content}` : f.content)).join("\n");
  const imported = await importPoolDocument(text, format, { fileName: exported.files[0]?.path });
  return { exported, imported };
}

const touches = (path: string, paths: string[]) => paths.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));

describe.each(Object.keys(SETTINGS))("%s", (setting) => {
  const { doc, paths } = SETTINGS[setting]!;
  test.each(Object.entries(ANSWERS[setting]!) as [Format, Answer][])("%s: %s", async (format, answer) => {
    const { exported, imported } = await roundTrip(doc, format);
    // The provider floor's note (the file needs hashicorp/aws 6.x) is no loss.
    const warned = exported.diagnostics.filter((d) => d.severity === "warning" && d.code !== "provider-6-only" && touches(d.path, paths));
    expect(exported.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const importErrors = imported.diagnostics.filter((d) => d.severity === "error");
    if (answer === "round-trip") {
      expect(importErrors).toEqual([]);
      expect(warned).toEqual([]);
      expect(imported.document).toEqual(doc);
    } else {
      expect(warned.length).toBeGreaterThan(0);
      // An import error only where the export warned: MFA whose only method the format cannot hold.
      expect(importErrors.filter((e) => !warned.some((w) => w.path === e.path))).toEqual([]);
      if (importErrors.length > 0) return;
      // Nothing is lost without a word: every part of the document that did not come back was warned about.
      const warnedKeys = exported.diagnostics.filter((d) => d.severity === "warning").map((d) => /^spec\.(\w+)/u.exec(d.path)?.[1]);
      const strip = (d: PoolDocument | undefined) => {
        const spec: Record<string, unknown> = { ...(d?.spec ?? {}) };
        for (const key of [...paths.map((p) => p.slice("spec.".length)), ...warnedKeys]) if (key) delete spec[key];
        // OpenMCF's usernameConfiguration defaults to case-sensitive: the import adds what the manifest implies.
        if (format === "openmcf" && doc.spec.usernameConfiguration === undefined) delete spec.usernameConfiguration;
        return spec;
      };
      expect(imported.document).toBeDefined();
      expect(strip(imported.document)).toEqual(strip(doc));
    }
  });
});

// A round trip cannot see a setting written in the wrong place when the import reads it from there too (cfn-lint
// and terraform validate found styles and customizations written inside the pool as well): the pool holds none.
describe("settings that are resources of their own are not written into the pool", () => {
  const all = base(Object.assign({}, ...Object.values(SETTINGS).map((s) => s.doc.spec)) as Partial<PoolSpec>);
  test("Terraform: aws_cognito_user_pool has no block or argument named after them", () => {
    const main = exportPoolDocument(all, "terraform").files[0]?.content ?? "";
    const pool = /^resource "aws_cognito_user_pool" "this" \{[\s\S]*?^\}/mu.exec(main)?.[0] ?? "";
    expect(pool).toContain("name");
    for (const name of ["managed_login_branding", "ui_customizations", "risk_configuration", "log_delivery_configuration", "terms", "custom_domain", "sms_mfa_configuration"])
      expect(pool).not.toMatch(new RegExp(`^\\s*${name}\\s*(=|\\{)`, "mu"));
  });

  test("CloudFormation: the UserPool's properties are not named after them", async () => {
    const text = exportPoolDocument(all, "cloudformation").files[0]?.content ?? "";
    const imported = await importPoolDocument(text, "cloudformation");
    expect(imported.diagnostics.filter((d) => d.code === "not-in-model")).toEqual([]);
    const pool = /^ {2}UserPool:\n[\s\S]*?(?=^ {2}\S)/mu.exec(text)?.[0] ?? "";
    expect(pool).toContain("UserPoolName");
    for (const name of ["ManagedLoginBranding", "UiCustomizations", "RiskConfiguration", "LogDeliveryConfiguration", "Terms", "CustomDomain"]) expect(pool).not.toMatch(new RegExp(`^ {6}${name}:`, "mu"));
  });
});
