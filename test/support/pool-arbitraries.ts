/**
 * The one generator of pool documents (fast-check), shared by the property, conformance and round-trip tests.
 *
 * - {@link poolDocumentArbitrary}: schema-valid documents covering every field of the model. By default names
 *   come from small vocabularies so two generated documents share clients, resource servers and attributes;
 *   `{ wide: true }` draws names and numbers from anywhere in the schema's bounds instead (what the conformance
 *   and serialisation tests need). `{ full: true }` sets every optional field (a document that manages everything).
 * - {@link poolDocumentPairArbitrary}: `[a, b]` where `b` is `a` with some parts taken from another document
 *   or dropped, so plans between them mix noops, updates, creates, deletes and replacements.
 *
 * Values satisfy the zod schema (a test checks it); cross-field rules (OAuth needs the flag, usernameAttributes
 * excludes aliasAttributes, …) are not guaranteed.
 */
import fc from "fast-check";
import type { PoolDocument } from "@/lib/cognito/spec/document-schema";
import { STANDARD_ATTRIBUTES } from "@/lib/cognito/spec/schema-attribute-schema";

export interface ArbitraryOptions {
  /** Set every optional field (default: each optional field is present or not at random). */
  full?: boolean;
  /** Names and numbers from anywhere in the schema's bounds (default: small shared vocabularies). */
  wide?: boolean;
}

type Rec = Record<string, unknown>;
/** Wraps an optional field's arbitrary: present at random, or always when generating full documents. */
type Optional = <T>(arb: fc.Arbitrary<T>) => fc.Arbitrary<T | undefined>;

/** Drops undefined fields so generated objects look like parsed YAML. */
function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, clean(v)]),
    ) as T;
  return value;
}

const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
const printable = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .,!]{0,30}$/);
const account = fc.constantFrom("123456789012", "210987654321");
const arnOf = (service: string, resource: string) =>
  fc.tuple(account, word).map(([acct, name]) => `arn:aws:${service}:us-east-1:${acct}:${resource}:${name}`);
const lambdaArn = arnOf("lambda", "function");
const roleArn = fc.tuple(account, word).map(([acct, name]) => `arn:aws:iam::${acct}:role/${name}`);
const url = fc
  .tuple(fc.constantFrom("https://app.example.com", "https://admin.example.org", "myapp://", "http://localhost:3000"), word)
  .map(([base, path]) => `${base}/${path}`);
const codeMessage = printable.map((s) => `${s} {####}`);
const subset = <T>(values: readonly T[], minLength = 0) => fc.subarray([...values], { minLength });

/** Where names and bounded numbers come from: a shared vocabulary (documents overlap) or the schema's whole range. */
interface Vocabulary {
  region: fc.Arbitrary<string>;
  poolName: fc.Arbitrary<string>;
  labelKey: fc.Arbitrary<string>;
  tagKey: fc.Arbitrary<string>;
  clientName: fc.Arbitrary<string>;
  resourceServer: fc.Arbitrary<{ identifier: string; name: string }>;
  scopeName: fc.Arbitrary<string>;
  groupName: fc.Arbitrary<string>;
  groupPrecedence: fc.Arbitrary<number>;
  customAttributeName: fc.Arbitrary<string>;
  prefixDomain: fc.Arbitrary<string>;
  /** Largest refresh token validity, and largest access and ID token validity (the schema's, or plausible ones). */
  maxRefreshValidity: number;
  maxTokenValidity: number;
  identityProvider: (opt: Optional) => fc.Arbitrary<Rec>;
}

const friendly = fc.stringMatching(/^[A-Za-z0-9_][\w +=,.@-]{0,30}$/);

const SHARED: Vocabulary = {
  region: fc.constantFrom("us-east-1", "eu-west-1", "ap-southeast-2"),
  poolName: fc.constantFrom("shop", "Shop Users", "acme-prod"),
  labelKey: fc.constantFrom("env", "team"),
  tagKey: fc.constantFrom("env", "team", "cost-center", "owner"),
  clientName: fc.constantFrom("web", "mobile", "server", "admin", "m2m", "Partner App"),
  resourceServer: fc.record({ identifier: fc.constantFrom("https://api.example.com", "orders", "billing"), name: fc.constantFrom("api", "orders", "billing") }),
  scopeName: fc.constantFrom("read", "write", "admin", "orders.read", "export"),
  groupName: fc.constantFrom("admins", "editors", "readers", "support@tier-1"),
  groupPrecedence: fc.integer({ min: 0, max: 100 }),
  customAttributeName: fc.constantFrom("tier", "plan", "tenant_id", "score", "joined"),
  prefixDomain: fc.constantFrom("shop-auth", "shop-login", "acme"),
  maxRefreshValidity: 3650,
  maxTokenValidity: 1440,
  identityProvider: (opt) => fc.oneof(socialProvider(opt), samlProvider(opt), oidcProvider(opt)),
};

const WIDE: Vocabulary = {
  region: fc.constantFrom("us-east-1", "eu-west-1", "ap-southeast-2", "us-gov-west-1"),
  poolName: friendly,
  labelKey: word,
  tagKey: word,
  clientName: friendly,
  resourceServer: fc.record({ identifier: fc.constantFrom("https://api.example.com", "orders"), name: friendly }),
  scopeName: fc.stringMatching(/^[a-z][a-z.:-]{0,10}$/),
  groupName: fc.stringMatching(/^[A-Za-z0-9_.@+=:-]{1,40}$/),
  groupPrecedence: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  customAttributeName: fc.stringMatching(/^[a-z][a-z_]{0,19}$/),
  prefixDomain: word,
  maxRefreshValidity: 315360000,
  maxTokenValidity: 86400,
  identityProvider: anyProvider,
};

/** App clients (CreateUserPoolClientRequest) and the pool's client defaults. */
function clientArbitraries(opt: Optional, v: Vocabulary) {
  const clientSettings = {
    generateSecret: opt(fc.boolean()),
    refreshTokenValidity: opt(fc.integer({ min: 0, max: v.maxRefreshValidity })),
    accessTokenValidity: opt(fc.integer({ min: 1, max: v.maxTokenValidity })),
    idTokenValidity: opt(fc.integer({ min: 1, max: v.maxTokenValidity })),
    tokenValidityUnits: opt(
      fc.record({
        accessToken: opt(fc.constantFrom("seconds", "minutes", "hours", "days")),
        idToken: opt(fc.constantFrom("minutes", "hours")),
        refreshToken: opt(fc.constantFrom("minutes", "hours", "days")),
      }),
    ),
    readAttributes: opt(subset(["email", "name", "custom:tier", "phone_number"])),
    writeAttributes: opt(subset(["email", "name"])),
    explicitAuthFlows: opt(subset(["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_USER_PASSWORD_AUTH"] as const)),
    supportedIdentityProviders: opt(subset(["COGNITO", "Google", "SignInWithApple"])),
    callbackUrls: opt(fc.uniqueArray(url, { maxLength: 3 })),
    logoutUrls: opt(fc.uniqueArray(url, { maxLength: 2 })),
    defaultRedirectUri: opt(url),
    allowedOAuthFlows: opt(subset(["code", "implicit", "client_credentials"] as const)),
    allowedOAuthScopes: opt(subset(["openid", "email", "profile", "phone", "https://api.example.com/read", "orders/write"])),
    allowedOAuthFlowsUserPoolClient: opt(fc.boolean()),
    analyticsConfiguration: opt(
      fc.record({
        applicationId: opt(fc.stringMatching(/^[0-9a-f]{32}$/)),
        applicationArn: opt(arnOf("mobiletargeting", "apps")),
        roleArn: opt(roleArn),
        externalId: opt(word),
        userDataShared: opt(fc.boolean()),
      }),
    ),
    preventUserExistenceErrors: opt(fc.constantFrom("LEGACY", "ENABLED")),
    enableTokenRevocation: opt(fc.boolean()),
    enablePropagateAdditionalUserContextData: opt(fc.boolean()),
    authSessionValidity: opt(fc.integer({ min: 3, max: 15 })),
    refreshTokenRotation: opt(fc.record({ feature: fc.constantFrom("ENABLED", "DISABLED"), retryGracePeriodSeconds: opt(fc.integer({ min: 0, max: 60 })) })),
  } as const;
  return {
    client: fc.record({ name: v.clientName, ...clientSettings }),
    clientDefaults: fc.record({
      enableTokenRevocation: opt(fc.boolean()),
      preventUserExistenceErrors: opt(fc.constantFrom("LEGACY", "ENABLED")),
      refreshTokenValidity: opt(fc.integer({ min: 1, max: 90 })),
      explicitAuthFlows: opt(subset(["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] as const)),
    }),
  };
}

/** Groups (CreateGroupRequest). */
function groupArbitrary(opt: Optional, v: Vocabulary) {
  return fc.record({ name: v.groupName, description: opt(printable), precedence: opt(v.groupPrecedence), roleArn: opt(roleArn) });
}

/** Threat protection settings (SetRiskConfiguration), the pool's and per app client, and log delivery (SetLogDeliveryConfiguration). */
function riskLogsFields(opt: Optional, v: Vocabulary) {
  const takeoverAction = fc.record({ notify: fc.boolean(), eventAction: fc.constantFrom("NO_ACTION", "MFA_IF_CONFIGURED", "MFA_REQUIRED", "BLOCK") });
  const notifyEmail = fc.record({ subject: printable, htmlBody: opt(printable.map((t) => `<p>${t}</p>`)), textBody: opt(printable.map((t) => `${t} text`)) });
  const cidr = fc.constantFrom("192.0.2.0/24", "198.51.100.7/32", "2001:db8::/32", "203.0.113.0/25");
  const riskSettings = {
    compromisedCredentialsRiskConfiguration: opt(
      fc.record({ eventFilter: opt(fc.subarray(["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"] as const, { minLength: 1 })), actions: fc.record({ eventAction: fc.constantFrom("BLOCK", "NO_ACTION") }) }),
    ),
    accountTakeoverRiskConfiguration: opt(
      fc.record({
        notifyConfiguration: opt(fc.record({ from: opt(fc.constant("security@example.com")), replyTo: opt(fc.constant("help@example.com")), sourceArn: arnOf("ses", "identity"), blockEmail: opt(notifyEmail), noActionEmail: opt(notifyEmail), mfaEmail: opt(notifyEmail) })),
        actions: fc.record({ lowAction: opt(takeoverAction), mediumAction: opt(takeoverAction), highAction: opt(takeoverAction) }),
      }),
    ),
    riskExceptionConfiguration: opt(fc.record({ blockedIPRangeList: opt(fc.uniqueArray(cidr, { maxLength: 2 })), skippedIPRangeList: opt(fc.uniqueArray(cidr, { maxLength: 2 })) })),
  };
  const cloudWatch = { eventSource: "userNotification" as const, logLevel: "ERROR" as const, cloudWatchLogsConfiguration: { logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:cognito" } };
  return {
    riskConfiguration: opt(fc.record({ ...riskSettings, clients: opt(fc.uniqueArray(fc.record({ clientName: v.clientName, ...riskSettings }), { maxLength: 2, selector: (c) => c.clientName })) })),
    logDeliveryConfiguration: opt(
      fc.record({
        logConfigurations: fc.constantFrom([], [cloudWatch], [cloudWatch, { eventSource: "userAuthEvents" as const, logLevel: "INFO" as const, s3Configuration: { bucketArn: "arn:aws:s3:::auth-logs" } }]),
      }),
    ),
  };
}

/** Text that formats escape differently: HCL templates (`${`, `%{`), JSON-only escapes, quotes, non-ASCII. */
const trickyText = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("${var.x}", "%{ if true }", "\b\f\t\n", 'a"b\\c', "é ☃ 日本", "$${x}", "# not a comment"));

/**
 * Any JSON value the branding Settings document may carry beyond its typed keys. No negative zero: the
 * Settings document is JSON, which has none (AWS, jsonencode and every file format read -0 back as 0).
 */
const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", maxDepth: 3 },
    trickyText,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Object.is(d, -0) ? 0 : d)),
    fc.boolean(),
    fc.constant(null),
    tie("list"),
    tie("object"),
  ),
  list: fc.array(tie("value"), { maxLength: 3 }),
  object: fc.dictionary(fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom("${k}", "a b")), tie("value"), { maxKeys: 3 }),
})).value;
const base64Of = (maxBytes: number) => fc.uint8Array({ minLength: 1, maxLength: maxBytes }).map((bytes) => Buffer.from(bytes).toString("base64"));
const brandingColor = fc.stringMatching(/^[0-9a-fA-F]{8}$/);
const place = fc.constantFrom("START" as const, "CENTER" as const, "END" as const);

/** The branding Settings document: the typed keys (branding-schema.ts) and a loose key of any JSON. */
function brandingSettings(opt: Optional) {
  const modeColor = <K extends string>(...keys: K[]) => fc.record(Object.fromEntries(keys.map((k) => [k, opt(brandingColor)])) as Record<K, fc.Arbitrary<string | undefined>>);
  return fc.record({
    categories: opt(
      fc.record({
        global: opt(fc.record({ colorSchemeMode: opt(fc.constantFrom("LIGHT" as const, "DARK" as const, "DYNAMIC" as const)) })),
        form: opt(fc.record({ location: opt(fc.record({ horizontal: opt(place), vertical: opt(place) })) })),
      }),
    ),
    components: opt(
      fc.record({
        pageBackground: opt(fc.record({ image: opt(fc.record({ enabled: opt(fc.boolean()) })), lightMode: opt(modeColor("color")), darkMode: opt(modeColor("color")) })),
        form: opt(
          fc.record({
            borderRadius: opt(fc.integer({ min: 0, max: 100 })),
            logo: opt(fc.record({ enabled: opt(fc.boolean()), location: opt(place), position: opt(fc.constantFrom("TOP" as const, "BOTTOM" as const)) })),
            lightMode: opt(modeColor("backgroundColor", "borderColor")),
          }),
        ),
        primaryButton: opt(fc.record({ lightMode: opt(fc.record({ defaults: opt(modeColor("backgroundColor", "textColor")) })) })),
      }),
    ),
    displayName: opt(jsonValue),
  });
}

/** Managed login styles (CreateManagedLoginBranding), classic customizations (SetUICustomization) and terms documents (CreateTerms). */
function brandingTermsFields(opt: Optional, v: Vocabulary) {
  const asset = fc.record({
    category: fc.constantFrom("FAVICON_ICO" as const, "FORM_LOGO" as const, "PAGE_BACKGROUND" as const, "PASSKEY_GRAPHIC" as const),
    colorMode: fc.constantFrom("LIGHT" as const, "DARK" as const, "DYNAMIC" as const),
    extension: fc.constantFrom("ICO" as const, "PNG" as const, "SVG" as const, "WEBP" as const),
    bytes: base64Of(16),
    resourceId: opt(fc.stringMatching(/^[\w\- ]{1,40}$/)),
  });
  const style = fc.oneof(
    fc.record({ clientName: v.clientName, useCognitoProvidedValues: fc.constant(true) }),
    fc.record({ clientName: v.clientName, useCognitoProvidedValues: opt(fc.constant(false)), settings: opt(brandingSettings(opt)), assets: opt(fc.array(asset, { maxLength: 3 })) }),
  );
  // Never "": an empty stylesheet and none mean the same to AWS, and the editor (like every text field of
  // the form) writes an emptied field as absent, so "" cannot survive the form's round trip.
  const css = fc.oneof(
    fc.constantFrom(".submitButton-customizable { background-color: #0972d3; }", ".label-customizable {\n  font-weight: 400;\n}\n"),
    fc.string({ minLength: 1, maxLength: 40 }),
    trickyText.filter((text) => text !== ""),
  );
  const customization = fc.record({ clientName: fc.oneof(fc.constant("ALL"), v.clientName), css: opt(css), imageFile: opt(base64Of(16)) });
  const link = fc.tuple(fc.constantFrom("https://example.com", "https://shop.test"), fc.stringMatching(/^[a-z0-9/._-]{0,20}$/)).map(([base, path]) => `${base}/${path}`);
  const languages = ["cognito:default", "cognito:english", "cognito:french", "cognito:japanese", "cognito:portuguese-brazil"] as const;
  const links = fc.subarray([...languages], { minLength: 1 }).chain((langs) => fc.tuple(...langs.map(() => link)).map((urls) => Object.fromEntries(langs.map((l, i) => [l, urls[i]]))));
  const terms = fc.record({ client: v.clientName, name: fc.constantFrom("terms-of-use" as const, "privacy-policy" as const), links });
  return {
    managedLoginBranding: opt(fc.uniqueArray(style, { maxLength: 3, selector: (s) => s.clientName })),
    uiCustomizations: opt(fc.uniqueArray(customization, { maxLength: 3, selector: (c) => c.clientName })),
    terms: opt(fc.uniqueArray(terms, { maxLength: 3, selector: (t) => `${t.client}/${t.name}` })),
  };
}

const secretRef = (opt: Optional) =>
  fc.oneof(
    fc.record({ source: fc.constant("env" as const), name: fc.constantFrom("IDP_SECRET_GOOGLE", "IDP_SECRET_OIDC") }),
    fc.record({ source: fc.constant("secretsManager" as const), name: fc.constantFrom("prod/idp", "google-oauth"), jsonKey: opt(fc.constantFrom("client_secret", "key")) }),
    fc.record({ source: fc.constant("ssmParameter" as const), name: fc.constantFrom("/idp/secret", "/apple/key") }),
  );
const attributeMapping = fc.dictionary(fc.constantFrom("email", "name", "username", "custom:tier"), fc.constantFrom("email", "sub", "name", "given_name"), { maxKeys: 3 });
const idpIdentifiers = fc.uniqueArray(fc.constantFrom("corp", "example.com", "okta-login"), { maxLength: 2 });

// Identity providers (CreateIdentityProviderRequest); clients list "Google" and "SignInWithApple" above, so plans
// meet providers that clients still offer.
function socialProvider(opt: Optional) {
  return fc.constantFrom("Google", "SignInWithApple", "Facebook").chain((type) =>
    fc.record({
      providerName: fc.constant(type),
      providerType: fc.constant(type),
      providerDetails: fc.record({ client_id: word, authorize_scopes: fc.constantFrom("openid email", "email name", "public_profile") }),
      secretRef: opt(secretRef(opt)),
      attributeMapping: opt(attributeMapping),
      idpIdentifiers: opt(idpIdentifiers),
    }),
  );
}

function samlProvider(opt: Optional) {
  return fc.record({
    providerName: fc.constantFrom("Corp-SAML", "Okta"),
    providerType: fc.constant("SAML" as const),
    providerDetails: fc.oneof(
      fc.record({ MetadataURL: url, IDPSignout: opt(fc.constantFrom("true", "false")) }),
      fc.record({ MetadataFile: fc.constantFrom("<EntityDescriptor entityID=\"urn:corp\"/>", "<md:EntityDescriptor/>") }),
    ),
    attributeMapping: opt(attributeMapping),
    idpIdentifiers: opt(idpIdentifiers),
  });
}

function oidcProvider(opt: Optional) {
  return fc.record({
    providerName: fc.constantFrom("Okta", "Auth0"),
    providerType: fc.constant("OIDC" as const),
    providerDetails: fc.record({ client_id: word, authorize_scopes: fc.constant("openid email"), oidc_issuer: url, attributes_request_method: fc.constantFrom("GET", "POST") }),
    secretRef: opt(secretRef(opt)),
    attributeMapping: opt(attributeMapping),
  });
}

/** Any name, type, details and identifiers the schema accepts, whether or not they make a working provider. */
function anyProvider(opt: Optional) {
  return fc.record({
    providerName: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9.@+-]{1,20}[A-Za-z0-9]$/),
    providerType: fc.constantFrom("Google", "Facebook", "LoginWithAmazon", "SignInWithApple", "OIDC", "SAML"),
    providerDetails: fc.dictionary(fc.constantFrom("client_id", "authorize_scopes", "oidc_issuer", "MetadataURL", "IDPSignout"), printable, { maxKeys: 4 }),
    secretRef: opt(fc.record({ source: fc.constantFrom("env", "secretsManager", "ssmParameter"), name: fc.stringMatching(/^[A-Za-z_/][\w/.-]{0,30}$/) })),
    attributeMapping: opt(fc.dictionary(fc.constantFrom("email", "name", "username", "custom:tenant"), printable, { maxKeys: 3 })),
    idpIdentifiers: opt(fc.uniqueArray(fc.stringMatching(/^[\w.@+=-][\w .@+=-]{0,38}$/), { maxLength: 3 })),
  });
}

/** Custom and standard attributes (SchemaAttributeType), each name once. */
function schemaAttributesArbitrary(opt: Optional, v: Vocabulary) {
  const customAttribute = fc.record({
    name: v.customAttributeName,
    attributeDataType: fc.constantFrom("String", "Number", "DateTime", "Boolean"),
    developerOnlyAttribute: opt(fc.boolean()),
    mutable: opt(fc.boolean()),
    required: opt(fc.constant(false)),
    numberAttributeConstraints: opt(fc.record({ minValue: opt(fc.constantFrom("0", "1")), maxValue: opt(fc.constantFrom("100", "1000")) })),
    stringAttributeConstraints: opt(fc.record({ minLength: opt(fc.constantFrom("0", "1")), maxLength: opt(fc.constantFrom("64", "256")) })),
  });
  const standardAttribute = fc.constantFrom("email", "name", "phone_number", "updated_at").chain((name) =>
    fc.record({
      name: fc.constant(name),
      attributeDataType: fc.constant(STANDARD_ATTRIBUTES[name] ?? "String"),
      mutable: opt(fc.boolean()),
      required: opt(fc.boolean()),
    }),
  );
  return fc.uniqueArray(fc.oneof(customAttribute, standardAttribute), { minLength: 1, maxLength: 6, selector: (a) => a.name });
}

/** Sign-in, passwords, MFA and account recovery. */
function signInFields(opt: Optional) {
  return {
    usernameAttributes: opt(subset(["email", "phone_number"] as const)),
    aliasAttributes: opt(subset(["email", "phone_number", "preferred_username"] as const)),
    usernameConfiguration: opt(fc.record({ caseSensitive: fc.boolean() })),
    autoVerifiedAttributes: opt(subset(["email", "phone_number"] as const)),
    userAttributeUpdateSettings: opt(fc.record({ attributesRequireVerificationBeforeUpdate: subset(["email", "phone_number"] as const) })),
    passwordPolicy: opt(
      fc.record({
        minimumLength: opt(fc.integer({ min: 6, max: 99 })),
        requireUppercase: opt(fc.boolean()),
        requireLowercase: opt(fc.boolean()),
        requireNumbers: opt(fc.boolean()),
        requireSymbols: opt(fc.boolean()),
        passwordHistorySize: opt(fc.integer({ min: 0, max: 24 })),
        temporaryPasswordValidityDays: opt(fc.integer({ min: 0, max: 365 })),
      }),
    ),
    signInPolicy: opt(fc.record({ allowedFirstAuthFactors: subset(["PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"] as const, 1) })),
    mfaConfiguration: opt(fc.constantFrom("OFF", "ON", "OPTIONAL")),
    softwareTokenMfaConfiguration: opt(fc.record({ enabled: fc.boolean() })),
    emailMfaConfiguration: opt(fc.record({ message: opt(codeMessage), subject: opt(printable) })),
    smsMfaConfiguration: opt(fc.record({ enabled: fc.boolean() })),
    webAuthnConfiguration: opt(
      fc.record({
        relyingPartyId: opt(fc.constantFrom("auth.example.com", "example.com")),
        userVerification: opt(fc.constantFrom("required", "preferred")),
        factorConfiguration: opt(fc.constantFrom("SINGLE_FACTOR", "MULTI_FACTOR_WITH_USER_VERIFICATION")),
      }),
    ),
    deviceConfiguration: opt(fc.record({ challengeRequiredOnNewDevice: opt(fc.boolean()), deviceOnlyRememberedOnUserPrompt: opt(fc.boolean()) })),
    userPoolAddOns: opt(
      fc.record({
        advancedSecurityMode: fc.constantFrom("OFF", "AUDIT", "ENFORCED"),
        advancedSecurityAdditionalFlows: opt(fc.record({ customAuthMode: opt(fc.constantFrom("AUDIT", "ENFORCED")) })),
      }),
    ),
    accountRecoverySetting: opt(
      fc.constantFrom(
        { recoveryMechanisms: [{ name: "verified_email" as const, priority: 1 }] },
        { recoveryMechanisms: [{ name: "admin_only" as const, priority: 1 }] },
        { recoveryMechanisms: [{ name: "verified_phone_number" as const, priority: 2 }, { name: "verified_email" as const, priority: 1 }] },
      ),
    ),
  };
}

/** SMS and email sending, and the messages Cognito sends. */
function messagingFields(opt: Optional) {
  return {
    smsAuthenticationMessage: opt(codeMessage),
    smsConfiguration: opt(fc.record({ snsCallerArn: roleArn, externalId: opt(word), snsRegion: opt(fc.constantFrom("us-east-1", "eu-west-1")) })),
    emailConfiguration: opt(
      fc.record({
        emailSendingAccount: opt(fc.constantFrom("COGNITO_DEFAULT", "DEVELOPER")),
        sourceArn: opt(arnOf("ses", "identity")),
        from: opt(fc.constant("Team <no-reply@example.com>")),
        replyToEmailAddress: opt(fc.constant("help@example.com")),
        configurationSet: opt(fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/)),
      }),
    ),
    verificationMessageTemplate: opt(
      fc.record({
        smsMessage: opt(codeMessage),
        emailMessage: opt(codeMessage),
        emailSubject: opt(printable),
        emailMessageByLink: opt(printable.map((s) => `${s} {##Verify##}`)),
        emailSubjectByLink: opt(printable),
        defaultEmailOption: opt(fc.constantFrom("CONFIRM_WITH_LINK", "CONFIRM_WITH_CODE")),
      }),
    ),
    adminCreateUserConfig: opt(
      fc.record({
        allowAdminCreateUserOnly: opt(fc.boolean()),
        inviteMessageTemplate: opt(
          fc.record({
            smsMessage: opt(printable.map((s) => `${s} {username} {####}`)),
            emailMessage: opt(printable.map((s) => `${s} {username} {####}`)),
            emailSubject: opt(printable),
          }),
        ),
      }),
    ),
  };
}

/** Lambda triggers (LambdaConfigType). */
function lambdaConfigArbitrary(opt: Optional) {
  const versioned = <V extends string>(...versions: V[]) => fc.record({ lambdaVersion: fc.constantFrom(...versions), lambdaArn });
  return fc.record({
    preSignUp: opt(lambdaArn),
    customMessage: opt(lambdaArn),
    postConfirmation: opt(lambdaArn),
    preAuthentication: opt(lambdaArn),
    postAuthentication: opt(lambdaArn),
    defineAuthChallenge: opt(lambdaArn),
    createAuthChallenge: opt(lambdaArn),
    verifyAuthChallengeResponse: opt(lambdaArn),
    preTokenGeneration: opt(lambdaArn),
    userMigration: opt(lambdaArn),
    preTokenGenerationConfig: opt(versioned("V1_0", "V2_0", "V3_0")),
    customSmsSender: opt(versioned("V1_0")),
    customEmailSender: opt(versioned("V1_0")),
    kmsKeyId: opt(arnOf("kms", "key")),
    inboundFederation: opt(versioned("V1_0")),
  });
}

/** A prefix domain or a custom domain with its certificate. */
function domainArbitrary(opt: Optional, v: Vocabulary) {
  const managedLoginVersion = opt(fc.constantFrom(1 as const, 2 as const));
  return fc.oneof(
    fc.record({ domain: v.prefixDomain, managedLoginVersion }),
    fc.record({
      domain: fc.constantFrom("auth.example.com", "login.example.com"),
      certificateArn: fc.constantFrom("arn:aws:acm:us-east-1:123456789012:certificate/abc", "arn:aws:acm:us-east-1:123456789012:certificate/def"),
      managedLoginVersion,
    }),
  );
}

/** The resources a pool holds besides its own settings. */
function resourceFields(opt: Optional, v: Vocabulary) {
  const { client, clientDefaults } = clientArbitraries(opt, v);
  const scopes = fc.uniqueArray(fc.record({ name: v.scopeName, description: printable }), { maxLength: 4, selector: (s) => s.name });
  const resourceServer = v.resourceServer.chain((rs) => fc.record({ identifier: fc.constant(rs.identifier), name: fc.constant(rs.name), scopes: opt(scopes) }));
  return {
    clientDefaults: opt(clientDefaults),
    clients: opt(fc.uniqueArray(client, { maxLength: 4, selector: (c) => c.name })),
    resourceServers: opt(fc.uniqueArray(resourceServer, { maxLength: 3, selector: (r) => r.identifier })),
    groups: opt(fc.uniqueArray(groupArbitrary(opt, v), { maxLength: 3, selector: (g) => g.name })),
    identityProviders: opt(fc.uniqueArray(v.identityProvider(opt), { maxLength: 3, selector: (p) => p.providerName as string })),
    domain: opt(domainArbitrary(opt, v)),
    customDomain: opt(
      fc.record({
        domain: fc.constantFrom("id.example.com", "sso.example.com"),
        certificateArn: fc.constant("arn:aws:acm:us-east-1:123456789012:certificate/ghi"),
        managedLoginVersion: opt(fc.constantFrom(1 as const, 2 as const)),
      }),
    ),
  };
}

function documentArbitrary(opt: Optional, v: Vocabulary): fc.Arbitrary<PoolDocument> {
  const spec = fc.record({
    region: v.region,
    ...signInFields(opt),
    ...messagingFields(opt),
    lambdaConfig: opt(lambdaConfigArbitrary(opt)),
    schemaAttributes: opt(schemaAttributesArbitrary(opt, v)),
    userPoolTags: opt(fc.dictionary(v.tagKey, printable, { maxKeys: 3 })),
    userPoolTier: opt(fc.constantFrom("LITE", "ESSENTIALS", "PLUS")),
    deletionProtection: opt(fc.constantFrom("ACTIVE", "INACTIVE")),
    ...resourceFields(opt, v),
    ...riskLogsFields(opt, v),
    ...brandingTermsFields(opt, v),
  });
  return fc
    .record({
      apiVersion: fc.constant("cognito-studio.dev/v1" as const),
      kind: fc.constant("UserPool" as const),
      metadata: fc.record({ name: v.poolName, labels: opt(fc.dictionary(v.labelKey, word, { maxKeys: 2 })) }),
      spec,
    })
    .map((doc) => withKnownRiskClients(clean(doc) as PoolDocument));
}

/**
 * Settings that belong to an app client name a client of the document (what the risk-client-unknown,
 * branding-unknown-client, ui-customization-unknown-client and terms client rules ask): a client's threat
 * protection settings, managed login styles, classic customizations (besides ALL) and terms documents. A
 * document that manages no clients keeps empty lists, since apply could not know a client's id.
 */
function withKnownRiskClients(doc: PoolDocument): PoolDocument {
  const names = new Set((doc.spec.clients ?? []).map((c) => c.name));
  const spec = { ...doc.spec };
  const risk = spec.riskConfiguration;
  if (risk?.clients !== undefined) spec.riskConfiguration = { ...risk, clients: risk.clients.filter((c) => names.has(c.clientName)) };
  if (spec.managedLoginBranding) spec.managedLoginBranding = spec.managedLoginBranding.filter((s) => names.has(s.clientName));
  if (spec.uiCustomizations) spec.uiCustomizations = spec.uiCustomizations.filter((c) => c.clientName === "ALL" || names.has(c.clientName));
  if (spec.terms) spec.terms = spec.terms.filter((t) => names.has(t.client));
  return { ...doc, spec };
}

const made = new Map<string, fc.Arbitrary<PoolDocument>>();

/** Schema-valid pool documents; `{ full: true }` sets every optional field, `{ wide: true }` spans the schema's bounds. */
export function poolDocumentArbitrary(options: ArbitraryOptions = {}): fc.Arbitrary<PoolDocument> {
  const key = `${Boolean(options.full)}/${Boolean(options.wide)}`;
  let arbitrary = made.get(key);
  if (!arbitrary) {
    arbitrary = documentArbitrary(options.full ? (arb) => arb : (arb) => fc.option(arb, { nil: undefined }), options.wide ? WIDE : SHARED);
    made.set(key, arbitrary);
  }
  return arbitrary;
}

/** How `b` is made from `a` and another document `c`, field by field. */
type Pick = "a" | "c" | "drop" | "mix";

function isRecord(value: unknown): value is Rec {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Takes one choice from a cyclic list (deterministic for a given fast-check sample, so it shrinks). */
function chooser(choices: readonly number[]) {
  let i = 0;
  return (n: number): number => {
    const value = choices.length === 0 ? 0 : (choices[i % choices.length] ?? 0);
    i++;
    return value % n;
  };
}

function mixRecords(a: Rec, c: Rec, choose: (n: number) => number, required: ReadonlySet<string>): Rec {
  const out: Rec = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(c)])) {
    // Mostly keep a's value, so b is a plausible edit of a (and pool replacements stay a minority).
    const options: Pick[] = required.has(key) ? ["a", "a", "a", "a", "a", "c"] : ["a", "a", "a", "a", "a", "c", "drop", "mix"];
    const pick = options[choose(options.length)];
    const av = a[key];
    const cv = c[key];
    if (pick === "a") out[key] = av ?? (required.has(key) ? cv : undefined);
    else if (pick === "c") out[key] = cv ?? (required.has(key) ? av : undefined);
    else if (pick === "mix") out[key] = av ?? cv;
  }
  return out;
}

/** Mixes two keyed lists element by element: keep, drop, take the other's, or mix fields. */
function mixKeyed(a: Rec[], c: Rec[], keyField: string, choose: (n: number) => number, required: ReadonlySet<string>): Rec[] {
  const byKey = new Map(c.map((e) => [e[keyField], e]));
  const out: Rec[] = [];
  const seen = new Set<unknown>();
  for (const element of a) {
    seen.add(element[keyField]);
    const other = byKey.get(element[keyField]);
    const pick = choose(4);
    if (pick === 0) out.push(element);
    else if (pick === 1 && other) out.push(other);
    else if (pick === 2 && other) out.push({ ...mixRecords(element, other, choose, required), [keyField]: element[keyField] });
    else if (pick === 3) continue;
    else out.push(element);
  }
  for (const element of c) if (!seen.has(element[keyField]) && choose(2) === 0) out.push(element);
  return out;
}

const CLIENT_REQUIRED = new Set(["name"]);
const RS_REQUIRED = new Set(["identifier", "name"]);
const GROUP_REQUIRED = new Set(["name"]);
const PROVIDER_REQUIRED = new Set(["providerName", "providerType", "providerDetails"]);
const ATTRIBUTE_REQUIRED = new Set(["name", "attributeDataType"]);

/** `b` = `a` with parts replaced by `c`'s, mixed or dropped, following `choices`. */
function derive(a: PoolDocument, c: PoolDocument, choices: readonly number[]): PoolDocument {
  const choose = chooser(choices);
  const as = a.spec as unknown as Rec;
  const cs = c.spec as unknown as Rec;
  const spec = mixRecords(as, cs, choose, new Set(["region"]));
  // Keyed lists and nested objects are mixed deeper than one level, so b shares most of a.
  for (const [field, keyField, required] of [
    ["clients", "name", CLIENT_REQUIRED],
    ["resourceServers", "identifier", RS_REQUIRED],
    ["groups", "name", GROUP_REQUIRED],
    ["identityProviders", "providerName", PROVIDER_REQUIRED],
    ["schemaAttributes", "name", ATTRIBUTE_REQUIRED],
  ] as const) {
    const av = as[field];
    const cv = cs[field];
    if (Array.isArray(av) && Array.isArray(cv) && field in spec && choose(2) === 0) {
      const mixed = mixKeyed(av as Rec[], cv as Rec[], keyField, choose, required);
      spec[field] = field === "schemaAttributes" && mixed.length === 0 ? av : mixed;
    }
  }
  for (const field of ["passwordPolicy", "lambdaConfig", "adminCreateUserConfig", "emailConfiguration", "domain"]) {
    const av = as[field];
    const cv = cs[field];
    if (isRecord(av) && isRecord(cv) && field in spec && choose(3) === 0) {
      spec[field] = mixRecords(av, cv, choose, field === "domain" ? new Set(["domain"]) : new Set());
    }
  }
  // Half the time keep what a pool cannot change in place, so most pairs plan in-place changes.
  if (choose(2) === 0) {
    for (const field of ["region", "usernameAttributes", "aliasAttributes", "usernameConfiguration", "schemaAttributes"]) spec[field] = as[field];
  }
  for (const [key, value] of Object.entries(spec)) if (value === undefined) delete spec[key];
  const metadata = choose(3) === 0 ? c.metadata : a.metadata;
  return clean({ apiVersion: a.apiVersion, kind: a.kind, metadata, spec } as unknown as PoolDocument);
}

/**
 * Pairs `[a, b]` of related documents: `b` shares much of `a` (same clients, attributes, scopes by key)
 * with some fields changed, added or dropped. With `{ full: true }` both manage every field.
 */
export function poolDocumentPairArbitrary(options: ArbitraryOptions = {}): fc.Arbitrary<[PoolDocument, PoolDocument]> {
  const docs = poolDocumentArbitrary(options);
  return fc.tuple(docs, docs, fc.array(fc.nat(23), { minLength: 8, maxLength: 64 })).map(([a, c, choices]) => {
    if (!options.full) return [a, withKnownRiskClients(derive(a, c, choices))];
    // Full documents must stay full: only whole values are swapped, never dropped.
    const choose = chooser(choices);
    const spec: Rec = { ...(a.spec as unknown as Rec) };
    for (const [key, value] of Object.entries(c.spec)) if (choose(2) === 0) spec[key] = value;
    return [a, withKnownRiskClients({ ...a, metadata: choose(3) === 0 ? c.metadata : a.metadata, spec } as unknown as PoolDocument)];
  });
}
