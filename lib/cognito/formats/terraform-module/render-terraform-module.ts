/**
 * Exports a pool document as one `module` block of `mineiros-io/cognito-user-pool/aws`, with the
 * module's input names (its variables.tf and examples/, https://github.com/mineiros-io/terraform-aws-cognito-user-pool). The module
 * predates several Cognito features (deletion protection, the pool tier, sign-in policy, email MFA,
 * passkeys…): each one the document sets is a warning and a comment in the file.
 *
 * The module's defaults are not AWS's (it defaults to admin-only sign-up, MFA OPTIONAL, TOTP on, a 20-character
 * password, …). A field the document leaves unset means "AWS default", so such inputs are written with AWS's
 * default value. Never `null`: the module branches on several inputs (`for_each = var.allow_software_mfa_token ?
 * …`, `upper(var.user_device_tracking)`) and passes others to required arguments (`case_sensitive`), where null
 * fails `terraform plan`. The module's message templates have no value that means "AWS's text": they are left
 * out, so the module's own text applies, and a warning says so. Parsing this format back is not implemented.
 */
import { appClientSettingsSchema, type AppClientSettings } from "../../spec/client-schema";
import { type Diagnostic, warning } from "../../spec/diagnostics";
import type { PoolDocument } from "../../spec/document-schema";
import type { PoolSpec } from "../../spec/pool-schema";
import { compactOrUndefined, describeError, terraformSmsMfaWarnings } from "../common";
import { toTarget } from "../shape-walk";
import { type HclNode, type HclValue, attr, blank, block, comment, renderHcl } from "../terraform/hcl";
import { TF_CLIENT_NAMING } from "../terraform/naming";
import type { ExportResult } from "../types";

export const MINEIROS_SOURCE = "mineiros-io/cognito-user-pool/aws";
export const MINEIROS_VERSION = "~> 0.9.0";

type Input = {
  input: string;
  value: (spec: PoolSpec) => unknown;
  /** The module's default when it differs from AWS's (the module's variables.tf). */
  moduleDefault?: string;
  /**
   * What AWS does when the document leaves the field unset, written in its place so the module's default does
   * not apply (API reference: CreateUserPool, PasswordPolicyType, UsernameConfigurationType). Absent for the
   * message templates, whose AWS text has no input value: the module's text applies (a warning).
   */
  awsDefault?: HclValue;
};

/** Pool-level inputs of the module, in the order of its variables.tf. */
const POOL_INPUTS: Input[] = [
  { input: "advanced_security_mode", value: (s) => s.userPoolAddOns?.advancedSecurityMode },
  { input: "alias_attributes", value: (s) => s.aliasAttributes },
  { input: "username_attributes", value: (s) => s.usernameAttributes },
  { input: "allow_admin_create_user_only", value: (s) => s.adminCreateUserConfig?.allowAdminCreateUserOnly, moduleDefault: "true", awsDefault: false },
  { input: "invite_email_subject", value: (s) => s.adminCreateUserConfig?.inviteMessageTemplate?.emailSubject, moduleDefault: '"Your new account."' },
  { input: "invite_email_message", value: (s) => s.adminCreateUserConfig?.inviteMessageTemplate?.emailMessage, moduleDefault: "a fixed template" },
  { input: "invite_sms_message", value: (s) => s.adminCreateUserConfig?.inviteMessageTemplate?.smsMessage, moduleDefault: "a fixed template" },
  { input: "auto_verified_attributes", value: (s) => s.autoVerifiedAttributes, moduleDefault: '["email"]', awsDefault: [] },
  { input: "account_recovery_mechanisms", value: (s) => s.accountRecoverySetting?.recoveryMechanisms },
  { input: "challenge_required_on_new_device", value: (s) => (s.deviceConfiguration ? s.deviceConfiguration.challengeRequiredOnNewDevice : undefined) },
  {
    input: "user_device_tracking",
    // OFF / ALWAYS / USER_OPT_IN; no device configuration is OFF in AWS, the module defaults to USER_OPT_IN.
    value: (s) => (s.deviceConfiguration ? (s.deviceConfiguration.deviceOnlyRememberedOnUserPrompt ? "USER_OPT_IN" : "ALWAYS") : "OFF"),
  },
  // UsernameConfigurationType.CaseSensitive: "True … This is the default value" when the configuration is left out.
  { input: "enable_username_case_sensitivity", value: (s) => s.usernameConfiguration?.caseSensitive, moduleDefault: "false", awsDefault: true },
  { input: "email_sending_account", value: (s) => s.emailConfiguration?.emailSendingAccount },
  { input: "email_reply_to_address", value: (s) => s.emailConfiguration?.replyToEmailAddress },
  { input: "email_source_arn", value: (s) => s.emailConfiguration?.sourceArn },
  { input: "email_from_address", value: (s) => s.emailConfiguration?.from },
  { input: "mfa_configuration", value: (s) => s.mfaConfiguration, moduleDefault: '"OPTIONAL"', awsDefault: "OFF" },
  // PasswordPolicyType: 8 characters and 7 days when no policy is given (the other requirements default to true in both).
  { input: "password_minimum_length", value: (s) => s.passwordPolicy?.minimumLength, moduleDefault: "20", awsDefault: 8 },
  { input: "password_require_lowercase", value: (s) => s.passwordPolicy?.requireLowercase },
  { input: "password_require_numbers", value: (s) => s.passwordPolicy?.requireNumbers },
  { input: "password_require_symbols", value: (s) => s.passwordPolicy?.requireSymbols },
  { input: "password_require_uppercase", value: (s) => s.passwordPolicy?.requireUppercase },
  { input: "temporary_password_validity_days", value: (s) => s.passwordPolicy?.temporaryPasswordValidityDays, moduleDefault: "1", awsDefault: 7 },
  { input: "allow_software_mfa_token", value: (s) => s.softwareTokenMfaConfiguration?.enabled, moduleDefault: "true", awsDefault: false },
  { input: "sms_authentication_message", value: (s) => s.smsAuthenticationMessage, moduleDefault: "a fixed template" },
  { input: "lambda_create_auth_challenge", value: (s) => s.lambdaConfig?.createAuthChallenge },
  { input: "lambda_custom_message", value: (s) => s.lambdaConfig?.customMessage },
  { input: "lambda_define_auth_challenge", value: (s) => s.lambdaConfig?.defineAuthChallenge },
  { input: "lambda_post_authentication", value: (s) => s.lambdaConfig?.postAuthentication },
  { input: "lambda_post_confirmation", value: (s) => s.lambdaConfig?.postConfirmation },
  { input: "lambda_pre_authentication", value: (s) => s.lambdaConfig?.preAuthentication },
  { input: "lambda_pre_sign_up", value: (s) => s.lambdaConfig?.preSignUp },
  { input: "lambda_pre_token_generation", value: (s) => s.lambdaConfig?.preTokenGeneration },
  { input: "lambda_user_migration", value: (s) => s.lambdaConfig?.userMigration },
  { input: "lambda_verify_auth_challenge_response", value: (s) => s.lambdaConfig?.verifyAuthChallengeResponse },
  {
    input: "schema_attributes",
    value: (s) =>
      s.schemaAttributes?.map((a) =>
        compactOrUndefined({
          name: a.name,
          type: a.attributeDataType,
          developer_only_attribute: a.developerOnlyAttribute,
          mutable: a.mutable,
          required: a.required,
          min_length: numeric(a.stringAttributeConstraints?.minLength),
          max_length: numeric(a.stringAttributeConstraints?.maxLength),
          min_value: numeric(a.numberAttributeConstraints?.minValue),
          max_value: numeric(a.numberAttributeConstraints?.maxValue),
        }),
      ),
  },
  { input: "sms_configuration", value: (s) => (s.smsConfiguration ? { external_id: s.smsConfiguration.externalId ?? null, sns_caller_arn: s.smsConfiguration.snsCallerArn } : undefined) },
  { input: "default_email_option", value: (s) => s.verificationMessageTemplate?.defaultEmailOption },
  { input: "email_message", value: (s) => s.verificationMessageTemplate?.emailMessage, moduleDefault: "a fixed template" },
  { input: "email_message_by_link", value: (s) => s.verificationMessageTemplate?.emailMessageByLink, moduleDefault: "a fixed template" },
  { input: "email_subject", value: (s) => s.verificationMessageTemplate?.emailSubject, moduleDefault: '"Your Verification Code"' },
  { input: "email_subject_by_link", value: (s) => s.verificationMessageTemplate?.emailSubjectByLink, moduleDefault: '"Your Verification Link"' },
  { input: "sms_message", value: (s) => s.verificationMessageTemplate?.smsMessage, moduleDefault: "a fixed template" },
  { input: "tags", value: (s) => s.userPoolTags },
  { input: "domain", value: (s) => s.domain?.domain },
  { input: "certificate_arn", value: (s) => s.domain?.certificateArn },
  {
    input: "resource_servers",
    value: (s) =>
      s.resourceServers?.map((r) => ({
        identifier: r.identifier,
        name: r.name,
        scopes: (r.scopes ?? []).map((scope) => ({ scope_name: scope.name, scope_description: scope.description })),
      })),
  },
];

/** What the module has no input for: spec path → value (warning + comment when set). */
const NOT_EXPRESSIBLE: [string, (doc: PoolDocument) => unknown][] = [
  // the module's variables.tf has no group or identity provider input; the plain Terraform export writes
  // aws_cognito_user_group / aws_cognito_identity_provider, which can sit next to the module.
  ["spec.groups", (d) => d.spec.groups],
  ["spec.identityProviders", (d) => d.spec.identityProviders],
  // No risk configuration or log delivery input either: aws_cognito_risk_configuration can sit next to the module.
  ["spec.riskConfiguration", (d) => d.spec.riskConfiguration],
  ["spec.logDeliveryConfiguration", (d) => d.spec.logDeliveryConfiguration],
  // Terms documents: neither the module nor the AWS provider (5.100) has a resource for them.
  // An empty list ("this pool has none") is a setting too: dropping it unsaid would read back as not managed.
  ["spec.terms", (d) => d.spec.terms],
  // Nor for branding: the plain Terraform export writes aws_cognito_managed_login_branding and
  // aws_cognito_user_pool_ui_customization.
  ["spec.managedLoginBranding", (d) => d.spec.managedLoginBranding],
  ["spec.uiCustomizations", (d) => d.spec.uiCustomizations],
  ["spec.deletionProtection", (d) => d.spec.deletionProtection],
  ["spec.userPoolTier", (d) => d.spec.userPoolTier],
  ["spec.signInPolicy", (d) => d.spec.signInPolicy],
  ["spec.emailMfaConfiguration", (d) => d.spec.emailMfaConfiguration],
  ["spec.webAuthnConfiguration", (d) => d.spec.webAuthnConfiguration],
  // The module's `domain` and `certificate_arn` inputs make one domain; a second one is not an input.
  ["spec.customDomain", (d) => d.spec.customDomain],
  ["spec.userAttributeUpdateSettings", (d) => d.spec.userAttributeUpdateSettings],
  ["spec.passwordPolicy.passwordHistorySize", (d) => d.spec.passwordPolicy?.passwordHistorySize],
  ["spec.userPoolAddOns.advancedSecurityAdditionalFlows", (d) => d.spec.userPoolAddOns?.advancedSecurityAdditionalFlows],
  ["spec.emailConfiguration.configurationSet", (d) => d.spec.emailConfiguration?.configurationSet],
  ["spec.smsConfiguration.snsRegion", (d) => d.spec.smsConfiguration?.snsRegion],
  ["spec.lambdaConfig.preTokenGenerationConfig", (d) => d.spec.lambdaConfig?.preTokenGenerationConfig],
  ["spec.lambdaConfig.customSmsSender", (d) => d.spec.lambdaConfig?.customSmsSender],
  ["spec.lambdaConfig.customEmailSender", (d) => d.spec.lambdaConfig?.customEmailSender],
  ["spec.lambdaConfig.kmsKeyId", (d) => d.spec.lambdaConfig?.kmsKeyId],
  ["spec.lambdaConfig.inboundFederation", (d) => d.spec.lambdaConfig?.inboundFederation],
  ["spec.domain.managedLoginVersion", (d) => d.spec.domain?.managedLoginVersion],
  ["metadata.labels", (d) => (d.metadata.labels && Object.keys(d.metadata.labels).length ? d.metadata.labels : undefined)],
];

/**
 * Client settings the module's `clients` objects read: the keys its `local.clients` looks up (main.tf of the
 * module's 0.9 release). Its README also lists analytics_configuration, which main.tf never reads: a client's
 * analytics configuration would be dropped without a word, so it is reported as not exported instead.
 */
const CLIENT_KEYS = new Set([
  "access_token_validity",
  "allowed_oauth_flows_user_pool_client",
  "allowed_oauth_flows",
  "allowed_oauth_scopes",
  "callback_urls",
  "default_redirect_uri",
  "enable_token_revocation",
  "explicit_auth_flows",
  "generate_secret",
  "id_token_validity",
  "logout_urls",
  "prevent_user_existence_errors",
  "read_attributes",
  "refresh_token_validity",
  "supported_identity_providers",
  "token_validity_units",
  "write_attributes",
]);

/** `auth_session_validity` → `authSessionValidity`: the document's name of a client argument. */
function camelCase(key: string): string {
  return key.replace(/_([a-z])/gu, (_, c: string) => c.toUpperCase());
}

function numeric(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

function clientObject(settings: AppClientSettings, allowed: ReadonlySet<string>, path: string, diagnostics: Diagnostic[]): Record<string, unknown> {
  const target = toTarget(appClientSettingsSchema, settings, { ...TF_CLIENT_NAMING, objectsAsBlocks: false }) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // The module passes token_validity_units through with null for a unit not given, which the provider reads as
  // no unit: a 30-day refresh token becomes "0s" and the apply fails. Every unit is written (AWS's defaults).
  const units = target.token_validity_units as Record<string, unknown> | undefined;
  if (units) target.token_validity_units = { access_token: "hours", id_token: "hours", refresh_token: "days", ...units };
  for (const [key, value] of Object.entries(target)) {
    if (allowed.has(key)) out[key] = value;
    else diagnostics.push(warning(`${path}.${camelCase(key)}`, "not-expressible", `the mineiros module has no ${key} for clients; it is not exported`));
  }
  return out;
}

/** The name the module gives a client: its `clients` map key, `replace(lower(name), "/[^a-z0-9]/", "-")`. */
export function moduleClientName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/gu, "-");
}

/** A warning per client whose name the module changes, and per pair it merges into one key. */
function clientNameWarnings(names: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const given = moduleClientName(name);
    if (given !== name) out.push(warning(`spec.clients[${i}].name`, "renamed-by-format", `the mineiros module names this client "${given}", not "${name}" (it lower-cases names and turns other characters into "-")`));
    const first = seen.get(given);
    if (first !== undefined) out.push(warning(`spec.clients[${i}].name`, "not-expressible", `the mineiros module names this client and spec.clients[${first}] both "${given}": only one of them is created`));
    else seen.set(given, i);
  });
  return out;
}

function render(doc: PoolDocument): ExportResult {
  const spec = doc.spec;
  const diagnostics: Diagnostic[] = [];
  const missing = NOT_EXPRESSIBLE.filter(([, get]) => get(doc) !== undefined).map(([path]) => path);
  for (const path of missing) diagnostics.push(warning(path, "not-expressible", `the mineiros cognito-user-pool module (${MINEIROS_VERSION}) has no input for ${path}; it is not exported`));
  diagnostics.push(...terraformSmsMfaWarnings(spec, "The mineiros module"));
  if (spec.smsConfiguration && spec.smsConfiguration.externalId === undefined)
    diagnostics.push(warning("spec.smsConfiguration.externalId", "required-by-format", "the module's sms_configuration requires external_id; set it before applying"));

  const body: HclNode[] = [attr("source", MINEIROS_SOURCE), attr("version", MINEIROS_VERSION), blank, attr("name", doc.metadata.name)];
  const awsDefaults: string[] = [];
  const moduleTexts: string[] = [];
  for (const input of POOL_INPUTS) {
    const value = input.value(spec) as HclValue | undefined;
    if (value !== undefined) body.push(attr(input.input, value));
    else if (input.moduleDefault === undefined) continue;
    else if (input.awsDefault !== undefined) {
      awsDefaults.push(`${input.input} (module default ${input.moduleDefault})`);
      body.push(attr(input.input, input.awsDefault));
    } else moduleTexts.push(input.input);
  }
  if (moduleTexts.length)
    diagnostics.push(
      warning("spec", "module-default", `the mineiros module writes its own message texts where the design keeps AWS's (${moduleTexts.join(", ")}); set them in the design to choose the text`),
    );
  if (spec.usernameAttributes === undefined && spec.aliasAttributes === undefined) {
    // The module signs people in by email or preferred_username when neither input is given (its
    // local.alias_attributes), a setting that cannot change after the pool is created. An empty list
    // keeps AWS's default: sign-in by username only.
    body.push(attr("alias_attributes", []));
  }
  if (spec.clientDefaults) {
    const defaults = clientObject(spec.clientDefaults, CLIENT_KEYS, "spec.clientDefaults", diagnostics);
    for (const [key, value] of Object.entries(defaults)) body.push(attr(`default_client_${key}`, value as HclValue));
  }
  if (spec.clients) {
    diagnostics.push(...clientNameWarnings(spec.clients.map((c) => c.name)));
    const clients = spec.clients.map(({ name, ...settings }, i) => ({ name, ...clientObject(settings, CLIENT_KEYS, `spec.clients[${i}]`, diagnostics) }));
    body.push(attr("clients", clients as HclValue));
  }

  const header: HclNode[] = [comment(`User pool "${doc.metadata.name}", exported by Cognito Studio for the ${MINEIROS_SOURCE} module.`)];
  if (awsDefaults.length)
    header.push(comment(["Unset in the design, so written with AWS's default (the module's own default differs):", ...awsDefaults.map((n) => `  ${n}`)].join("\n")));
  if (moduleTexts.length) header.push(comment(["Unset in the design; the module's own text applies, not AWS's:", ...moduleTexts.map((n) => `  ${n}`)].join("\n")));
  if (missing.length) header.push(comment(["Not exported: the module has no input for", ...missing.map((m) => `  ${m}`)].join("\n")));
  // A design without a Region gets no provider block: the caller's aws provider configuration gives it.
  const provider: HclNode[] = spec.region === undefined ? [] : [block("provider", ["aws"], [attr("region", spec.region)]), blank];
  const nodes: HclNode[] = [...header, blank, ...provider, block("module", ["cognito_user_pool"], body)];
  return { files: [{ path: "main.tf", content: renderHcl(nodes) }], diagnostics };
}

/** Renders `doc` as a mineiros cognito-user-pool module call (main.tf). Never throws. */
export function renderTerraformModule(doc: PoolDocument): ExportResult {
  try {
    return render(doc);
  } catch (cause) {
    return { files: [], diagnostics: [{ severity: "error", path: "", code: "internal-error", message: `the Terraform module export failed: ${describeError(cause)}` }] };
  }
}
