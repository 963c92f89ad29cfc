import { parse as parseHcl } from "@cdktf/hcl2json";
import { describe, expect, test } from "vitest";
import { BLOG_POOL_DOCUMENT, MAXIMAL_POOL_DOCUMENT, poolDocument } from "@/test/support/pool-documents";
import { listPresets, presetExampleDocument } from "../../presets";
import { MINEIROS_SOURCE, moduleClientName, renderTerraformModule } from "./render-terraform-module";

type Json = Record<string, unknown>;

async function moduleInputs(doc = BLOG_POOL_DOCUMENT): Promise<Json> {
  const json = (await parseHcl("main.tf", renderTerraformModule(doc).files[0].content)) as { module: Record<string, Json[]> };
  return json.module.cognito_user_pool[0];
}

describe("renderTerraformModule", () => {
  test("maps the Terraform blog post's pool onto the module's inputs (the names its README documents)", async () => {
    const inputs = await moduleInputs();
    expect(inputs).toMatchObject({
      source: MINEIROS_SOURCE,
      version: "~> 0.9.0",
      name: "blog-pool",
      auto_verified_attributes: ["email"],
      account_recovery_mechanisms: [{ name: "verified_email", priority: 1 }],
      password_minimum_length: 12,
      password_require_symbols: true,
      default_email_option: "CONFIRM_WITH_CODE",
      domain: "blog-pool-auth",
      user_device_tracking: "OFF",
      resource_servers: [{ identifier: "https://api.example.com", name: "api", scopes: [{ scope_name: "read", scope_description: "Read access to API" }] }],
    });
    expect(inputs.schema_attributes).toEqual([
      { name: "email", type: "String", mutable: true, required: true },
      { name: "tenant_id", type: "String", mutable: true, required: false },
    ]);
    expect(inputs.clients).toEqual([
      expect.objectContaining({ name: "web-app", allowed_oauth_flows: ["code"], allowed_oauth_scopes: ["https://api.example.com/read"], enable_token_revocation: true }),
    ]);
  });

  test("unset fields whose module default is not AWS's are written with AWS's default, never null, and listed in a comment", async () => {
    const inputs = await moduleInputs();
    expect(inputs).toMatchObject({
      allow_admin_create_user_only: false,
      mfa_configuration: "OFF",
      allow_software_mfa_token: false,
      enable_username_case_sensitivity: true,
      temporary_password_validity_days: 7,
    });
    // Unset with the same default as AWS: not written at all.
    expect(inputs).not.toHaveProperty("advanced_security_mode");
    const content = renderTerraformModule(BLOG_POOL_DOCUMENT).files[0].content;
    expect(content).toContain('#   mfa_configuration (module default "OPTIONAL")');
    // `allow_software_mfa_token = null` fails the module's `for_each = var.allow_software_mfa_token ? …`.
    expect(content).not.toMatch(/=\s*null\b/u);
  });

  test("no preset or sample design writes a null input", () => {
    for (const doc of [BLOG_POOL_DOCUMENT, MAXIMAL_POOL_DOCUMENT, ...listPresets().map(presetExampleDocument)])
      expect(renderTerraformModule(doc).files[0].content).not.toMatch(/=\s*null\b/u);
  });

  test("the module's own message texts are named in a warning where the design keeps AWS's", () => {
    const { diagnostics } = renderTerraformModule(BLOG_POOL_DOCUMENT);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "module-default", message: expect.stringContaining("invite_email_subject") }));
  });

  test("without usernameAttributes or aliasAttributes, alias_attributes is written empty so the module does not add email and preferred_username", async () => {
    expect((await moduleInputs()).alias_attributes).toEqual([]);
    const withEmail = structuredClone(BLOG_POOL_DOCUMENT);
    withEmail.spec.usernameAttributes = ["email"];
    const inputs = await moduleInputs(withEmail);
    expect(inputs).not.toHaveProperty("alias_attributes");
    expect(inputs.username_attributes).toEqual(["email"]);
  });

  test("a client name the module lower-cases is a warning; two names it merges are a warning too", () => {
    const doc = structuredClone(BLOG_POOL_DOCUMENT);
    doc.spec.clients = [{ name: "Web App" }, { name: "web-app" }, { name: "api" }];
    const { diagnostics } = renderTerraformModule(doc);
    expect(diagnostics).toContainEqual(expect.objectContaining({ path: "spec.clients[0].name", code: "renamed-by-format", message: expect.stringContaining('"web-app", not "Web App"') }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ path: "spec.clients[1].name", code: "not-expressible" }));
    expect(diagnostics.filter((d) => d.path === "spec.clients[2].name")).toEqual([]);
    expect(moduleClientName("Web App")).toBe("web-app");
  });

  test("what the module cannot express is a warning and a comment", () => {
    const result = renderTerraformModule(MAXIMAL_POOL_DOCUMENT);
    const paths = result.diagnostics.map((d) => d.path);
    for (const path of ["spec.deletionProtection", "spec.userPoolTier", "spec.signInPolicy", "spec.emailMfaConfiguration", "spec.webAuthnConfiguration", "spec.domain.managedLoginVersion"])
      expect(paths).toContain(path);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ path: "spec.clients[0].authSessionValidity", message: expect.stringContaining("auth_session_validity") }));
    const content = result.files[0].content;
    expect(content).toContain("# Not exported: the module has no input for\n#   spec.deletionProtection\n#   spec.userPoolTier");
    expect(content).not.toContain("deletion_protection");
  });

  test("a client's token units are written in full: the module would pass a missing unit as null, which the provider reads as 0s", async () => {
    const doc = structuredClone(BLOG_POOL_DOCUMENT);
    doc.spec.clients = [{ name: "m2m", accessTokenValidity: 60, tokenValidityUnits: { accessToken: "minutes" } }];
    const clients = (await moduleInputs(doc)).clients as Json[];
    expect(clients[0]?.token_validity_units).toEqual({ access_token: "minutes", id_token: "hours", refresh_token: "days" });
  });

  test("a client's analytics configuration, which the module's main.tf never reads, is a warning, not a silent loss", () => {
    const { diagnostics, files } = renderTerraformModule(MAXIMAL_POOL_DOCUMENT);
    expect(diagnostics).toContainEqual(expect.objectContaining({ path: expect.stringMatching(/^spec\.clients\[\d+\]\.analyticsConfiguration$/u), code: "not-expressible" }));
    expect(files[0]?.content).not.toContain("analytics_configuration");
  });

  test("client defaults become default_client_* inputs", async () => {
    const doc = structuredClone(BLOG_POOL_DOCUMENT);
    doc.spec.clientDefaults = { refreshTokenValidity: 45, allowedOAuthScopes: ["email", "openid"] };
    const inputs = await moduleInputs(doc);
    expect(inputs.default_client_refresh_token_validity).toBe(45);
    expect(inputs.default_client_allowed_oauth_scopes).toEqual(["email", "openid"]);
  });

  test("device tracking: prompt → USER_OPT_IN, always → ALWAYS", async () => {
    const doc = structuredClone(BLOG_POOL_DOCUMENT);
    doc.spec.deviceConfiguration = { deviceOnlyRememberedOnUserPrompt: true, challengeRequiredOnNewDevice: false };
    expect(await moduleInputs(doc)).toMatchObject({ user_device_tracking: "USER_OPT_IN", challenge_required_on_new_device: false });
    doc.spec.deviceConfiguration = { deviceOnlyRememberedOnUserPrompt: false };
    expect(await moduleInputs(doc)).toMatchObject({ user_device_tracking: "ALWAYS" });
  });
});

test("groups and identity providers are reported as not held by the module, and not written", () => {
  const doc = poolDocument({
    groups: [{ name: "admins" }],
    identityProviders: [{ providerName: "Corp", providerType: "SAML" as const, providerDetails: { MetadataURL: "https://idp.example.com/m" } }],
  });
  const { files, diagnostics } = renderTerraformModule(doc);
  expect(diagnostics.filter((d) => d.code === "not-expressible").map((d) => d.path)).toEqual(["spec.groups", "spec.identityProviders"]);
  expect(files.map((f) => f.content).join("\n")).not.toContain("idp.example.com");
});
