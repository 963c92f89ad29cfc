/**
 * Provider secrets on a real moto server (moto 5.2 keeps `client_secret` in ProviderDetails and returns it from
 * DescribeIdentityProvider, as AWS does):
 * - a provider AWS holds a secret for, updated (or renamed) by a document without `secretRef`, would lose the
 *   secret (UpdateIdentityProvider replaces ProviderDetails whole; a new provider has none): the plan says so
 *   and apply refuses;
 * - a change of `secretRef` alone, planned with the references last applied, is an update that sends the new secret.
 */
import { DescribeIdentityProviderCommand } from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, test } from "vitest";
import { useMotoCognito } from "@/test/support/moto-cognito";
import { readLivePool } from "../aws/read-live-pool";
import { environmentSecretResolver } from "../aws/secret-resolver";
import { planChanges } from "../plan/plan-changes";
import type { PoolDocument } from "../spec/document-schema";
import type { IdentityProviderSpec } from "../spec/identity-provider-schema";
import { ApplyRefusedError, applyPlan } from "./apply-plan";
import { planAgainstLive } from "../../../test/support/apply-testing";

const REGION = "eu-west-1";
const FIRST = "oidc-secret-first-7a1b";
const SECOND = "oidc-secret-second-9c2d";
const resolveSecret = environmentSecretResolver({ IDP_SECRET_OKTA_FIRST: FIRST, IDP_SECRET_OKTA_SECOND: SECOND });

const moto = useMotoCognito(REGION);

const okta = (extra: Partial<IdentityProviderSpec> = {}): IdentityProviderSpec => ({
  providerName: "Okta",
  providerType: "OIDC",
  providerDetails: { client_id: "okta-client", authorize_scopes: "openid", oidc_issuer: "https://corp.okta.com", attributes_request_method: "GET" },
  secretRef: { source: "env", name: "IDP_SECRET_OKTA_FIRST" },
  ...extra,
});
const doc = (provider: IdentityProviderSpec, name: string): PoolDocument => ({
  apiVersion: "cognito-studio.dev/v1",
  kind: "UserPool",
  metadata: { name },
  spec: { region: REGION, identityProviders: [provider] },
});

async function liveSecret(userPoolId: string): Promise<string | undefined> {
  const out = await moto.sdk.send(new DescribeIdentityProviderCommand({ UserPoolId: userPoolId, ProviderName: "Okta" }));
  return out.IdentityProvider?.ProviderDetails?.client_secret;
}

async function createPool(name: string): Promise<{ id: string; created: PoolDocument }> {
  const created = doc(okta(), name);
  const result = await applyPlan(planChanges(null, created), moto.port, { desired: created, resolveSecret });
  expect(result.ok).toBe(true);
  const id = result.userPoolId ?? "";
  expect(await liveSecret(id)).toBe(FIRST);
  return { id, created };
}

describe("identity provider secrets on moto", () => {
  test("updating a provider AWS holds a secret for, without secretRef, is a plan error and apply refuses; the secret stays", async () => {
    const { id } = await createPool("keeps-secret");
    // The document pulled from AWS has no secretRef; the person changes the scopes and applies it.
    const pulled = await readLivePool(moto.port, id);
    expect(pulled.live.providersWithSecret).toEqual(["Okta"]);
    const provider = pulled.document.spec.identityProviders?.[0];
    if (!provider) throw new Error("fixture");
    expect(provider.secretRef).toBeUndefined();
    const desired: PoolDocument = { ...pulled.document, spec: { ...pulled.document.spec, identityProviders: [{ ...provider, providerDetails: { ...provider.providerDetails, authorize_scopes: "openid email" } }] } };

    const plan = await planAgainstLive(moto.port, desired, id);
    expect(plan.errors.map((e) => [e.path, e.code])).toEqual([["spec.identityProviders[0].secretRef", "provider-secret-would-be-removed"]]);

    // A plan made without knowing which providers hold a secret (an older caller): apply is the second guard.
    const live = await readLivePool(moto.port, id, { desired });
    const blind = planChanges(live.document, desired, { live: { fingerprint: live.live.fingerprint, ids: { userPoolId: id } } });
    expect(blind.errors).toEqual([]);
    const refused = applyPlan(blind, moto.port, { desired, resolveSecret });
    await expect(refused).rejects.toThrow(ApplyRefusedError);
    await expect(refused).rejects.toMatchObject({ code: "provider-secret-would-be-removed" });
    expect(await liveSecret(id)).toBe(FIRST);
  });

  test("renaming such a provider without secretRef is a plan error too, and apply refuses before creating the new one", async () => {
    const { id } = await createPool("renames-provider");
    const pulled = await readLivePool(moto.port, id);
    const provider = pulled.document.spec.identityProviders?.[0];
    if (!provider) throw new Error("fixture");
    const desired: PoolDocument = { ...pulled.document, spec: { ...pulled.document.spec, identityProviders: [{ ...provider, providerName: "CorpSSO" }] } };

    const plan = await planAgainstLive(moto.port, desired, id);
    expect(plan.errors.map((e) => [e.path, e.code])).toEqual([["spec.identityProviders[0].secretRef", "provider-secret-would-be-removed"]]);

    const live = await readLivePool(moto.port, id, { desired });
    const blind = planChanges(live.document, desired, { live: { fingerprint: live.live.fingerprint, ids: { userPoolId: id } } });
    expect(blind.errors).toEqual([]);
    await expect(applyPlan(blind, moto.port, { desired, resolveSecret })).rejects.toMatchObject({ code: "provider-secret-would-be-removed" });
    // Nothing was written: the old provider keeps its secret and no provider without one was created.
    expect(await liveSecret(id)).toBe(FIRST);
    expect((await readLivePool(moto.port, id)).document.spec.identityProviders?.map((p) => p.providerName)).toEqual(["Okta"]);
  });

  test("a change of secretRef alone, planned with the references last applied, updates the provider with the new secret", async () => {
    const { id, created } = await createPool("moves-secret");
    const moved = doc(okta({ secretRef: { source: "env", name: "IDP_SECRET_OKTA_SECOND" } }), "moves-secret");

    const plan = await planAgainstLive(moto.port, moved, id, false, created);
    expect(plan.errors).toEqual([]);
    expect(plan.entries.filter((e) => e.action !== "noop").map((e) => [e.address, e.action, e.changes.map((c) => c.path)])).toEqual([['identity_provider["Okta"]', "update", ["secretRef"]]]);
    expect(plan.securityChanges.map((c) => c.code)).toEqual(["identity-provider-secret-changed"]);
    const result = await applyPlan(plan, moto.port, { desired: moved, resolveSecret });
    expect(result.steps.map((s) => [s.resource, s.outcome])).toEqual([['identity_provider["Okta"]', "ok"]]);
    expect(await liveSecret(id)).toBe(SECOND);
    // Applied: planned against the new references, nothing is left to do.
    const again = await planAgainstLive(moto.port, moved, id, false, moved);
    expect(again.entries.filter((e) => e.action !== "noop")).toEqual([]);
  });
});
