import { describe, expect, it } from "vitest";
import type { PoolSpec } from "../spec/pool-schema";
import { applyPlanToDocument } from "../../../test/support/apply-plan-to-document";
import { planChanges } from "./plan-changes";
import { renderPlanText } from "./render-text";
import { actions, entry, poolDoc } from "../../../test/support/plan-helpers";

const google = { providerName: "Google", providerType: "Google" as const, providerDetails: { client_id: "1.apps.googleusercontent.com", authorize_scopes: "openid email" }, secretRef: { source: "env" as const, name: "IDP_SECRET_GOOGLE" } };
const saml = { providerName: "Corp", providerType: "SAML" as const, providerDetails: { MetadataURL: "https://idp.example.com/metadata" } };
const spec = (extra: Partial<PoolSpec>): Partial<PoolSpec> => ({ groups: [{ name: "admins", precedence: 0 }, { name: "readers" }], identityProviders: [google, saml], ...extra });

describe("planChanges: groups and identity providers", () => {
  it("creates providers before the clients that list them and groups after, in the plan's order", () => {
    const plan = planChanges(null, poolDoc(spec({ clients: [{ name: "web", supportedIdentityProviders: ["COGNITO", "Google", "Corp"] }] })));
    expect(actions(plan)).toEqual([
      "user_pool create",
      'identity_provider["Corp"] create',
      'identity_provider["Google"] create',
      'app_client["web"] create',
      'group["admins"] create',
      'group["readers"] create',
    ]);
    expect(entry(plan, 'identity_provider["Google"]').changes.map((c) => c.path)).toEqual(["providerDetails", "providerType", "secretRef"]);
    expect(entry(plan, 'group["admins"]').documentPath).toBe("spec.groups[0]");
  });

  it("plans nothing for the same document and leaves unmanaged lists alone", () => {
    const doc = poolDoc(spec({}));
    expect(actions(planChanges(doc, structuredClone(doc)))).toEqual([]);
    expect(actions(planChanges(doc, poolDoc({})))).toEqual([]);
  });

  it("updates a group in place, deletes a dropped one, and a renamed group is a delete plus a create", () => {
    const plan = planChanges(poolDoc(spec({})), poolDoc(spec({ groups: [{ name: "admins", precedence: 1, description: "Admins" }, { name: "viewers" }] })));
    expect(actions(plan)).toEqual(['group["admins"] update', 'group["readers"] delete', 'group["viewers"] create']);
    expect(entry(plan, 'group["admins"]').changes).toEqual([
      { path: "description", after: "Admins" },
      { path: "precedence", before: 0, after: 1 },
    ]);
    expect(plan.worstImpact.details).toContain('Every user\'s membership of group "readers" is lost.');
  });

  it("compares provider details and attribute mapping whole (UpdateIdentityProvider replaces them)", () => {
    const current = poolDoc(spec({}));
    const desired = poolDoc(spec({ identityProviders: [{ ...google, providerDetails: { client_id: "1.apps.googleusercontent.com" }, attributeMapping: { email: "email" } }, saml] }));
    const e = entry(planChanges(current, desired), 'identity_provider["Google"]');
    expect(e.action).toBe("update");
    expect(e.changes).toEqual([
      { path: "attributeMapping", after: { email: "email" } },
      { path: "providerDetails", before: google.providerDetails, after: { client_id: "1.apps.googleusercontent.com" } },
    ]);
  });

  it("a changed secret reference is an update that sends the secret again; the plan holds only the reference", () => {
    const desired = poolDoc(spec({ identityProviders: [{ ...google, secretRef: { source: "secretsManager", name: "prod/google" } }, saml] }));
    const plan = planChanges(poolDoc(spec({})), desired);
    expect(actions(plan)).toEqual(['identity_provider["Google"] update']);
    expect(renderPlanText(plan)).toContain('~ secretRef: {\"source\":\"env\",\"name\":\"IDP_SECRET_GOOGLE\"} -> {\"source\":\"secretsManager\",\"name\":\"prod/google\"}');
  });

  it("flags a changed secret reference as a security change", () => {
    const desired = poolDoc(spec({ identityProviders: [{ ...google, secretRef: { source: "env", name: "IDP_SECRET_OTHER" } }, saml] }));
    const plan = planChanges(poolDoc(spec({})), desired);
    expect(plan.securityChanges).toEqual([
      {
        code: "identity-provider-secret-changed",
        address: 'identity_provider["Google"]',
        path: "secretRef",
        message: "the provider's secret is read from another place: env IDP_SECRET_GOOGLE → env IDP_SECRET_OTHER",
        before: google.secretRef,
        after: { source: "env", name: "IDP_SECRET_OTHER" },
      },
    ]);
    // The same reference again raises nothing.
    expect(planChanges(poolDoc(spec({})), poolDoc(spec({}))).securityChanges).toEqual([]);
  });

  it("flags an OIDC provider's issuer or endpoint pointed elsewhere, and the trust of a provider new to an existing pool", () => {
    const oidc = {
      providerName: "Okta",
      providerType: "OIDC" as const,
      providerDetails: { client_id: "o", authorize_scopes: "openid", oidc_issuer: "https://corp.okta.com", attributes_request_method: "GET" },
      secretRef: { source: "env" as const, name: "IDP_SECRET_OKTA" },
    };
    const current = poolDoc(spec({ identityProviders: [google, saml, oidc] }));
    const moved = { ...oidc, providerDetails: { ...oidc.providerDetails, oidc_issuer: "https://evil.example.com", token_url: "https://evil.example.com/token" } };
    const plan = planChanges(current, poolDoc(spec({ identityProviders: [google, saml, moved] })));
    expect(plan.securityChanges.map((c) => [c.code, c.address, c.path, c.before, c.after])).toEqual([
      ["identity-provider-issuer-changed", 'identity_provider["Okta"]', "providerDetails.oidc_issuer", "https://corp.okta.com", "https://evil.example.com"],
      ["identity-provider-issuer-changed", 'identity_provider["Okta"]', "providerDetails.token_url", undefined, "https://evil.example.com/token"],
    ]);
    // Other details of an OIDC provider (its client id, scopes) are not flagged.
    const scopes = { ...oidc, providerDetails: { ...oidc.providerDetails, authorize_scopes: "openid email" } };
    expect(planChanges(current, poolDoc(spec({ identityProviders: [google, saml, scopes] }))).securityChanges).toEqual([]);
    // A new provider's issuer and secret reference are flagged, in an existing pool and in a new one.
    const added = planChanges(poolDoc(spec({})), poolDoc(spec({ identityProviders: [google, saml, oidc] })));
    expect(added.securityChanges.map((c) => [c.code, c.path])).toEqual([
      ["identity-provider-secret-changed", "secretRef"],
      ["identity-provider-issuer-changed", "providerDetails.oidc_issuer"],
    ]);
    // A new pool: a design can name any secret the server may read and an issuer that receives it, so the
    // reviewer must see both here too (Google's reference is flagged, SAML has none).
    const fresh = planChanges(null, poolDoc(spec({ identityProviders: [google, saml, oidc] })));
    expect(fresh.securityChanges.map((c) => [c.code, c.address, c.path, c.after])).toEqual([
      ["identity-provider-secret-changed", 'identity_provider["Google"]', "secretRef", google.secretRef],
      ["identity-provider-secret-changed", 'identity_provider["Okta"]', "secretRef", oidc.secretRef],
      ["identity-provider-issuer-changed", 'identity_provider["Okta"]', "providerDetails.oidc_issuer", "https://corp.okta.com"],
    ]);
    expect(fresh.securityChanges[0]?.message).toBe("the server will read the provider's secret from env IDP_SECRET_GOOGLE with its own rights and send it to the provider");
  });

  describe("a live provider's secret", () => {
    const oidc = {
      providerName: "Okta",
      providerType: "OIDC" as const,
      providerDetails: { client_id: "o", authorize_scopes: "openid", oidc_issuer: "https://corp.okta.com", attributes_request_method: "GET" },
    };
    // A pool pulled from AWS: its OIDC provider holds a client_secret the document knows nothing about.
    const pulled = poolDoc({ identityProviders: [oidc] });
    const changed = poolDoc({ identityProviders: [{ ...oidc, providerDetails: { ...oidc.providerDetails, authorize_scopes: "openid email" } }] });

    it("an update without secretRef of a provider AWS holds a secret for is an error (the update would delete it)", () => {
      const plan = planChanges(pulled, changed, { live: { providersWithSecret: ["Okta"] } });
      expect(plan.errors.map((e) => [e.path, e.code, e.message])).toEqual([
        [
          "spec.identityProviders[0].secretRef",
          "provider-secret-would-be-removed",
          'AWS holds a client_secret for identity provider "Okta"; set secretRef or the update removes it (UpdateIdentityProvider replaces every provider detail)',
        ],
      ]);
      // With a reference, or when AWS holds no secret, or with nothing to update, there is no error.
      const withRef = poolDoc({ identityProviders: [{ ...changed.spec.identityProviders![0]!, secretRef: { source: "env", name: "IDP_SECRET_OKTA" } }] });
      expect(planChanges(pulled, withRef, { live: { providersWithSecret: ["Okta"] } }).errors).toEqual([]);
      expect(planChanges(pulled, changed, { live: { providersWithSecret: [] } }).errors).toEqual([]);
      expect(planChanges(pulled, structuredClone(pulled), { live: { providersWithSecret: ["Okta"] } }).errors).toEqual([]);
    });

    it("a rename without secretRef of a provider AWS holds a secret for is an error too (the new provider would have none)", () => {
      const renamed = poolDoc({ identityProviders: [{ ...oidc, providerName: "CorpSSO" }] });
      const plan = planChanges(pulled, renamed, { live: { providersWithSecret: ["Okta"] } });
      expect(plan.entries.filter((e) => e.action !== "noop").map((e) => [e.address, e.action])).toEqual([['identity_provider["CorpSSO"]', "replace"]]);
      expect(plan.errors.map((e) => [e.path, e.code, e.message])).toEqual([
        ["spec.identityProviders[0].secretRef", "provider-secret-would-be-removed", 'AWS holds a client_secret for identity provider "Okta"; set secretRef or the new provider "CorpSSO" is created without it'],
      ]);
      const withRef = poolDoc({ identityProviders: [{ ...oidc, providerName: "CorpSSO", secretRef: { source: "env", name: "IDP_SECRET_CORP" } }] });
      expect(planChanges(pulled, withRef, { live: { providersWithSecret: ["Okta"] } }).errors).toEqual([]);
    });

    it("with the references last applied, a change of secretRef alone is an update that sends the secret again", () => {
      // readLivePool copies the desired reference onto a live provider that holds a secret: live and desired agree.
      const live = poolDoc(spec({ identityProviders: [{ ...google, secretRef: { source: "env", name: "IDP_SECRET_NEW" } }, saml] }));
      const desired = structuredClone(live);
      expect(actions(planChanges(live, desired, { live: { providersWithSecret: ["Google"] } }))).toEqual([]);
      const plan = planChanges(live, desired, { live: { providersWithSecret: ["Google"], appliedSecretRefs: { Google: google.secretRef, Corp: undefined } } });
      expect(actions(plan)).toEqual(['identity_provider["Google"] update']);
      expect(entry(plan, 'identity_provider["Google"]').changes).toEqual([{ path: "secretRef", before: google.secretRef, after: { source: "env", name: "IDP_SECRET_NEW" } }]);
      expect(plan.securityChanges.map((c) => c.code)).toEqual(["identity-provider-secret-changed"]);
      // The same reference as applied: nothing to do.
      expect(actions(planChanges(live, desired, { live: { appliedSecretRefs: { Google: { source: "env", name: "IDP_SECRET_NEW" } } } }))).toEqual([]);
    });
  });

  it("deleting a provider a client still lists is an error, and applying the plan keeps the provider", () => {
    const current = poolDoc(spec({ clients: [{ name: "web", supportedIdentityProviders: ["Corp"] }] }));
    const desired = poolDoc(spec({ identityProviders: [google], clients: [{ name: "web", supportedIdentityProviders: ["Corp"] }] }));
    const plan = planChanges(current, desired);
    expect(plan.errors.map((e) => [e.path, e.code])).toEqual([["spec.clients[0].supportedIdentityProviders[0]", "provider-still-listed"]]);
    expect(entry(plan, 'identity_provider["Corp"]').changes.every((c) => c.impossible)).toBe(true);
    expect(applyPlanToDocument(current, plan).spec.identityProviders?.map((p) => p.providerName)).toEqual(["Google", "Corp"]);
  });

  it("checks the live pool's clients when the document does not manage clients", () => {
    const current = poolDoc(spec({ clients: [{ name: "legacy", supportedIdentityProviders: ["Google"] }] }));
    const plan = planChanges(current, poolDoc({ identityProviders: [saml] }));
    expect(plan.errors.map((e) => e.code)).toEqual(["provider-still-listed"]);
    expect(plan.errors[0]?.message).toContain("legacy");
  });

  it("a provider the client stops listing in the same plan may be deleted", () => {
    const current = poolDoc(spec({ clients: [{ name: "web", supportedIdentityProviders: ["COGNITO", "Corp"] }] }));
    const plan = planChanges(current, poolDoc(spec({ identityProviders: [google], clients: [{ name: "web", supportedIdentityProviders: ["COGNITO"] }] })));
    expect(plan.errors).toEqual([]);
    expect(actions(plan)).toEqual(['identity_provider["Corp"] delete', 'app_client["web"] update']);
    expect(plan.worstImpact.details).toContain('Users can no longer sign in through identity provider "Corp".');
  });

  it("a replaced pool takes groups and providers along", () => {
    const current = poolDoc(spec({ usernameAttributes: ["email"] }));
    const plan = planChanges(current, poolDoc(spec({ usernameAttributes: ["phone_number"] })));
    expect(actions(plan).filter((a) => /group|identity/u.test(a))).toEqual([
      'identity_provider["Corp"] replace',
      'identity_provider["Google"] replace',
      'group["admins"] replace',
      'group["readers"] replace',
    ]);
    expect(plan.blastRadius.groups?.map((g) => g.name)).toEqual(["admins", "readers"]);
  });
});
