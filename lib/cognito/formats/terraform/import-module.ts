/**
 * Imports a `module` block calling `mineiros-io/cognito-user-pool/aws` (from the registry or its git repository):
 * the inverse of terraform-module/render-terraform-module.ts. Input names and defaults are the module's
 * (https://registry.terraform.io/modules/mineiros-io/cognito-user-pool/aws/latest, variables.tf). An input the
 * call leaves out takes the module's default, which is what the module creates, so where that default differs
 * from AWS's the document gets it; an input set to `null` is unset (AWS's default), as the export writes it.
 */
import { appClientSettingsSchema } from "../../spec/client-schema";
import { POOL_API_VERSION, POOL_KIND } from "../../spec/document-schema";
import { fromTarget } from "../shape-walk";
import type { ImportRequest, ImportedPool } from "../types";
import { TF_CLIENT_NAMING } from "./naming";
import { PoolBuilder, finishPool, lineOf, placeRepetition, providerRegion } from "./pool-builder";
import type { TfConfig } from "./terraform-config";
import type { Instance, TerraformScope } from "./terraform-scope";

type Json = Record<string, unknown>;

/** Registry address, and the module's git repository in the URL forms Terraform accepts. */
export const MINEIROS_SOURCES = [/^(registry\.terraform\.io\/)?mineiros-io\/cognito-user-pool\/aws(\/\/.*)?$/u, /github\.com[/:]mineiros-io\/terraform-aws-cognito-user-pool(\.git)?(\/\/[^?]*)?(\?.*)?$/u];

type Input = { input: string; path: string[]; moduleDefault?: unknown };

const p = (dotted: string) => dotted.split(".");

/** Inputs that map to one document field. Defaults: the module's, where they differ from AWS's. */
const SIMPLE_INPUTS: Input[] = [
  { input: "advanced_security_mode", path: p("userPoolAddOns.advancedSecurityMode") },
  { input: "alias_attributes", path: p("aliasAttributes") },
  { input: "username_attributes", path: p("usernameAttributes") },
  { input: "allow_admin_create_user_only", path: p("adminCreateUserConfig.allowAdminCreateUserOnly"), moduleDefault: true },
  { input: "invite_email_subject", path: p("adminCreateUserConfig.inviteMessageTemplate.emailSubject"), moduleDefault: "Your new account." },
  { input: "invite_email_message", path: p("adminCreateUserConfig.inviteMessageTemplate.emailMessage"), moduleDefault: "Your username is {username} and your temporary password is '{####}'." },
  { input: "invite_sms_message", path: p("adminCreateUserConfig.inviteMessageTemplate.smsMessage"), moduleDefault: "Your username is {username} and your temporary password is '{####}'." },
  { input: "auto_verified_attributes", path: p("autoVerifiedAttributes"), moduleDefault: ["email"] },
  { input: "account_recovery_mechanisms", path: p("accountRecoverySetting.recoveryMechanisms") },
  { input: "enable_username_case_sensitivity", path: p("usernameConfiguration.caseSensitive"), moduleDefault: false },
  { input: "email_sending_account", path: p("emailConfiguration.emailSendingAccount") },
  { input: "email_reply_to_address", path: p("emailConfiguration.replyToEmailAddress") },
  { input: "email_source_arn", path: p("emailConfiguration.sourceArn") },
  { input: "email_from_address", path: p("emailConfiguration.from") },
  { input: "mfa_configuration", path: p("mfaConfiguration"), moduleDefault: "OPTIONAL" },
  { input: "password_minimum_length", path: p("passwordPolicy.minimumLength"), moduleDefault: 20 },
  { input: "password_require_lowercase", path: p("passwordPolicy.requireLowercase"), moduleDefault: true },
  { input: "password_require_numbers", path: p("passwordPolicy.requireNumbers"), moduleDefault: true },
  { input: "password_require_symbols", path: p("passwordPolicy.requireSymbols"), moduleDefault: true },
  { input: "password_require_uppercase", path: p("passwordPolicy.requireUppercase"), moduleDefault: true },
  { input: "temporary_password_validity_days", path: p("passwordPolicy.temporaryPasswordValidityDays"), moduleDefault: 1 },
  { input: "allow_software_mfa_token", path: p("softwareTokenMfaConfiguration.enabled"), moduleDefault: true },
  { input: "sms_authentication_message", path: p("smsAuthenticationMessage"), moduleDefault: "Your temporary password is {####}." },
  { input: "lambda_create_auth_challenge", path: p("lambdaConfig.createAuthChallenge") },
  { input: "lambda_custom_message", path: p("lambdaConfig.customMessage") },
  { input: "lambda_define_auth_challenge", path: p("lambdaConfig.defineAuthChallenge") },
  { input: "lambda_post_authentication", path: p("lambdaConfig.postAuthentication") },
  { input: "lambda_post_confirmation", path: p("lambdaConfig.postConfirmation") },
  { input: "lambda_pre_authentication", path: p("lambdaConfig.preAuthentication") },
  { input: "lambda_pre_sign_up", path: p("lambdaConfig.preSignUp") },
  { input: "lambda_pre_token_generation", path: p("lambdaConfig.preTokenGeneration") },
  { input: "lambda_user_migration", path: p("lambdaConfig.userMigration") },
  { input: "lambda_verify_auth_challenge_response", path: p("lambdaConfig.verifyAuthChallengeResponse") },
  { input: "default_email_option", path: p("verificationMessageTemplate.defaultEmailOption") },
  { input: "email_message", path: p("verificationMessageTemplate.emailMessage"), moduleDefault: "Your verification code is {####}." },
  {
    input: "email_message_by_link",
    path: p("verificationMessageTemplate.emailMessageByLink"),
    moduleDefault: "Please click the link below to verify your email address. {##Verify Email##}.",
  },
  { input: "email_subject", path: p("verificationMessageTemplate.emailSubject"), moduleDefault: "Your Verification Code" },
  { input: "email_subject_by_link", path: p("verificationMessageTemplate.emailSubjectByLink"), moduleDefault: "Your Verification Link" },
  { input: "sms_message", path: p("verificationMessageTemplate.smsMessage"), moduleDefault: "Your verification code is {####}." },
  { input: "tags", path: p("userPoolTags") },
];

/** Inputs read by hand below, and how Terraform calls a module (not inputs). */
const OTHER_INPUTS = new Set(["name", "challenge_required_on_new_device", "user_device_tracking", "schema_attributes", "sms_configuration", "domain", "certificate_arn", "resource_servers", "clients"]);
const META = new Set(["source", "version", "providers", "count", "for_each", "depends_on"]);

function setPath(target: Json, path: readonly string[], value: unknown) {
  let at = target;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    at = (at[key] = next !== null && typeof next === "object" && !Array.isArray(next) ? next : {}) as Json;
  }
  at[path[path.length - 1]] = value;
}

const isJson = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);
const numericString = (v: unknown) => (typeof v === "number" ? String(v) : v);

function compact(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null));
}

function schemaAttribute(a: unknown): unknown {
  if (!isJson(a)) return a;
  const strings = compact({ minLength: numericString(a.min_length), maxLength: numericString(a.max_length) });
  const numbers = compact({ minValue: numericString(a.min_value), maxValue: numericString(a.max_value) });
  return compact({
    name: a.name,
    attributeDataType: a.type,
    developerOnlyAttribute: a.developer_only_attribute,
    mutable: a.mutable,
    required: a.required,
    ...(Object.keys(strings).length ? { stringAttributeConstraints: strings } : {}),
    ...(Object.keys(numbers).length ? { numberAttributeConstraints: numbers } : {}),
  });
}

function resourceServer(r: unknown): unknown {
  if (!isJson(r)) return r;
  const scopes = Array.isArray(r.scopes) ? r.scopes.map((s) => (isJson(s) ? compact({ name: s.scope_name, description: s.scope_description }) : s)) : undefined;
  // The export writes `scopes = []` for a server without scopes: the same thing.
  return compact({ identifier: r.identifier, name: r.name, ...(scopes?.length ? { scopes } : {}) });
}

/** One pool draft from a module call (one instance of it, after count / for_each). */
export function moduleDraft(scope: TerraformScope, config: TfConfig, instance: Instance, request: ImportRequest): ImportedPool {
  const b = new PoolBuilder(scope, config);
  placeRepetition(b, instance, "");
  const evaluated = b.mark(scope.evaluateBody(instance.resource.body, instance.bindings), instance.resource.body, instance.resource, []);
  const body: Json = isJson(evaluated) ? evaluated : {};
  const at = (input: string) => `${instance.resource.file} line ${lineOf(instance.resource, [input])}`;
  const spec: Json = {};

  for (const { input, path, moduleDefault } of SIMPLE_INPUTS) {
    const value = Object.hasOwn(body, input) ? body[input] : moduleDefault;
    if (value !== undefined && value !== null) setPath(spec, path, value);
  }
  // Device tracking: OFF is no device configuration; the module defaults to USER_OPT_IN and a challenge on new devices.
  const tracking = Object.hasOwn(body, "user_device_tracking") ? body.user_device_tracking : "USER_OPT_IN";
  if (tracking !== "OFF" && tracking !== null) {
    const challenge = Object.hasOwn(body, "challenge_required_on_new_device") ? body.challenge_required_on_new_device : true;
    const remembered = tracking === "USER_OPT_IN" ? true : tracking === "ALWAYS" ? false : tracking;
    spec.deviceConfiguration = compact({ challengeRequiredOnNewDevice: challenge, deviceOnlyRememberedOnUserPrompt: remembered });
  }
  if (Array.isArray(body.schema_attributes)) spec.schemaAttributes = body.schema_attributes.map(schemaAttribute);
  else if (typeof body.schema_attributes === "string") spec.schemaAttributes = body.schema_attributes;
  if (isJson(body.sms_configuration)) spec.smsConfiguration = compact({ externalId: body.sms_configuration.external_id, snsCallerArn: body.sms_configuration.sns_caller_arn });
  else if (typeof body.sms_configuration === "string") spec.smsConfiguration = body.sms_configuration;
  if (body.domain !== undefined && body.domain !== null) spec.domain = compact({ domain: body.domain, certificateArn: body.certificate_arn });
  if (Array.isArray(body.resource_servers)) spec.resourceServers = body.resource_servers.map(resourceServer);
  else if (typeof body.resource_servers === "string") spec.resourceServers = body.resource_servers;

  const naming = { ...TF_CLIENT_NAMING, objectsAsBlocks: false };
  const convertClient = (settings: Json, where: string): Json => {
    const diagnostics: Parameters<typeof fromTarget>[2]["diagnostics"] = [];
    const out = fromTarget(appClientSettingsSchema, settings, { naming, diagnostics, where }) as Json;
    for (const d of diagnostics) b.diagnostics.push({ ...d, message: `${d.message} (${at(where.includes("clients") ? "clients" : where.split(".").pop() ?? "")})` });
    return isJson(out) ? out : {};
  };
  const defaults: Json = {};
  for (const [key, value] of Object.entries(body)) if (key.startsWith("default_client_") && value !== null) defaults[key.slice("default_client_".length)] = value;
  // The module's own default refresh token validity (30 days) is AWS's too: only a different one is a client default.
  if (defaults.refresh_token_validity === 30 && !Object.hasOwn(body, "default_client_refresh_token_validity")) delete defaults.refresh_token_validity;
  if (Object.keys(defaults).length) spec.clientDefaults = convertClient(defaults, `module.${instance.resource.label}.default_client`);
  if (Array.isArray(body.clients))
    spec.clients = body.clients.map((c, i) => {
      if (!isJson(c)) return c;
      const { name, ...settings } = c;
      return { name, ...convertClient(settings, `module.${instance.resource.label}.clients[${i}]`) };
    });
  else if (typeof body.clients === "string") spec.clients = body.clients;

  for (const key of Object.keys(body)) {
    if (META.has(key) || OTHER_INPUTS.has(key) || key.startsWith("default_client_") || SIMPLE_INPUTS.some((i) => i.input === key)) continue;
    if (key === "module_enabled") {
      if (body.module_enabled === false) b.warn("module-disabled", `${instance.address}: module_enabled = false, so the module creates nothing; the pool was imported as written (${at(key)})`);
      continue;
    }
    b.warn("not-in-model", `${instance.address}.${key} is not an input of the mineiros cognito-user-pool module the studio reads, or has no place in the pool model; it was not imported (${at(key)})`);
  }

  const region = providerRegion(b, instance);
  const known = region !== undefined && !b.gaps.gapOf(region) ? region : undefined;
  const chosenRegion = known ?? request.region ?? region;
  const draft: Json = {
    apiVersion: POOL_API_VERSION,
    kind: POOL_KIND,
    metadata: body.name === undefined ? {} : { name: body.name },
    spec: { ...(chosenRegion !== undefined ? { region: chosenRegion } : {}), ...spec },
  };
  return finishPool(instance.address, draft, b, config);
}
