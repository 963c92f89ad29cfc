/**
 * The pool documents tests and benchmarks share:
 * - {@link BLOG_POOL_DOCUMENT}: the Terraform blog post's pool ("AWS Cognito Setup with Terraform": a pool with a
 *   resource server, an authorization-code client and a domain);
 * - {@link MAXIMAL_POOL_DOCUMENT}: the maximal pool, nearly every field the model has, and
 *   {@link maximalPoolOnMoto}, the same pool in the form moto can hold;
 * - {@link quotaSizedPool}: not every field but every count at its quota, for the benchmarks.
 */
import type { PoolDocument } from "@/lib/cognito/spec/document-schema";

/** The blog post's Terraform ("AWS Cognito Setup with Terraform") with its variables filled in with plausible values. */
export const BLOG_POOL_DOCUMENT: PoolDocument = {
  apiVersion: "cognito-studio.dev/v1",
  kind: "UserPool",
  metadata: { name: "blog-pool" },
  spec: {
    region: "eu-central-1",
    autoVerifiedAttributes: ["email"],
    verificationMessageTemplate: { defaultEmailOption: "CONFIRM_WITH_CODE" },
    accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }] },
    passwordPolicy: { minimumLength: 12, requireLowercase: true, requireNumbers: true, requireSymbols: true, requireUppercase: true },
    schemaAttributes: [
      { name: "email", attributeDataType: "String", mutable: true, required: true },
      { name: "tenant_id", attributeDataType: "String", mutable: true, required: false },
    ],
    resourceServers: [
      { identifier: "https://api.example.com", name: "api", scopes: [{ name: "read", description: "Read access to API" }] },
    ],
    domain: { domain: "blog-pool-auth" },
    clients: [
      {
        name: "web-app",
        allowedOAuthFlows: ["code"],
        allowedOAuthFlowsUserPoolClient: true,
        allowedOAuthScopes: ["https://api.example.com/read"],
        callbackUrls: ["https://app.example.com/callback"],
        logoutUrls: ["https://app.example.com/logout"],
        enableTokenRevocation: true,
        preventUserExistenceErrors: "ENABLED",
        supportedIdentityProviders: ["COGNITO"],
      },
    ],
  },
};

/**
 * The maximal pool: nearly every field of the model, with values valid for AWS. The formats' tests use it to
 * exercise each mapping; {@link maximalPoolOnMoto} is the same pool in the form moto can hold.
 */
export const MAXIMAL_POOL_DOCUMENT: PoolDocument = {
  apiVersion: "cognito-studio.dev/v1",
  kind: "UserPool",
  metadata: { name: "kitchen-sink" },
  spec: {
    region: "us-east-1",
    usernameAttributes: ["email"],
    usernameConfiguration: { caseSensitive: false },
    autoVerifiedAttributes: ["email"],
    userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdate: ["email"] },
    passwordPolicy: {
      minimumLength: 14,
      requireUppercase: true,
      requireLowercase: true,
      requireNumbers: true,
      requireSymbols: false,
      passwordHistorySize: 5,
      temporaryPasswordValidityDays: 3,
    },
    signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] },
    mfaConfiguration: "OPTIONAL",
    softwareTokenMfaConfiguration: { enabled: true },
    smsMfaConfiguration: { enabled: true },
    emailMfaConfiguration: { message: "Your sign-in code is {####}", subject: "Sign-in code" },
    webAuthnConfiguration: { relyingPartyId: "auth.example.com", userVerification: "preferred" },
    smsAuthenticationMessage: "Your code is {####}",
    smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/cognito-sms", externalId: "kitchen-sink", snsRegion: "us-east-1" },
    emailConfiguration: {
      emailSendingAccount: "DEVELOPER",
      sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/example.com",
      from: "Example <no-reply@example.com>",
      replyToEmailAddress: "support@example.com",
      configurationSet: "cognito-mail",
    },
    verificationMessageTemplate: {
      defaultEmailOption: "CONFIRM_WITH_LINK",
      emailMessageByLink: "Verify your address: {##Verify##}",
      emailSubjectByLink: "Verify your address",
      smsMessage: "Your verification code is {####}",
    },
    adminCreateUserConfig: {
      allowAdminCreateUserOnly: true,
      inviteMessageTemplate: {
        emailMessage: "Hello {username}, your password is {####}",
        emailSubject: "Welcome",
        smsMessage: "Hello {username}, your password is {####}",
      },
    },
    deviceConfiguration: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: true },
    userPoolAddOns: { advancedSecurityMode: "ENFORCED", advancedSecurityAdditionalFlows: { customAuthMode: "AUDIT" } },
    accountRecoverySetting: {
      recoveryMechanisms: [
        { name: "verified_email", priority: 1 },
        { name: "verified_phone_number", priority: 2 },
      ],
    },
    lambdaConfig: {
      preSignUp: "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up",
      postConfirmation: "arn:aws:lambda:us-east-1:123456789012:function:post-confirmation",
      preTokenGeneration: "arn:aws:lambda:us-east-1:123456789012:function:pre-token",
      preTokenGenerationConfig: { lambdaVersion: "V2_0", lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:pre-token" },
      customEmailSender: { lambdaVersion: "V1_0", lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:email-sender" },
      kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    },
    schemaAttributes: [
      { name: "email", attributeDataType: "String", required: true, mutable: true },
      { name: "birthdate", attributeDataType: "String", required: false, mutable: true },
      { name: "tenant", attributeDataType: "String", mutable: false, stringAttributeConstraints: { minLength: "1", maxLength: "64" } },
      { name: "plan_level", attributeDataType: "Number", mutable: true, numberAttributeConstraints: { minValue: "0", maxValue: "10" } },
      { name: "is_admin", attributeDataType: "Boolean", mutable: true, developerOnlyAttribute: false },
      { name: "last_seen", attributeDataType: "DateTime", mutable: true },
    ],
    userPoolTags: { environment: "production", "cost-center": "auth" },
    userPoolTier: "PLUS",
    deletionProtection: "ACTIVE",
    resourceServers: [
      {
        identifier: "https://api.example.com",
        name: "Orders API",
        scopes: [
          { name: "orders.read", description: "Read orders" },
          { name: "orders.write", description: "Create and change orders" },
        ],
      },
      { identifier: "reports", name: "Reports", scopes: [{ name: "export", description: "Export reports" }] },
    ],
    domain: { domain: "auth.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abcd-1234", managedLoginVersion: 2 },
    clients: [
      {
        name: "web-spa",
        generateSecret: false,
        accessTokenValidity: 60,
        idTokenValidity: 60,
        refreshTokenValidity: 30,
        tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
        readAttributes: ["email", "email_verified", "custom:tenant"],
        writeAttributes: ["email"],
        explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        supportedIdentityProviders: ["COGNITO"],
        callbackUrls: ["https://app.example.com/callback", "http://localhost:3000/callback"],
        logoutUrls: ["https://app.example.com/"],
        defaultRedirectUri: "https://app.example.com/callback",
        allowedOAuthFlows: ["code"],
        allowedOAuthScopes: ["openid", "email", "https://api.example.com/orders.read", "https://api.example.com/orders.write", "reports/export"],
        allowedOAuthFlowsUserPoolClient: true,
        preventUserExistenceErrors: "ENABLED",
        enableTokenRevocation: true,
        authSessionValidity: 5,
      },
      {
        name: "orders-worker",
        generateSecret: true,
        accessTokenValidity: 15,
        tokenValidityUnits: { accessToken: "minutes", idToken: "hours", refreshToken: "days" },
        allowedOAuthFlows: ["client_credentials"],
        allowedOAuthScopes: ["https://api.example.com/orders.read"],
        allowedOAuthFlowsUserPoolClient: true,
        enablePropagateAdditionalUserContextData: true,
        analyticsConfiguration: {
          applicationId: "0123456789abcdef0123456789abcdef",
          roleArn: "arn:aws:iam::123456789012:role/cognito-analytics",
          externalId: "orders",
          userDataShared: false,
        },
      },
    ],
  },
};

/**
 * A Plus pool with threat protection settings, the pool's and an app client's own (aws_cognito_risk_configuration),
 * and log delivery (aws_cognito_log_delivery_configuration, a resource of the 6.x provider: the file asks for 6.5.0).
 * moto lacks the risk configuration calls: the repository's moto extension answers them, modelled from
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetRiskConfiguration.html and
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeRiskConfiguration.html.
 */
export const THREAT_PROTECTION_DOCUMENT: PoolDocument = {
  apiVersion: "cognito-studio.dev/v1",
  kind: "UserPool",
  metadata: { name: "threat-protection" },
  spec: {
    region: "eu-west-1",
    userPoolTier: "PLUS",
    userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
    clients: [{ name: "web" }, { name: "admin" }],
    riskConfiguration: {
      compromisedCredentialsRiskConfiguration: { eventFilter: ["SIGN_IN"], actions: { eventAction: "BLOCK" } },
      accountTakeoverRiskConfiguration: {
        notifyConfiguration: { from: "security@shop.test", sourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/shop.test", blockEmail: { subject: "Blocked sign-in", htmlBody: "<p>We blocked a sign-in.</p>", textBody: "We blocked a sign-in." } },
        actions: { lowAction: { notify: false, eventAction: "NO_ACTION" }, mediumAction: { notify: false, eventAction: "MFA_IF_CONFIGURED" }, highAction: { notify: true, eventAction: "BLOCK" } },
      },
      riskExceptionConfiguration: { blockedIPRangeList: ["192.0.2.0/24"] },
      clients: [{ clientName: "admin", riskExceptionConfiguration: { skippedIPRangeList: ["198.51.100.0/24"] } }],
    },
    logDeliveryConfiguration: { logConfigurations: [{ eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: "arn:aws:logs:eu-west-1:123456789012:log-group:shop" } }] },
  },
};

/**
 * The maximal pool as moto 5.2 holds it, named `name` in `region` with the prefix domain `domain`: without email
 * MFA and passkeys (moto's GetUserPoolMfaConfig answers neither) and with a prefix domain instead of the custom one
 * (its DescribeUserPoolDomain answers no CustomDomainConfig), so reading it back from moto plans as no change.
 */
export function maximalPoolOnMoto(name: string, region = "eu-west-1", domain = `${name}-auth`): PoolDocument {
  const { emailMfaConfiguration: _email, webAuthnConfiguration: _passkeys, ...spec } = MAXIMAL_POOL_DOCUMENT.spec;
  const inRegion = JSON.parse(JSON.stringify(spec).replaceAll(`:${MAXIMAL_POOL_DOCUMENT.spec.region}:`, `:${region}:`)) as typeof spec;
  return { ...MAXIMAL_POOL_DOCUMENT, metadata: { name }, spec: { ...inRegion, region, domain: { domain } } };
}

/**
 * The pool of the spec-and-formats benchmark, every count at its quota: 1000 app clients, 25 resource servers with 100 scopes each,
 * 50 custom attributes (the most AWS allows, https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html). Every client asks for scopes of one
 * resource server, so exports reference them.
 */
export function quotaSizedPool(): PoolDocument {
  const resourceServers = Array.from({ length: 25 }, (_, r) => ({
    identifier: `https://api${r}.example.com`,
    name: `api-${r}`,
    scopes: Array.from({ length: 100 }, (_, s) => ({ name: `scope-${s}`, description: `Scope ${s} of API ${r}` })),
  }));
  const clients = Array.from({ length: 1000 }, (_, i) => ({
    name: `client-${String(i).padStart(4, "0")}`,
    generateSecret: false,
    allowedOAuthFlowsUserPoolClient: true,
    allowedOAuthFlows: ["code" as const],
    allowedOAuthScopes: ["openid", "email", `https://api${i % 25}.example.com/scope-${i % 100}`],
    callbackUrls: [`https://app${i}.example.com/callback`],
    logoutUrls: [`https://app${i}.example.com/`],
    supportedIdentityProviders: ["COGNITO"],
    explicitAuthFlows: ["ALLOW_USER_SRP_AUTH" as const, "ALLOW_REFRESH_TOKEN_AUTH" as const],
    preventUserExistenceErrors: "ENABLED" as const,
    enableTokenRevocation: true,
    accessTokenValidity: 60,
    idTokenValidity: 60,
    refreshTokenValidity: 30,
    tokenValidityUnits: { accessToken: "minutes" as const, idToken: "minutes" as const, refreshToken: "days" as const },
  }));
  const schemaAttributes = Array.from({ length: 50 }, (_, i) => ({
    name: `attr${i}`,
    attributeDataType: "String" as const,
    mutable: true,
    stringAttributeConstraints: { minLength: "0", maxLength: "256" },
  }));
  return {
    apiVersion: "cognito-studio.dev/v1",
    kind: "UserPool",
    metadata: { name: "maximal-pool", labels: { env: "production" } },
    spec: {
      region: "eu-west-1",
      usernameAttributes: ["email"],
      autoVerifiedAttributes: ["email"],
      mfaConfiguration: "ON",
      softwareTokenMfaConfiguration: { enabled: true },
      deletionProtection: "ACTIVE",
      passwordPolicy: { minimumLength: 14, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true },
      schemaAttributes,
      resourceServers,
      clients,
      domain: { domain: "maximal-pool-auth" },
    },
  } as PoolDocument;
}

/** A copy with 10% of the clients changed (a callback URL added), for the plan benchmark. */
export function withTenPercentChanged(doc: PoolDocument): PoolDocument {
  const copy = structuredClone(doc);
  copy.spec.clients?.forEach((client, i) => {
    if (i % 10 === 0) client.callbackUrls = [...(client.callbackUrls ?? []), `https://new${i}.example.com/callback`];
  });
  return copy;
}

/** A document named `name` with `spec` (in eu-west-1 unless it says otherwise): the header every hand-written test document shares. */
export function poolDocument(spec: Partial<PoolDocument["spec"]> = {}, name = "shop"): PoolDocument {
  return { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name }, spec: { region: "eu-west-1", ...spec } };
}

/**
 * The kitchen sink with a prefix domain and a custom domain together, and passkeys as an MFA factor: what the
 * 2026 console offers beside the older settings.
 */
export const TWO_DOMAINS_DOCUMENT: PoolDocument = {
  ...MAXIMAL_POOL_DOCUMENT,
  metadata: { name: "two-domains" },
  spec: {
    ...MAXIMAL_POOL_DOCUMENT.spec,
    webAuthnConfiguration: { relyingPartyId: "auth.example.com", userVerification: "required", factorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION" },
    domain: { domain: "two-domains-shop", managedLoginVersion: 2 },
    customDomain: { domain: "auth.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abcd-1234", managedLoginVersion: 2 },
  },
};
