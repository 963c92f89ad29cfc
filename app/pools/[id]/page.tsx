import { checkPoolDocument } from "@/components/pool-editor/analysis";
import { DraftEditor } from "@/components/pools/draft-editor";
import { ImportInputsPanel } from "@/components/pools/import-inputs-panel";
import { getImportSource } from "@/lib/server/imports";
import { requirePool } from "@/lib/server/page-auth";
import { editorPolicyCheck } from "@/lib/cognito/policies";
import { listPolicies, ruleOf } from "@/lib/server/policies";
import { listTargets } from "@/lib/server/targets";
import { hasRole } from "@/lib/contracts/roles";

export const dynamic = "force-dynamic";

export default async function PoolEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { account, pool } = await requirePool(id);
  const raw = pool.draft.stored.raw;
  const [importSource, policies, targets] = await Promise.all([getImportSource(account.workspaceId, pool.id), listPolicies(account.workspaceId), listTargets(account.workspaceId, pool.id)]);
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return (
      <p role="alert" className="rounded-md bg-red-50 p-3 text-red-900">
        The stored draft cannot be read: {pool.draft.stored.diagnostics.map((d) => d.message).join(" ")}
      </p>
    );
  }
  const rules = policies.map(ruleOf);
  const targetsOfPolicies = targets.map((t) => ({ name: t.name, region: t.region }));
  return (
    <>
      <h1 className="sr-only">Edit {pool.name}</h1>
      {/* Not keyed by version: its message about the values just supplied stays after the refresh. */}
      {importSource && <ImportInputsPanel poolId={pool.id} draftVersion={pool.draft.version} source={importSource} canEdit={hasRole(account.role, "editor")} />}
      <DraftEditor
        key={pool.draft.version}
        poolId={pool.id}
        version={pool.draft.version}
        document={raw as Record<string, unknown>}
        checked={checkPoolDocument(raw, [], editorPolicyCheck(rules, targetsOfPolicies))}
        canEdit={hasRole(account.role, "editor")}
        policies={rules}
        targets={targetsOfPolicies}
      />
    </>
  );
}
