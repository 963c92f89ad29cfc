import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { planChanges, sameValue } from "../plan";
import type { PoolDocument } from "../spec/document-schema";
import { validatePoolDocument } from "../spec/validate";
import { applyEnvironmentValues, keepDesignValues } from "./apply-environment-values";
import { describeEnvironmentValuesIssues, type EnvironmentValues, environmentValuesSchema, isEmptyEnvironmentValues, replaceEnvironmentValuesPart } from "./environment-values";
import { listDesignSettings, listEnvironmentSettingRows, listSettingEntries, valuesFromSettingEntries } from "./settings";

const devApi = "https://api.dev.shop.test";
const prodApi = "https://api.shop.test";
const lambda = (env: string, name: string) => `arn:aws:lambda:eu-west-1:210987654321:function:${env}-${name}`;

/** A design with one of every setting a target may vary, holding dev's values. */
const design: PoolDocument = {
  apiVersion: "cognito-studio.dev/v1",
  kind: "UserPool",
  metadata: { name: "shop-users" },
  spec: {
    region: "eu-west-1",
    lambdaConfig: {
      preSignUp: lambda("dev", "pre-sign-up"),
      preTokenGeneration: lambda("dev", "pre-token"),
      preTokenGenerationConfig: { lambdaVersion: "V2_0", lambdaArn: lambda("dev", "pre-token") },
      customEmailSender: { lambdaVersion: "V1_0", lambdaArn: lambda("dev", "sender") },
      kmsKeyId: "arn:aws:kms:eu-west-1:210987654321:key/dev-key",
    },
    emailConfiguration: { emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:eu-west-1:210987654321:identity/dev.shop.test", from: "Shop dev <no-reply@dev.shop.test>" },
    smsConfiguration: { snsCallerArn: "arn:aws:iam::210987654321:role/dev-sms", externalId: "dev-external" },
    userPoolTags: { env: "dev", team: "identity" },
    resourceServers: [
      { identifier: devApi, name: "Orders API", scopes: [{ name: "read", description: "Read orders" }] },
      { identifier: "https://other.dev.shop.test", name: "Other API", scopes: [{ name: "read", description: "Read other" }] },
    ],
    clients: [
      {
        name: "web",
        allowedOAuthFlowsUserPoolClient: true,
        allowedOAuthFlows: ["code"],
        allowedOAuthScopes: ["openid", `${devApi}/read`, "https://other.dev.shop.test/read"],
        callbackUrls: ["https://dev.shop.test/callback"],
        supportedIdentityProviders: ["COGNITO", "Google", "Corp"],
      },
      { name: "m2m", generateSecret: true },
    ],
    identityProviders: [
      { providerName: "Google", providerType: "Google", providerDetails: { client_id: "dev-google.apps.googleusercontent.com", authorize_scopes: "openid email" }, secretRef: { source: "env", name: "IDP_SECRET_GOOGLE" } },
      { providerName: "Corp", providerType: "SAML", providerDetails: { MetadataURL: "https://idp.dev.shop.test/metadata.xml" } },
    ],
    groups: [{ name: "admins", roleArn: "arn:aws:iam::210987654321:role/dev-admins" }, { name: "readers" }],
  },
};

const prod: EnvironmentValues = {
  triggers: { preSignUp: lambda("prod", "pre-sign-up"), preTokenGeneration: lambda("prod", "pre-token"), customEmailSender: lambda("prod", "sender") },
  customSenderKmsKeyId: "arn:aws:kms:eu-west-1:210987654321:key/prod-key",
  email: { sourceArn: "arn:aws:ses:eu-west-1:210987654321:identity/shop.test", from: "Shop <no-reply@shop.test>" },
  sms: { snsCallerArn: "arn:aws:iam::210987654321:role/prod-sms", externalId: "prod-external" },
  identityProviders: { Google: { clientId: "prod-google.apps.googleusercontent.com" }, Corp: { metadataUrl: "https://idp.shop.test/metadata.xml" } },
  resourceServers: { [devApi]: { identifier: prodApi } },
  groups: { admins: { roleArn: "arn:aws:iam::210987654321:role/prod-admins" } },
  tags: { env: "prod", "cost-centre": "shop" },
};

describe("applyEnvironmentValues: every per-environment setting", () => {
  test("the target's values replace the design's, the result is a valid design, and the rest is untouched", () => {
    const { document, replaced, unusedSettings } = applyEnvironmentValues(design, prod);
    const spec = document.spec;
    expect(spec.lambdaConfig).toEqual({
      preSignUp: lambda("prod", "pre-sign-up"),
      // Both pre token generation fields move together: AWS requires the same ARN in both.
      preTokenGeneration: lambda("prod", "pre-token"),
      preTokenGenerationConfig: { lambdaVersion: "V2_0", lambdaArn: lambda("prod", "pre-token") },
      customEmailSender: { lambdaVersion: "V1_0", lambdaArn: lambda("prod", "sender") },
      kmsKeyId: "arn:aws:kms:eu-west-1:210987654321:key/prod-key",
    });
    expect(spec.emailConfiguration).toEqual({ emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:eu-west-1:210987654321:identity/shop.test", from: "Shop <no-reply@shop.test>" });
    expect(spec.smsConfiguration).toEqual({ snsCallerArn: "arn:aws:iam::210987654321:role/prod-sms", externalId: "prod-external" });
    expect(spec.identityProviders?.[0]?.providerDetails).toEqual({ client_id: "prod-google.apps.googleusercontent.com", authorize_scopes: "openid email" });
    expect(spec.identityProviders?.[0]?.secretRef).toEqual({ source: "env", name: "IDP_SECRET_GOOGLE" });
    expect(spec.identityProviders?.[1]?.providerDetails).toEqual({ MetadataURL: "https://idp.shop.test/metadata.xml" });
    expect(spec.groups).toEqual([{ name: "admins", roleArn: "arn:aws:iam::210987654321:role/prod-admins" }, { name: "readers" }]);
    expect(spec.userPoolTags).toEqual({ env: "prod", team: "identity", "cost-centre": "shop" });
    // The identifier is renamed, and every scope naming it follows; the other server and its scope do not.
    expect(spec.resourceServers?.map((s) => s.identifier)).toEqual([prodApi, "https://other.dev.shop.test"]);
    expect(spec.clients?.[0]?.allowedOAuthScopes).toEqual(["openid", `${prodApi}/read`, "https://other.dev.shop.test/read"]);
    const withDefaults = { ...design, spec: { ...design.spec, clients: [{ name: "web" }], clientDefaults: { allowedOAuthScopes: ["openid", `${devApi}/read`] } } };
    expect(applyEnvironmentValues(withDefaults, prod).document.spec.clientDefaults?.allowedOAuthScopes).toEqual(["openid", `${prodApi}/read`]);
    expect(unusedSettings).toEqual([]);
    expect(replaced).toEqual([
      "spec.lambdaConfig.preSignUp",
      "spec.lambdaConfig.preTokenGeneration",
      "spec.lambdaConfig.customEmailSender",
      "spec.lambdaConfig.kmsKeyId",
      "spec.emailConfiguration.sourceArn",
      "spec.emailConfiguration.from",
      "spec.smsConfiguration.snsCallerArn",
      "spec.smsConfiguration.externalId",
      "spec.identityProviders[Google].providerDetails.client_id",
      "spec.identityProviders[Corp].providerDetails.MetadataURL",
      `spec.resourceServers[${devApi}].identifier`,
      "spec.groups[admins].roleArn",
      "spec.userPoolTags[env]",
      "spec.userPoolTags[cost-centre]",
    ]);
    expect(validatePoolDocument(document).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(design.spec.lambdaConfig?.preSignUp).toBe(lambda("dev", "pre-sign-up"));
  });

  test("a value for a setting the design lacks is reported, not invented (tags aside)", () => {
    const bare: PoolDocument = { ...design, spec: { region: "eu-west-1", clients: [{ name: "web" }] } };
    const { document, unusedSettings, replaced } = applyEnvironmentValues(bare, prod);
    expect(document.spec.lambdaConfig).toBeUndefined();
    expect(document.spec.resourceServers).toBeUndefined();
    expect(document.spec.userPoolTags).toEqual({ env: "prod", "cost-centre": "shop" });
    expect(replaced).toEqual(["spec.userPoolTags[env]", "spec.userPoolTags[cost-centre]"]);
    expect(unusedSettings).toEqual([
      "Pre sign-up trigger",
      "Pre token generation trigger",
      "Custom email sender trigger",
      "Custom sender KMS key",
      "SES identity (email source ARN)",
      "Email From address",
      "SMS role (SNS caller ARN)",
      "SMS role external id",
      "Identity provider Google: client id",
      "Identity provider Corp: metadata URL",
      `Resource server ${devApi}: identifier`,
      "Group admins: IAM role",
    ]);
    // A group without a role gets none from a target: the design decides that the group has a role.
    expect(applyEnvironmentValues(design, { groups: { readers: { roleArn: "arn:aws:iam::210987654321:role/r" } } }).unusedSettings).toEqual(["Group readers: IAM role"]);
  });

  test("two resource servers may swap identifiers: each rename reads the design as it was", () => {
    const other = "https://other.dev.shop.test";
    const { document } = applyEnvironmentValues(design, { resourceServers: { [devApi]: { identifier: other }, [other]: { identifier: devApi } } });
    expect(document.spec.resourceServers?.map((s) => [s.name, s.identifier])).toEqual([
      ["Orders API", other],
      ["Other API", devApi],
    ]);
    expect(document.spec.clients?.[0]?.allowedOAuthScopes).toEqual(["openid", `${other}/read`, `${devApi}/read`]);
  });
});

describe("the plan pairs resource servers by the target's identifier", () => {
  test("a live pool applied with the target's values plans empty against the design with those values", () => {
    const live = applyEnvironmentValues(design, prod).document;
    const plan = planChanges(live, applyEnvironmentValues(design, prod).document);
    expect(plan.entries.filter((e) => e.action !== "noop")).toEqual([]);
    // Without the overlay the same live pool would lose the server and gain another: the overlay is what pairs them.
    const unpaired = planChanges(live, design).entries.filter((e) => e.address.startsWith("resource_server"));
    expect(unpaired.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action}`)).toEqual([`resource_server["${devApi}"] replace`]);
  });

  test("changing the target's identifier once applied replaces the server, as the page says", () => {
    const before = applyEnvironmentValues(design, prod).document;
    const after = applyEnvironmentValues(design, { ...prod, resourceServers: { [devApi]: { identifier: "https://api.v2.shop.test" } } }).document;
    const changed = planChanges(before, after).entries.filter((e) => e.address.startsWith("resource_server") && e.action !== "noop");
    expect(changed.map((e) => `${e.address} ${e.action}`)).toEqual(['resource_server["https://api.v2.shop.test"] replace']);
  });
});

describe("keepDesignValues: pulling a target's pool keeps its values out of the design", () => {
  test("every setting comes back as the design's, the server under the design's identifier with its scopes", () => {
    const live = applyEnvironmentValues(design, prod).document;
    // Changed by hand on the live pool: a new group, and the other server renamed.
    live.spec.groups!.push({ name: "support" });
    const pulled = keepDesignValues(live, design, prod);
    expect(pulled.spec.resourceServers?.map((s) => s.identifier)).toEqual([devApi, "https://other.dev.shop.test"]);
    expect(pulled.spec.clients?.[0]?.allowedOAuthScopes).toEqual(design.spec.clients?.[0]?.allowedOAuthScopes);
    expect(pulled.spec.lambdaConfig).toEqual(design.spec.lambdaConfig);
    expect(pulled.spec.emailConfiguration).toEqual(design.spec.emailConfiguration);
    expect(pulled.spec.smsConfiguration).toEqual(design.spec.smsConfiguration);
    expect(pulled.spec.identityProviders).toEqual(design.spec.identityProviders);
    expect(pulled.spec.userPoolTags).toEqual(design.spec.userPoolTags);
    expect(pulled.spec.groups).toEqual([...design.spec.groups!, { name: "support" }]);
  });

  test("property: pulling an untouched pool gives the design back, for any subset of the values", () => {
    const entries = listSettingEntries(prod);
    fc.assert(
      fc.property(fc.subarray(entries), (picked) => {
        const values = environmentValuesSchema.parse(valuesFromSettingEntries(picked));
        const live = applyEnvironmentValues(design, values).document;
        expect(sameValue(keepDesignValues(live, design, values), design)).toBe(true);
        expect(applyEnvironmentValues(live, {}).document).toEqual(live);
      }),
      { numRuns: 80 },
    );
  });
});

describe("setting entries (the target page's rows)", () => {
  test("the design's settings are listed with their values; entries and values convert both ways", () => {
    expect(listDesignSettings(design.spec).map((e) => `${e.kind}:${e.name}`)).toEqual([
      "trigger:preSignUp",
      "trigger:preTokenGeneration",
      "trigger:customEmailSender",
      "customSenderKmsKeyId:",
      "emailSourceArn:",
      "emailFrom:",
      "smsRoleArn:",
      "smsExternalId:",
      "identityProviderClientId:Google",
      "identityProviderMetadataUrl:Corp",
      `resourceServerIdentifier:${devApi}`,
      "resourceServerIdentifier:https://other.dev.shop.test",
      "groupRoleArn:admins",
      "tag:env",
      "tag:team",
    ]);
    expect(environmentValuesSchema.parse(valuesFromSettingEntries(listSettingEntries(prod)))).toEqual(prod);
    expect(isEmptyEnvironmentValues(prod)).toBe(false);
    expect(isEmptyEnvironmentValues({ triggers: {}, email: {}, identityProviders: { Google: {} } })).toBe(true);
  });
});

describe("the page's two forms each save their own part", () => {
  const addresses: EnvironmentValues = { domain: "shop-prod", clients: { web: { callbackUrls: ["https://shop.test/callback"] } } };
  test("saving the settings keeps the addresses, and saving the addresses keeps the settings", () => {
    const stored = { ...addresses, tags: { env: "prod" } };
    expect(replaceEnvironmentValuesPart(stored, "settings", { triggers: { preSignUp: lambda("prod", "p") } })).toEqual({ ...addresses, triggers: { preSignUp: lambda("prod", "p") } });
    expect(replaceEnvironmentValuesPart(stored, "addresses", { domain: "shop-prod-2" })).toEqual({ domain: "shop-prod-2", tags: { env: "prod" } });
    // A form's values for the other part are not taken.
    expect(replaceEnvironmentValuesPart({}, "settings", { ...addresses, tags: { env: "prod" } })).toEqual({ tags: { env: "prod" } });
  });

  test("the table lists the design's settings with the target's values, then the target's values the design lacks", () => {
    const rows = listEnvironmentSettingRows(design.spec, { triggers: { preSignUp: lambda("prod", "p"), userMigration: lambda("prod", "m") } });
    expect(rows[0]).toEqual({ kind: "trigger", name: "preSignUp", label: "Pre sign-up trigger", designValue: lambda("dev", "pre-sign-up"), targetValue: lambda("prod", "p") });
    expect(rows[1]).toMatchObject({ name: "preTokenGeneration", targetValue: undefined });
    expect(rows.at(-1)).toEqual({ kind: "trigger", name: "userMigration", label: "User migration trigger", designValue: undefined, targetValue: lambda("prod", "m") });
    expect(listEnvironmentSettingRows(undefined, {})).toEqual([]);
  });
});

describe("environmentValuesSchema refuses what AWS would, naming the field, the rule and what to do", () => {
  test.each([
    [
      { triggers: { preSignUp: "my-function" } },
      "triggers.preSignUp: must be a Lambda function ARN like arn:aws:lambda:eu-west-1:123456789012:function:pre-sign-up; copy it from the function's page in the Lambda console",
    ],
    [
      { triggers: { preSignUp: "arn:aws:iam::210987654321:role/not-a-function" } },
      "triggers.preSignUp: must be a Lambda function ARN like arn:aws:lambda:eu-west-1:123456789012:function:pre-sign-up; copy it from the function's page in the Lambda console",
    ],
    [{ triggers: { preSignup: lambda("prod", "x") } }, "triggers: Unknown setting: preSignup. Remove it or check the spelling."],
    [
      { customSenderKmsKeyId: "arn:aws:kms:eu-west-1:210987654321:alias/prod" },
      "customSenderKmsKeyId: must be a KMS key ARN like arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab (an alias is not accepted); copy it from the key's page in the KMS console",
    ],
    [
      { email: { sourceArn: "arn:aws:sns:eu-west-1:210987654321:topic" } },
      "email.sourceArn: must be an SES identity ARN like arn:aws:ses:eu-west-1:123456789012:identity/example.com; copy it from the verified identity's page in the SES console",
    ],
    [{ email: { from: "" } }, "email.from: From is required: it cannot be empty."],
    [
      { sms: { snsCallerArn: "arn:aws:iam::210987654321:user/sms" } },
      "sms.snsCallerArn: must be an IAM role ARN like arn:aws:iam::123456789012:role/cognito-sms; copy it from the role's page in the IAM console",
    ],
    [{ identityProviders: { Google: { clientId: "" } } }, "identityProviders.Google.clientId: is empty: write a value, or clear the row to keep the design's"],
    [
      { identityProviders: { Corp: { metadataUrl: "http://idp.shop.test/metadata.xml" } } },
      "identityProviders.Corp.metadataUrl: must be an https URL like https://idp.example.com/metadata.xml: Cognito fetches the metadata over https",
    ],
    [{ resourceServers: { [devApi]: { identifier: "https://api.shop.test/with space" } } }, `resourceServers["${devApi}"].identifier: must be printable ASCII without spaces, quotes or backslashes`],
    [{ resourceServers: { [devApi]: { identifier: "x".repeat(257) } } }, `resourceServers["${devApi}"].identifier: Identifier must be at most 256 characters long.`],
    [
      { groups: { admins: { roleArn: "arn:aws:lambda:eu-west-1:210987654321:function:f" } } },
      "groups.admins.roleArn: must be an IAM role ARN like arn:aws:iam::123456789012:role/name",
    ],
    [{ tags: { env: "x".repeat(257) } }, "tags.env: Env must be at most 256 characters long."],
  ])("%j", (input, message) => {
    const parsed = environmentValuesSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(describeEnvironmentValuesIssues(parsed.error!.issues)).toEqual([message]);
  });
});
