import { describe, expect, it } from "vitest";
import type { PoolSpec } from "../spec/pool-schema";
import { planChanges } from "./plan-changes";
import { REPLACEMENT_RULES } from "./replacement-rules";
import { actions, entry, poolDoc } from "../../../test/support/plan-helpers";

describe("planChanges: creating and matching", () => {
  it("creates every resource when there is no current pool", () => {
    const desired = poolDoc({
      mfaConfiguration: "OPTIONAL",
      softwareTokenMfaConfiguration: { enabled: true },
      passwordPolicy: { minimumLength: 12 },
      clients: [{ name: "web", callbackUrls: ["https://app.example.com/cb"] }],
      resourceServers: [{ identifier: "orders", name: "orders", scopes: [{ name: "read", description: "Read orders" }] }],
      domain: { domain: "shop-auth" },
    });
    const plan = planChanges(null, desired);
    expect(plan.creatingPool).toBe(true);
    expect(actions(plan)).toEqual(["user_pool create", "mfa_config create", 'resource_server["orders"] create', 'app_client["web"] create', "domain create"]);
    expect(plan.summary).toEqual({ add: 5, change: 0, replace: 0, destroy: 0 });
    expect(entry(plan, "user_pool").changes).toEqual([
      { path: "name", after: "shop" },
      { path: "passwordPolicy.minimumLength", after: 12 },
      { path: "region", after: "eu-west-1" },
    ]);
    expect(entry(plan, "mfa_config").changes).toEqual([
      { path: "mfaConfiguration", after: "OPTIONAL" },
      { path: "softwareTokenMfaConfiguration.enabled", after: true },
    ]);
    expect(entry(plan, 'resource_server["orders"]').changes).toEqual([
      { path: "name", after: "orders" },
      { path: 'scopes["read"]', after: { name: "read", description: "Read orders" } },
    ]);
    expect(entry(plan, 'app_client["web"]').changes).toEqual([{ path: "callbackUrls", after: ["https://app.example.com/cb"] }]);
    expect(plan.securityChanges).toEqual([]);
    expect(plan.worstImpact.level).toBe("in-place");
    expect(plan.errors).toEqual([]);
  });

  it("plans a document changed since an earlier plan of it from what it holds now (clients are resolved per plan)", () => {
    const current = poolDoc({ clients: [{ name: "web", callbackUrls: ["https://app.example.com/cb"] }] });
    const desired = structuredClone(current);
    expect(entry(planChanges(current, desired), 'app_client["web"]').action).toBe("noop");
    desired.spec.clients![0]!.callbackUrls = ["https://app.example.com/cb", "https://app.example.com/cb2"];
    const changed = entry(planChanges(current, desired), 'app_client["web"]');
    expect(changed.action).toBe("update");
    expect(changed.value).toEqual({ name: "web", callbackUrls: ["https://app.example.com/cb", "https://app.example.com/cb2"] });
  });

  it("has no changes when current and desired are the same", () => {
    const doc = poolDoc({ clients: [{ name: "web", generateSecret: true }], domain: { domain: "shop-auth" }, mfaConfiguration: "ON" });
    const plan = planChanges(doc, structuredClone(doc));
    expect(plan.hasChanges).toBe(false);
    expect(plan.entries.map((e) => e.action)).toEqual(["noop", "noop", "noop", "noop"]);
    expect(plan.worstImpact.level).toBe("none");
  });

  it("does not report a setting the desired document leaves unset", () => {
    const current = poolDoc({ passwordPolicy: { minimumLength: 10, requireSymbols: true }, deletionProtection: "ACTIVE", mfaConfiguration: "ON" });
    const desired = poolDoc({ passwordPolicy: { minimumLength: 10 } });
    const plan = planChanges(current, desired);
    expect(plan.hasChanges).toBe(false);
    expect(plan.entries.map((e) => e.address)).toEqual(["user_pool"]);
  });

  it("leaves clients alone when the desired document does not manage them, and deletes them all for []", () => {
    const current = poolDoc({ clients: [{ name: "web" }, { name: "server" }] });
    expect(actions(planChanges(current, poolDoc({})))).toEqual([]);
    expect(actions(planChanges(current, poolDoc({ clients: [] })))).toEqual(['app_client["server"] delete', 'app_client["web"] delete']);
  });

  it("matches clients by name, not by position, and compares lists as sets", () => {
    const current = poolDoc({ clients: [{ name: "web", callbackUrls: ["https://a.example.com", "https://b.example.com"] }, { name: "server" }] });
    const desired = poolDoc({ clients: [{ name: "server" }, { name: "web", callbackUrls: ["https://b.example.com", "https://a.example.com"] }] });
    expect(planChanges(current, desired).hasChanges).toBe(false);
  });

  it("shows a renamed client as a delete and a create (clients are matched by name)", () => {
    const plan = planChanges(poolDoc({ clients: [{ name: "web" }] }), poolDoc({ clients: [{ name: "web-app" }] }));
    expect(actions(plan)).toEqual(['app_client["web"] delete', 'app_client["web-app"] create']);
    expect(plan.worstImpact.level).toBe("destroys-resources");
  });

  it("compares clients with clientDefaults applied: a client's own value wins", () => {
    const current = poolDoc({ clients: [{ name: "web", enableTokenRevocation: true }, { name: "server", enableTokenRevocation: false, preventUserExistenceErrors: "LEGACY" }] });
    const moved = poolDoc({ clientDefaults: { enableTokenRevocation: true, preventUserExistenceErrors: "LEGACY" }, clients: [{ name: "web", preventUserExistenceErrors: undefined }, { name: "server", enableTokenRevocation: false }] });
    // web now gets LEGACY from the defaults where current left it unset: that is a change; server is unchanged.
    expect(actions(planChanges(current, moved))).toEqual(['app_client["web"] update']);
    const same = poolDoc({ clientDefaults: { enableTokenRevocation: true }, clients: [{ name: "web" }, { name: "server", enableTokenRevocation: false, preventUserExistenceErrors: "LEGACY" }] });
    expect(planChanges(current, same).hasChanges).toBe(false);
    const changed = poolDoc({ clientDefaults: { preventUserExistenceErrors: "ENABLED" }, clients: [{ name: "web" }, { name: "server", preventUserExistenceErrors: "LEGACY" }] });
    const plan = planChanges(current, changed);
    expect(actions(plan)).toEqual(['app_client["web"] update']);
    expect(entry(plan, 'app_client["web"]').changes).toEqual([{ path: "preventUserExistenceErrors", after: "ENABLED" }]);
  });

  it("names a changed scope by its name and a changed tag map as a whole", () => {
    const current = poolDoc({
      userPoolTags: { env: "prod", team: "id" },
      resourceServers: [{ identifier: "orders", name: "orders", scopes: [{ name: "read", description: "Read" }, { name: "write", description: "Write" }] }],
    });
    const desired = poolDoc({
      userPoolTags: { env: "prod", team: "identity" },
      resourceServers: [{ identifier: "orders", name: "orders", scopes: [{ name: "write", description: "Write" }, { name: "read", description: "Read orders" }, { name: "export", description: "Export" }] }],
    });
    const plan = planChanges(current, desired);
    expect(entry(plan, 'resource_server["orders"]').changes).toEqual([
      { path: 'scopes["export"]', after: { name: "export", description: "Export" } },
      { path: 'scopes["read"].description', before: "Read", after: "Read orders" },
    ]);
    expect(entry(plan, "user_pool").changes).toEqual([{ path: "userPoolTags", before: { env: "prod", team: "id" }, after: { env: "prod", team: "identity" } }]);
    const removed = planChanges(current, poolDoc({ resourceServers: [{ identifier: "orders", name: "orders", scopes: [{ name: "read", description: "Read" }] }] }));
    expect(entry(removed, 'resource_server["orders"]').changes).toEqual([{ path: 'scopes["write"]', before: { name: "write", description: "Write" } }]);
  });

  it("records live ids and the fingerprint", () => {
    const current = poolDoc({ clients: [{ name: "web" }] });
    const plan = planChanges(current, poolDoc({ clients: [{ name: "web", generateSecret: true }] }), {
      live: { fingerprint: "sha256:abc", estimatedNumberOfUsers: 3, ids: { userPoolId: "eu-west-1_AbC", clientIds: { web: "4tq8" } } },
    });
    expect(plan.live).toEqual({ userPoolId: "eu-west-1_AbC", fingerprint: "sha256:abc", estimatedNumberOfUsers: 3 });
    expect(entry(plan, "user_pool").liveId).toBe("eu-west-1_AbC");
    expect(entry(plan, 'app_client["web"]').liveId).toBe("4tq8");
    expect(plan.blastRadius.clients).toEqual([{ name: "web", clientId: "4tq8", hasSecret: false, outcome: "recreated" }]);
  });

  it("reports duplicate client names and resource server identifiers as errors", () => {
    const plan = planChanges(poolDoc({}), poolDoc({ clients: [{ name: "web" }, { name: "web" }], resourceServers: [{ identifier: "a", name: "a" }, { identifier: "a", name: "b" }] }));
    expect(plan.errors.map((e) => [e.path, e.code])).toEqual([
      ["spec.resourceServers[1].identifier", "duplicate-resource-server"],
      ["spec.clients[1].name", "duplicate-client-name"],
    ]);
  });
});

type RuleCase = {
  rule: string;
  name: string;
  current: Partial<PoolSpec>;
  desired: Partial<PoolSpec>;
  /** Expected non-noop `address action` lines, or "error" for an impossible change. */
  expect: string[] | "error";
  allowReplace?: boolean;
  /** The replaced entry whose reasons name the rule (default: the first replaced entry). */
  entry?: string;
};

const attr = (name: string, attributeDataType: "String" | "Number" | "Boolean" | "DateTime" = "String", more = {}) => ({ name, attributeDataType, ...more });

const RULE_CASES: RuleCase[] = [
  { rule: "pool.region", name: "moving a pool to another Region", current: {}, desired: { region: "us-east-1" }, expect: ["user_pool replace"] },
  { rule: "pool.username-attributes", name: "changing username attributes", current: { usernameAttributes: ["email"] }, desired: { usernameAttributes: ["phone_number"] }, expect: ["user_pool replace"] },
  { rule: "pool.username-attributes", name: "stating the default (none) where current leaves it unset", current: {}, desired: { usernameAttributes: [] }, expect: [] },
  { rule: "pool.alias-attributes", name: "changing alias attributes", current: { aliasAttributes: ["email"] }, desired: { aliasAttributes: ["email", "preferred_username"] }, expect: ["user_pool replace"] },
  { rule: "pool.username-case-sensitivity", name: "making usernames case-insensitive", current: { usernameConfiguration: { caseSensitive: true } }, desired: { usernameConfiguration: { caseSensitive: false } }, expect: ["user_pool replace"] },
  { rule: "pool.username-case-sensitivity", name: "stating the default case sensitivity", current: {}, desired: { usernameConfiguration: { caseSensitive: true } }, expect: [] },
  { rule: "pool.username-case-sensitivity", name: "setting a non-default case sensitivity on a pool that did not state it", current: {}, desired: { usernameConfiguration: { caseSensitive: false } }, expect: ["user_pool replace"] },
  { rule: "pool.standard-attribute-unlisted", name: "leaving a standard attribute out of the list", current: { schemaAttributes: [attr("email", "String", { required: true }), attr("tier")] }, desired: { schemaAttributes: [attr("tier")] }, expect: [] },
  { rule: "pool.custom-attribute-removed", name: "removing a custom attribute", current: { schemaAttributes: [attr("tier"), attr("plan")] }, desired: { schemaAttributes: [attr("tier")] }, expect: "error" },
  { rule: "pool.custom-attribute-removed", name: "removing a custom attribute with replacement allowed", current: { schemaAttributes: [attr("tier"), attr("plan")] }, desired: { schemaAttributes: [attr("tier")] }, allowReplace: true, expect: ["user_pool replace"] },
  { rule: "pool.custom-attribute-added", name: "adding a custom attribute", current: { schemaAttributes: [attr("tier")] }, desired: { schemaAttributes: [attr("tier"), attr("plan", "Number")] }, expect: ["user_pool update"] },
  { rule: "pool.standard-attribute-configured", name: "configuring a standard attribute after creation", current: { schemaAttributes: [attr("tier")] }, desired: { schemaAttributes: [attr("tier"), attr("email", "String", { required: true })] }, expect: ["user_pool replace"] },
  { rule: "pool.attribute-type-changed", name: "changing an attribute's type", current: { schemaAttributes: [attr("tier")] }, desired: { schemaAttributes: [attr("tier", "Number")] }, expect: "error" },
  { rule: "pool.attribute-type-changed", name: "changing an attribute's type with replacement allowed", current: { schemaAttributes: [attr("tier")] }, desired: { schemaAttributes: [attr("tier", "Number")] }, allowReplace: true, expect: ["user_pool replace"] },
  { rule: "pool.attribute-settings-changed", name: "making an attribute immutable", current: { schemaAttributes: [attr("tier", "String", { mutable: true })] }, desired: { schemaAttributes: [attr("tier", "String", { mutable: false })] }, expect: ["user_pool replace"] },
  { rule: "pool.attribute-settings-changed", name: "changing a string attribute's constraints", current: { schemaAttributes: [attr("tier", "String", { stringAttributeConstraints: { maxLength: "64" } })] }, desired: { schemaAttributes: [attr("tier", "String", { stringAttributeConstraints: { maxLength: "256" } })] }, expect: ["user_pool replace"] },
  { rule: "pool.name", name: "renaming the pool", current: {}, desired: {}, expect: ["user_pool update"] },
  { rule: "client.generate-secret", name: "adding a client secret", current: { clients: [{ name: "web", generateSecret: false }] }, desired: { clients: [{ name: "web", generateSecret: true }] }, expect: ['app_client["web"] replace'] },
  { rule: "client.generate-secret", name: "stating no secret where current leaves it unset", current: { clients: [{ name: "web" }] }, desired: { clients: [{ name: "web", generateSecret: false }] }, expect: [] },
  { rule: "resource-server.identifier", name: "changing a resource server's identifier (same name)", current: { resourceServers: [{ identifier: "orders", name: "Orders API" }] }, desired: { resourceServers: [{ identifier: "https://orders.example.com", name: "Orders API" }] }, expect: ['resource_server["https://orders.example.com"] replace'] },
  { rule: "resource-server.name", name: "renaming a resource server", current: { resourceServers: [{ identifier: "orders", name: "orders" }] }, desired: { resourceServers: [{ identifier: "orders", name: "Orders API" }] }, expect: ['resource_server["orders"] update'] },
  { rule: "identity-provider.type", name: "changing a provider's type (same name)", current: { identityProviders: [{ providerName: "Corp", providerType: "SAML", providerDetails: { MetadataURL: "https://idp.example.com/m" } }] }, desired: { identityProviders: [{ providerName: "Corp", providerType: "OIDC", providerDetails: { client_id: "c", authorize_scopes: "openid", oidc_issuer: "https://idp.example.com", attributes_request_method: "GET" } }] }, expect: ['identity_provider["Corp"] replace'] },
  { rule: "identity-provider.name", name: "renaming a SAML provider", current: { identityProviders: [{ providerName: "Corp", providerType: "SAML", providerDetails: { MetadataURL: "https://idp.example.com/m" } }] }, desired: { identityProviders: [{ providerName: "Corp-SSO", providerType: "SAML", providerDetails: { MetadataURL: "https://idp.example.com/m" } }] }, expect: ['identity_provider["Corp-SSO"] replace'] },
  { rule: "identity-provider.details", name: "changing a provider's details", current: { identityProviders: [{ providerName: "Corp", providerType: "SAML", providerDetails: { MetadataURL: "https://idp.example.com/m" } }] }, desired: { identityProviders: [{ providerName: "Corp", providerType: "SAML", providerDetails: { MetadataURL: "https://idp.example.com/m2" } }] }, expect: ['identity_provider["Corp"] update'] },
  {
    rule: "terms.client",
    name: "a client created again takes its terms documents along",
    current: { clients: [{ name: "web" }], terms: [{ client: "web", name: "terms-of-use", links: { "cognito:default": "https://shop.test/terms" } }] },
    desired: { clients: [{ name: "web", generateSecret: true }], terms: [{ client: "web", name: "terms-of-use", links: { "cognito:default": "https://shop.test/terms" } }] },
    entry: 'terms["web/terms-of-use"]',
    expect: ['app_client["web"] replace', 'terms["web/terms-of-use"] replace'],
  },
  { rule: "domain.domain", name: "changing the domain", current: { domain: { domain: "shop-auth" } }, desired: { domain: { domain: "shop-login" } }, expect: ["domain replace"] },
  { rule: "domain.custom-domain-switch", name: "adding a certificate (prefix to custom)", current: { domain: { domain: "auth.example.com" } }, desired: { domain: { domain: "auth.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc" } }, expect: ["domain replace"] },
  { rule: "domain.certificate", name: "rotating a custom domain's certificate", current: { domain: { domain: "auth.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc" } }, desired: { domain: { domain: "auth.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/def" } }, expect: ["domain update"] },
  { rule: "domain.managed-login-version", name: "switching to managed login", current: { domain: { domain: "shop-auth", managedLoginVersion: 1 } }, desired: { domain: { domain: "shop-auth", managedLoginVersion: 2 } }, expect: ["domain update"] },
];

describe("replacement rules (one case per row of REPLACEMENT_RULES)", () => {
  it.each(RULE_CASES)("$rule: $name", (c) => {
    const renamed = c.rule === "pool.name";
    const plan = planChanges(poolDoc(c.current), poolDoc(c.desired, renamed ? "shop-v2" : "shop"), { allowReplace: c.allowReplace });
    if (c.expect === "error") {
      expect(plan.errors.map((e) => e.code)).toEqual([c.rule]);
      expect(plan.errors[0]?.message).toMatch(/AWS cannot make this change/u);
      // An impossible change is not silently turned into a replacement.
      expect(entry(plan, "user_pool").action).toBe("update");
      expect(entry(plan, "user_pool").changes.find((ch) => ch.rule === c.rule)?.impossible).toBe(true);
      return;
    }
    expect(plan.errors).toEqual([]);
    expect(actions(plan)).toEqual(c.expect);
    const changed = plan.entries.find((e) => e.action === "replace" && (c.entry === undefined || e.address === c.entry));
    if (changed) {
      expect(changed.reasons.map((r) => r.rule)).toContain(c.rule);
      expect(changed.changes.some((ch) => ch.forcesReplacement && ch.rule === c.rule)).toBe(true);
    }
  });

  it("has a case for every row", () => {
    expect(new Set(RULE_CASES.map((c) => c.rule))).toEqual(new Set(REPLACEMENT_RULES.map((r) => r.id)));
  });

  it("cites a public documentation page for every row and has unique ids", () => {
    for (const rule of REPLACEMENT_RULES) {
      expect(rule.source, rule.id).toMatch(/https:\/\/(docs\.aws\.amazon\.com\/cognito-user-identity-pools\/latest\/APIReference\/API_[A-Za-z]+\.html|registry\.terraform\.io\/providers\/hashicorp\/aws\/)/u);
    }
    expect(new Set(REPLACEMENT_RULES.map((r) => r.id)).size).toBe(REPLACEMENT_RULES.length);
  });

  it("points an impossible change at the attribute in the desired document", () => {
    const plan = planChanges(poolDoc({ schemaAttributes: [attr("plan"), attr("tier")] }), poolDoc({ schemaAttributes: [attr("plan"), attr("tier", "Boolean")] }));
    expect(plan.errors).toEqual([
      expect.objectContaining({ severity: "error", path: "spec.schemaAttributes[1]", code: "pool.attribute-type-changed" }),
    ]);
  });
});

describe("pool replacement", () => {
  const current = poolDoc({
    usernameAttributes: ["email"],
    deletionProtection: "ACTIVE",
    passwordPolicy: { minimumLength: 12, requireSymbols: true },
    mfaConfiguration: "ON",
    clients: [{ name: "web" }, { name: "server", generateSecret: true }],
    resourceServers: [{ identifier: "orders", name: "orders" }],
    domain: { domain: "shop-auth" },
  });

  it("replaces every child and says every user is deleted, with the estimated number", () => {
    const desired = poolDoc({ usernameAttributes: ["phone_number"], deletionProtection: "ACTIVE", clients: [{ name: "web" }, { name: "server", generateSecret: true }], resourceServers: [{ identifier: "orders", name: "orders" }], domain: { domain: "shop-auth" }, mfaConfiguration: "ON" });
    const plan = planChanges(current, desired, { live: { estimatedNumberOfUsers: 12345, ids: { userPoolId: "eu-west-1_X", clientIds: { web: "c1", server: "c2" } } } });
    expect(actions(plan)).toEqual(["user_pool replace", "mfa_config replace", 'resource_server["orders"] replace', 'app_client["server"] replace', 'app_client["web"] replace', "domain replace"]);
    expect(plan.worstImpact.level).toBe("deletes-users");
    expect(plan.worstImpact.headline).toBe('USER POOL "shop" WILL BE REPLACED: EVERY USER IN IT IS DELETED (12,345 USERS).');
    expect(plan.worstImpact.details.join("\n")).toContain("Deletion protection is ACTIVE");
    expect(plan.worstImpact.details).toContain("2 app clients get a new client id and secret; every application using them must be reconfigured: server, web.");
    expect(plan.blastRadius).toEqual({
      poolReplaced: true,
      usersDeleted: "all",
      estimatedNumberOfUsers: 12345,
      clients: [
        { name: "server", clientId: "c2", hasSecret: true, outcome: "recreated" },
        { name: "web", clientId: "c1", hasSecret: false, outcome: "recreated" },
      ],
      resourceServers: [{ identifier: "orders", outcome: "recreated" }],
      domain: { domain: "shop-auth", outcome: "recreated" },
    });
    // The password policy the desired document does not manage is lost with the old pool.
    expect(entry(plan, "user_pool").changes).toEqual([
      { path: "passwordPolicy.minimumLength", before: 12, resetsToDefault: true },
      { path: "passwordPolicy.requireSymbols", before: true, resetsToDefault: true },
      { path: "usernameAttributes", before: ["email"], after: ["phone_number"], forcesReplacement: true, rule: "pool.username-attributes" },
    ]);
    expect(plan.securityChanges.map((s) => `${s.code} ${s.path}`)).toEqual([
      "password-policy-weakened passwordPolicy.minimumLength",
      "password-policy-weakened passwordPolicy.requireSymbols",
    ]);
  });

  it("deletes unmanaged clients, resource servers, domain and MFA settings with the pool and says the number of users is unknown", () => {
    const plan = planChanges(current, poolDoc({ usernameAttributes: ["phone_number"] }));
    expect(actions(plan)).toEqual(["user_pool replace", "mfa_config delete", 'resource_server["orders"] delete', 'app_client["server"] delete', 'app_client["web"] delete', "domain delete"]);
    expect(entry(plan, 'app_client["web"]').reasons[0]?.message).toMatch(/does not manage clients, so this client is not created again/u);
    expect(plan.worstImpact.details[0]).toMatch(/an unknown number of users/u);
    expect(plan.blastRadius.usersDeleted).toBe("all");
    expect(plan.blastRadius.estimatedNumberOfUsers).toBeUndefined();
    expect(plan.summary).toEqual({ add: 0, change: 0, replace: 1, destroy: 5 });
  });
});

type SecurityCase = { code: string; name: string; current: Partial<PoolSpec>; desired: Partial<PoolSpec>; path: string };

const web = (more: object) => ({ clients: [{ name: "web", ...more }] });

const SECURITY_CASES: SecurityCase[] = [
  { code: "mfa-weakened", name: "MFA ON to OPTIONAL", current: { mfaConfiguration: "ON" }, desired: { mfaConfiguration: "OPTIONAL" }, path: "mfaConfiguration" },
  { code: "mfa-weakened", name: "TOTP turned off", current: { softwareTokenMfaConfiguration: { enabled: true } }, desired: { softwareTokenMfaConfiguration: { enabled: false } }, path: "softwareTokenMfaConfiguration.enabled" },
  { code: "mfa-weakened", name: "passkey verification no longer required", current: { webAuthnConfiguration: { userVerification: "required" } }, desired: { webAuthnConfiguration: { userVerification: "preferred" } }, path: "webAuthnConfiguration.userVerification" },
  { code: "password-policy-weakened", name: "shorter passwords", current: { passwordPolicy: { minimumLength: 12 } }, desired: { passwordPolicy: { minimumLength: 8 } }, path: "passwordPolicy.minimumLength" },
  { code: "password-policy-weakened", name: "symbols no longer required", current: { passwordPolicy: { requireSymbols: true } }, desired: { passwordPolicy: { requireSymbols: false } }, path: "passwordPolicy.requireSymbols" },
  { code: "password-policy-weakened", name: "shorter password history", current: { passwordPolicy: { passwordHistorySize: 5 } }, desired: { passwordPolicy: { passwordHistorySize: 0 } }, path: "passwordPolicy.passwordHistorySize" },
  { code: "password-policy-weakened", name: "temporary passwords valid longer (0 means 7)", current: { passwordPolicy: { temporaryPasswordValidityDays: 0 } }, desired: { passwordPolicy: { temporaryPasswordValidityDays: 14 } }, path: "passwordPolicy.temporaryPasswordValidityDays" },
  { code: "self-sign-up-opened", name: "admin-only creation turned off", current: { adminCreateUserConfig: { allowAdminCreateUserOnly: true } }, desired: { adminCreateUserConfig: { allowAdminCreateUserOnly: false } }, path: "adminCreateUserConfig.allowAdminCreateUserOnly" },
  { code: "deletion-protection-off", name: "deletion protection off", current: { deletionProtection: "ACTIVE" }, desired: { deletionProtection: "INACTIVE" }, path: "deletionProtection" },
  { code: "threat-protection-lowered", name: "threat protection to audit", current: { userPoolAddOns: { advancedSecurityMode: "ENFORCED" } }, desired: { userPoolAddOns: { advancedSecurityMode: "AUDIT" } }, path: "userPoolAddOns.advancedSecurityMode" },
  { code: "threat-protection-lowered", name: "custom auth threat protection to audit", current: { userPoolAddOns: { advancedSecurityMode: "ENFORCED", advancedSecurityAdditionalFlows: { customAuthMode: "ENFORCED" } } }, desired: { userPoolAddOns: { advancedSecurityMode: "ENFORCED", advancedSecurityAdditionalFlows: { customAuthMode: "AUDIT" } } }, path: "userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode" },
  { code: "callback-url-added", name: "callback URL added", current: web({ callbackUrls: ["https://a.example.com"] }), desired: web({ callbackUrls: ["https://a.example.com", "https://b.example.com"] }), path: "callbackUrls" },
  { code: "logout-url-added", name: "logout URL added", current: web({}), desired: web({ logoutUrls: ["https://a.example.com/bye"] }), path: "logoutUrls" },
  { code: "oauth-flow-added", name: "implicit flow added", current: web({ allowedOAuthFlows: ["code"] }), desired: web({ allowedOAuthFlows: ["code", "implicit"] }), path: "allowedOAuthFlows" },
  { code: "oauth-scope-added", name: "admin scope added", current: web({ allowedOAuthScopes: ["openid"] }), desired: web({ allowedOAuthScopes: ["openid", "aws.cognito.signin.user.admin"] }), path: "allowedOAuthScopes" },
  { code: "auth-flow-added", name: "password auth allowed", current: web({ explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"] }), desired: web({ explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH"] }), path: "explicitAuthFlows" },
  { code: "token-lifetime-lengthened", name: "refresh tokens from 30 to 3650 days", current: web({}), desired: web({ refreshTokenValidity: 3650 }), path: "refreshTokenValidity" },
  { code: "token-lifetime-lengthened", name: "access tokens from 60 minutes to 1 day by a unit change", current: web({ accessTokenValidity: 60, tokenValidityUnits: { accessToken: "minutes" } }), desired: web({ accessTokenValidity: 60, tokenValidityUnits: { accessToken: "hours" } }), path: "accessTokenValidity" },
  { code: "user-existence-errors-revealed", name: "user existence errors back to LEGACY", current: web({ preventUserExistenceErrors: "ENABLED" }), desired: web({ preventUserExistenceErrors: "LEGACY" }), path: "preventUserExistenceErrors" },
  { code: "token-revocation-disabled", name: "token revocation off", current: web({}), desired: web({ enableTokenRevocation: false }), path: "enableTokenRevocation" },
  { code: "identity-provider-added", name: "a client offers Google", current: web({ supportedIdentityProviders: ["COGNITO"] }), desired: web({ supportedIdentityProviders: ["COGNITO", "Google"] }), path: "supportedIdentityProviders" },
  { code: "client-secret-removed", name: "client secret removed", current: web({ generateSecret: true }), desired: web({ generateSecret: false }), path: "generateSecret" },
];

describe("security-relevant changes", () => {
  it.each(SECURITY_CASES)("$code: $name", (c) => {
    const plan = planChanges(poolDoc(c.current), poolDoc(c.desired));
    expect(plan.securityChanges.map((s) => `${s.code} ${s.path}`)).toEqual([`${c.code} ${c.path}`]);
  });

  it("flags nothing when security is strengthened", () => {
    const plan = planChanges(
      poolDoc({ mfaConfiguration: "OPTIONAL", passwordPolicy: { minimumLength: 8 }, deletionProtection: "INACTIVE", ...web({ callbackUrls: ["https://a.example.com", "https://b.example.com"], refreshTokenValidity: 30 }) }),
      poolDoc({ mfaConfiguration: "ON", passwordPolicy: { minimumLength: 14, requireSymbols: true }, deletionProtection: "ACTIVE", ...web({ callbackUrls: ["https://a.example.com"], refreshTokenValidity: 1 }) }),
    );
    expect(plan.hasChanges).toBe(true);
    expect(plan.securityChanges).toEqual([]);
  });

  it("flags a new client's redirect URLs and flows in an existing pool, but nothing in a brand-new pool", () => {
    const desired = poolDoc(web({ callbackUrls: ["https://a.example.com"], allowedOAuthFlows: ["code"] }));
    expect(planChanges(poolDoc({ clients: [] }), desired).securityChanges.map((s) => s.code)).toEqual(["callback-url-added", "oauth-flow-added"]);
    expect(planChanges(null, desired).securityChanges).toEqual([]);
  });

  it("flags self sign-up opened when a replaced pool no longer states admin-only creation (AWS default: self sign-up)", () => {
    const plan = planChanges(poolDoc({ aliasAttributes: ["email"], adminCreateUserConfig: { allowAdminCreateUserOnly: true } }), poolDoc({ aliasAttributes: ["preferred_username"] }));
    expect(entry(plan, "user_pool").action).toBe("replace");
    expect(plan.securityChanges.map((s) => s.code)).toEqual(["self-sign-up-opened"]);
    // In place, an unset setting is not managed: nothing changes, nothing is flagged.
    expect(planChanges(poolDoc({ adminCreateUserConfig: { allowAdminCreateUserOnly: true } }), poolDoc({})).securityChanges).toEqual([]);
  });

  it("describes the change in words with the values", () => {
    const plan = planChanges(poolDoc({ mfaConfiguration: "ON" }), poolDoc({ mfaConfiguration: "OFF" }));
    expect(plan.securityChanges).toEqual([{ code: "mfa-weakened", address: "mfa_config", path: "mfaConfiguration", message: "MFA is weakened from ON to OFF", before: "ON", after: "OFF" }]);
  });
});

describe("the blast radius in words", () => {
  it("names a single recreated client in the singular", () => {
    const current = poolDoc({ usernameAttributes: ["email"], clients: [{ name: "web" }] });
    const plan = planChanges(current, poolDoc({ usernameAttributes: ["phone_number"], clients: [{ name: "web" }] }));
    expect(plan.worstImpact.details).toContain("App client web gets a new client id and secret; every application using it must be reconfigured.");
  });
  it("names a single client deleted with the pool in the singular, several in the plural", () => {
    const current = poolDoc({ usernameAttributes: ["email"], clients: [{ name: "web" }, { name: "mobile" }, { name: "ios" }] });
    const one = planChanges(current, poolDoc({ usernameAttributes: ["phone_number"], clients: [{ name: "web" }, { name: "ios" }] }));
    expect(one.worstImpact.details).toContain("App client mobile is deleted and not created again.");
    const two = planChanges(current, poolDoc({ usernameAttributes: ["phone_number"], clients: [{ name: "web" }] }));
    expect(two.worstImpact.details).toContain("2 app clients are deleted and not created again: ios, mobile.");
  });
});

describe("a maximal pool", () => {
  // Timing lives in `npm run bench`; this checks only that matching by name finds exactly the changed clients.
  it("plans 1000 clients and 25 resource servers x 100 scopes, reporting exactly the 100 changed clients", () => {
    const clients = Array.from({ length: 1000 }, (_, i) => ({ name: `client-${i}`, callbackUrls: [`https://app${i}.example.com/cb`], allowedOAuthScopes: ["openid", `rs-${i % 25}/scope-${i % 100}`] }));
    const resourceServers = Array.from({ length: 25 }, (_, r) => ({ identifier: `rs-${r}`, name: `rs ${r}`, scopes: Array.from({ length: 100 }, (_, s) => ({ name: `scope-${s}`, description: `Scope ${s}` })) }));
    const a = poolDoc({ clients, resourceServers });
    const b = structuredClone(a);
    b.spec.clients?.forEach((c, i) => {
      if (i % 10 === 0) c.callbackUrls = [...(c.callbackUrls ?? []), "https://new.example.com/cb"];
    });
    const plan = planChanges(a, b);
    expect(plan.summary.change).toBe(100);
    const updated = plan.entries.filter((e) => e.action === "update").map((e) => e.key).sort();
    expect(updated).toEqual(Array.from({ length: 100 }, (_, i) => `client-${i * 10}`).sort());
  });
});
