/** Identity provider secrets: read from the server's environment at apply time, never stored, and re-sent when only the reference changes. */
import { DescribeIdentityProviderCommand } from "@aws-sdk/client-cognito-identity-provider";
import { expect, test } from "vitest";
import type { PoolDocument } from "@/lib/cognito/spec";
import type { Harness } from "./harness";

export function describeProviderSecrets(h: Harness): void {
  test("a Google provider's secret comes from the server's environment at apply time and no table holds it", () => providerSecretFromEnvironment(h));
}

async function providerSecretFromEnvironment(h: Harness): Promise<void> {
  const secret = `GOCSPX-suite-${h.kind}-7d1e0c`;
  const variable = `IDP_SECRET_STUDIO_SUITE_GOOGLE_${h.kind.toUpperCase().replace(/\W/gu, "_")}`;
  process.env[variable] = secret;
  try {
    const { id: federated } = await h.newPool("team-federated");
    h.as("editor");
    const draft = await h.db().draft.findUniqueOrThrow({ where: { poolId: federated } });
    const base = JSON.parse(draft.document) as PoolDocument;
    const spec = {
      ...base.spec,
      identityProviders: [
        {
          providerName: "Google",
          providerType: "Google" as const,
          providerDetails: { client_id: "1234.apps.googleusercontent.com", authorize_scopes: "openid email" },
          secretRef: { source: "env" as const, name: variable },
          attributeMapping: { email: "email" },
        },
      ],
      groups: [{ name: "admins", precedence: 0 }],
      clients: (base.spec.clients ?? []).map((c) => (c.name === "spa" ? { ...c, supportedIdentityProviders: ["COGNITO", "Google"] } : c)),
    };
    const saved = await h.poolActions().saveDraftAction({ poolId: federated, version: draft.version, document: { ...base, spec } });
    expect(saved.ok && saved.data.valid, JSON.stringify(saved)).toBe(true);
    const target = await h.addTarget(federated, "dev", 1);
    const id = await h.submit(federated, target, "Sign in with Google");
    await h.approve(id);
    h.as("approver");
    const applied = await h.actions().applyAction({ changeRequestId: id, planVersion: 1 });
    expect(applied.ok && applied.data.status, JSON.stringify(applied)).toBe("succeeded");
    if (!applied.ok) return;
    const provider = await h.sdk().send(new DescribeIdentityProviderCommand({ UserPoolId: applied.data.userPoolId ?? "", ProviderName: "Google" }));
    expect(provider.IdentityProvider?.ProviderDetails?.client_secret).toBe(secret);
    // Every row the review and the apply wrote: drafts, revisions, change requests (plans), apply runs and their
    // progress, audit events.
    // A recorded drift check too (its plan is kept for the target page).
    h.as("editor");
    expect((await h.actions().checkDriftAction({ targetId: target })).ok).toBe(true);
    const db = h.db();
    const rows = [await db.draft.findMany(), await db.revision.findMany(), await db.changeRequest.findMany(), await db.applyRun.findMany(), await db.driftCheck.findMany(), await db.auditEvent.findMany()];
    const everything = JSON.stringify(rows);
    expect(everything).toContain(variable);
    expect(everything).not.toContain(secret);

    // Only the reference changes: the plan (made with the references of the applied change request) is an
    // update of the provider, flagged, and the apply sends the new secret.
    process.env[`${variable}_NEW`] = `${secret}-new`;
    h.as("editor");
    const current = await h.db().draft.findUniqueOrThrow({ where: { poolId: federated } });
    const moved = JSON.parse(current.document) as PoolDocument;
    const [google] = moved.spec.identityProviders ?? [];
    if (!google) throw new Error("fixture");
    google.secretRef = { source: "env", name: `${variable}_NEW` };
    expect((await h.poolActions().saveDraftAction({ poolId: federated, version: current.version, document: moved })).ok).toBe(true);
    const next = await h.submit(federated, target, "Read the Google secret from another variable");
    const request = await db.changeRequest.findUniqueOrThrow({ where: { id: next } });
    const plan = JSON.parse(request.plan) as { entries: { address: string; action: string; changes: { path: string }[] }[]; securityChanges: { code: string }[] };
    expect(plan.entries.filter((e) => e.action !== "noop").map((e) => [e.address, e.action, e.changes.map((c) => c.path)])).toEqual([['identity_provider["Google"]', "update", ["secretRef"]]]);
    expect(plan.securityChanges.map((c) => c.code)).toEqual(["identity-provider-secret-changed"]);
    await h.approve(next);
    h.as("approver");
    const reapplied = await h.actions().applyAction({ changeRequestId: next, planVersion: 1 });
    expect(reapplied.ok && reapplied.data.status, JSON.stringify(reapplied)).toBe("succeeded");
    const after = await h.sdk().send(new DescribeIdentityProviderCommand({ UserPoolId: applied.data.userPoolId ?? "", ProviderName: "Google" }));
    expect(after.IdentityProvider?.ProviderDetails?.client_secret).toBe(`${secret}-new`);
  } finally {
    delete process.env[variable];
    delete process.env[`${variable}_NEW`];
  }
}
