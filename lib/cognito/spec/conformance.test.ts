/**
 * Conformance with the AWS API model: reads the vendored test/fixtures/reference/aws-cognito-identity-provider.smithy.json and checks
 * that every member the studio sends is mapped to a field of our schema whose constraints are at least as strict
 * as the model's (lengths, item counts, ranges, enums, required), and that random valid documents only produce
 * values that satisfy the model's patterns. A member of the create/update calls that is neither mapped nor
 * explicitly excluded fails the test, so a forgotten constraint is caught.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { poolDocumentSchema } from "./document-schema";
import { boundsOf, schemaAt } from "./schema-introspection";
import { poolDocumentArbitrary } from "@/test/support/pool-arbitraries";

const here = path.dirname(fileURLToPath(import.meta.url));
const candidates = [
  process.env.COGNITO_REFERENCE_DIR && path.join(process.env.COGNITO_REFERENCE_DIR, "aws-cognito-identity-provider.smithy.json"),
  path.resolve(here, "../../../test/fixtures/reference/aws-cognito-identity-provider.smithy.json"),
].filter((p): p is string => Boolean(p));
const modelPath = candidates.find((p) => existsSync(p));

const NS = "com.amazonaws.cognitoidentityprovider#";
interface Shape {
  type: string;
  members?: Record<string, { target: string; traits?: Record<string, unknown> }>;
  member?: { target: string };
  key?: { target: string };
  value?: { target: string };
  traits?: Record<string, unknown>;
}
interface Constraint {
  shape: Shape;
  shapeName: string;
  memberTraits: Record<string, unknown>;
}

function loadShapes(): Record<string, Shape> {
  if (!modelPath)
    throw new Error(`AWS API model not found; looked in:\n  ${candidates.join("\n  ")}\nSet COGNITO_REFERENCE_DIR or restore test/fixtures/reference/.`);
  return (JSON.parse(readFileSync(modelPath, "utf8")) as { shapes: Record<string, Shape> }).shapes;
}

/** Resolves `CreateUserPoolRequest.Policies.PasswordPolicy.MinimumLength`, with `[]` for list items and `{key}`/`{value}`. */
function resolve(shapes: Record<string, Shape>, memberPath: string): Constraint {
  const [root, ...parts] = memberPath.split(".");
  let shapeName = NS + root;
  let memberTraits: Record<string, unknown> = {};
  for (const raw of parts) {
    const [name, ...suffixes] = raw.split(/(?=\[\]|\{key\}|\{value\})/u);
    const shape = shapes[shapeName];
    const member = shape?.members?.[name];
    if (!member) throw new Error(`${memberPath}: no member ${name} in ${shapeName}`);
    shapeName = member.target;
    memberTraits = member.traits ?? {};
    for (const suffix of suffixes) {
      const container = shapes[shapeName];
      const next = suffix === "[]" ? container.member : suffix === "{key}" ? container.key : container.value;
      if (!next) throw new Error(`${memberPath}: ${shapeName} has no ${suffix}`);
      shapeName = next.target;
      memberTraits = {};
    }
  }
  return { shape: shapes[shapeName] ?? { type: shapeName.replace("smithy.api#", "").toLowerCase() }, shapeName, memberTraits };
}

/** Our document path (`spec.clients[].name`, `{}` = map values, `{key}` = map keys) → Smithy member path. */
const MAPPING: [string, string][] = [
  ["metadata.name", "CreateUserPoolRequest.PoolName"],
  ["spec.passwordPolicy.minimumLength", "CreateUserPoolRequest.Policies.PasswordPolicy.MinimumLength"],
  ["spec.passwordPolicy.requireUppercase", "CreateUserPoolRequest.Policies.PasswordPolicy.RequireUppercase"],
  ["spec.passwordPolicy.requireLowercase", "CreateUserPoolRequest.Policies.PasswordPolicy.RequireLowercase"],
  ["spec.passwordPolicy.requireNumbers", "CreateUserPoolRequest.Policies.PasswordPolicy.RequireNumbers"],
  ["spec.passwordPolicy.requireSymbols", "CreateUserPoolRequest.Policies.PasswordPolicy.RequireSymbols"],
  ["spec.passwordPolicy.passwordHistorySize", "CreateUserPoolRequest.Policies.PasswordPolicy.PasswordHistorySize"],
  ["spec.passwordPolicy.temporaryPasswordValidityDays", "CreateUserPoolRequest.Policies.PasswordPolicy.TemporaryPasswordValidityDays"],
  ["spec.signInPolicy.allowedFirstAuthFactors", "CreateUserPoolRequest.Policies.SignInPolicy.AllowedFirstAuthFactors"],
  ["spec.signInPolicy.allowedFirstAuthFactors[]", "CreateUserPoolRequest.Policies.SignInPolicy.AllowedFirstAuthFactors[]"],
  ["spec.deletionProtection", "CreateUserPoolRequest.DeletionProtection"],
  ...[
    "preSignUp:PreSignUp", "customMessage:CustomMessage", "postConfirmation:PostConfirmation", "preAuthentication:PreAuthentication",
    "postAuthentication:PostAuthentication", "defineAuthChallenge:DefineAuthChallenge", "createAuthChallenge:CreateAuthChallenge",
    "verifyAuthChallengeResponse:VerifyAuthChallengeResponse", "preTokenGeneration:PreTokenGeneration", "userMigration:UserMigration",
    "kmsKeyId:KMSKeyID", "preTokenGenerationConfig.lambdaVersion:PreTokenGenerationConfig.LambdaVersion",
    "preTokenGenerationConfig.lambdaArn:PreTokenGenerationConfig.LambdaArn", "customSmsSender.lambdaVersion:CustomSMSSender.LambdaVersion",
    "customSmsSender.lambdaArn:CustomSMSSender.LambdaArn", "customEmailSender.lambdaVersion:CustomEmailSender.LambdaVersion",
    "customEmailSender.lambdaArn:CustomEmailSender.LambdaArn", "inboundFederation.lambdaVersion:InboundFederation.LambdaVersion",
    "inboundFederation.lambdaArn:InboundFederation.LambdaArn",
  ].map((pair): [string, string] => {
    const [ours, theirs] = pair.split(":");
    return [`spec.lambdaConfig.${ours}`, `CreateUserPoolRequest.LambdaConfig.${theirs}`];
  }),
  ["spec.autoVerifiedAttributes[]", "CreateUserPoolRequest.AutoVerifiedAttributes[]"],
  ["spec.aliasAttributes[]", "CreateUserPoolRequest.AliasAttributes[]"],
  ["spec.usernameAttributes[]", "CreateUserPoolRequest.UsernameAttributes[]"],
  ["spec.verificationMessageTemplate.smsMessage", "CreateUserPoolRequest.VerificationMessageTemplate.SmsMessage"],
  ["spec.verificationMessageTemplate.emailMessage", "CreateUserPoolRequest.VerificationMessageTemplate.EmailMessage"],
  ["spec.verificationMessageTemplate.emailSubject", "CreateUserPoolRequest.VerificationMessageTemplate.EmailSubject"],
  ["spec.verificationMessageTemplate.emailMessageByLink", "CreateUserPoolRequest.VerificationMessageTemplate.EmailMessageByLink"],
  ["spec.verificationMessageTemplate.emailSubjectByLink", "CreateUserPoolRequest.VerificationMessageTemplate.EmailSubjectByLink"],
  ["spec.verificationMessageTemplate.defaultEmailOption", "CreateUserPoolRequest.VerificationMessageTemplate.DefaultEmailOption"],
  ["spec.smsAuthenticationMessage", "CreateUserPoolRequest.SmsAuthenticationMessage"],
  ["spec.mfaConfiguration", "CreateUserPoolRequest.MfaConfiguration"],
  ["spec.userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdate[]", "CreateUserPoolRequest.UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate[]"],
  ["spec.deviceConfiguration.challengeRequiredOnNewDevice", "CreateUserPoolRequest.DeviceConfiguration.ChallengeRequiredOnNewDevice"],
  ["spec.deviceConfiguration.deviceOnlyRememberedOnUserPrompt", "CreateUserPoolRequest.DeviceConfiguration.DeviceOnlyRememberedOnUserPrompt"],
  ["spec.emailConfiguration.sourceArn", "CreateUserPoolRequest.EmailConfiguration.SourceArn"],
  ["spec.emailConfiguration.replyToEmailAddress", "CreateUserPoolRequest.EmailConfiguration.ReplyToEmailAddress"],
  ["spec.emailConfiguration.emailSendingAccount", "CreateUserPoolRequest.EmailConfiguration.EmailSendingAccount"],
  ["spec.emailConfiguration.from", "CreateUserPoolRequest.EmailConfiguration.From"],
  ["spec.emailConfiguration.configurationSet", "CreateUserPoolRequest.EmailConfiguration.ConfigurationSet"],
  ["spec.smsConfiguration.snsCallerArn", "CreateUserPoolRequest.SmsConfiguration.SnsCallerArn"],
  ["spec.smsConfiguration.externalId", "CreateUserPoolRequest.SmsConfiguration.ExternalId"],
  ["spec.smsConfiguration.snsRegion", "CreateUserPoolRequest.SmsConfiguration.SnsRegion"],
  ["spec.userPoolTags{key}", "CreateUserPoolRequest.UserPoolTags{key}"],
  ["spec.userPoolTags{}", "CreateUserPoolRequest.UserPoolTags{value}"],
  ["spec.adminCreateUserConfig.allowAdminCreateUserOnly", "CreateUserPoolRequest.AdminCreateUserConfig.AllowAdminCreateUserOnly"],
  ["spec.adminCreateUserConfig.inviteMessageTemplate.smsMessage", "CreateUserPoolRequest.AdminCreateUserConfig.InviteMessageTemplate.SMSMessage"],
  ["spec.adminCreateUserConfig.inviteMessageTemplate.emailMessage", "CreateUserPoolRequest.AdminCreateUserConfig.InviteMessageTemplate.EmailMessage"],
  ["spec.adminCreateUserConfig.inviteMessageTemplate.emailSubject", "CreateUserPoolRequest.AdminCreateUserConfig.InviteMessageTemplate.EmailSubject"],
  ["spec.schemaAttributes", "CreateUserPoolRequest.Schema"],
  ["spec.schemaAttributes[].name", "CreateUserPoolRequest.Schema[].Name"],
  ["spec.schemaAttributes[].attributeDataType", "CreateUserPoolRequest.Schema[].AttributeDataType"],
  ["spec.schemaAttributes[].developerOnlyAttribute", "CreateUserPoolRequest.Schema[].DeveloperOnlyAttribute"],
  ["spec.schemaAttributes[].mutable", "CreateUserPoolRequest.Schema[].Mutable"],
  ["spec.schemaAttributes[].required", "CreateUserPoolRequest.Schema[].Required"],
  ["spec.schemaAttributes[].numberAttributeConstraints.minValue", "CreateUserPoolRequest.Schema[].NumberAttributeConstraints.MinValue"],
  ["spec.schemaAttributes[].numberAttributeConstraints.maxValue", "CreateUserPoolRequest.Schema[].NumberAttributeConstraints.MaxValue"],
  ["spec.schemaAttributes[].stringAttributeConstraints.minLength", "CreateUserPoolRequest.Schema[].StringAttributeConstraints.MinLength"],
  ["spec.schemaAttributes[].stringAttributeConstraints.maxLength", "CreateUserPoolRequest.Schema[].StringAttributeConstraints.MaxLength"],
  ["spec.userPoolAddOns.advancedSecurityMode", "CreateUserPoolRequest.UserPoolAddOns.AdvancedSecurityMode"],
  ["spec.userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode", "CreateUserPoolRequest.UserPoolAddOns.AdvancedSecurityAdditionalFlows.CustomAuthMode"],
  ["spec.usernameConfiguration.caseSensitive", "CreateUserPoolRequest.UsernameConfiguration.CaseSensitive"],
  ["spec.accountRecoverySetting.recoveryMechanisms", "CreateUserPoolRequest.AccountRecoverySetting.RecoveryMechanisms"],
  ["spec.accountRecoverySetting.recoveryMechanisms[].priority", "CreateUserPoolRequest.AccountRecoverySetting.RecoveryMechanisms[].Priority"],
  ["spec.accountRecoverySetting.recoveryMechanisms[].name", "CreateUserPoolRequest.AccountRecoverySetting.RecoveryMechanisms[].Name"],
  ["spec.userPoolTier", "CreateUserPoolRequest.UserPoolTier"],
  ["spec.softwareTokenMfaConfiguration.enabled", "SetUserPoolMfaConfigRequest.SoftwareTokenMfaConfiguration.Enabled"],
  ["spec.emailMfaConfiguration.message", "SetUserPoolMfaConfigRequest.EmailMfaConfiguration.Message"],
  ["spec.emailMfaConfiguration.subject", "SetUserPoolMfaConfigRequest.EmailMfaConfiguration.Subject"],
  ["spec.webAuthnConfiguration.relyingPartyId", "SetUserPoolMfaConfigRequest.WebAuthnConfiguration.RelyingPartyId"],
  ["spec.webAuthnConfiguration.userVerification", "SetUserPoolMfaConfigRequest.WebAuthnConfiguration.UserVerification"],
  ...(["clients[]", "clientDefaults"] as const).flatMap((base): [string, string][] =>
    [
      ["generateSecret", "GenerateSecret"], ["refreshTokenValidity", "RefreshTokenValidity"], ["accessTokenValidity", "AccessTokenValidity"],
      ["idTokenValidity", "IdTokenValidity"], ["tokenValidityUnits.accessToken", "TokenValidityUnits.AccessToken"],
      ["tokenValidityUnits.idToken", "TokenValidityUnits.IdToken"], ["tokenValidityUnits.refreshToken", "TokenValidityUnits.RefreshToken"],
      ["readAttributes[]", "ReadAttributes[]"], ["writeAttributes[]", "WriteAttributes[]"], ["explicitAuthFlows[]", "ExplicitAuthFlows[]"],
      ["supportedIdentityProviders[]", "SupportedIdentityProviders[]"], ["callbackUrls", "CallbackURLs"], ["callbackUrls[]", "CallbackURLs[]"],
      ["logoutUrls", "LogoutURLs"], ["logoutUrls[]", "LogoutURLs[]"], ["defaultRedirectUri", "DefaultRedirectURI"],
      ["allowedOAuthFlows", "AllowedOAuthFlows"], ["allowedOAuthFlows[]", "AllowedOAuthFlows[]"], ["allowedOAuthScopes", "AllowedOAuthScopes"],
      ["allowedOAuthScopes[]", "AllowedOAuthScopes[]"], ["allowedOAuthFlowsUserPoolClient", "AllowedOAuthFlowsUserPoolClient"],
      ["analyticsConfiguration.applicationId", "AnalyticsConfiguration.ApplicationId"], ["analyticsConfiguration.applicationArn", "AnalyticsConfiguration.ApplicationArn"],
      ["analyticsConfiguration.roleArn", "AnalyticsConfiguration.RoleArn"], ["analyticsConfiguration.externalId", "AnalyticsConfiguration.ExternalId"],
      ["analyticsConfiguration.userDataShared", "AnalyticsConfiguration.UserDataShared"], ["preventUserExistenceErrors", "PreventUserExistenceErrors"],
      ["enableTokenRevocation", "EnableTokenRevocation"], ["enablePropagateAdditionalUserContextData", "EnablePropagateAdditionalUserContextData"],
      ["authSessionValidity", "AuthSessionValidity"], ["refreshTokenRotation.feature", "RefreshTokenRotation.Feature"],
      ["refreshTokenRotation.retryGracePeriodSeconds", "RefreshTokenRotation.RetryGracePeriodSeconds"],
    ].map(([ours, theirs]) => [`spec.${base}.${ours}`, `CreateUserPoolClientRequest.${theirs}`]),
  ),
  ["spec.clients[].name", "CreateUserPoolClientRequest.ClientName"],
  ["spec.resourceServers[].identifier", "CreateResourceServerRequest.Identifier"],
  ["spec.resourceServers[].name", "CreateResourceServerRequest.Name"],
  ["spec.resourceServers[].scopes", "CreateResourceServerRequest.Scopes"],
  ["spec.resourceServers[].scopes[].name", "CreateResourceServerRequest.Scopes[].ScopeName"],
  ["spec.resourceServers[].scopes[].description", "CreateResourceServerRequest.Scopes[].ScopeDescription"],
  ["spec.groups[].name", "CreateGroupRequest.GroupName"],
  ["spec.groups[].description", "CreateGroupRequest.Description"],
  ["spec.groups[].precedence", "CreateGroupRequest.Precedence"],
  ["spec.groups[].roleArn", "CreateGroupRequest.RoleArn"],
  ["spec.identityProviders[].providerName", "CreateIdentityProviderRequest.ProviderName"],
  ["spec.identityProviders[].providerType", "CreateIdentityProviderRequest.ProviderType"],
  ["spec.identityProviders[].providerDetails", "CreateIdentityProviderRequest.ProviderDetails"],
  ["spec.identityProviders[].providerDetails{}", "CreateIdentityProviderRequest.ProviderDetails{value}"],
  ["spec.identityProviders[].attributeMapping{key}", "CreateIdentityProviderRequest.AttributeMapping{key}"],
  ["spec.identityProviders[].attributeMapping{}", "CreateIdentityProviderRequest.AttributeMapping{value}"],
  ["spec.identityProviders[].idpIdentifiers", "CreateIdentityProviderRequest.IdpIdentifiers"],
  ["spec.identityProviders[].idpIdentifiers[]", "CreateIdentityProviderRequest.IdpIdentifiers[]"],
  ["spec.terms[].name", "CreateTermsRequest.TermsName"],
  ["spec.terms[].links{key}", "CreateTermsRequest.Links{key}"],
  ["spec.terms[].links{}", "CreateTermsRequest.Links{value}"],
  ["spec.domain.domain", "CreateUserPoolDomainRequest.Domain"],
  ["spec.domain.certificateArn", "CreateUserPoolDomainRequest.CustomDomainConfig.CertificateArn"],
  ["spec.domain.managedLoginVersion", "CreateUserPoolDomainRequest.ManagedLoginVersion"],
  // Threat protection settings (SetRiskConfiguration); a client's own settings have the same shapes.
  ["spec.riskConfiguration.compromisedCredentialsRiskConfiguration.eventFilter", "SetRiskConfigurationRequest.CompromisedCredentialsRiskConfiguration.EventFilter"],
  ["spec.riskConfiguration.compromisedCredentialsRiskConfiguration.eventFilter[]", "SetRiskConfigurationRequest.CompromisedCredentialsRiskConfiguration.EventFilter[]"],
  ["spec.riskConfiguration.compromisedCredentialsRiskConfiguration.actions", "SetRiskConfigurationRequest.CompromisedCredentialsRiskConfiguration.Actions"],
  ["spec.riskConfiguration.compromisedCredentialsRiskConfiguration.actions.eventAction", "SetRiskConfigurationRequest.CompromisedCredentialsRiskConfiguration.Actions.EventAction"],
  ["spec.riskConfiguration.accountTakeoverRiskConfiguration.actions", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.Actions"],
  ["spec.riskConfiguration.accountTakeoverRiskConfiguration.actions.lowAction.notify", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.Actions.LowAction.Notify"],
  ["spec.riskConfiguration.accountTakeoverRiskConfiguration.actions.lowAction.eventAction", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.Actions.LowAction.EventAction"],
  ["spec.riskConfiguration.accountTakeoverRiskConfiguration.actions.mediumAction.notify", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.Actions.MediumAction.Notify"],
  ["spec.riskConfiguration.accountTakeoverRiskConfiguration.actions.mediumAction.eventAction", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.Actions.MediumAction.EventAction"],
  ["spec.riskConfiguration.accountTakeoverRiskConfiguration.actions.highAction.notify", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.Actions.HighAction.Notify"],
  ["spec.riskConfiguration.accountTakeoverRiskConfiguration.actions.highAction.eventAction", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.Actions.HighAction.EventAction"],
  ["spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.from", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.NotifyConfiguration.From"],
  ["spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.replyTo", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.NotifyConfiguration.ReplyTo"],
  ["spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.sourceArn", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.NotifyConfiguration.SourceArn"],
  ["spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.blockEmail.subject", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.NotifyConfiguration.BlockEmail.Subject"],
  ["spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.blockEmail.htmlBody", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.NotifyConfiguration.BlockEmail.HtmlBody"],
  ["spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.blockEmail.textBody", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.NotifyConfiguration.BlockEmail.TextBody"],
  ["spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.noActionEmail.subject", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.NotifyConfiguration.NoActionEmail.Subject"],
  ["spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.noActionEmail.htmlBody", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.NotifyConfiguration.NoActionEmail.HtmlBody"],
  ["spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.noActionEmail.textBody", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.NotifyConfiguration.NoActionEmail.TextBody"],
  ["spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.mfaEmail.subject", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.NotifyConfiguration.MfaEmail.Subject"],
  ["spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.mfaEmail.htmlBody", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.NotifyConfiguration.MfaEmail.HtmlBody"],
  ["spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.mfaEmail.textBody", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.NotifyConfiguration.MfaEmail.TextBody"],
  ["spec.riskConfiguration.riskExceptionConfiguration.blockedIPRangeList", "SetRiskConfigurationRequest.RiskExceptionConfiguration.BlockedIPRangeList"],
  ["spec.riskConfiguration.riskExceptionConfiguration.blockedIPRangeList[]", "SetRiskConfigurationRequest.RiskExceptionConfiguration.BlockedIPRangeList[]"],
  ["spec.riskConfiguration.riskExceptionConfiguration.skippedIPRangeList", "SetRiskConfigurationRequest.RiskExceptionConfiguration.SkippedIPRangeList"],
  ["spec.riskConfiguration.riskExceptionConfiguration.skippedIPRangeList[]", "SetRiskConfigurationRequest.RiskExceptionConfiguration.SkippedIPRangeList[]"],
  ["spec.riskConfiguration.clients[].accountTakeoverRiskConfiguration.actions.highAction.eventAction", "SetRiskConfigurationRequest.AccountTakeoverRiskConfiguration.Actions.HighAction.EventAction"],
  ["spec.riskConfiguration.clients[].riskExceptionConfiguration.blockedIPRangeList", "SetRiskConfigurationRequest.RiskExceptionConfiguration.BlockedIPRangeList"],
  ["spec.riskConfiguration.clients[].clientName", "CreateUserPoolClientRequest.ClientName"],
  ["spec.logDeliveryConfiguration.logConfigurations", "SetLogDeliveryConfigurationRequest.LogConfigurations"],
  ["spec.logDeliveryConfiguration.logConfigurations[].eventSource", "SetLogDeliveryConfigurationRequest.LogConfigurations[].EventSource"],
  ["spec.logDeliveryConfiguration.logConfigurations[].logLevel", "SetLogDeliveryConfigurationRequest.LogConfigurations[].LogLevel"],
  ["spec.logDeliveryConfiguration.logConfigurations[].cloudWatchLogsConfiguration.logGroupArn", "SetLogDeliveryConfigurationRequest.LogConfigurations[].CloudWatchLogsConfiguration.LogGroupArn"],
  ["spec.logDeliveryConfiguration.logConfigurations[].s3Configuration.bucketArn", "SetLogDeliveryConfigurationRequest.LogConfigurations[].S3Configuration.BucketArn"],
  ["spec.logDeliveryConfiguration.logConfigurations[].firehoseConfiguration.streamArn", "SetLogDeliveryConfigurationRequest.LogConfigurations[].FirehoseConfiguration.StreamArn"],
];

/** Members we do not send, with the reason. Anything else in these inputs must be mapped above. */
const NOT_SENT: Record<string, string> = {
  "CreateUserPoolRequest.SmsVerificationMessage": "deprecated: 'This parameter is no longer used' [M]; use verificationMessageTemplate.smsMessage",
  "CreateUserPoolRequest.EmailVerificationMessage": "deprecated [M]; use verificationMessageTemplate.emailMessage",
  "CreateUserPoolRequest.EmailVerificationSubject": "deprecated [M]; use verificationMessageTemplate.emailSubject",
  "CreateUserPoolRequest.AdminCreateUserConfig.UnusedAccountValidityDays": "'no longer in use' [M]; passwordPolicy.temporaryPasswordValidityDays replaces it",
  "CreateUserPoolRequest.UserPoolTags": "map itself has no constraints; keys and values are mapped",
  "CreateUserPoolRequest.AutoVerifiedAttributes": "list without size constraint; items mapped",
  "CreateUserPoolRequest.AliasAttributes": "list without size constraint; items mapped",
  "CreateUserPoolRequest.UsernameAttributes": "list without size constraint; items mapped",
  "CreateUserPoolRequest.UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate": "list without size constraint; items mapped",
  "CreateUserPoolRequest.PoolName#ops": "",
  "SetUserPoolMfaConfigRequest.MfaConfiguration": "same enum as CreateUserPoolRequest.MfaConfiguration (mapped)",
  "SetUserPoolMfaConfigRequest.SmsAuthenticationMessage": "same shape as CreateUserPoolRequest.SmsAuthenticationMessage (mapped)",
  "SetUserPoolMfaConfigRequest.SmsMfaConfiguration": "built from spec.smsAuthenticationMessage and spec.smsConfiguration (mapped on CreateUserPool)",
  "CreateUserPoolClientRequest.ClientSecret": "secrets are never stored in a spec (ARCHITECTURE.md, No secret in a document); Cognito generates them",
  "CreateUserPoolClientRequest.ReadAttributes": "list without size constraint; items mapped",
  "CreateUserPoolClientRequest.WriteAttributes": "list without size constraint; items mapped",
  "CreateUserPoolClientRequest.ExplicitAuthFlows": "list without size constraint; items mapped",
  "CreateUserPoolClientRequest.SupportedIdentityProviders": "list without size constraint; items mapped",
  "CreateIdentityProviderRequest.AttributeMapping": "map itself has no constraints; keys and values are mapped",
  "SetRiskConfigurationRequest.CompromisedCredentialsRiskConfiguration.Actions#ops": "",
  "CreateTermsRequest.Links": "1-12 entries: its keys are an enum of the 12 LanguageIdType values, so no more fit, and terms-schema.ts refuses none; keys and values mapped",
  "CreateTermsRequest.TermsSource": "accepts one value (LINK, reserved for future use): apply sends it, a document does not hold it",
  "CreateTermsRequest.Enforcement": "accepts one value (NONE, reserved for future use): apply sends it, a document does not hold it",
};
const IDS = new Set(["UserPoolId", "ClientId"]);

/** Model-required members we flatten into an optional field; a cross-field rule enforces them instead. */
const REQUIRED_BY_RULE: Record<string, string> = {
  "spec.domain.certificateArn": "CustomDomainConfig is flattened; rules/domain.ts requires certificateArn for custom domains",
};

function leafMembers(shapes: Record<string, Shape>, shapeName: string, prefix: string, out: string[], depth = 0): void {
  const shape = shapes[shapeName];
  if (!shape || depth > 6) return;
  if (shape.type === "structure")
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      if (depth === 0 && IDS.has(name)) continue;
      const p = `${prefix}.${name}`;
      out.push(p);
      leafMembers(shapes, member.target, p, out, depth + 1);
    }
  else if (shape.type === "list" && shape.member) {
    out.push(`${prefix}[]`);
    leafMembers(shapes, shape.member.target, `${prefix}[]`, out, depth + 1);
  }
}

function ourSchema(ourPath: string): z.ZodType | undefined {
  const segments: (string | number)[] = [];
  for (const part of ourPath.split(".")) {
    const [name, ...suffixes] = part.split(/(?=\[\]|\{\}|\{key\})/u);
    segments.push(name);
    for (const s of suffixes) if (s !== "{key}") segments.push(s === "[]" ? 0 : "anyKey");
  }
  if (ourPath.endsWith("{key}")) {
    const record = schemaAt(poolDocumentSchema, segments) as unknown as { _zod: { def: { keyType: z.ZodType } } };
    return record?._zod.def.keyType;
  }
  return schemaAt(poolDocumentSchema, segments);
}

function isOptionalAt(ourPath: string): boolean {
  const lastDot = ourPath.lastIndexOf(".");
  const parent = ourSchema(ourPath.slice(0, lastDot));
  const field = ourPath.slice(lastDot + 1);
  const shape = (parent as unknown as { _zod: { def: { shape?: Record<string, { _zod: { def: { type: string } } }> } } })?._zod.def.shape;
  return shape?.[field]?._zod.def.type === "optional";
}

function traitsOf(c: Constraint): Record<string, unknown> {
  return { ...(c.shape.traits ?? {}), ...c.memberTraits };
}

function modelEnum(c: Constraint): string[] | undefined {
  if (c.shape.type !== "enum") return undefined;
  return Object.values(c.shape.members ?? {}).map((m) => String((m.traits ?? {})["smithy.api#enumValue"]));
}

function modelPattern(c: Constraint): RegExp | undefined {
  const pattern = traitsOf(c)["smithy.api#pattern"] as string | undefined;
  if (!pattern) return undefined;
  return pattern.startsWith("^(?s)") ? new RegExp(`^${pattern.slice(5)}`, "su") : new RegExp(pattern, "u");
}

/** Values found at `ourPath` (with `[]`, `{}` and `{key}` wildcards) in a document. */
function valuesAt(doc: unknown, ourPath: string): unknown[] {
  let current: unknown[] = [doc];
  for (const part of ourPath.split(".")) {
    const [name, ...suffixes] = part.split(/(?=\[\]|\{\}|\{key\})/u);
    current = current.flatMap((v) => (v && typeof v === "object" && name in v ? [(v as Record<string, unknown>)[name]] : []));
    for (const s of suffixes)
      current = current.flatMap((v) =>
        s === "[]" ? (Array.isArray(v) ? v : []) : v && typeof v === "object" ? (s === "{key}" ? Object.keys(v) : Object.values(v)) : [],
      );
  }
  return current.filter((v) => v !== undefined);
}

describe("conformance with the AWS API model", () => {
  it("finds the model (fails, not skips, when the reference is missing)", () => {
    expect(modelPath, `AWS API model not found; looked in: ${candidates.join(", ")}`).toBeDefined();
  });

  it("maps or explicitly excludes every member of the calls the studio sends", () => {
    const shapes = loadShapes();
    const mapped = new Set(MAPPING.map(([, m]) => m.replace(/^CreateUserPoolClientRequest/u, "CreateUserPoolClientRequest")));
    const members: string[] = [];
    for (const op of [
      "CreateUserPoolRequest",
      "CreateUserPoolClientRequest",
      "CreateResourceServerRequest",
      "CreateUserPoolDomainRequest",
      "SetUserPoolMfaConfigRequest",
      "CreateGroupRequest",
      "CreateIdentityProviderRequest",
      "SetRiskConfigurationRequest",
      "SetLogDeliveryConfigurationRequest",
      "CreateTermsRequest",
    ])
      leafMembers(shapes, NS + op, op, members);
    const isContainer = (m: string) => members.some((other) => other.startsWith(`${m}.`) || other.startsWith(`${m}[]`)) && !mapped.has(m);
    const missing = members.filter((m) => !mapped.has(m) && !(m in NOT_SENT) && !isContainer(m) && ![...Object.keys(NOT_SENT)].some((n) => m.startsWith(`${n}.`)));
    expect(missing, "members of the AWS model that our schema neither maps nor excludes").toEqual([]);
  });

  it.each(MAPPING)("%s is at least as strict as %s", (ourPath, memberPath) => {
    const shapes = loadShapes();
    const model = resolve(shapes, memberPath);
    const schema = ourSchema(ourPath);
    expect(schema, `no schema at ${ourPath}`).toBeDefined();
    const ours = boundsOf(schema!);
    const traits = traitsOf(model);
    const length = traits["smithy.api#length"] as { min?: number; max?: number } | undefined;
    const range = traits["smithy.api#range"] as { min?: number; max?: number } | undefined;
    if (length?.max !== undefined) expect(ours.maxLength, `${ourPath} max length/items`).toBeLessThanOrEqual(length.max);
    if (length?.min !== undefined && length.min > 0) expect(ours.minLength, `${ourPath} min length/items`).toBeGreaterThanOrEqual(length.min);
    if (range?.max !== undefined) expect(ours.maximum ?? ours.literalValues?.reduce<number>((a, b) => Math.max(a, Number(b)), -Infinity), `${ourPath} max`).toBeLessThanOrEqual(range.max);
    if (range?.min !== undefined) expect(ours.minimum ?? ours.literalValues?.reduce<number>((a, b) => Math.min(a, Number(b)), Infinity), `${ourPath} min`).toBeGreaterThanOrEqual(range.min);
    if (model.shape.type === "integer") expect(ours.isInteger || ours.literalValues !== undefined, `${ourPath} must be an integer`).toBe(true);
    const values = modelEnum(model);
    if (values) expect(values, `${ourPath} enum must be a subset of the model's`).toEqual(expect.arrayContaining(ours.enumValues ?? ours.literalValues ?? ["<not an enum>"]));
    if (model.shape.type === "boolean") expect(ours.type).toBe("boolean");
    if ("smithy.api#required" in model.memberTraits && !ourPath.endsWith("]") && !ourPath.endsWith("}") && !ourPath.startsWith("spec.clientDefaults.") && !(ourPath in REQUIRED_BY_RULE))
      expect(isOptionalAt(ourPath), `${ourPath} is required by the model`).toBe(false);
    // Boundary values: one past the model's limits must be rejected by our schema.
    if (length?.max !== undefined && ours.type === "string") expect(schema!.safeParse("a".repeat(length.max + 1)).success).toBe(false);
    if (range?.max !== undefined) expect(schema!.safeParse(range.max + 1).success).toBe(false);
    if (range?.min !== undefined) expect(schema!.safeParse(range.min - 1).success).toBe(false);
  });

  it("random valid documents only produce values that match the model's patterns and enums", () => {
    const shapes = loadShapes();
    const checks = MAPPING.map(([ourPath, memberPath]) => ({ ourPath, memberPath, model: resolve(shapes, memberPath) }));
    fc.assert(
      fc.property(poolDocumentArbitrary({ wide: true }), (doc) => {
        for (const { ourPath, memberPath, model } of checks) {
          const pattern = modelPattern(model);
          const values = modelEnum(model);
          for (const value of valuesAt(doc, ourPath)) {
            // Custom domains are fully-qualified names, which CreateUserPoolDomainRequest.Domain documents
            // even though the DomainType pattern only describes prefixes.
            if (memberPath === "CreateUserPoolDomainRequest.Domain" && String(value).includes(".")) continue;
            if (pattern && typeof value === "string") expect(value, `${ourPath} vs ${memberPath} pattern`).toMatch(pattern);
            if (values) expect(values, `${ourPath} value`).toContain(value);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
