/**
 * Label and one-line help of every field the editor shows. The AWS rule at the end of each help text (lengths,
 * ranges, item counts) is read from the spec's zod schema (through its shape, `schema-shape.ts`), so it cannot
 * drift from what validation enforces.
 * Sources of the descriptions: the Cognito API reference (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/: limits, and
 * create-only fields, the members the Update calls lack) and https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html
 * (list sizes).
 *
 * Keys are react-hook-form field names with `*` for list indexes: `spec.clients.*.callbackUrls`.
 */
import { POOL_DOCUMENT_SHAPE, type SchemaShape, segmentsOfField, shapeAt } from "./schema-shape";

export interface FieldMeta {
  label: string;
  /** What the setting does, in one sentence; the schema's rule is appended. */
  help: string;
  /** Unit of a number, for the rule text ("days", "minutes"). */
  unit?: string;
  /** Noun for list items in the rule text ("URLs"). */
  items?: string;
}

export const FIELD_HELP: Readonly<Record<string, FieldMeta>> = {
  "metadata.name": { label: "Pool name", help: "The user pool's name in AWS." },
  "metadata.labels": { label: "Labels", help: "Studio labels; env=production holds the pool to production findings." },
  "spec.region": { label: "AWS Region", help: "Where the pool lives, e.g. eu-west-1." },
  // Sign-in
  "spec.usernameAttributes": { label: "Sign in with (instead of a username)", help: "Users sign in with these instead of a username. Create-only; excludes aliases." },
  "spec.aliasAttributes": { label: "Sign-in aliases (in addition to a username)", help: "Users keep a username and may also sign in with these. Create-only; excludes the option above." },
  "spec.usernameConfiguration.caseSensitive": { label: "Case-sensitive usernames", help: "No makes Jane@Example.com and jane@example.com the same user. Create-only." },
  "spec.signInPolicy.allowedFirstAuthFactors": { label: "Allowed first sign-in factors", help: "Choice-based sign-in (ALLOW_USER_AUTH clients); PASSWORD is always allowed by AWS.", items: "factors" },
  "spec.webAuthnConfiguration.relyingPartyId": { label: "Passkey relying party ID", help: "The domain passkeys are bound to, e.g. auth.example.com." },
  "spec.webAuthnConfiguration.userVerification": { label: "Passkey user verification", help: "Whether passkeys must verify the user (PIN or biometric)." },
  // Password policy
  "spec.passwordPolicy.minimumLength": { label: "Minimum length", help: "Shortest password allowed; AWS default 8.", unit: "characters" },
  "spec.passwordPolicy.requireUppercase": { label: "Require an uppercase letter", help: "At least one A–Z." },
  "spec.passwordPolicy.requireLowercase": { label: "Require a lowercase letter", help: "At least one a–z." },
  "spec.passwordPolicy.requireNumbers": { label: "Require a number", help: "At least one 0–9." },
  "spec.passwordPolicy.requireSymbols": { label: "Require a symbol", help: "At least one special character such as ^ $ * . !" },
  "spec.passwordPolicy.passwordHistorySize": { label: "Password history", help: "How many previous passwords cannot be reused (Essentials tier or higher).", unit: "passwords" },
  "spec.passwordPolicy.temporaryPasswordValidityDays": { label: "Temporary password validity", help: "Days an admin-set temporary password works; 0 means the AWS default of 7.", unit: "days" },
  // MFA
  "spec.mfaConfiguration": { label: "Multi-factor authentication", help: "OFF, OPTIONAL (users opt in) or ON (required for everyone; create-time only for SMS-less pools)." },
  "spec.softwareTokenMfaConfiguration.enabled": { label: "Authenticator apps (TOTP)", help: "Allow time-based codes from an authenticator app as a second factor." },
  "spec.smsMfaConfiguration.enabled": { label: "SMS messages", help: "Send sign-in codes by SMS through Amazon SNS; needs the SNS caller role under Messages." },
  "spec.emailMfaConfiguration": { label: "Email messages", help: "Send sign-in codes by email; needs Amazon SES (Messages > Email provider DEVELOPER), the Essentials or Plus plan and two recovery methods." },
  "spec.webAuthnConfiguration.factorConfiguration": { label: "Passkeys as MFA", help: "Whether a passkey that verifies the user (PIN or biometric) satisfies MFA on its own (Essentials or Plus plan)." },
  "spec.smsAuthenticationMessage": { label: "SMS MFA message", help: "Text of the SMS carrying the sign-in code; must contain {####}." },
  "spec.emailMfaConfiguration.message": { label: "Email MFA message", help: "Body of the email carrying the sign-in code; must contain {####} (Essentials tier or higher)." },
  "spec.emailMfaConfiguration.subject": { label: "Email MFA subject", help: "Subject of the email carrying the sign-in code." },
  // Sign-up and verification
  "spec.adminCreateUserConfig.allowAdminCreateUserOnly": { label: "Only administrators create users", help: "Yes turns self sign-up off." },
  "spec.autoVerifiedAttributes": { label: "Verify automatically", help: "Cognito sends a code to prove the user owns these before they are trusted." },
  "spec.userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdate": { label: "Keep the old value until the new one is verified", help: "A changed email or phone number takes effect only after verification." },
  // Account recovery
  "spec.accountRecoverySetting.recoveryMechanisms": { label: "Recovery methods", help: "How users reset a forgotten password, in priority order; admin_only must be alone.", items: "methods" },
  "spec.accountRecoverySetting.recoveryMechanisms.*.name": { label: "Method", help: "Where the reset code is sent." },
  "spec.accountRecoverySetting.recoveryMechanisms.*.priority": { label: "Priority", help: "1 is tried first; priorities must be unique." },
  // Messages
  "spec.emailConfiguration.emailSendingAccount": { label: "Email provider", help: "COGNITO_DEFAULT sends up to 50 emails a day; DEVELOPER sends through your Amazon SES identity." },
  "spec.emailConfiguration.sourceArn": { label: "SES identity ARN", help: "Verified SES identity to send from; required for DEVELOPER." },
  "spec.emailConfiguration.from": { label: "From address", help: "Sender, e.g. Example <no-reply@example.com>." },
  "spec.emailConfiguration.replyToEmailAddress": { label: "Reply-to address", help: "Where replies go." },
  "spec.emailConfiguration.configurationSet": { label: "SES configuration set", help: "Letters, digits, _ and -." },
  "spec.smsConfiguration.snsCallerArn": { label: "SNS caller role ARN", help: "IAM role Cognito assumes to send SMS through Amazon SNS." },
  "spec.smsConfiguration.externalId": { label: "External ID", help: "External ID in the role's trust policy." },
  "spec.smsConfiguration.snsRegion": { label: "SNS Region", help: "Region whose SNS sends the SMS; default the pool's Region." },
  "spec.verificationMessageTemplate.defaultEmailOption": { label: "Email verification by", help: "Send a code or a link to verify an email address." },
  "spec.verificationMessageTemplate.emailSubject": { label: "Verification email subject (code)", help: "Subject of the email with a verification code." },
  "spec.verificationMessageTemplate.emailMessage": { label: "Verification email message (code)", help: "Must contain {####}." },
  "spec.verificationMessageTemplate.emailSubjectByLink": { label: "Verification email subject (link)", help: "Subject of the email with a verification link." },
  "spec.verificationMessageTemplate.emailMessageByLink": { label: "Verification email message (link)", help: "Must contain a link placeholder like {##Verify email##}." },
  "spec.verificationMessageTemplate.smsMessage": { label: "Verification SMS message", help: "Must contain {####}." },
  "spec.adminCreateUserConfig.inviteMessageTemplate.emailSubject": { label: "Invitation email subject", help: "Subject of the email to users an administrator created." },
  "spec.adminCreateUserConfig.inviteMessageTemplate.emailMessage": { label: "Invitation email message", help: "Must contain {username} and {####} (the temporary password)." },
  "spec.adminCreateUserConfig.inviteMessageTemplate.smsMessage": { label: "Invitation SMS message", help: "Must contain {username} and {####}." },
  // Attributes
  "spec.schemaAttributes": { label: "Attributes", help: "Standard attributes to configure and custom attributes to create. Add-only: existing ones never change.", items: "attributes" },
  "spec.schemaAttributes.*.name": { label: "Name", help: "A standard name (email) or a custom one without the custom: prefix." },
  "spec.schemaAttributes.*.attributeDataType": { label: "Type", help: "Fixed once created." },
  "spec.schemaAttributes.*.required": { label: "Required at sign-up", help: "Only standard attributes can be required; fixed once created." },
  "spec.schemaAttributes.*.mutable": { label: "Mutable", help: "Whether the value can change after sign-up; fixed once created." },
  "spec.schemaAttributes.*.developerOnlyAttribute": { label: "Developer only", help: "dev: attribute only administrators can read and write." },
  "spec.schemaAttributes.*.stringAttributeConstraints.minLength": { label: "Minimum length", help: "Whole number written as text." },
  "spec.schemaAttributes.*.stringAttributeConstraints.maxLength": { label: "Maximum length", help: "Whole number written as text; AWS default 2048." },
  "spec.schemaAttributes.*.numberAttributeConstraints.minValue": { label: "Minimum value", help: "Whole number written as text." },
  "spec.schemaAttributes.*.numberAttributeConstraints.maxValue": { label: "Maximum value", help: "Whole number written as text." },
  // Triggers
  "spec.lambdaConfig.preSignUp": { label: "Pre sign-up", help: "Lambda ARN run before a user is created." },
  "spec.lambdaConfig.customMessage": { label: "Custom message", help: "Lambda ARN that rewrites verification and invitation messages." },
  "spec.lambdaConfig.postConfirmation": { label: "Post confirmation", help: "Lambda ARN run after a user confirms." },
  "spec.lambdaConfig.preAuthentication": { label: "Pre authentication", help: "Lambda ARN that can deny a sign-in." },
  "spec.lambdaConfig.postAuthentication": { label: "Post authentication", help: "Lambda ARN run after a sign-in." },
  "spec.lambdaConfig.defineAuthChallenge": { label: "Define auth challenge", help: "Lambda ARN for custom authentication flows." },
  "spec.lambdaConfig.createAuthChallenge": { label: "Create auth challenge", help: "Lambda ARN for custom authentication flows." },
  "spec.lambdaConfig.verifyAuthChallengeResponse": { label: "Verify auth challenge response", help: "Lambda ARN for custom authentication flows." },
  "spec.lambdaConfig.preTokenGeneration": { label: "Pre token generation (V1)", help: "Legacy trigger; must equal the versioned trigger's ARN when both are set." },
  "spec.lambdaConfig.preTokenGenerationConfig.lambdaArn": { label: "Pre token generation ARN", help: "Lambda ARN that customises tokens." },
  "spec.lambdaConfig.preTokenGenerationConfig.lambdaVersion": { label: "Pre token generation version", help: "V2_0 and V3_0 can change access tokens (Essentials tier or higher)." },
  "spec.lambdaConfig.userMigration": { label: "User migration", help: "Lambda ARN that imports users from another directory at sign-in." },
  "spec.lambdaConfig.customSmsSender.lambdaArn": { label: "Custom SMS sender ARN", help: "Lambda ARN that sends SMS itself; needs the KMS key." },
  "spec.lambdaConfig.customEmailSender.lambdaArn": { label: "Custom email sender ARN", help: "Lambda ARN that sends email itself; needs the KMS key." },
  "spec.lambdaConfig.kmsKeyId": { label: "KMS key ARN", help: "Key that encrypts codes for the custom sender triggers." },
  // Advanced
  "spec.deletionProtection": { label: "Deletion protection", help: "ACTIVE refuses to delete the pool (and every user) until turned off." },
  "spec.userPoolTier": { label: "Feature plan", help: "LITE, ESSENTIALS (AWS default) or PLUS (threat protection)." },
  "spec.userPoolAddOns.advancedSecurityMode": { label: "Threat protection", help: "AUDIT logs risky sign-ins; ENFORCED blocks them (Plus tier)." },
  "spec.userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode": { label: "Threat protection for custom auth", help: "Protection for Lambda-driven sign-in flows." },
  "spec.deviceConfiguration.challengeRequiredOnNewDevice": { label: "Challenge on new devices", help: "Ask for MFA the first time a device is used." },
  "spec.deviceConfiguration.deviceOnlyRememberedOnUserPrompt": { label: "Remember devices only when the user agrees", help: "No remembers every device." },
  "spec.userPoolTags": { label: "Tags", help: "AWS tags on the pool; env=production marks production.", items: "tags" },
  // App clients
  "spec.clients": { label: "App clients", help: "Applications that sign users in; unset means clients are not managed here.", items: "clients" },
  "spec.clients.*.name": { label: "Client name", help: "Unique in the pool." },
  "spec.clients.*.generateSecret": { label: "Client secret", help: "Only for apps that can keep a secret (servers). Create-only: changing it replaces the client." },
  "spec.clients.*.callbackUrls": { label: "Callback URLs", help: "Where Cognito may send users after sign-in: https, or http://localhost.", items: "URLs" },
  "spec.clients.*.logoutUrls": { label: "Sign-out URLs", help: "Where Cognito may send users after sign-out.", items: "URLs" },
  "spec.clients.*.defaultRedirectUri": { label: "Default redirect URL", help: "Must be one of the callback URLs." },
  "spec.clients.*.allowedOAuthFlowsUserPoolClient": { label: "OAuth enabled", help: "Must be Yes before OAuth flows, scopes and URLs take effect." },
  "spec.clients.*.allowedOAuthFlows": { label: "OAuth grant types", help: "Authorization code grant (with PKCE) for apps, avoid the implicit grant (tokens in the URL); client credentials for machines, alone and with a client secret.", items: "flows" },
  "spec.clients.*.allowedOAuthScopes": { label: "OAuth scopes", help: "Standard scopes and the custom scopes of this pool's resource servers.", items: "scopes" },
  "spec.clients.*.supportedIdentityProviders": { label: "Identity providers", help: "COGNITO for the pool's own users, or federated provider names.", items: "providers" },
  "spec.clients.*.explicitAuthFlows": { label: "Authentication flows", help: "API sign-in flows the client may use; don't mix legacy names with ALLOW_ names." },
  "spec.clients.*.accessTokenValidity": { label: "Access token lifetime", help: "In the unit chosen beside it (default hours); 5 minutes to 1 day." },
  "spec.clients.*.idTokenValidity": { label: "ID token lifetime", help: "In the unit chosen beside it (default hours); 5 minutes to 1 day." },
  "spec.clients.*.refreshTokenValidity": { label: "Refresh token lifetime", help: "In the unit chosen beside it (default days); 60 minutes to 10 years." },
  "spec.clients.*.tokenValidityUnits.accessToken": { label: "Access token unit", help: "Unit of the access token lifetime." },
  "spec.clients.*.tokenValidityUnits.idToken": { label: "ID token unit", help: "Unit of the ID token lifetime." },
  "spec.clients.*.tokenValidityUnits.refreshToken": { label: "Refresh token unit", help: "Unit of the refresh token lifetime." },
  "spec.clients.*.authSessionValidity": { label: "Sign-in session lifetime", help: "Minutes a sign-in session token stays valid.", unit: "minutes" },
  "spec.clients.*.preventUserExistenceErrors": { label: "Prevent user existence errors", help: "ENABLED answers the same for unknown users, so accounts cannot be enumerated." },
  "spec.clients.*.enableTokenRevocation": { label: "Token revocation", help: "Lets sign-out revoke refresh tokens." },
  // Sources: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RefreshTokenRotationType.html, API_AnalyticsConfigurationType.html and API_CreateUserPoolClient.html.
  "spec.clients.*.refreshTokenRotation.feature": { label: "Refresh token rotation", help: "ENABLED issues a new refresh token on each refresh and invalidates the old one (Essentials tier or higher)." },
  "spec.clients.*.refreshTokenRotation.retryGracePeriodSeconds": { label: "Rotation grace period", help: "How long the old refresh token still works, for a retried request.", unit: "seconds" },
  "spec.clients.*.enablePropagateAdditionalUserContextData": { label: "Send device and IP context", help: "Passes the user's IP and device data to threat protection; only for clients with a secret." },
  "spec.clients.*.analyticsConfiguration.applicationId": { label: "Pinpoint project ID", help: "Hexadecimal ID of the Amazon Pinpoint project that receives sign-in events." },
  "spec.clients.*.analyticsConfiguration.applicationArn": { label: "Pinpoint project ARN", help: "Instead of the ID and role: the project's ARN (same account)." },
  "spec.clients.*.analyticsConfiguration.roleArn": { label: "Pinpoint role ARN", help: "IAM role Cognito assumes to publish to Pinpoint (with the project ID)." },
  "spec.clients.*.analyticsConfiguration.externalId": { label: "Pinpoint external ID", help: "External ID in that role's trust policy." },
  "spec.clients.*.analyticsConfiguration.userDataShared": { label: "Share user data with Pinpoint", help: "Yes includes user attributes and endpoints in the events." },
  "spec.clients.*.readAttributes": { label: "Readable attributes", help: "Attributes the client may read; unset means all.", items: "attributes" },
  "spec.clients.*.writeAttributes": { label: "Writable attributes", help: "Attributes the client may write; unset means all writable ones.", items: "attributes" },
  // Resource servers
  // Groups (CreateGroupRequest)
  "spec.groups": { label: "Groups", help: "Roles in the application; users are added to groups outside the studio.", items: "groups" },
  "spec.groups.*.name": { label: "Group name", help: "Appears in the cognito:groups claim; no spaces. A renamed group is a new group (memberships are lost)." },
  "spec.groups.*.description": { label: "Description", help: "Shown to administrators." },
  "spec.groups.*.precedence": { label: "Precedence", help: "0 is the highest; the lowest value among a user's groups sets cognito:preferred_role." },
  "spec.groups.*.roleArn": { label: "IAM role ARN", help: "Goes in the cognito:roles claim, e.g. for an identity pool." },
  // Terms documents (CreateTermsRequest)
  "spec.terms": { label: "Terms documents", help: "Links managed login shows on an app client's sign-up page.", items: "documents" },
  "spec.terms.*.client": { label: "App client", help: "The client whose sign-up page links to the document. Changing it creates the document again." },
  "spec.terms.*.name": { label: "Document", help: "Terms of use or privacy policy; a client has one of each." },
  "spec.terms.*.links": { label: "Links by language", help: "cognito:default serves every language without its own link.", items: "links" },
  // Sign-in providers (CreateIdentityProviderRequest)
  "spec.identityProviders": { label: "Sign-in providers", help: "External identity providers.", items: "providers" },
  "spec.identityProviders.*.providerName": { label: "Provider name", help: "Google, Facebook, LoginWithAmazon and SignInWithApple use their type as name; SAML and OIDC providers get their own. Changing it replaces the provider." },
  "spec.identityProviders.*.providerType": { label: "Provider type", help: "Changing it replaces the provider." },
  "spec.identityProviders.*.providerDetails": { label: "Provider details", help: "client_id, authorize_scopes, oidc_issuer, MetadataURL…; never client_secret or private_key (use the secret reference)." },
  "spec.identityProviders.*.secretRef.source": { label: "Secret comes from", help: "Where the server that applies reads the client secret (Apple: the private key)." },
  "spec.identityProviders.*.secretRef.name": { label: "Secret reference", help: "Environment variable (must start with IDP_SECRET_), Secrets Manager secret or SSM parameter name (must start with the server's STUDIO_SECRET_NAME_PREFIX when it is set); never the secret itself." },
  "spec.identityProviders.*.secretRef.jsonKey": { label: "JSON key (Secrets Manager)", help: "The key of a JSON secret that holds the value." },
  "spec.identityProviders.*.attributeMapping": { label: "Attribute mapping", help: "User pool attribute → IdP claim; mapped attributes must be mutable and writable by the clients offering the provider." },
  "spec.identityProviders.*.idpIdentifiers": { label: "IdP identifiers", help: "Names or email domains that select this provider (idp_identifier).", items: "identifiers" },
  "spec.resourceServers": { label: "Resource servers", help: "APIs whose custom scopes clients can ask for.", items: "resource servers" },
  "spec.resourceServers.*.identifier": { label: "Identifier", help: "Usually the API's URL; scopes are identifier/scope. Changing it replaces the server." },
  "spec.resourceServers.*.name": { label: "Name", help: "A friendly name." },
  "spec.resourceServers.*.scopes": { label: "Scopes", help: "Custom scopes of this API.", items: "scopes" },
  "spec.resourceServers.*.scopes.*.name": { label: "Scope name", help: "No spaces, quotes, / or backslashes." },
  "spec.resourceServers.*.scopes.*.description": { label: "Scope description", help: "Shown to administrators." },
  // Threat protection settings
  "spec.riskConfiguration": { label: "Threat protection settings", help: "Adaptive authentication, compromised credentials and IP exceptions (Plus plan)." },
  "spec.riskConfiguration.compromisedCredentialsRiskConfiguration.eventFilter": { label: "Event detection", help: "The events checked for compromised credentials; none chosen means all of them.", items: "events" },
  "spec.riskConfiguration.compromisedCredentialsRiskConfiguration.actions.eventAction": { label: "Compromised credentials response", help: "Block sign-in, or allow it and only log the event." },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.actions.lowAction.eventAction": { label: "Low risk: response", help: "What adaptive authentication does at this risk level." },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.actions.lowAction.notify": { label: "Low risk: notify users", help: "Send the user an email about the sign-in attempt." },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.actions.mediumAction.eventAction": { label: "Medium risk: response", help: "What adaptive authentication does at this risk level." },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.actions.mediumAction.notify": { label: "Medium risk: notify users", help: "Send the user an email about the sign-in attempt." },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.actions.highAction.eventAction": { label: "High risk: response", help: "What adaptive authentication does at this risk level." },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.actions.highAction.notify": { label: "High risk: notify users", help: "Send the user an email about the sign-in attempt." },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.from": { label: "FROM email address", help: "Verified in Amazon SES, or of a verified domain." },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.replyTo": { label: "REPLY-TO email address", help: "Where replies go, e.g. support@example.com." },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.sourceArn": { label: "SES identity ARN", help: "The Amazon SES identity that lets Cognito send as the FROM address." },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.blockEmail.subject": { label: "Blocked sign-in message: subject", help: "" },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.blockEmail.htmlBody": { label: "Blocked sign-in message: HTML body", help: "" },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.blockEmail.textBody": { label: "Blocked sign-in message: plain-text body", help: "" },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.noActionEmail.subject": { label: "Allowed sign-in message: subject", help: "" },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.noActionEmail.htmlBody": { label: "Allowed sign-in message: HTML body", help: "" },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.noActionEmail.textBody": { label: "Allowed sign-in message: plain-text body", help: "" },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.mfaEmail.subject": { label: "MFA challenge message: subject", help: "" },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.mfaEmail.htmlBody": { label: "MFA challenge message: HTML body", help: "" },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration.mfaEmail.textBody": { label: "MFA challenge message: plain-text body", help: "" },
  "spec.riskConfiguration.riskExceptionConfiguration.skippedIPRangeList": { label: "Always-allow list", help: "IP ranges in CIDR notation that threat protection never checks.", items: "ranges" },
  "spec.riskConfiguration.riskExceptionConfiguration.blockedIPRangeList": { label: "Always-block list", help: "IP ranges in CIDR notation that are always blocked.", items: "ranges" },
  "spec.riskConfiguration.clients": { label: "App client settings", help: "Clients with settings of their own; the others use the pool's.", items: "clients" },
  "spec.riskConfiguration.clients.*.clientName": { label: "App client", help: "The client these settings are for." },
  "spec.riskConfiguration.clients.*.compromisedCredentialsRiskConfiguration.eventFilter": { label: "Event detection", help: "The events checked for compromised credentials; none chosen means all of them.", items: "events" },
  "spec.riskConfiguration.clients.*.compromisedCredentialsRiskConfiguration.actions.eventAction": { label: "Compromised credentials response", help: "Block sign-in, or allow it and only log the event." },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.actions.lowAction.eventAction": { label: "Low risk: response", help: "What adaptive authentication does at this risk level." },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.actions.lowAction.notify": { label: "Low risk: notify users", help: "Send the user an email about the sign-in attempt." },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.actions.mediumAction.eventAction": { label: "Medium risk: response", help: "What adaptive authentication does at this risk level." },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.actions.mediumAction.notify": { label: "Medium risk: notify users", help: "Send the user an email about the sign-in attempt." },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.actions.highAction.eventAction": { label: "High risk: response", help: "What adaptive authentication does at this risk level." },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.actions.highAction.notify": { label: "High risk: notify users", help: "Send the user an email about the sign-in attempt." },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.notifyConfiguration.from": { label: "FROM email address", help: "Verified in Amazon SES, or of a verified domain." },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.notifyConfiguration.replyTo": { label: "REPLY-TO email address", help: "Where replies go, e.g. support@example.com." },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.notifyConfiguration.sourceArn": { label: "SES identity ARN", help: "The Amazon SES identity that lets Cognito send as the FROM address." },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.notifyConfiguration.blockEmail.subject": { label: "Blocked sign-in message: subject", help: "" },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.notifyConfiguration.blockEmail.htmlBody": { label: "Blocked sign-in message: HTML body", help: "" },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.notifyConfiguration.blockEmail.textBody": { label: "Blocked sign-in message: plain-text body", help: "" },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.notifyConfiguration.noActionEmail.subject": { label: "Allowed sign-in message: subject", help: "" },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.notifyConfiguration.noActionEmail.htmlBody": { label: "Allowed sign-in message: HTML body", help: "" },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.notifyConfiguration.noActionEmail.textBody": { label: "Allowed sign-in message: plain-text body", help: "" },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.notifyConfiguration.mfaEmail.subject": { label: "MFA challenge message: subject", help: "" },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.notifyConfiguration.mfaEmail.htmlBody": { label: "MFA challenge message: HTML body", help: "" },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.notifyConfiguration.mfaEmail.textBody": { label: "MFA challenge message: plain-text body", help: "" },
  "spec.riskConfiguration.clients.*.riskExceptionConfiguration.skippedIPRangeList": { label: "Always-allow list", help: "IP ranges in CIDR notation that threat protection never checks.", items: "ranges" },
  "spec.riskConfiguration.clients.*.riskExceptionConfiguration.blockedIPRangeList": { label: "Always-block list", help: "IP ranges in CIDR notation that are always blocked.", items: "ranges" },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration": { label: "Notification messages", help: "Who sends the risk notifications, and their templates." },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.actions": { label: "Adaptive authentication", help: "The response at each risk level." },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.notifyConfiguration": { label: "Notification messages", help: "Who sends the risk notifications, and their templates." },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.actions": { label: "Adaptive authentication", help: "The response at each risk level." },
  // Log streaming
  "spec.logDeliveryConfiguration.logConfigurations": { label: "Log streams", help: "One per kind of log.", items: "log streams" },
  "spec.logDeliveryConfiguration.logConfigurations.*.eventSource": { label: "Logs", help: "User notification logs (message delivery errors) or user authentication logs (Plus plan)." },
  "spec.logDeliveryConfiguration.logConfigurations.*.logLevel": { label: "Log level", help: "Error for user notification logs, Info for user authentication logs." },
  "spec.logDeliveryConfiguration.logConfigurations.*.cloudWatchLogsConfiguration.logGroupArn": { label: "CloudWatch Logs log group ARN", help: "Same account as the pool, not encrypted with KMS." },
  "spec.logDeliveryConfiguration.logConfigurations.*.s3Configuration.bucketArn": { label: "S3 bucket ARN", help: "User authentication logs only." },
  "spec.logDeliveryConfiguration.logConfigurations.*.firehoseConfiguration.streamArn": { label: "Firehose stream ARN", help: "User authentication logs only." },
  // Domain
  "spec.domain.domain": { label: "Domain", help: "A prefix (my-app → my-app.auth.<region>.amazoncognito.com) or your own domain (auth.example.com)." },
  "spec.domain.certificateArn": { label: "ACM certificate ARN", help: "Required for your own domain; the certificate must be in us-east-1." },
  "spec.domain.managedLoginVersion": { label: "Sign-in pages", help: "1 = classic hosted UI, 2 = managed login (not on the Lite plan)." },
  // Branding
  "spec.managedLoginBranding": { label: "Managed login styles", help: "One style per app client, shown on a domain with managed login.", items: "styles" },
  "spec.managedLoginBranding.*.clientName": { label: "App client", help: "The client whose sign-in pages use this style." },
  "spec.managedLoginBranding.*.useCognitoProvidedValues": { label: "Cognito's default style", help: "Cognito's own look; then the style has no settings or images of its own." },
  "spec.managedLoginBranding.*.settings": { label: "Style settings", help: "The branding editor's settings document; keys the studio does not show are kept as they are." },
  "spec.managedLoginBranding.*.settings.categories.global.colorSchemeMode": { label: "Colour scheme", help: "Always light, always dark, or following the browser." },
  "spec.managedLoginBranding.*.settings.categories.form.location.horizontal": { label: "Form position across", help: "Where the form sits across the page." },
  "spec.managedLoginBranding.*.settings.categories.form.location.vertical": { label: "Form position down", help: "Where the form sits down the page." },
  "spec.managedLoginBranding.*.settings.components.pageBackground.lightMode.color": { label: "Page background, light mode", help: "8 hex digits: red, green, blue and opacity." },
  "spec.managedLoginBranding.*.settings.components.pageBackground.darkMode.color": { label: "Page background, dark mode", help: "8 hex digits: red, green, blue and opacity." },
  "spec.managedLoginBranding.*.settings.components.primaryButton.lightMode.defaults.backgroundColor": { label: "Sign-in button, light mode", help: "8 hex digits: red, green, blue and opacity." },
  "spec.managedLoginBranding.*.settings.components.primaryButton.darkMode.defaults.backgroundColor": { label: "Sign-in button, dark mode", help: "8 hex digits: red, green, blue and opacity." },
  "spec.managedLoginBranding.*.settings.components.form.borderRadius": { label: "Form corner radius (px)", help: "0 for square corners." },
  "spec.managedLoginBranding.*.settings.components.form.logo.location": { label: "Logo alignment", help: "Start, centre or end of the form." },
  "spec.managedLoginBranding.*.settings.components.form.logo.position": { label: "Logo above or below the form", help: "Above or below the fields." },
  "spec.managedLoginBranding.*.assets": { label: "Images", help: "Logos, backgrounds and icons, at most 40, each at most 1,000,000 bytes.", items: "images" },
  "spec.managedLoginBranding.*.assets.*.category": { label: "What it is", help: "Where the image appears (form logo, page background, favicon…)." },
  "spec.managedLoginBranding.*.assets.*.colorMode": { label: "Colour mode", help: "Shown in light mode, dark mode, or both (DYNAMIC)." },
  "spec.managedLoginBranding.*.assets.*.extension": { label: "File type", help: "Favicons are ICO or SVG; other images PNG, JPEG, SVG or WEBP." },
  "spec.managedLoginBranding.*.assets.*.bytes": { label: "Image file", help: "The file, base64." },
  "spec.uiCustomizations": { label: "Hosted UI (classic) customizations", help: "CSS and a logo, for every client (ALL) or one, shown on a domain with the classic hosted UI.", items: "customizations" },
  "spec.uiCustomizations.*.clientName": { label: "App client", help: "ALL for every client without its own, or one client's name." },
  "spec.uiCustomizations.*.css": { label: "CSS", help: "Only the classes AWS allows, like .submitButton-customizable." },
  "spec.uiCustomizations.*.imageFile": { label: "Logo", help: "PNG or JPEG, at most 100 KB." },
  "spec.customDomain.domain": { label: "Custom domain", help: "Your own domain beside the prefix domain, e.g. auth.example.com; point a CNAME or alias record at its CloudFront distribution." },
  "spec.customDomain.certificateArn": { label: "ACM certificate ARN", help: "Covers the custom domain; the certificate must be in us-east-1." },
  "spec.customDomain.managedLoginVersion": { label: "Sign-in pages", help: "1 = classic hosted UI, 2 = managed login (not on the Lite plan); each domain has its own." },
};

/** `spec.clients.3.name` → `spec.clients.*.name`. */
export function fieldPattern(name: string): string {
  return name.replace(/\.\d+(?=\.|$)/gu, ".*");
}

function range(min: number | undefined, max: number | undefined): string | undefined {
  if (min !== undefined && max !== undefined) return `${min}–${max}`;
  if (max !== undefined) return `at most ${max}`;
  if (min !== undefined) return `at least ${min}`;
  return undefined;
}

/** The AWS rule of a field in words, from its schema: "6–99 characters.", "1–128 characters.", "Up to 100 URLs." */
export function ruleText(bounds: SchemaShape, meta: Pick<FieldMeta, "unit" | "items"> = {}): string {
  if (bounds.type === "number") {
    const r = range(bounds.minimum, bounds.maximum);
    if (!r) return "";
    const what = bounds.isInteger ? "Whole number" : "Number";
    return `${what}, ${r}${meta.unit ? ` ${meta.unit}` : ""}.`;
  }
  if (bounds.type === "string") {
    const r = range(bounds.minLength, bounds.maxLength);
    return r ? `${r[0].toUpperCase()}${r.slice(1)} characters.` : "";
  }
  if (bounds.type === "array") {
    const noun = meta.items ?? "items";
    if (bounds.minLength !== undefined && bounds.maxLength !== undefined && bounds.minLength > 0) return `${bounds.minLength}–${bounds.maxLength} ${noun}.`;
    if (bounds.maxLength !== undefined) return `Up to ${bounds.maxLength} ${noun}.`;
  }
  return "";
}

export interface FieldHelp {
  label: string;
  /** Description and rule, one line. */
  help: string;
}

/** Label and help for a field name (indexes allowed). Unknown names get their last segment as the label. */
/** `spec.clientDefaults.X` is described like `spec.clients.*.X`, as the default every client inherits. */
const CLIENT_DEFAULTS = "spec.clientDefaults.";

export function helpFor(name: string): FieldHelp {
  const pattern = fieldPattern(name);
  const own = FIELD_HELP[pattern];
  const inherited = !own && pattern.startsWith(CLIENT_DEFAULTS) ? FIELD_HELP[`spec.clients.*.${pattern.slice(CLIENT_DEFAULTS.length)}`] : undefined;
  const meta = inherited ? { ...inherited, help: `Default for every client that does not set its own. ${inherited.help}` } : own;
  const schema = shapeAt(POOL_DOCUMENT_SHAPE, segmentsOfField(pattern));
  const rule = schema ? ruleText(schema, meta ?? {}) : "";
  if (!meta) return { label: pattern.split(".").pop() ?? name, help: rule };
  return { label: meta.label, help: rule ? `${meta.help} ${rule}` : meta.help };
}
