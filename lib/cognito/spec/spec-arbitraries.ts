/**
 * fast-check generators of schema-valid pool documents, for property and conformance tests (test-only helper).
 * Values stay inside the schema's constraints; cross-field rules are not guaranteed.
 */
import fc from "fast-check";
import type { PoolDocument } from "./document-schema";

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}[a-z0-9]$/);
const friendly = fc.stringMatching(/^[A-Za-z0-9_][\w +=,.@-]{0,30}$/);
const arn = fc.tuple(fc.constantFrom("lambda", "ses", "iam", "acm"), fc.stringMatching(/^\d{12}$/), word).map(
  ([svc, acct, name]) => `arn:aws:${svc}:us-east-1:${acct}:function:${name}`,
);
const url = fc.tuple(fc.constantFrom("https://", "myapp://", "http://localhost:"), word).map(([s, w]) => (s.endsWith(":") ? `${s}3000/${w}` : `${s}${w}.example.com/cb`));
const subset = <T>(values: readonly T[]) => fc.subarray([...values]);
const printable = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .,!]{0,40}$/);

/** Drops undefined fields so generated objects look like parsed YAML. */
function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, clean(v)])) as T;
  return value;
}

const clientSettings = {
  generateSecret: opt(fc.boolean()),
  refreshTokenValidity: opt(fc.integer({ min: 0, max: 315360000 })),
  accessTokenValidity: opt(fc.integer({ min: 1, max: 86400 })),
  idTokenValidity: opt(fc.integer({ min: 1, max: 86400 })),
  tokenValidityUnits: opt(fc.record({ accessToken: opt(fc.constantFrom("seconds", "minutes", "hours", "days")), refreshToken: opt(fc.constantFrom("hours", "days")) })),
  readAttributes: opt(subset(["email", "name", "custom:tenant"])),
  writeAttributes: opt(subset(["email", "name"])),
  explicitAuthFlows: opt(subset(["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH", "ALLOW_CUSTOM_AUTH"])),
  supportedIdentityProviders: opt(subset(["COGNITO", "Google"])),
  callbackUrls: opt(fc.array(url, { maxLength: 3 })),
  logoutUrls: opt(fc.array(url, { maxLength: 2 })),
  allowedOAuthFlows: opt(subset(["code", "implicit", "client_credentials"])),
  allowedOAuthScopes: opt(subset(["openid", "email", "profile", "https://api.example.com/read"])),
  allowedOAuthFlowsUserPoolClient: opt(fc.boolean()),
  analyticsConfiguration: opt(fc.record({ applicationId: opt(fc.stringMatching(/^[0-9a-f]{32}$/)), roleArn: opt(arn), userDataShared: opt(fc.boolean()) })),
  preventUserExistenceErrors: opt(fc.constantFrom("LEGACY", "ENABLED")),
  enableTokenRevocation: opt(fc.boolean()),
  enablePropagateAdditionalUserContextData: opt(fc.boolean()),
  authSessionValidity: opt(fc.integer({ min: 3, max: 15 })),
  refreshTokenRotation: opt(fc.record({ feature: fc.constantFrom("ENABLED", "DISABLED"), retryGracePeriodSeconds: opt(fc.integer({ min: 0, max: 60 })) })),
};

export const poolDocumentArbitrary: fc.Arbitrary<PoolDocument> = fc
  .record({
    apiVersion: fc.constant("cognito-studio.dev/v1" as const),
    kind: fc.constant("UserPool" as const),
    metadata: fc.record({ name: friendly, labels: opt(fc.dictionary(word, printable, { maxKeys: 3 })) }),
    spec: fc.record({
      region: fc.constantFrom("us-east-1", "eu-west-1", "ap-southeast-2", "us-gov-west-1"),
      usernameAttributes: opt(subset(["email", "phone_number"])),
      usernameConfiguration: opt(fc.record({ caseSensitive: fc.boolean() })),
      autoVerifiedAttributes: opt(subset(["email", "phone_number"])),
      passwordPolicy: opt(
        fc.record({
          minimumLength: opt(fc.integer({ min: 6, max: 99 })),
          requireUppercase: opt(fc.boolean()),
          requireSymbols: opt(fc.boolean()),
          passwordHistorySize: opt(fc.integer({ min: 0, max: 24 })),
          temporaryPasswordValidityDays: opt(fc.integer({ min: 0, max: 365 })),
        }),
      ),
      signInPolicy: opt(fc.record({ allowedFirstAuthFactors: fc.subarray(["PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"] as const, { minLength: 1 }) })),
      mfaConfiguration: opt(fc.constantFrom("OFF", "ON", "OPTIONAL")),
      softwareTokenMfaConfiguration: opt(fc.record({ enabled: fc.boolean() })),
      smsAuthenticationMessage: opt(printable.map((s) => `${s} {####}`)),
      smsConfiguration: opt(fc.record({ snsCallerArn: arn, externalId: opt(word), snsRegion: opt(fc.constant("us-east-1")) })),
      emailConfiguration: opt(
        fc.record({
          emailSendingAccount: opt(fc.constantFrom("COGNITO_DEFAULT", "DEVELOPER")),
          sourceArn: opt(arn),
          from: opt(fc.constant("Team <no-reply@example.com>")),
          replyToEmailAddress: opt(fc.constant("help@example.com")),
          configurationSet: opt(fc.stringMatching(/^[a-zA-Z0-9_-]{1,64}$/)),
        }),
      ),
      verificationMessageTemplate: opt(
        fc.record({
          smsMessage: opt(printable.map((s) => `${s} {####}`)),
          emailMessage: opt(printable.map((s) => `${s} {####}`)),
          emailSubject: opt(printable),
          emailMessageByLink: opt(printable.map((s) => `${s} {##Verify##}`)),
          defaultEmailOption: opt(fc.constantFrom("CONFIRM_WITH_LINK", "CONFIRM_WITH_CODE")),
        }),
      ),
      adminCreateUserConfig: opt(
        fc.record({
          allowAdminCreateUserOnly: opt(fc.boolean()),
          inviteMessageTemplate: opt(fc.record({ emailMessage: opt(printable.map((s) => `${s} {username} {####}`)), smsMessage: opt(printable.map((s) => `${s} {username} {####}`)), emailSubject: opt(printable) })),
        }),
      ),
      deviceConfiguration: opt(fc.record({ challengeRequiredOnNewDevice: opt(fc.boolean()), deviceOnlyRememberedOnUserPrompt: opt(fc.boolean()) })),
      userPoolAddOns: opt(fc.record({ advancedSecurityMode: fc.constantFrom("OFF", "AUDIT", "ENFORCED"), advancedSecurityAdditionalFlows: opt(fc.record({ customAuthMode: opt(fc.constantFrom("AUDIT", "ENFORCED")) })) })),
      accountRecoverySetting: opt(
        fc.constantFrom(
          { recoveryMechanisms: [{ name: "verified_email" as const, priority: 1 }] },
          { recoveryMechanisms: [{ name: "verified_email" as const, priority: 1 }, { name: "verified_phone_number" as const, priority: 2 }] },
        ),
      ),
      lambdaConfig: opt(fc.record({ preSignUp: opt(arn), postConfirmation: opt(arn), preTokenGenerationConfig: opt(fc.record({ lambdaVersion: fc.constantFrom("V1_0", "V2_0", "V3_0"), lambdaArn: arn })) })),
      schemaAttributes: opt(
        fc.uniqueArray(
          fc.record({
            name: fc.stringMatching(/^[a-z][a-z_]{0,19}$/),
            attributeDataType: fc.constantFrom("String", "Number", "DateTime", "Boolean"),
            mutable: opt(fc.boolean()),
            stringAttributeConstraints: opt(fc.record({ minLength: opt(fc.constant("1")), maxLength: opt(fc.constant("256")) })),
          }),
          { minLength: 1, maxLength: 5, selector: (a) => a.name },
        ),
      ),
      userPoolTags: opt(fc.dictionary(word, printable, { maxKeys: 3 })),
      userPoolTier: opt(fc.constantFrom("LITE", "ESSENTIALS", "PLUS")),
      deletionProtection: opt(fc.constantFrom("ACTIVE", "INACTIVE")),
      clientDefaults: opt(fc.record({ enableTokenRevocation: opt(fc.boolean()), preventUserExistenceErrors: opt(fc.constantFrom("LEGACY", "ENABLED")) })),
      clients: opt(fc.uniqueArray(fc.record({ name: friendly, ...clientSettings }), { maxLength: 3, selector: (c) => c.name })),
      resourceServers: opt(
        fc.array(
          fc.record({
            identifier: fc.constantFrom("https://api.example.com", "orders"),
            name: friendly,
            scopes: opt(fc.array(fc.record({ name: fc.stringMatching(/^[a-z][a-z.:-]{0,10}$/), description: printable }), { maxLength: 3 })),
          }),
          { maxLength: 2 },
        ),
      ),
      groups: opt(
        fc.uniqueArray(
          fc.record({
            name: fc.stringMatching(/^[A-Za-z0-9_.@+=:-]{1,40}$/),
            description: opt(printable),
            precedence: opt(fc.integer({ min: 0, max: 2 ** 31 - 1 })),
            roleArn: opt(fc.tuple(fc.stringMatching(/^\d{12}$/), word).map(([acct, name]) => `arn:aws:iam::${acct}:role/${name}`)),
          }),
          { maxLength: 3, selector: (g) => g.name },
        ),
      ),
      identityProviders: opt(
        fc.uniqueArray(
          fc.record({
            providerName: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9.@+-]{1,20}[A-Za-z0-9]$/),
            providerType: fc.constantFrom("Google", "Facebook", "LoginWithAmazon", "SignInWithApple", "OIDC", "SAML"),
            providerDetails: fc.dictionary(fc.constantFrom("client_id", "authorize_scopes", "oidc_issuer", "MetadataURL", "IDPSignout"), printable, { maxKeys: 4 }),
            secretRef: opt(fc.record({ source: fc.constantFrom("env", "secretsManager", "ssmParameter"), name: fc.stringMatching(/^[A-Za-z_/][\w/.-]{0,30}$/) })),
            attributeMapping: opt(fc.dictionary(fc.constantFrom("email", "name", "username", "custom:tenant"), printable, { maxKeys: 3 })),
            idpIdentifiers: opt(fc.uniqueArray(fc.stringMatching(/^[\w.@+=-][\w .@+=-]{0,38}$/), { maxLength: 3 })),
          }),
          { maxLength: 3, selector: (p) => p.providerName },
        ),
      ),
      domain: opt(
        fc.oneof(
          fc.record({ domain: word, managedLoginVersion: opt(fc.constantFrom(1 as const, 2 as const)) }),
          fc.record({ domain: word.map((w) => `${w}.example.com`), certificateArn: fc.constant("arn:aws:acm:us-east-1:123456789012:certificate/abc") }),
        ),
      ),
    }),
  })
  .map((doc) => clean(doc) as PoolDocument);
