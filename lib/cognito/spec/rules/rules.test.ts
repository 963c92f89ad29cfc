import { readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it, vi } from "vitest";
import type { Diagnostic } from "../diagnostics";
import { validatePoolSpec } from "../validate";

/**
 * Where each diagnostic was made: `file:line:column` of the `error(...)` / `warning(...)` call in a rule file, read from
 * the (source-mapped) stack. The meta-test below compares these call sites with the ones found in the rules' source.
 */
const madeAt = new WeakMap<Diagnostic, string>();
function callSite(): string | undefined {
  for (const line of (new Error().stack ?? "").split("\n")) {
    const m = /\/spec\/rules\/([\w-]+\.ts):(\d+):(\d+)\)?$/u.exec(line);
    if (m && !m[1].endsWith(".test.ts")) return `${m[1]}:${m[2]}:${m[3]}`;
  }
  return undefined;
}
vi.mock("../diagnostics", async (importOriginal) => {
  const original = await importOriginal<typeof import("../diagnostics")>();
  const traced =
    (make: typeof original.error) =>
    (path: string, code: string, message: string): Diagnostic => {
      const d = make(path, code, message);
      const site = callSite();
      if (site) madeAt.set(d, site);
      return d;
    };
  return { ...original, error: traced(original.error), warning: traced(original.warning) };
});

const ARN = "arn:aws:lambda:eu-west-1:123456789012:function:fn";
const terms = (client: string, name: "terms-of-use" | "privacy-policy") => ({ client, name, links: { "cognito:default": `https://shop.test/${name}` } });
const bothTerms = (client: string) => [terms(client, "terms-of-use"), terms(client, "privacy-policy")];
/** Both documents for `clients` clients (clients not managed here, so any client name is accepted). */
const manyTerms = (clients: number) => Array.from({ length: clients }, (_, i) => bothTerms(`app-${i}`)).flat();
const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/abc";
const oauthClient = (extra: Record<string, unknown>) => ({
  name: "web",
  allowedOAuthFlowsUserPoolClient: true,
  allowedOAuthFlows: ["code"],
  allowedOAuthScopes: ["openid"],
  callbackUrls: ["https://app.example.com/cb"],
  ...extra,
});
const withDomain = { domain: { domain: "my-app" } };
const SNS_ROLE = "arn:aws:iam::123456789012:role/cognito-sms";
/** What email MFA needs besides itself: Amazon SES as the email provider and two recovery methods. */
const emailMfaReady = {
  emailConfiguration: { emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/no-reply@shop.test" },
  accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }, { name: "verified_phone_number", priority: 2 }] },
};
const smsMfa = { smsMfaConfiguration: { enabled: true }, smsConfiguration: { snsCallerArn: SNS_ROLE } };
const customAttributes = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `attr${i}`, attributeDataType: "String" }));
const resourceServers = (n: number) => Array.from({ length: n }, (_, i) => ({ identifier: `https://api${i}.example.com`, name: `API ${i}` }));
const groups = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `group-${i}` }));
const google = (extra: Record<string, unknown> = {}) => ({
  providerName: "Google",
  providerType: "Google",
  providerDetails: { client_id: "123.apps.googleusercontent.com", authorize_scopes: "openid email" },
  secretRef: { source: "env", name: "IDP_SECRET_GOOGLE" },
  ...extra,
});
const saml = (details: Record<string, string> = { MetadataURL: "https://idp.example.com/metadata" }, extra: Record<string, unknown> = {}) => ({
  providerName: "Corp-SAML",
  providerType: "SAML",
  providerDetails: details,
  ...extra,
});
const oidc = (details: Record<string, string> = {}) => ({
  providerName: "Okta",
  providerType: "OIDC",
  providerDetails: { client_id: "abc", authorize_scopes: "openid", oidc_issuer: "https://okta.example.com", attributes_request_method: "GET", ...details },
});
const apple = (details: Record<string, string> = {}) => ({
  providerName: "SignInWithApple",
  providerType: "SignInWithApple",
  providerDetails: { client_id: "com.example", team_id: "TEAM", key_id: "KEY", authorize_scopes: "email name", ...details },
  secretRef: { source: "secretsManager", name: "apple-key" },
});
const plusOn = { userPoolTier: "PLUS", userPoolAddOns: { advancedSecurityMode: "ENFORCED" } };
const SES = "arn:aws:ses:eu-west-1:123456789012:identity/shop.test";
const FIREHOSE = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/auth";
const notifyHigh = { highAction: { notify: true, eventAction: "BLOCK" } };
const notificationLogs = { eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: "arn:aws:logs:eu-west-1:123456789012:log-group:cognito" } };
const authLogs = { eventSource: "userAuthEvents", logLevel: "INFO", firehoseConfiguration: { streamArn: FIREHOSE } };
const tenantAttribute = (mutable: boolean) => ({ schemaAttributes: [{ name: "tenant", attributeDataType: "String", mutable }] });

/** [rule code, spec that passes, spec that fails, expected path of the failure]. */
const cases: [string, Record<string, unknown>, Record<string, unknown>, string][] = [
  ["username-alias-exclusive", { usernameAttributes: ["email"] }, { usernameAttributes: ["email"], aliasAttributes: ["preferred_username"] }, "spec.aliasAttributes"],
  ["duplicate-value", { aliasAttributes: ["email"] }, { aliasAttributes: ["email", "email"] }, "spec.aliasAttributes[1]"],
  ["mfa-needs-factor", { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } }, { mfaConfiguration: "OPTIONAL" }, "spec.mfaConfiguration"],
  ["mfa-factor-unused", { mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } }, { mfaConfiguration: "OFF", softwareTokenMfaConfiguration: { enabled: true } }, "spec.softwareTokenMfaConfiguration.enabled"],
  ["ses-source-arn-required", { emailConfiguration: { emailSendingAccount: "DEVELOPER", sourceArn: ARN } }, { emailConfiguration: { emailSendingAccount: "DEVELOPER" } }, "spec.emailConfiguration.sourceArn"],
  ["needs-developer-email", { emailConfiguration: { emailSendingAccount: "DEVELOPER", sourceArn: ARN, from: "a@b.co" } }, { emailConfiguration: { from: "a@b.co" } }, "spec.emailConfiguration.from"],
  ["template-needs-developer-email", { verificationMessageTemplate: { smsMessage: "Code {####}" } }, { verificationMessageTemplate: { emailMessage: "Code {####}" } }, "spec.verificationMessageTemplate.emailMessage"],
  ["verification-message-conflict", { verificationMessageTemplate: { defaultEmailOption: "CONFIRM_WITH_LINK", emailMessageByLink: "Go {##here##}" } }, { verificationMessageTemplate: { defaultEmailOption: "CONFIRM_WITH_LINK", emailMessage: "Code {####}" } }, "spec.verificationMessageTemplate.emailMessage"],
  ["invite-placeholders", { adminCreateUserConfig: { inviteMessageTemplate: { smsMessage: "{username} {####}" } } }, { adminCreateUserConfig: { inviteMessageTemplate: { smsMessage: "Welcome {####}" } } }, "spec.adminCreateUserConfig.inviteMessageTemplate.smsMessage"],
  ["pre-token-arn-mismatch", { lambdaConfig: { preTokenGeneration: ARN, preTokenGenerationConfig: { lambdaVersion: "V2_0", lambdaArn: ARN } } }, { lambdaConfig: { preTokenGeneration: ARN, preTokenGenerationConfig: { lambdaVersion: "V2_0", lambdaArn: `${ARN}2` } } }, "spec.lambdaConfig.preTokenGeneration"],
  ["custom-sender-kms", { lambdaConfig: { customSmsSender: { lambdaVersion: "V1_0", lambdaArn: ARN }, kmsKeyId: ARN } }, { lambdaConfig: { customSmsSender: { lambdaVersion: "V1_0", lambdaArn: ARN } } }, "spec.lambdaConfig.kmsKeyId"],
  ["tier-feature", { userPoolTier: "PLUS", userPoolAddOns: { advancedSecurityMode: "ENFORCED" } }, { userPoolTier: "ESSENTIALS", userPoolAddOns: { advancedSecurityMode: "ENFORCED" } }, "spec.userPoolAddOns.advancedSecurityMode"],
  ["password-factor-missing", { signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] } }, { signInPolicy: { allowedFirstAuthFactors: ["EMAIL_OTP"] } }, "spec.signInPolicy.allowedFirstAuthFactors"],
  ["verification-needs-auto-verify", { autoVerifiedAttributes: ["email"], userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdate: ["email"] } }, { userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdate: ["email"] } }, "spec.userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdate[0]"],
  ["attribute-not-defined", { schemaAttributes: [{ name: "tenant", attributeDataType: "String" }], clients: [{ name: "a", readAttributes: ["custom:tenant"] }] }, { schemaAttributes: [{ name: "tenant", attributeDataType: "String" }], clients: [{ name: "a", readAttributes: ["custom:plan"] }] }, "spec.clients[0].readAttributes[0]"],
  ["duplicate-attribute", { schemaAttributes: [{ name: "a", attributeDataType: "String" }] }, { schemaAttributes: [{ name: "a", attributeDataType: "String" }, { name: "a", attributeDataType: "Number" }] }, "spec.schemaAttributes[1].name"],
  ["standard-attribute-type", { schemaAttributes: [{ name: "email", attributeDataType: "String", required: true }] }, { schemaAttributes: [{ name: "email", attributeDataType: "Number" }] }, "spec.schemaAttributes[0].attributeDataType"],
  ["constraints-type", { schemaAttributes: [{ name: "age", attributeDataType: "Number", numberAttributeConstraints: { minValue: "0" } }] }, { schemaAttributes: [{ name: "age", attributeDataType: "String", numberAttributeConstraints: { minValue: "0" } }] }, "spec.schemaAttributes[0].numberAttributeConstraints"],
  ["constraints-order", { schemaAttributes: [{ name: "x", attributeDataType: "String", stringAttributeConstraints: { minLength: "1", maxLength: "5" } }] }, { schemaAttributes: [{ name: "x", attributeDataType: "String", stringAttributeConstraints: { minLength: "9", maxLength: "5" } }] }, "spec.schemaAttributes[0].stringAttributeConstraints.minLength"],
  ["constraints-range", { schemaAttributes: [{ name: "x", attributeDataType: "String", stringAttributeConstraints: { maxLength: "2048" } }] }, { schemaAttributes: [{ name: "x", attributeDataType: "String", stringAttributeConstraints: { maxLength: "2049" } }] }, "spec.schemaAttributes[0].stringAttributeConstraints.maxLength"],
  ["duplicate-client-name", { clients: [{ name: "a" }, { name: "b" }] }, { clients: [{ name: "a" }, { name: "a" }] }, "spec.clients[1].name"],
  ["duplicate-resource-server", { resourceServers: [{ identifier: "a", name: "A" }, { identifier: "b", name: "B" }] }, { resourceServers: [{ identifier: "a", name: "A" }, { identifier: "a", name: "B" }] }, "spec.resourceServers[1].identifier"],
  ["duplicate-scope", { resourceServers: [{ identifier: "a", name: "A", scopes: [{ name: "r", description: "R" }] }] }, { resourceServers: [{ identifier: "a", name: "A", scopes: [{ name: "r", description: "R" }, { name: "r", description: "R2" }] }] }, "spec.resourceServers[0].scopes[1].name"],
  ["duplicate-recovery-priority", { accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }, { name: "verified_phone_number", priority: 2 }] } }, { accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }, { name: "verified_phone_number", priority: 1 }] } }, "spec.accountRecoverySetting.recoveryMechanisms[1].priority"],
  ["admin-only-exclusive", { accountRecoverySetting: { recoveryMechanisms: [{ name: "admin_only", priority: 1 }] } }, { accountRecoverySetting: { recoveryMechanisms: [{ name: "admin_only", priority: 1 }, { name: "verified_email", priority: 2 }] } }, "spec.accountRecoverySetting.recoveryMechanisms[0].name"],
  ["auth-flows-mixed", { clients: [{ name: "a", explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }] }, { clients: [{ name: "a", explicitAuthFlows: ["USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }] }, "spec.clients[0].explicitAuthFlows"],
  ["context-data-needs-secret", { clients: [{ name: "a", generateSecret: true, enablePropagateAdditionalUserContextData: true }] }, { clients: [{ name: "a", enablePropagateAdditionalUserContextData: true }] }, "spec.clients[0].enablePropagateAdditionalUserContextData"],
  ["token-validity-range", { clients: [{ name: "a", accessTokenValidity: 5, tokenValidityUnits: { accessToken: "minutes" } }] }, { clients: [{ name: "a", accessTokenValidity: 4, tokenValidityUnits: { accessToken: "minutes" } }] }, "spec.clients[0].accessTokenValidity"],
  ["token-validity-range", { clients: [{ name: "a", refreshTokenValidity: 3650 }] }, { clients: [{ name: "a", refreshTokenValidity: 3651 }] }, "spec.clients[0].refreshTokenValidity"],
  ["token-validity-range", { clients: [{ name: "a", idTokenValidity: 24 }] }, { clients: [{ name: "a", idTokenValidity: 25 }] }, "spec.clients[0].idTokenValidity"],
  ["refresh-validity-zero", { clients: [{ name: "a", refreshTokenValidity: 30 }] }, { clients: [{ name: "a", refreshTokenValidity: 0 }] }, "spec.clients[0].refreshTokenValidity"],
  ["oauth-flag-required", { ...withDomain, clients: [oauthClient({})] }, { ...withDomain, clients: [oauthClient({ allowedOAuthFlowsUserPoolClient: false })] }, "spec.clients[0].allowedOAuthFlows"],
  ["oauth-flag-required", { ...withDomain, clientDefaults: { allowedOAuthFlowsUserPoolClient: true }, clients: [oauthClient({ allowedOAuthFlowsUserPoolClient: undefined })] }, { ...withDomain, clientDefaults: { callbackUrls: ["https://a.example.com"] }, clients: [{ name: "a" }] }, "spec.clientDefaults.callbackUrls"],
  ["oauth-incomplete", { ...withDomain, clients: [oauthClient({})] }, { ...withDomain, clients: [oauthClient({ allowedOAuthScopes: [] })] }, "spec.clients[0].allowedOAuthScopes"],
  ["callback-url-required", { ...withDomain, clients: [oauthClient({})] }, { ...withDomain, clients: [oauthClient({ callbackUrls: undefined })] }, "spec.clients[0].callbackUrls"],
  ["client-credentials-exclusive", { ...withDomain, clients: [oauthClient({ allowedOAuthFlows: ["client_credentials"], allowedOAuthScopes: ["api/read"], callbackUrls: undefined, generateSecret: true })] }, { ...withDomain, clients: [oauthClient({ allowedOAuthFlows: ["client_credentials", "code"], allowedOAuthScopes: ["api/read"], generateSecret: true })] }, "spec.clients[0].allowedOAuthFlows"],
  ["client-credentials-secret", { ...withDomain, clients: [oauthClient({ allowedOAuthFlows: ["client_credentials"], allowedOAuthScopes: ["api/read"], generateSecret: true })] }, { ...withDomain, clients: [oauthClient({ allowedOAuthFlows: ["client_credentials"], allowedOAuthScopes: ["api/read"] })] }, "spec.clients[0].generateSecret"],
  ["client-credentials-custom-scopes", { ...withDomain, clients: [oauthClient({ allowedOAuthFlows: ["client_credentials"], allowedOAuthScopes: ["api/read"], generateSecret: true })] }, { ...withDomain, clients: [oauthClient({ allowedOAuthFlows: ["client_credentials"], allowedOAuthScopes: ["openid"], generateSecret: true })] }, "spec.clients[0].allowedOAuthScopes[0]"],
  ["oauth-without-domain", { ...withDomain, clients: [oauthClient({})] }, { clients: [oauthClient({})] }, "spec.clients[0].allowedOAuthFlows"],
  ["redirect-uri-invalid", { ...withDomain, clients: [oauthClient({ callbackUrls: ["http://localhost:3000/cb", "myapp://cb", "https://a.example.com"] })] }, { ...withDomain, clients: [oauthClient({ callbackUrls: ["https://a.example.com", "http://a.example.com/cb"] })] }, "spec.clients[0].callbackUrls[1]"],
  ["redirect-uri-invalid", { ...withDomain, clients: [oauthClient({ logoutUrls: ["https://a.example.com/bye"] })] }, { ...withDomain, clients: [oauthClient({ logoutUrls: ["https://a.example.com/#bye"] })] }, "spec.clients[0].logoutUrls[0]"],
  ["redirect-uri-invalid", { ...withDomain, clients: [oauthClient({ callbackUrls: ["https://a.example.com"] })] }, { ...withDomain, clients: [oauthClient({ callbackUrls: ["/relative/cb"] })] }, "spec.clients[0].callbackUrls[0]"],
  ["default-redirect-not-callback", { ...withDomain, clients: [oauthClient({ defaultRedirectUri: "https://app.example.com/cb" })] }, { ...withDomain, clients: [oauthClient({ defaultRedirectUri: "https://other.example.com/cb" })] }, "spec.clients[0].defaultRedirectUri"],
  ["scope-not-defined", { ...withDomain, resourceServers: [{ identifier: "api", name: "API", scopes: [{ name: "read", description: "Read" }] }], clients: [oauthClient({ allowedOAuthScopes: ["openid", "api/read"] })] }, { ...withDomain, clients: [oauthClient({ allowedOAuthScopes: ["openid", "api/read"] })] }, "spec.clients[0].allowedOAuthScopes[1]"],
  ["domain-reserved-word", { domain: { domain: "my-app" } }, { domain: { domain: "my-amazon-app" } }, "spec.domain.domain"],
  ["custom-domain-certificate", { domain: { domain: "auth.example.com", certificateArn: CERT } }, { domain: { domain: "auth.example.com" } }, "spec.domain.certificateArn"],
  ["certificate-region", { domain: { domain: "auth.example.com", certificateArn: CERT } }, { domain: { domain: "auth.example.com", certificateArn: CERT.replace("us-east-1", "eu-west-1") } }, "spec.domain.certificateArn"],
  ["certificate-on-prefix", { domain: { domain: "my-app" } }, { domain: { domain: "my-app", certificateArn: CERT } }, "spec.domain.certificateArn"],
  ["domain-invalid", { domain: { domain: "auth.example.com", certificateArn: CERT } }, { domain: { domain: "auth..example.com", certificateArn: CERT } }, "spec.domain.domain"],
  // A prefix domain and a custom domain together; the custom one's rules hold in its own slot.
  ["custom-domain-not-custom", { domain: { domain: "my-app" }, customDomain: { domain: "auth.example.com", certificateArn: CERT } }, { domain: { domain: "my-app" }, customDomain: { domain: "my-other-app" } }, "spec.customDomain.domain"],
  ["custom-domain-certificate", { domain: { domain: "my-app" }, customDomain: { domain: "auth.example.com", certificateArn: CERT } }, { domain: { domain: "my-app" }, customDomain: { domain: "auth.example.com" } }, "spec.customDomain.certificateArn"],
  ["custom-domain-alone", { domain: { domain: "auth.example.com", certificateArn: CERT } }, { customDomain: { domain: "auth.example.com", certificateArn: CERT } }, "spec.customDomain.domain"],
  ["one-custom-domain", { domain: { domain: "my-app" }, customDomain: { domain: "auth.example.com", certificateArn: CERT } }, { domain: { domain: "login.example.com", certificateArn: CERT }, customDomain: { domain: "auth.example.com", certificateArn: CERT } }, "spec.domain.domain"],
  ["passkey-relying-party", { domain: { domain: "my-app" }, customDomain: { domain: "auth.example.com", certificateArn: CERT }, webAuthnConfiguration: { relyingPartyId: "auth.example.com" } }, { domain: { domain: "my-app" }, customDomain: { domain: "auth.example.com", certificateArn: CERT }, webAuthnConfiguration: { relyingPartyId: "example.com" } }, "spec.webAuthnConfiguration.relyingPartyId"],
  // Gaps found by the coverage meta-test below: one case per error()/warning() call.
  ["duplicate-recovery-mechanism", { accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }, { name: "verified_phone_number", priority: 2 }] } }, { accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }, { name: "verified_email", priority: 2 }] } }, "spec.accountRecoverySetting.recoveryMechanisms[1].name"],
  ["recovery-disqualified-by-mfa", { mfaConfiguration: "ON", ...smsMfa, accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }, { name: "verified_phone_number", priority: 2 }] } }, { mfaConfiguration: "ON", ...smsMfa, accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_phone_number", priority: 1 }] } }, "spec.accountRecoverySetting.recoveryMechanisms[0].name"],
  // An SMS configuration alone is not SMS MFA: with the switch off, recovery by SMS stays open.
  ["recovery-disqualified-by-mfa", { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true }, smsConfiguration: { snsCallerArn: SNS_ROLE }, accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_phone_number", priority: 1 }] } }, { mfaConfiguration: "ON", ...smsMfa, accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_phone_number", priority: 1 }] } }, "spec.accountRecoverySetting.recoveryMechanisms[0].name"],
  ["recovery-disqualified-by-mfa", { mfaConfiguration: "OPTIONAL", ...emailMfaReady, smsConfiguration: { snsCallerArn: SNS_ROLE }, smsMfaConfiguration: { enabled: false }, emailMfaConfiguration: {} }, { mfaConfiguration: "OPTIONAL", emailMfaConfiguration: {}, accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }] } }, "spec.accountRecoverySetting.recoveryMechanisms[0].name"],
  ["duplicate-value", { clients: [{ name: "a", explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }] }, { clients: [{ name: "a", explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_SRP_AUTH"] }] }, "spec.clients[0].explicitAuthFlows[1]"],
  ["tier-feature", { userPoolTier: "ESSENTIALS", clients: [{ name: "a", explicitAuthFlows: ["ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }] }, { userPoolTier: "LITE", clients: [{ name: "a", explicitAuthFlows: ["ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }] }, "spec.clients[0].explicitAuthFlows"],
  ["tier-feature", { userPoolTier: "ESSENTIALS", domain: { domain: "my-app", managedLoginVersion: 2 } }, { userPoolTier: "LITE", domain: { domain: "my-app", managedLoginVersion: 2 } }, "spec.domain.managedLoginVersion"],
  ["tier-feature", { userPoolTier: "ESSENTIALS", ...emailMfaReady, emailMfaConfiguration: {} }, { userPoolTier: "LITE", ...emailMfaReady, emailMfaConfiguration: {} }, "spec.emailMfaConfiguration"],
  ["tier-feature", { userPoolTier: "ESSENTIALS", webAuthnConfiguration: { factorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION" } }, { userPoolTier: "LITE", webAuthnConfiguration: { factorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION" } }, "spec.webAuthnConfiguration.factorConfiguration"],
  // SMS MFA is its own switch, and it needs the SMS configuration it sends with.
  ["sms-mfa-needs-sms-configuration", { mfaConfiguration: "OPTIONAL", ...smsMfa }, { mfaConfiguration: "OPTIONAL", smsMfaConfiguration: { enabled: true } }, "spec.smsMfaConfiguration.enabled"],
  ["mfa-factor-unused", { mfaConfiguration: "OPTIONAL", ...smsMfa }, { mfaConfiguration: "OFF", ...smsMfa }, "spec.smsMfaConfiguration.enabled"],
  ["mfa-needs-factor", { mfaConfiguration: "ON", ...smsMfa }, { mfaConfiguration: "ON", smsConfiguration: { snsCallerArn: SNS_ROLE } }, "spec.mfaConfiguration"],
  // Email MFA: Amazon SES and two recovery methods (the Terraform provider's documented requirement).
  ["email-mfa-needs-ses", { mfaConfiguration: "OPTIONAL", ...emailMfaReady, emailMfaConfiguration: {} }, { mfaConfiguration: "OPTIONAL", ...emailMfaReady, emailConfiguration: { emailSendingAccount: "COGNITO_DEFAULT" }, emailMfaConfiguration: {} }, "spec.emailMfaConfiguration"],
  ["email-mfa-needs-ses", { mfaConfiguration: "OPTIONAL", ...emailMfaReady, emailMfaConfiguration: {} }, { mfaConfiguration: "OPTIONAL", accountRecoverySetting: emailMfaReady.accountRecoverySetting, emailMfaConfiguration: {} }, "spec.emailMfaConfiguration"],
  ["email-mfa-needs-two-recovery-methods", { mfaConfiguration: "OPTIONAL", ...emailMfaReady, emailMfaConfiguration: {} }, { mfaConfiguration: "OPTIONAL", ...emailMfaReady, accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_phone_number", priority: 1 }] }, emailMfaConfiguration: {} }, "spec.emailMfaConfiguration"],
  ["email-mfa-needs-two-recovery-methods", { mfaConfiguration: "OPTIONAL", ...emailMfaReady, emailMfaConfiguration: {} }, { mfaConfiguration: "OPTIONAL", emailConfiguration: emailMfaReady.emailConfiguration, emailMfaConfiguration: {} }, "spec.emailMfaConfiguration"],
  // Threat protection with the tier unset only warns (AWS default ESSENTIALS), at the same path as the error above.
  ["tier-feature", { userPoolTier: "PLUS", userPoolAddOns: { advancedSecurityMode: "AUDIT" } }, { userPoolAddOns: { advancedSecurityMode: "AUDIT" } }, "spec.userPoolAddOns.advancedSecurityMode"],
  ["tier-feature", { userPoolTier: "ESSENTIALS", passwordPolicy: { passwordHistorySize: 5 } }, { userPoolTier: "LITE", passwordPolicy: { passwordHistorySize: 5 } }, "spec.passwordPolicy.passwordHistorySize"],
  ["tier-feature", { userPoolTier: "ESSENTIALS", signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] } }, { userPoolTier: "LITE", signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] } }, "spec.signInPolicy.allowedFirstAuthFactors"],
  ["redirect-uri-invalid", { ...withDomain, clients: [oauthClient({ defaultRedirectUri: "https://app.example.com/cb" })] }, { ...withDomain, clients: [oauthClient({ callbackUrls: ["http://app.example.com/cb"], defaultRedirectUri: "http://app.example.com/cb" })] }, "spec.clients[0].defaultRedirectUri"],
  ["standard-attribute-developer-only", { schemaAttributes: [{ name: "email", attributeDataType: "String", developerOnlyAttribute: false }, { name: "tenant", attributeDataType: "String", developerOnlyAttribute: true }] }, { schemaAttributes: [{ name: "email", attributeDataType: "String", developerOnlyAttribute: true }] }, "spec.schemaAttributes[0].developerOnlyAttribute"],
  ["constraints-type", { schemaAttributes: [{ name: "x", attributeDataType: "String", stringAttributeConstraints: { maxLength: "5" } }] }, { schemaAttributes: [{ name: "x", attributeDataType: "Number", stringAttributeConstraints: { maxLength: "5" } }] }, "spec.schemaAttributes[0].stringAttributeConstraints"],
  ["constraints-order", { schemaAttributes: [{ name: "age", attributeDataType: "Number", numberAttributeConstraints: { minValue: "5", maxValue: "10" } }] }, { schemaAttributes: [{ name: "age", attributeDataType: "Number", numberAttributeConstraints: { minValue: "10", maxValue: "5" } }] }, "spec.schemaAttributes[0].numberAttributeConstraints.minValue"],
  // More than 50 custom attributes: the schema's 50-item cap on schemaAttributes (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html `Schema`) says so.
  ["too-big", { schemaAttributes: customAttributes(50) }, { schemaAttributes: customAttributes(51) }, "spec.schemaAttributes"],
  ["resource-server-quota", { resourceServers: resourceServers(25) }, { resourceServers: resourceServers(26) }, "spec.resourceServers"],
  ["verification-message-conflict", { verificationMessageTemplate: { emailMessage: "Code {####}" } }, { verificationMessageTemplate: { emailMessage: "Code {####}", emailMessageByLink: "Go {##here##}" } }, "spec.verificationMessageTemplate.emailMessageByLink"],
  ["verification-message-conflict", { verificationMessageTemplate: { defaultEmailOption: "CONFIRM_WITH_CODE", emailMessage: "Code {####}" } }, { verificationMessageTemplate: { defaultEmailOption: "CONFIRM_WITH_CODE", emailMessageByLink: "Go {##here##}" } }, "spec.verificationMessageTemplate.emailMessageByLink"],
  // Groups and identity providers (rules/groups.ts, rules/identity-providers.ts).
  ["duplicate-group-name", { groups: [{ name: "admins" }, { name: "readers" }] }, { groups: [{ name: "admins" }, { name: "admins", precedence: 1 }] }, "spec.groups[1].name"],
  ["group-quota", { groups: groups(10_000) }, { groups: groups(10_001) }, "spec.groups"],
  ["duplicate-provider-name", { identityProviders: [google(), saml()] }, { identityProviders: [saml(), saml()] }, "spec.identityProviders[1].providerName"],
  ["social-provider-name", { identityProviders: [google()] }, { identityProviders: [google({ providerName: "MyGoogle" })] }, "spec.identityProviders[0].providerName"],
  ["provider-name-reserved", { identityProviders: [saml()] }, { identityProviders: [saml(undefined, { providerName: "COGNITO" })] }, "spec.identityProviders[0].providerName"],
  ["provider-detail-required", { identityProviders: [oidc()] }, { identityProviders: [oidc({ oidc_issuer: "" })] }, "spec.identityProviders[0].providerDetails"],
  ["provider-detail-required", { identityProviders: [apple()] }, { identityProviders: [apple({ team_id: " " })] }, "spec.identityProviders[0].providerDetails"],
  ["saml-metadata", { identityProviders: [saml({ MetadataFile: "<EntityDescriptor/>" })] }, { identityProviders: [saml({ IDPSignout: "true" })] }, "spec.identityProviders[0].providerDetails"],
  ["saml-metadata", { identityProviders: [saml()] }, { identityProviders: [saml({ MetadataURL: "https://idp.example.com/m", MetadataFile: "<x/>" })] }, "spec.identityProviders[0].providerDetails"],
  ["provider-detail-invalid", { identityProviders: [oidc({ attributes_request_method: "POST" })] }, { identityProviders: [oidc({ attributes_request_method: "PUT" })] }, "spec.identityProviders[0].providerDetails"],
  ["secret-in-details", { identityProviders: [google()] }, { identityProviders: [google({ providerDetails: { client_id: "x", authorize_scopes: "openid", client_secret: "s3cr3t" } })] }, "spec.identityProviders[0].providerDetails.client_secret"],
  ["provider-secret-required", { identityProviders: [google(), oidc()] }, { identityProviders: [google({ secretRef: undefined })] }, "spec.identityProviders[0].secretRef"],
  ["provider-secret-unused", { identityProviders: [saml()] }, { identityProviders: [saml(undefined, { secretRef: { source: "env", name: "IDP_SECRET_X" } })] }, "spec.identityProviders[0].secretRef"],
  ["secret-json-key", { identityProviders: [google({ secretRef: { source: "secretsManager", name: "idp", jsonKey: "google" } })] }, { identityProviders: [google({ secretRef: { source: "env", name: "IDP_SECRET_G", jsonKey: "google" } })] }, "spec.identityProviders[0].secretRef.jsonKey"],
  // An env reference may name only IDP_SECRET_ variables: never the server's own credentials or settings.
  ["secret-env-prefix", { identityProviders: [oidc(), google({ secretRef: { source: "env", name: "IDP_SECRET_GOOGLE" } })] }, { identityProviders: [google({ secretRef: { source: "env", name: "AWS_SECRET_ACCESS_KEY" } })] }, "spec.identityProviders[0].secretRef.name"],
  ["secret-env-prefix", { identityProviders: [google({ secretRef: { source: "ssmParameter", name: "/prod/google" } })] }, { identityProviders: [google({ secretRef: { source: "env", name: "AUTH_SECRET" } })] }, "spec.identityProviders[0].secretRef.name"],
  ["duplicate-idp-identifier", { identityProviders: [saml(undefined, { idpIdentifiers: ["corp.example.com"] }), oidc()] }, { identityProviders: [saml(undefined, { idpIdentifiers: ["corp"] }), { ...oidc(), idpIdentifiers: ["corp"] }] }, "spec.identityProviders[1].idpIdentifiers[0]"],
  ["mapped-attribute-immutable", { ...tenantAttribute(true), identityProviders: [google({ attributeMapping: { "custom:tenant": "hd", username: "sub" } })] }, { ...tenantAttribute(false), identityProviders: [google({ attributeMapping: { "custom:tenant": "hd" } })] }, 'spec.identityProviders[0].attributeMapping["custom:tenant"]'],
  ["client-unknown-provider", { identityProviders: [google()], clients: [{ name: "web", supportedIdentityProviders: ["COGNITO", "Google"] }] }, { identityProviders: [google()], clients: [{ name: "web", supportedIdentityProviders: ["COGNITO", "Facebook"] }] }, "spec.clients[0].supportedIdentityProviders[1]"],
  // Not managed here (identityProviders unset): the provider may exist in the pool, so only a warning.
  ["client-unknown-provider", { clients: [{ name: "web", supportedIdentityProviders: ["COGNITO"] }] }, { clients: [{ name: "web", supportedIdentityProviders: ["Okta"] }] }, "spec.clients[0].supportedIdentityProviders[0]"],
  ["mapped-attribute-not-writable", { identityProviders: [google({ attributeMapping: { email: "email" } })], clients: [{ name: "web", supportedIdentityProviders: ["Google"], writeAttributes: ["email"] }] }, { identityProviders: [google({ attributeMapping: { email: "email" } })], clients: [{ name: "web", supportedIdentityProviders: ["Google"], writeAttributes: ["name"] }] }, "spec.clients[0].writeAttributes"],
  // Threat protection settings and log delivery (rules/risk-configuration.ts, rules/log-delivery.ts).
  ["risk-plan-unset", { ...plusOn, riskConfiguration: {} }, { userPoolAddOns: { advancedSecurityMode: "ENFORCED" }, riskConfiguration: {} }, "spec.riskConfiguration"],
  ["risk-plan", { ...plusOn, riskConfiguration: {} }, { userPoolTier: "ESSENTIALS", userPoolAddOns: { advancedSecurityMode: "ENFORCED" }, riskConfiguration: {} }, "spec.riskConfiguration"],
  ["risk-mode-off", { ...plusOn, riskConfiguration: {} }, { userPoolTier: "PLUS", riskConfiguration: {} }, "spec.riskConfiguration"],
  ["risk-notify-sender", { ...plusOn, riskConfiguration: { accountTakeoverRiskConfiguration: { notifyConfiguration: { sourceArn: SES }, actions: notifyHigh } } }, { ...plusOn, riskConfiguration: { accountTakeoverRiskConfiguration: { actions: notifyHigh } } }, "spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration"],
  ["risk-mode-audit", { ...plusOn, riskConfiguration: { accountTakeoverRiskConfiguration: { actions: {} } } }, { userPoolTier: "PLUS", userPoolAddOns: { advancedSecurityMode: "AUDIT" }, riskConfiguration: { accountTakeoverRiskConfiguration: { actions: {} } } }, "spec.riskConfiguration.accountTakeoverRiskConfiguration.actions"],
  ["risk-client-duplicate", { ...plusOn, clients: [{ name: "web" }], riskConfiguration: { clients: [{ clientName: "web" }] } }, { ...plusOn, clients: [{ name: "web" }], riskConfiguration: { clients: [{ clientName: "web" }, { clientName: "web" }] } }, "spec.riskConfiguration.clients[1].clientName"],
  ["risk-client-unknown", { ...plusOn, clients: [{ name: "web" }], riskConfiguration: { clients: [{ clientName: "web" }] } }, { ...plusOn, clients: [{ name: "web" }], riskConfiguration: { clients: [{ clientName: "admin" }] } }, "spec.riskConfiguration.clients[0].clientName"],
  ["log-source-duplicate", { logDeliveryConfiguration: { logConfigurations: [notificationLogs] } }, { logDeliveryConfiguration: { logConfigurations: [notificationLogs, notificationLogs] } }, "spec.logDeliveryConfiguration.logConfigurations[1].eventSource"],
  ["log-destination-count", { logDeliveryConfiguration: { logConfigurations: [notificationLogs] } }, { logDeliveryConfiguration: { logConfigurations: [{ ...notificationLogs, s3Configuration: { bucketArn: "arn:aws:s3:::logs" } }] } }, "spec.logDeliveryConfiguration.logConfigurations[0]"],
  ["log-level", { logDeliveryConfiguration: { logConfigurations: [notificationLogs] } }, { logDeliveryConfiguration: { logConfigurations: [{ ...notificationLogs, logLevel: "INFO" }] } }, "spec.logDeliveryConfiguration.logConfigurations[0].logLevel"],
  ["log-destination", { logDeliveryConfiguration: { logConfigurations: [notificationLogs] } }, { logDeliveryConfiguration: { logConfigurations: [{ eventSource: "userNotification", logLevel: "ERROR", firehoseConfiguration: { streamArn: FIREHOSE } }] } }, "spec.logDeliveryConfiguration.logConfigurations[0]"],
  ["log-level", { userPoolTier: "PLUS", logDeliveryConfiguration: { logConfigurations: [authLogs] } }, { userPoolTier: "PLUS", logDeliveryConfiguration: { logConfigurations: [{ ...authLogs, logLevel: "ERROR" }] } }, "spec.logDeliveryConfiguration.logConfigurations[0].logLevel"],
  ["log-plan-unset", { userPoolTier: "PLUS", logDeliveryConfiguration: { logConfigurations: [authLogs] } }, { logDeliveryConfiguration: { logConfigurations: [authLogs] } }, "spec.logDeliveryConfiguration.logConfigurations[0].eventSource"],
  ["log-plan", { userPoolTier: "PLUS", logDeliveryConfiguration: { logConfigurations: [authLogs] } }, { userPoolTier: "LITE", logDeliveryConfiguration: { logConfigurations: [authLogs] } }, "spec.logDeliveryConfiguration.logConfigurations[0].eventSource"],
  ["log-destination-arn", { userPoolTier: "PLUS", logDeliveryConfiguration: { logConfigurations: [authLogs] } }, { userPoolTier: "PLUS", logDeliveryConfiguration: { logConfigurations: [{ ...authLogs, firehoseConfiguration: {} }] } }, "spec.logDeliveryConfiguration.logConfigurations[0].firehoseConfiguration"],
  // Terms documents (rules/terms.ts).
  ["terms-unknown-client", { clients: [{ name: "web" }], terms: bothTerms("web") }, { clients: [{ name: "web" }], terms: bothTerms("mobile") }, "spec.terms[0].client"],
  ["duplicate-terms", { clients: [{ name: "web" }], terms: bothTerms("web") }, { clients: [{ name: "web" }], terms: [...bothTerms("web"), terms("web", "privacy-policy")] }, "spec.terms[2].name"],
  ["terms-incomplete", { clients: [{ name: "web" }], terms: bothTerms("web") }, { clients: [{ name: "web" }], terms: [terms("web", "terms-of-use")] }, "spec.terms[0]"],
  ["terms-quota", { terms: manyTerms(20) }, { terms: manyTerms(21) }, "spec.terms"],
  // Branding (rules/branding.ts)
  ["duplicate-branding-client", { clients: [{ name: "web" }, { name: "app" }], managedLoginBranding: [{ clientName: "web" }, { clientName: "app" }] }, { clients: [{ name: "web" }], managedLoginBranding: [{ clientName: "web" }, { clientName: "web" }] }, "spec.managedLoginBranding[1].clientName"],
  ["duplicate-ui-customization-client", { domain: { domain: "shop-auth" }, uiCustomizations: [{ clientName: "ALL" }] }, { domain: { domain: "shop-auth" }, uiCustomizations: [{ clientName: "ALL" }, { clientName: "ALL" }] }, "spec.uiCustomizations[1].clientName"],
  ["branding-unknown-client", { clients: [{ name: "web" }], managedLoginBranding: [{ clientName: "web" }] }, { clients: [{ name: "web" }], managedLoginBranding: [{ clientName: "mobile" }] }, "spec.managedLoginBranding[0].clientName"],
  ["branding-defaults-with-values", { managedLoginBranding: [{ clientName: "web", useCognitoProvidedValues: true }] }, { managedLoginBranding: [{ clientName: "web", useCognitoProvidedValues: true, settings: {} }] }, "spec.managedLoginBranding[0].useCognitoProvidedValues"],
  ["branding-duplicate-asset", { managedLoginBranding: [{ clientName: "web", assets: [{ category: "FORM_LOGO", colorMode: "LIGHT", extension: "PNG", bytes: "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGPgLLoMRwzEcQASchThTOT9gwAAAABJRU5ErkJggg==" }, { category: "FORM_LOGO", colorMode: "DARK", extension: "PNG", bytes: "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGPgLLoMRwzEcQASchThTOT9gwAAAABJRU5ErkJggg==" }] }] }, { managedLoginBranding: [{ clientName: "web", assets: [{ category: "FORM_LOGO", colorMode: "LIGHT", extension: "PNG", bytes: "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGPgLLoMRwzEcQASchThTOT9gwAAAABJRU5ErkJggg==" }, { category: "FORM_LOGO", colorMode: "LIGHT", extension: "SVG", bytes: "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGPgLLoMRwzEcQASchThTOT9gwAAAABJRU5ErkJggg==" }] }] }, "spec.managedLoginBranding[0].assets[1].colorMode"],
  ["branding-asset-type", { managedLoginBranding: [{ clientName: "web", assets: [{ category: "FAVICON_SVG", colorMode: "LIGHT", extension: "SVG", bytes: "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGPgLLoMRwzEcQASchThTOT9gwAAAABJRU5ErkJggg==" }] }] }, { managedLoginBranding: [{ clientName: "web", assets: [{ category: "FAVICON_SVG", colorMode: "LIGHT", extension: "PNG", bytes: "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGPgLLoMRwzEcQASchThTOT9gwAAAABJRU5ErkJggg==" }] }] }, "spec.managedLoginBranding[0].assets[0].extension"],
  ["branding-needs-managed-login", { domain: { domain: "shop-auth", managedLoginVersion: 2 }, managedLoginBranding: [{ clientName: "web" }] }, { domain: { domain: "shop-auth", managedLoginVersion: 1 }, managedLoginBranding: [{ clientName: "web" }] }, "spec.managedLoginBranding[0]"],
  ["ui-customization-unknown-client", { clients: [{ name: "web" }], domain: { domain: "shop-auth" }, uiCustomizations: [{ clientName: "web" }] }, { clients: [{ name: "web" }], domain: { domain: "shop-auth" }, uiCustomizations: [{ clientName: "mobile" }] }, "spec.uiCustomizations[0].clientName"],
  ["ui-customization-css", { domain: { domain: "shop-auth" }, uiCustomizations: [{ clientName: "ALL", css: ".label-customizable { color: red; }" }] }, { domain: { domain: "shop-auth" }, uiCustomizations: [{ clientName: "ALL", css: "p { color: red; }" }] }, "spec.uiCustomizations[0].css"],
  ["ui-customization-needs-classic", { domain: { domain: "shop-auth", managedLoginVersion: 1 }, uiCustomizations: [{ clientName: "ALL" }] }, { domain: { domain: "shop-auth", managedLoginVersion: 2 }, uiCustomizations: [{ clientName: "ALL" }] }, "spec.uiCustomizations[0]"],
  ["ui-customization-needs-domain", { domain: { domain: "shop-auth" }, uiCustomizations: [{ clientName: "ALL" }] }, { uiCustomizations: [{ clientName: "ALL" }] }, "spec.uiCustomizations"],
];

describe("cross-field rules", () => {
  it.each(cases)("%s: passing case has no such diagnostic", (code, passing) => {
    const diagnostics = validatePoolSpec({ region: "eu-west-1", ...passing });
    expect(diagnostics.filter((d) => d.code === code)).toEqual([]);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it.each(cases)("%s: failing case reports it at the right path", (code, _passing, failing, path) => {
    const diagnostics = validatePoolSpec({ region: "eu-west-1", ...failing });
    expect(diagnostics.filter((d) => d.code === code).map((d) => d.path)).toContain(path);
  });
});

/** Every `error(path, "code", …)` / `warning(path, "code", …)` call in the rules' source, as `file:line:column`. */
function diagnosticCallSites(): { site: string; code: string }[] {
  const dir = dirname(fileURLToPath(import.meta.url));
  const sites: { site: string; code: string }[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    const source = ts.createSourceFile(file, readFileSync(join(dir, file), "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ["error", "warning"].includes(node.expression.text)) {
        const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
        const code = node.arguments[1];
        // A code that is not a literal cannot be checked here; rules spell their codes out.
        sites.push({ site: `${basename(file)}:${line + 1}:${character + 1}`, code: code && ts.isStringLiteralLike(code) ? code.text : "<not a string literal>" });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}

describe("rule coverage (meta)", () => {
  const sites = diagnosticCallSites();

  it("finds the rules' diagnostic calls in their source", () => {
    // Sanity: the scan sees the calls (a broken scan would make the checks below pass vacuously).
    expect(sites.length).toBeGreaterThan(40);
    expect(sites.map((s) => s.code)).toContain("mfa-needs-factor");
    expect(sites.filter((s) => s.code === "<not a string literal>")).toEqual([]);
  });

  it("every diagnostic code in the rules' source has a table case", () => {
    const tested = new Set(cases.map(([code]) => code));
    expect([...new Set(sites.map((s) => s.code))].filter((code) => !tested.has(code)).sort()).toEqual([]);
  });

  it("every error()/warning() call in the rules is the one a failing case's expected diagnostic comes from", () => {
    const ruleCodes = new Set(sites.map((s) => s.code));
    const covered = new Set<string>();
    const untraced: string[] = [];
    for (const [code, , failing, path] of cases)
      for (const d of validatePoolSpec({ region: "eu-west-1", ...failing })) {
        if (d.code !== code || d.path !== path) continue;
        const site = madeAt.get(d);
        if (site) covered.add(site);
        // Schema diagnostics (e.g. too-big) are made outside rules/; a rule code must always be traced to its call.
        else if (ruleCodes.has(code)) untraced.push(`${code} at ${path}`);
      }
    expect(untraced).toEqual([]);
    expect(sites.filter((s) => !covered.has(s.site)).map((s) => `${s.site} ${s.code}`)).toEqual([]);
  });
});
