import { parse as parseHcl } from "@cdktf/hcl2json";
import { describe, expect, test } from "vitest";
import { KITCHEN_SINK_DOCUMENT, SEED_000_DOCUMENT } from "../sample-documents";
import { MINEIROS_SOURCE, renderTerraformModule } from "./render-terraform-module";

type Json = Record<string, unknown>;

async function moduleInputs(doc = SEED_000_DOCUMENT): Promise<Json> {
  const json = (await parseHcl("main.tf", renderTerraformModule(doc).files[0].content)) as { module: Record<string, Json[]> };
  return json.module.cognito_user_pool[0];
}

describe("renderTerraformModule", () => {
  test("maps seed 000 onto the module's inputs (seed 002 names)", async () => {
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

  test("unset fields whose module default is not AWS's are passed as null (AWS default), and listed in a comment", async () => {
    const inputs = await moduleInputs();
    expect(inputs.allow_admin_create_user_only).toBeNull();
    expect(inputs.mfa_configuration).toBeNull();
    expect(inputs.temporary_password_validity_days).toBeNull();
    // Unset with the same default as AWS: not written at all.
    expect(inputs).not.toHaveProperty("advanced_security_mode");
    expect(renderTerraformModule(SEED_000_DOCUMENT).files[0].content).toContain("#   mfa_configuration (module default \"OPTIONAL\")");
  });

  test("what the module cannot express is a warning and a comment", () => {
    const result = renderTerraformModule(KITCHEN_SINK_DOCUMENT);
    const paths = result.diagnostics.map((d) => d.path);
    for (const path of ["spec.deletionProtection", "spec.userPoolTier", "spec.signInPolicy", "spec.emailMfaConfiguration", "spec.webAuthnConfiguration", "spec.domain.managedLoginVersion"])
      expect(paths).toContain(path);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ path: "spec.clients[0]", message: expect.stringContaining("auth_session_validity") }));
    const content = result.files[0].content;
    expect(content).toContain("# Not exported: the module has no input for\n#   spec.deletionProtection\n#   spec.userPoolTier");
    expect(content).not.toContain("deletion_protection");
  });

  test("client defaults become default_client_* inputs", async () => {
    const doc = structuredClone(SEED_000_DOCUMENT);
    doc.spec.clientDefaults = { refreshTokenValidity: 45, allowedOAuthScopes: ["email", "openid"] };
    const inputs = await moduleInputs(doc);
    expect(inputs.default_client_refresh_token_validity).toBe(45);
    expect(inputs.default_client_allowed_oauth_scopes).toEqual(["email", "openid"]);
  });

  test("device tracking: prompt → USER_OPT_IN, always → ALWAYS", async () => {
    const doc = structuredClone(SEED_000_DOCUMENT);
    doc.spec.deviceConfiguration = { deviceOnlyRememberedOnUserPrompt: true, challengeRequiredOnNewDevice: false };
    expect(await moduleInputs(doc)).toMatchObject({ user_device_tracking: "USER_OPT_IN", challenge_required_on_new_device: false });
    doc.spec.deviceConfiguration = { deviceOnlyRememberedOnUserPrompt: false };
    expect(await moduleInputs(doc)).toMatchObject({ user_device_tracking: "ALWAYS" });
  });
});

test("groups and identity providers are reported as not held by the module, and not written", () => {
  const doc = {
    apiVersion: "cognito-studio.dev/v1" as const,
    kind: "UserPool" as const,
    metadata: { name: "shop" },
    spec: {
      region: "eu-west-1",
      groups: [{ name: "admins" }],
      identityProviders: [{ providerName: "Corp", providerType: "SAML" as const, providerDetails: { MetadataURL: "https://idp.example.com/m" } }],
    },
  };
  const { files, diagnostics } = renderTerraformModule(doc);
  expect(diagnostics.filter((d) => d.code === "not-expressible").map((d) => d.path)).toEqual(["spec.groups", "spec.identityProviders"]);
  expect(files.map((f) => f.content).join("\n")).not.toContain("idp.example.com");
});
