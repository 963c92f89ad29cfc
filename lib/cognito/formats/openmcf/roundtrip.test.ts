/**
 * Properties of the OpenMCF format: documents OpenMCF can hold fully come back equal; what it cannot hold is
 * named by a specific warning (the renderer's generic safety net never has to speak); arbitrary input never
 * makes the parser or the renderer throw.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import type { PoolDocument } from "../../spec/document-schema";
import { parseOpenMcf } from "./parse";
import { renderOpenMcf } from "./render";
import { OPENMCF_EXPLICIT_AUTH_FLOWS } from "./rules";
import { OPENMCF_LAMBDA_TRIGGERS } from "./schema";

type Obj = Record<string, unknown>;
const opt = { requiredKeys: [] as never[] };
const nonEmpty = <T extends Obj>(arb: fc.Arbitrary<T>) => arb.filter((o) => Object.keys(o).length > 0);

const lambdaArn = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/u).map((n) => `arn:aws:lambda:us-east-1:123456789012:function:${n}`);
const intString = fc.integer({ min: 0, max: 2048 }).map(String);
const url = fc.constantFrom("https://app.example.com/callback", "https://app.example.com/logout", "http://localhost:3000/cb", "myapp://callback");
const CANONICAL_UNITS = { accessToken: "minutes", idToken: "minutes", refreshToken: "days" } as const;

const attribute = fc.oneof(
  fc.record({
    name: fc.stringMatching(/^[a-z][a-z_]{0,19}$/u),
    attributeDataType: fc.constant("String" as const),
    mutable: fc.boolean(),
    required: fc.boolean(),
    stringAttributeConstraints: nonEmpty(fc.record({ minLength: intString, maxLength: intString }, opt)),
  }, { requiredKeys: ["name", "attributeDataType"] }),
  fc.record({
    name: fc.stringMatching(/^[a-z][a-z_]{0,19}$/u),
    attributeDataType: fc.constant("Number" as const),
    mutable: fc.boolean(),
    numberAttributeConstraints: nonEmpty(fc.record({ minValue: fc.integer({ min: -100, max: 100 }).map(String), maxValue: intString }, opt)),
  }, { requiredKeys: ["name", "attributeDataType"] }),
  fc.record({ name: fc.stringMatching(/^[a-z][a-z_]{0,19}$/u), attributeDataType: fc.constantFrom("DateTime" as const, "Boolean" as const), required: fc.boolean() }, { requiredKeys: ["name", "attributeDataType"] }),
);

const tokens = fc.oneof(
  fc.constant({}),
  nonEmpty(
    fc.record(
      { accessTokenValidity: fc.integer({ min: 5, max: 1440 }), idTokenValidity: fc.integer({ min: 5, max: 1440 }), refreshTokenValidity: fc.integer({ min: 1, max: 3650 }) },
      opt,
    ),
  ).map((t) => ({ ...t, tokenValidityUnits: { ...CANONICAL_UNITS } })),
);

const client = fc
  .tuple(
    fc.record(
      {
        name: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/u),
        generateSecret: fc.boolean(),
        allowedOAuthFlowsUserPoolClient: fc.boolean(),
        allowedOAuthFlows: fc.subarray(["code", "implicit", "client_credentials"] as const),
        allowedOAuthScopes: fc.subarray(["openid", "email", "profile", "api/read"]),
        callbackUrls: fc.array(url, { maxLength: 3 }),
        logoutUrls: fc.array(url, { maxLength: 2 }),
        defaultRedirectUri: url,
        supportedIdentityProviders: fc.subarray(["COGNITO", "Google"]),
        explicitAuthFlows: fc.subarray([...OPENMCF_EXPLICIT_AUTH_FLOWS]),
        enableTokenRevocation: fc.boolean(),
        preventUserExistenceErrors: fc.constantFrom("ENABLED" as const, "LEGACY" as const),
      },
      { requiredKeys: ["name"] },
    ),
    tokens,
  )
  .map(([c, t]) => ({ ...c, ...t }));

const mfa = fc
  .tuple(fc.constantFrom("OFF" as const, "ON" as const, "OPTIONAL" as const, null), fc.constantFrom(true, false, null))
  .map(([m, totp]) => {
    const out: Obj = {};
    if (m !== null) out.mfaConfiguration = m;
    // OpenMCF rule software_token_mfa_requires_mfa: TOTP only with OPTIONAL or ON.
    if (totp === false || (totp === true && (m === "ON" || m === "OPTIONAL"))) out.softwareTokenMfaConfiguration = { enabled: totp };
    return out;
  });

const identity = fc.oneof(
  fc.constant({}),
  fc.record({ usernameAttributes: fc.subarray(["email", "phone_number"] as const) }),
  fc.record({ aliasAttributes: fc.subarray(["email", "phone_number", "preferred_username"] as const) }),
);

const email = fc.oneof(
  fc.record({ emailSendingAccount: fc.constant("COGNITO_DEFAULT" as const), replyToEmailAddress: fc.constant("help@example.com") }, opt),
  fc.record(
    {
      emailSendingAccount: fc.constant("DEVELOPER" as const),
      sourceArn: fc.stringMatching(/^[a-z]{1,10}$/u).map((n) => `arn:aws:ses:us-east-1:123456789012:identity/${n}.example.com`),
      from: fc.constantFrom("Acme <noreply@example.com>", "noreply@example.com"),
      replyToEmailAddress: fc.constant("help@example.com"),
      configurationSet: fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/u),
    },
    { requiredKeys: ["emailSendingAccount", "sourceArn"] },
  ),
);

const domain = fc.oneof(
  fc.record({ domain: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}[a-z0-9]$/u) }),
  fc.record({
    domain: fc.stringMatching(/^[a-z]{1,10}$/u).map((n) => `${n}.example.com`),
    certificateArn: fc.stringMatching(/^[a-f0-9]{8}$/u).map((id) => `arn:aws:acm:us-east-1:123456789012:certificate/${id}`),
  }),
);

const LABEL_KEYS = ["team", "openmcf.org/provisioner", "app.kubernetes.io/name", ...["org", "env", "id", "slug", "group"].map((f) => `openmcf.cognito-studio.dev/${f}`)];

/** Native documents within what OpenMCF AwsCognitoUserPool v1 can hold, obeying OpenMCF's rules. */
const holdableDocument: fc.Arbitrary<PoolDocument> = fc
  .record({
    metadata: fc.record(
      { name: fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/u), labels: fc.dictionary(fc.constantFrom(...LABEL_KEYS), fc.stringMatching(/^[a-z0-9-]{1,20}$/u), { minKeys: 1 }) },
      { requiredKeys: ["name"] },
    ),
    base: fc.record(
      {
        region: fc.constantFrom("us-east-1", "eu-west-1", "ap-southeast-2"),
        usernameConfiguration: fc.record({ caseSensitive: fc.boolean() }),
        autoVerifiedAttributes: fc.subarray(["email", "phone_number"] as const),
        passwordPolicy: fc.record(
          {
            minimumLength: fc.integer({ min: 6, max: 99 }),
            requireLowercase: fc.boolean(),
            requireUppercase: fc.boolean(),
            requireNumbers: fc.boolean(),
            requireSymbols: fc.boolean(),
            temporaryPasswordValidityDays: fc.integer({ min: 0, max: 365 }),
          },
          { requiredKeys: ["minimumLength"] },
        ),
        accountRecoverySetting: fc.constantFrom(
          { recoveryMechanisms: [{ name: "verified_email" as const, priority: 1 }] },
          { recoveryMechanisms: [{ name: "verified_phone_number" as const, priority: 1 }, { name: "verified_email" as const, priority: 2 }] },
          { recoveryMechanisms: [{ name: "admin_only" as const, priority: 1 }] },
        ),
        emailConfiguration: email,
        adminCreateUserConfig: fc.record({ allowAdminCreateUserOnly: fc.boolean() }),
        deletionProtection: fc.constantFrom("ACTIVE" as const, "INACTIVE" as const),
        schemaAttributes: fc.uniqueArray(attribute, { minLength: 1, maxLength: 4, selector: (a) => a.name }),
        lambdaConfig: fc.record(Object.fromEntries(OPENMCF_LAMBDA_TRIGGERS.map((t) => [t, lambdaArn])), opt),
        clients: fc.uniqueArray(client, { minLength: 1, maxLength: 4, selector: (c) => c.name }),
        domain,
      },
      { requiredKeys: ["region", "usernameConfiguration", "clients"] },
    ),
    identity,
    mfa,
  })
  .map(({ metadata, base, identity: id, mfa: m }) => ({
    apiVersion: "cognito-studio.dev/v1" as const,
    kind: "UserPool" as const,
    metadata,
    spec: { ...base, ...id, ...m } as PoolDocument["spec"],
  }));

/** Changes OpenMCF v1 cannot hold, each with the native path its warning must name. */
const EXTRAS: readonly { path: string; apply: (d: PoolDocument) => void }[] = [
  { path: "spec.resourceServers", apply: (d) => void (d.spec.resourceServers = [{ identifier: "api", name: "API", scopes: [{ name: "read", description: "Read" }] }]) },
  { path: "spec.userPoolTier", apply: (d) => void (d.spec.userPoolTier = "PLUS") },
  { path: "spec.userPoolAddOns", apply: (d) => void (d.spec.userPoolAddOns = { advancedSecurityMode: "ENFORCED" }) },
  { path: "spec.smsConfiguration", apply: (d) => void (d.spec.smsConfiguration = { snsCallerArn: "arn:aws:iam::123456789012:role/sms" }) },
  { path: "spec.deviceConfiguration", apply: (d) => void (d.spec.deviceConfiguration = { challengeRequiredOnNewDevice: true }) },
  { path: "spec.signInPolicy", apply: (d) => void (d.spec.signInPolicy = { allowedFirstAuthFactors: ["PASSWORD"] }) },
  { path: "spec.usernameConfiguration", apply: (d) => void delete d.spec.usernameConfiguration },
  { path: "spec.clientDefaults", apply: (d) => void (d.spec.clientDefaults = { enableTokenRevocation: true, authSessionValidity: 5 }) },
  { path: "spec.clients[0].tokenValidityUnits", apply: (d) => void Object.assign(d.spec.clients?.[0] ?? {}, { accessTokenValidity: 1, tokenValidityUnits: { accessToken: "hours" } }) },
  { path: "spec.clients[0].explicitAuthFlows[0]", apply: (d) => void Object.assign(d.spec.clients?.[0] ?? {}, { explicitAuthFlows: ["ALLOW_USER_AUTH"] }) },
  { path: "spec.clients[0].readAttributes", apply: (d) => void Object.assign(d.spec.clients?.[0] ?? {}, { readAttributes: ["email"] }) },
  { path: "spec.passwordPolicy.passwordHistorySize", apply: (d) => void (d.spec.passwordPolicy = { minimumLength: 10, passwordHistorySize: 3 }) },
  { path: "spec.adminCreateUserConfig.inviteMessageTemplate", apply: (d) => void (d.spec.adminCreateUserConfig = { inviteMessageTemplate: { emailSubject: "Welcome" } }) },
  { path: "spec.lambdaConfig.kmsKeyId", apply: (d) => void (d.spec.lambdaConfig = { kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/abc" }) },
  { path: "spec.domain.managedLoginVersion", apply: (d) => void (d.spec.domain = { domain: "acme-login", managedLoginVersion: 2 }) },
  { path: "spec.schemaAttributes[0].developerOnlyAttribute", apply: (d) => void (d.spec.schemaAttributes = [{ name: "secret", attributeDataType: "String", developerOnlyAttribute: false }]) },
];

const under = (path: string, parent: string) => path === parent || path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`);

describe("OpenMCF round trip (fast-check)", () => {
  it("parseOpenMcf(renderOpenMcf(doc)) deep-equals doc for documents OpenMCF can hold, with no warnings", () => {
    fc.assert(
      fc.property(holdableDocument, (doc) => {
        const out = renderOpenMcf(doc);
        expect(out.diagnostics).toEqual([]);
        const back = parseOpenMcf(out.files[0]?.content ?? "");
        expect(back.diagnostics.filter((d) => d.severity === "error" && d.code.includes("_"))).toEqual([]);
        // fast-check builds null-prototype records; compare against plain objects of the same data.
        expect(back.document).toStrictEqual(JSON.parse(JSON.stringify(doc)));
      }),
      { numRuns: 200 },
    );
  });

  it("what OpenMCF cannot hold is named by a specific warning; the generic safety net stays silent", () => {
    fc.assert(
      fc.property(holdableDocument, fc.subarray([...EXTRAS], { minLength: 1 }), (base, extras) => {
        const doc = structuredClone(base);
        for (const e of extras) e.apply(doc);
        const out = renderOpenMcf(doc);
        expect(out.diagnostics.filter((d) => d.code === "openmcf-not-exact")).toEqual([]);
        for (const e of extras) expect(out.diagnostics.some((d) => under(d.path, e.path))).toBe(true);
        expect(out.diagnostics.every((d) => d.severity === "warning")).toBe(true);
        for (const d of out.diagnostics) expect(out.files[0]?.content).toContain(`#   - ${d.path}: `);
      }),
      { numRuns: 200 },
    );
  });
});

describe("OpenMCF never throws (fast-check)", () => {
  const seed = YAML.parse(readFileSync(join(__dirname, "fixtures", "seed-001-production.yaml"), "utf8")) as Obj;

  /** Every path of a value, to break one field at a time. */
  const paths = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] =>
    value !== null && typeof value === "object"
      ? [prefix, ...Object.entries(value as Obj).flatMap(([k, v]) => paths(v, [...prefix, Array.isArray(value) ? Number(k) : k]))]
      : [prefix];
  const seedPaths = paths(seed).filter((p) => p.length > 0);

  const setAt = (root: Obj, path: (string | number)[], value: unknown): Obj => {
    const copy = structuredClone(root);
    let current: Record<string | number, unknown> = copy;
    for (const key of path.slice(0, -1)) current = current[key] as Record<string | number, unknown>;
    current[path[path.length - 1] as string | number] = value;
    return copy;
  };

  it("arbitrary JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseOpenMcf(value);
        expect(result.document).toBeUndefined();
        expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
      }),
    );
  });

  it("an OpenMCF envelope around arbitrary metadata and spec", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (metadata, spec) => {
        const result = parseOpenMcf({ apiVersion: "aws.openmcf.org/v1", kind: "AwsCognitoUserPool", metadata, spec });
        expect(result.document === undefined ? result.diagnostics.some((d) => d.severity === "error") : true).toBe(true);
      }),
    );
  });

  it("OpenMCF's production example manifest with one field replaced by arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.constantFrom(...seedPaths), fc.jsonValue(), (path, value) => {
        const result = parseOpenMcf(setAt(seed, path, value));
        expect(Array.isArray(result.diagnostics)).toBe(true);
        // A document only comes back when OpenMCF's own checks (codes with "_" are CEL rule ids) passed.
        if (result.document) expect(result.diagnostics.filter((d) => d.severity === "error" && d.code.includes("_"))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("arbitrary text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(Array.isArray(parseOpenMcf(text).diagnostics)).toBe(true);
      }),
    );
  });

  it("renderOpenMcf on arbitrary values posing as documents", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (metadata, spec) => {
        const out = renderOpenMcf({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata, spec } as unknown as PoolDocument);
        expect(Array.isArray(out.diagnostics)).toBe(true);
      }),
    );
  });
});
