/**
 * The newer settings through the real tools: one design with all of them (managed login branding, classic
 * customization, threat protection, log delivery, passkeys as an MFA factor with the SMS MFA switch, terms
 * documents, a prefix and a custom domain together, email MFA) is exported, and
 * - its Terraform goes through `terraform init` and `validate` with the hashicorp/aws provider of the local mirror;
 * - its CloudFormation goes through cfn-lint;
 * - the branding settings the Terraform export writes are read back by Terraform itself (`jsonencode` of the
 *   HCL literal), equal to the design's JSON, text that HCL would take for a template included.
 *
 * The mirror holds provider 5.100 only, `aws_cognito_managed_login_branding` exists from 6.13.0 and
 * `aws_cognito_log_delivery_configuration` from 6.5.0 (provider-versions.ts): the file with them asks for
 * ">= 6.13.0", which the mirror cannot satisfy, so validation runs on the same design without its styles and
 * log delivery (everything else in the file is the same). terraform and
 * the mirror are part of the test contract: a machine without them fails here.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { findProviderMirror, mirroredProviderVersions, terraform, terraformVersion, writeCliConfig } from "@/test/support/terraform";
import type { BrandingSettings } from "../spec/branding-schema";
import type { PoolDocument } from "../spec/document-schema";
import { validatePoolDocument } from "../spec/validate";
import { renderCloudFormation } from "./cloudformation/render-cloudformation";
import { renderTerraform } from "./terraform/render-terraform";
import { withoutProvider6Resources } from "@/test/support/terraform-restrictions";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGPgLLoMRwzEcQASchThTOT9gwAAAABJRU5ErkJggg==";

const SETTINGS: BrandingSettings = {
  categories: { global: { colorSchemeMode: "DYNAMIC" }, form: { location: { horizontal: "CENTER", vertical: "START" } } },
  components: { form: { borderRadius: 8, lightMode: { backgroundColor: "ffffffff" } }, primaryButton: { lightMode: { defaults: { backgroundColor: "0972d3ff", textColor: "ffffffff" } } } },
  displayName: { greeting: "Hello ${name} %{ if x }", quote: 'say "hi" \\ \b', list: [1, 2.5, true, null], "key with spaces": "é ☃" },
};

const DESIGN: PoolDocument = {
  apiVersion: "cognito-studio.dev/v1",
  kind: "UserPool",
  metadata: { name: "console-2026" },
  spec: {
    region: "eu-west-1",
    userPoolTier: "PLUS",
    userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
    mfaConfiguration: "OPTIONAL",
    softwareTokenMfaConfiguration: { enabled: true },
    smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/cognito-sms", externalId: "console-2026" },
    smsMfaConfiguration: { enabled: true },
    emailConfiguration: { emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/example.com", from: "no-reply@example.com" },
    emailMfaConfiguration: { message: "Your sign-in code is {####}", subject: "Your sign-in code" },
    webAuthnConfiguration: { relyingPartyId: "auth.example.com", userVerification: "required", factorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION" },
    accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }, { name: "verified_phone_number", priority: 2 }] },
    clients: [{ name: "web" }, { name: "mobile" }],
    domain: { domain: "console-2026", managedLoginVersion: 2 },
    customDomain: { domain: "auth.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc", managedLoginVersion: 2 },
    managedLoginBranding: [
      { clientName: "web", settings: SETTINGS, assets: [{ category: "FORM_LOGO", colorMode: "LIGHT", extension: "PNG", bytes: PNG }] },
      { clientName: "mobile", useCognitoProvidedValues: true },
    ],
    uiCustomizations: [{ clientName: "ALL", css: ".submitButton-customizable { background-color: #0972d3; }", imageFile: PNG }],
    riskConfiguration: {
      compromisedCredentialsRiskConfiguration: { eventFilter: ["SIGN_IN", "SIGN_UP"], actions: { eventAction: "BLOCK" } },
      accountTakeoverRiskConfiguration: {
        notifyConfiguration: { sourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/example.com", from: "security@example.com", blockEmail: { subject: "Sign-in blocked", htmlBody: "<p>We blocked a sign-in.</p>", textBody: "We blocked a sign-in." } },
        actions: { highAction: { notify: true, eventAction: "BLOCK" }, mediumAction: { notify: false, eventAction: "MFA_IF_CONFIGURED" } },
      },
      riskExceptionConfiguration: { skippedIPRangeList: ["192.0.2.0/24"] },
      clients: [{ clientName: "mobile", compromisedCredentialsRiskConfiguration: { actions: { eventAction: "NO_ACTION" } } }],
    },
    logDeliveryConfiguration: {
      logConfigurations: [
        { eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: "arn:aws:logs:eu-west-1:123456789012:log-group:cognito" } },
        { eventSource: "userAuthEvents", logLevel: "INFO", s3Configuration: { bucketArn: "arn:aws:s3:::auth-logs" } },
      ],
    },
    terms: [{ client: "web", name: "terms-of-use", links: { "cognito:default": "https://example.com/terms" } }],
  },
};

let work: string;
let cliConfig = "";
const mirror = findProviderMirror();

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "console-settings-tools-"));
  if (mirror) cliConfig = writeCliConfig(work, mirror);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

test("the design is one the studio accepts (no errors)", () => {
  expect(validatePoolDocument(DESIGN).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
});

describe("Terraform", () => {
  test("terraform and a provider mirror are there (TF_PROVIDER_MIRROR names the folder holding registry.terraform.io/)", () => {
    expect(terraformVersion(), "terraform is not on PATH").toBeDefined();
    expect(mirror, "no hashicorp/aws provider mirror found").toBeDefined();
  });

  test("the file with managed login styles and log delivery asks for the 6.x provider the mirror does not hold", () => {
    const main = renderTerraform(DESIGN).files[0]?.content ?? "";
    expect(main).toContain('resource "aws_cognito_managed_login_branding" "web"');
    expect(main).toContain('resource "aws_cognito_log_delivery_configuration" "this"');
    expect(main).toContain('version = ">= 6.13.0"');
    expect(mirroredProviderVersions(mirror ?? "").some((v) => Number(v.split(".")[0]) >= 6)).toBe(false);
  });

  test("everything else validates with the mirror's provider", () => {
    const exported = renderTerraform(withoutProvider6Resources(DESIGN), { variables: true });
    const folder = join(work, "validate");
    mkdirSync(folder);
    for (const file of exported.files) writeFileSync(join(folder, file.path), file.content);
    const main = exported.files[0]?.content ?? "";
    for (const type of ["aws_cognito_user_pool_ui_customization", "aws_cognito_risk_configuration", "email_mfa_configuration", "web_authn_configuration", 'aws_cognito_user_pool_domain" "custom"'])
      expect(main).toContain(type);
    expect(main).not.toContain(">= 6.");
    const init = terraform(folder, cliConfig, ["init", "-input=false", "-no-color"]);
    expect(init.stderr, "terraform init").toBe("");
    const validate = terraform(folder, cliConfig, ["validate", "-no-color"]);
    expect(validate.stdout + validate.stderr, "terraform validate").toContain("Success");
    const fmt = spawnSync("terraform", ["fmt", "-check", "-diff", folder], { encoding: "utf8" });
    expect(fmt.stdout).toBe("");
  });

  test("Terraform reads the exported branding settings back as the design's JSON", () => {
    const main = renderTerraform(DESIGN).files[0]?.content ?? "";
    const settings = /^\s*settings\s+=\s+(jsonencode\(.*\))$/mu.exec(main)?.[1];
    expect(settings).toBeDefined();
    const folder = join(work, "settings");
    mkdirSync(folder);
    writeFileSync(join(folder, "main.tf"), `output "settings" {\n  value = ${settings}\n}\n`);
    // No provider: init and apply only evaluate the output.
    expect(terraform(folder, cliConfig, ["init", "-input=false", "-no-color"]).status).toBe(0);
    const apply = terraform(folder, cliConfig, ["apply", "-auto-approve", "-input=false", "-no-color"]);
    expect(apply.stderr).toBe("");
    const output = terraform(folder, cliConfig, ["output", "-json", "settings"]);
    expect(JSON.parse(JSON.parse(output.stdout) as string)).toEqual(SETTINGS);
  });
});

describe("CloudFormation", () => {
  test("cfn-lint finds no errors in the template", () => {
    const exported = renderCloudFormation(DESIGN);
    const file = join(work, "template.yaml");
    writeFileSync(file, exported.files[0]?.content ?? "");
    for (const type of ["AWS::Cognito::ManagedLoginBranding", "AWS::Cognito::UserPoolUICustomizationAttachment", "AWS::Cognito::UserPoolRiskConfigurationAttachment", "AWS::Cognito::LogDeliveryConfiguration", "AWS::Cognito::Terms"])
      expect(exported.files[0]?.content).toContain(type);
    // cfn-lint exits 0 when clean, 2 for errors, 4 for warnings, 8 for informational (bit flags).
    const run = spawnSync("cfn-lint", ["--format", "parseable", file], { encoding: "utf8" });
    expect(run.error, "cfn-lint is not installed (python3 -m pip install cfn-lint)").toBeUndefined();
    expect(run.stdout.split("\n").filter((line) => /:[EW]\d+:/u.test(line))).toEqual([]);
    expect(run.status === null ? -1 : run.status & 2).toBe(0);
  });
});
