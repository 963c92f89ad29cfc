/**
 * Test-only: a "maximal" pool document that sets nearly every field the spec supports and moto 5.2 can hold
 * (pool settings, messaging, triggers, custom attributes of each type, tags, three clients with every
 * client setting, resource servers and a prefix domain). Used to prove that reading such a pool back
 * plans as no change (drift without noise) and by the preflight and connect tests as a rich input.
 */
import type { PoolDocument } from "../spec/document-schema";

const ACCOUNT = "123456789012";
const fn = (region: string, name: string) => `arn:aws:lambda:${region}:${ACCOUNT}:function:${name}`;

export function maximalPoolDocument(name: string, region = "eu-west-1", domain = `${name}-auth`): PoolDocument {
  return {
    apiVersion: "cognito-studio.dev/v1",
    kind: "UserPool",
    metadata: { name, labels: { env: "staging" } },
    spec: {
      region,
      aliasAttributes: ["email", "preferred_username"],
      usernameConfiguration: { caseSensitive: false },
      autoVerifiedAttributes: ["email"],
      userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdate: ["email"] },
      passwordPolicy: {
        minimumLength: 14,
        requireUppercase: true,
        requireLowercase: false,
        requireNumbers: true,
        requireSymbols: false,
        passwordHistorySize: 3,
        temporaryPasswordValidityDays: 2,
      },
      mfaConfiguration: "OPTIONAL",
      softwareTokenMfaConfiguration: { enabled: true },
      smsAuthenticationMessage: "Your sign-in code is {####}",
      smsConfiguration: { snsCallerArn: `arn:aws:iam::${ACCOUNT}:role/cognito-sms`, externalId: "studio-external-id", snsRegion: region },
      emailConfiguration: {
        emailSendingAccount: "DEVELOPER",
        sourceArn: `arn:aws:ses:${region}:${ACCOUNT}:identity/example.com`,
        from: "Example <no-reply@example.com>",
        replyToEmailAddress: "support@example.com",
        configurationSet: "studio-set",
      },
      verificationMessageTemplate: {
        defaultEmailOption: "CONFIRM_WITH_LINK",
        emailMessageByLink: "Confirm your address: {##Click here##}",
        emailSubjectByLink: "Confirm your address",
        smsMessage: "Your code is {####}",
      },
      adminCreateUserConfig: {
        allowAdminCreateUserOnly: true,
        inviteMessageTemplate: { emailSubject: "Welcome", emailMessage: "Hello {username}, your password is {####}", smsMessage: "User {username} password {####}" },
      },
      deviceConfiguration: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: true },
      accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }] },
      lambdaConfig: {
        preSignUp: fn(region, "pre-sign-up"),
        customMessage: fn(region, "custom-message"),
        postConfirmation: fn(region, "post-confirmation"),
        preAuthentication: fn(region, "pre-authentication"),
        postAuthentication: fn(region, "post-authentication"),
        defineAuthChallenge: fn(region, "define-auth-challenge"),
        createAuthChallenge: fn(region, "create-auth-challenge"),
        verifyAuthChallengeResponse: fn(region, "verify-auth-challenge"),
        userMigration: fn(region, "user-migration"),
      },
      schemaAttributes: [
        { name: "tenant", attributeDataType: "String", mutable: true, stringAttributeConstraints: { minLength: "1", maxLength: "64" } },
        { name: "seats", attributeDataType: "Number", mutable: true, numberAttributeConstraints: { minValue: "1", maxValue: "1000" } },
        { name: "beta", attributeDataType: "Boolean", mutable: true },
        { name: "joined", attributeDataType: "DateTime", mutable: false },
      ],
      userPoolTags: { team: "identity", cost: "auth" },
      deletionProtection: "INACTIVE",
      resourceServers: [
        { identifier: "https://api.example.com", name: "api", scopes: [{ name: "orders.read", description: "Read orders" }, { name: "orders.write", description: "Write orders" }] },
        { identifier: "reports", name: "reports", scopes: [{ name: "export", description: "Export reports" }] },
      ],
      clients: [
        {
          name: "web",
          generateSecret: false,
          refreshTokenValidity: 7,
          accessTokenValidity: 30,
          idTokenValidity: 30,
          tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
          readAttributes: ["email", "email_verified", "name", "custom:tenant"],
          writeAttributes: ["email", "name"],
          explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
          supportedIdentityProviders: ["COGNITO"],
          callbackUrls: ["https://app.example.com/callback", "http://localhost:3000/callback"],
          logoutUrls: ["https://app.example.com/"],
          defaultRedirectUri: "https://app.example.com/callback",
          allowedOAuthFlows: ["code"],
          allowedOAuthScopes: ["openid", "email", "profile", "https://api.example.com/orders.read"],
          allowedOAuthFlowsUserPoolClient: true,
          preventUserExistenceErrors: "ENABLED",
          enableTokenRevocation: true,
          authSessionValidity: 5,
        },
        {
          name: "backend",
          generateSecret: true,
          explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
          supportedIdentityProviders: ["COGNITO"],
          callbackUrls: ["https://admin.example.com/api/auth/callback/cognito"],
          allowedOAuthFlows: ["code"],
          allowedOAuthScopes: ["openid", "email"],
          allowedOAuthFlowsUserPoolClient: true,
          preventUserExistenceErrors: "ENABLED",
          enablePropagateAdditionalUserContextData: true,
        },
        {
          name: "worker",
          generateSecret: true,
          accessTokenValidity: 2,
          tokenValidityUnits: { accessToken: "hours" },
          allowedOAuthFlows: ["client_credentials"],
          allowedOAuthScopes: ["https://api.example.com/orders.write", "reports/export"],
          allowedOAuthFlowsUserPoolClient: true,
          explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
        },
      ],
      domain: { domain },
    },
  };
}
