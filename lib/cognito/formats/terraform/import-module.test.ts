import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { PoolDocument } from "../../spec/document-schema";
import { poolDocumentArbitrary } from "@/test/support/pool-arbitraries";
import { MAXIMAL_POOL_DOCUMENT, BLOG_POOL_DOCUMENT } from "@/test/support/pool-documents";
import { asTerraformTurnsOnSmsMfa } from "@/test/support/terraform-restrictions";
import { renderTerraformModule } from "../terraform-module/render-terraform-module";
import { importTerraformFiles } from "./import-terraform";

/** Removes what the module has no input for (render-terraform-module.ts warns about each). */
function restrictToModule(doc: PoolDocument): PoolDocument {
  const copy = structuredClone(doc);
  const spec = copy.spec;
  delete copy.metadata.labels;
  for (const key of ["groups", "identityProviders", "riskConfiguration", "logDeliveryConfiguration", "deletionProtection", "userPoolTier", "signInPolicy", "emailMfaConfiguration", "webAuthnConfiguration", "userAttributeUpdateSettings", "terms", "managedLoginBranding", "uiCustomizations"] as const) delete spec[key];
  delete spec.passwordPolicy?.passwordHistorySize;
  delete spec.userPoolAddOns?.advancedSecurityAdditionalFlows;
  delete spec.emailConfiguration?.configurationSet;
  delete spec.smsConfiguration?.snsRegion;
  if (spec.lambdaConfig) for (const key of ["preTokenGenerationConfig", "customSmsSender", "customEmailSender", "kmsKeyId", "inboundFederation"] as const) delete spec.lambdaConfig[key];
  delete spec.domain?.managedLoginVersion;
  for (const client of [...(spec.clients ?? []), ...(spec.clientDefaults ? [spec.clientDefaults] : [])]) {
    delete client.enablePropagateAdditionalUserContextData;
    delete client.refreshTokenRotation;
    delete client.authSessionValidity;
  }
  delete spec.customDomain;
  return asTerraformTurnsOnSmsMfa(copy);
}

/** The module's own default where the document leaves a field unset that the module always sets. */
function asTheModuleCreatesIt(doc: PoolDocument): PoolDocument {
  const copy = structuredClone(doc);
  const device = copy.spec.deviceConfiguration;
  if (device && device.challengeRequiredOnNewDevice === undefined) device.challengeRequiredOnNewDevice = true;
  // user_device_tracking ALWAYS is "not only on the user's prompt" (AWS's default false, written out).
  if (device && device.deviceOnlyRememberedOnUserPrompt === undefined) device.deviceOnlyRememberedOnUserPrompt = false;
  // Where the module's default differs from AWS's, the export writes AWS's value for an unset field (its header says
  // so): it reads back as set, to the value AWS would have used, so the pool is the same.
  const spec = copy.spec;
  spec.adminCreateUserConfig = { ...spec.adminCreateUserConfig, allowAdminCreateUserOnly: spec.adminCreateUserConfig?.allowAdminCreateUserOnly ?? false };
  spec.autoVerifiedAttributes ??= [];
  spec.usernameConfiguration = { ...spec.usernameConfiguration, caseSensitive: spec.usernameConfiguration?.caseSensitive ?? true };
  spec.mfaConfiguration ??= "OFF";
  // The password policy is then written, so the requirements it leaves out take the module's defaults (all true).
  const policy = spec.passwordPolicy;
  spec.passwordPolicy = {
    ...policy,
    minimumLength: policy?.minimumLength ?? 8,
    temporaryPasswordValidityDays: policy?.temporaryPasswordValidityDays ?? 7,
    requireLowercase: policy?.requireLowercase ?? true,
    requireNumbers: policy?.requireNumbers ?? true,
    requireSymbols: policy?.requireSymbols ?? true,
    requireUppercase: policy?.requireUppercase ?? true,
  };
  // A client with some token units gets all three (the module passes a missing one as null, which fails).
  for (const client of spec.clients ?? []) {
    if (client.tokenValidityUnits) client.tokenValidityUnits = { accessToken: "hours", idToken: "hours", refreshToken: "days", ...client.tokenValidityUnits };
  }
  // Neither sign-in identifier set: `alias_attributes = []` keeps the module from injecting its own.
  if (!spec.usernameAttributes && !spec.aliasAttributes) spec.aliasAttributes = [];
  spec.softwareTokenMfaConfiguration = { ...spec.softwareTokenMfaConfiguration, enabled: spec.softwareTokenMfaConfiguration?.enabled ?? false };
  // The export writes `scopes = []` for a server without scopes, so "no scopes" reads back one way.
  for (const server of copy.spec.resourceServers ?? []) if (server.scopes?.length === 0) delete server.scopes;
  return copy;
}

/**
 * The message texts the design leaves to AWS: the module has no input meaning "AWS's text", so its own apply (the
 * export warns, code module-default) and read back as the module's texts. Both sides drop them.
 */
function withoutMessageTexts(doc: unknown): unknown {
  const copy = structuredClone(doc) as PoolDocument;
  const spec = copy.spec;
  delete spec.verificationMessageTemplate;
  delete spec.smsAuthenticationMessage;
  if (spec.adminCreateUserConfig) delete spec.adminCreateUserConfig.inviteMessageTemplate;
  return copy;
}

/** An empty settings object says nothing the module's inputs can carry: both sides drop them. */
function withoutEmptyObjects(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyObjects);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const inner = withoutEmptyObjects(v);
    if (inner !== null && typeof inner === "object" && !Array.isArray(inner) && Object.keys(inner).length === 0) continue;
    out[k] = inner;
  }
  return out;
}

async function importModule(text: string, path = "main.tf") {
  return importTerraformFiles({ files: [{ path, content: text }] });
}

describe("module mineiros-io/cognito-user-pool/aws: the inverse of the module export", () => {
  test("the Terraform blog post's pool exports with only the message-text warning and imports back equal", async () => {
    const exported = renderTerraformModule(BLOG_POOL_DOCUMENT);
    expect(exported.diagnostics.map((d) => d.code)).toEqual(["module-default"]);
    const result = await importModule(exported.files[0].content);
    expect(result.pools.map((p) => [p.address, p.name])).toEqual([["module.cognito_user_pool", "blog-pool"]]);
    expect(withoutEmptyObjects(withoutMessageTexts(result.pools[0].document))).toEqual(withoutEmptyObjects(withoutMessageTexts(asTheModuleCreatesIt(BLOG_POOL_DOCUMENT))));
  });

  test("the kitchen sink keeps everything but what the export warned the module cannot say", async () => {
    const exported = renderTerraformModule(MAXIMAL_POOL_DOCUMENT);
    const lost = exported.diagnostics.map((d) => d.path);
    expect(lost).toContain("spec.deletionProtection");
    const pool = (await importModule(exported.files[0].content)).pools[0];
    const spec = pool.draft.spec as Record<string, unknown>;
    for (const path of lost.filter((p) => /^spec\.\w+$/u.test(p))) expect(spec[path.slice(5)]).toBeUndefined();
    expect(spec).toMatchObject({
      region: MAXIMAL_POOL_DOCUMENT.spec.region,
      clients: MAXIMAL_POOL_DOCUMENT.spec.clients?.map((c) => expect.objectContaining({ name: c.name })),
      resourceServers: MAXIMAL_POOL_DOCUMENT.spec.resourceServers,
      schemaAttributes: MAXIMAL_POOL_DOCUMENT.spec.schemaAttributes,
      passwordPolicy: expect.objectContaining({ minimumLength: MAXIMAL_POOL_DOCUMENT.spec.passwordPolicy?.minimumLength }),
    });
  });

  test("any document the module export holds (no warning but the message texts) imports back equal", async () => {
    let held = 0;
    await fc.assert(
      fc.asyncProperty(poolDocumentArbitrary().map(restrictToModule), async (doc: PoolDocument) => {
        const exported = renderTerraformModule(doc);
        if (exported.diagnostics.some((d) => d.code !== "module-default")) return;
        held++;
        const result = await importModule(exported.files[0].content);
        expect(withoutEmptyObjects(withoutMessageTexts(result.pools[0].draft))).toEqual(withoutEmptyObjects(withoutMessageTexts(asTheModuleCreatesIt(doc))));
      }),
      { numRuns: 60 },
    );
    expect(held).toBeGreaterThan(10);
  }, 60_000);

  test("a hand-written call: inputs left out take the module's defaults; a git source is read too; unknown inputs are warnings with the line", async () => {
    // After the module's examples/complete/main.tf (https://github.com/mineiros-io/terraform-aws-cognito-user-pool).
    const text = `provider "aws" {
  region = "us-east-1"
}

variable "stage" {}

module "cognito_user_pool" {
  source = "git::https://github.com/mineiros-io/terraform-aws-cognito-user-pool.git?ref=v0.9.2"

  name                         = "complete-\${var.stage}"
  allow_admin_create_user_only = false
  alias_attributes             = ["email", "preferred_username"]
  mfa_configuration            = "ON"
  password_minimum_length      = 40
  user_device_tracking         = "OFF"
  shiny_new_input              = true

  schema_attributes = [
    { name = "friends_count", type = "Number", min_value = 0, max_value = 100 },
  ]
  clients = [
    {
      name                 = "android"
      allowed_oauth_flows  = ["implicit"]
      allowed_oauth_scopes = ["email", "openid"]
      callback_urls        = ["https://example.com/callback"]
      generate_secret      = true
    },
  ]
}
`;
    const result = await importModule(text);
    const pool = result.pools[0];
    expect(pool.address).toBe("module.cognito_user_pool");
    expect(pool.unresolved).toEqual([expect.objectContaining({ name: "var.stage", line: 5, fields: ["metadata.name"] })]);
    expect(pool.draft.spec).toMatchObject({
      region: "us-east-1",
      aliasAttributes: ["email", "preferred_username"],
      adminCreateUserConfig: { allowAdminCreateUserOnly: false, inviteMessageTemplate: { emailSubject: "Your new account." } },
      mfaConfiguration: "ON",
      softwareTokenMfaConfiguration: { enabled: true },
      passwordPolicy: { minimumLength: 40, requireSymbols: true, temporaryPasswordValidityDays: 1 },
      autoVerifiedAttributes: ["email"],
      schemaAttributes: [{ name: "friends_count", attributeDataType: "Number", numberAttributeConstraints: { minValue: "0", maxValue: "100" } }],
      clients: [{ name: "android", allowedOAuthFlows: ["implicit"], generateSecret: true }],
    });
    expect((pool.draft.spec as Record<string, unknown>).deviceConfiguration).toBeUndefined();
    expect(pool.diagnostics).toContainEqual(expect.objectContaining({ code: "not-in-model", message: expect.stringMatching(/^module\.cognito_user_pool\.shiny_new_input .*\(main\.tf line 16\)$/u) }));
  });

  test("another module is named, not imported", async () => {
    const result = await importModule('module "auth" {\n  source = "cloudposse/cognito/aws"\n}\n');
    expect(result.pools).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["not-in-model", "no-user-pool"]);
    expect(result.diagnostics[0].message).toContain("module.auth (main.tf line 1) calls cloudposse/cognito/aws");
  });
});
