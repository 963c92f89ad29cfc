import Link from "next/link";
import { ExportTabs } from "@/components/export-view/export-view";
import { PublishForm } from "@/components/export-view/publish-form";
import { ExportTargetPicker } from "@/components/export-view/export-target-picker";
import { ApiRoutesForm } from "@/components/export-view/api-routes-form";
import { checkApiRouteLines } from "@/lib/cognito/api-authorizer";
import { DraftProblems } from "@/components/pools/draft-problems";
import { FormMessage } from "@/components/ui/form-message";
import { EXPORT_FORMATS, type ExportFormat, type TargetExport, type TargetLiveIds, exportForTarget } from "@/lib/cognito/formats";
import type { PoolDocument } from "@/lib/cognito/spec";
import { branchNameFor } from "@/lib/cognito/publish/names";
import { publishFormatChoices } from "@/lib/cognito/publish/render-for-publish";
import { hasRole } from "@/lib/contracts/roles";
import { liveIdsOfTarget } from "@/lib/server/connect";
import { describePublishRemote } from "@/lib/server/publish";
import { UserError } from "@/lib/server/errors";
import { requirePool } from "@/lib/server/page-auth";
import { listTargets } from "@/lib/server/targets";
import { preparedExportPage } from "./prepared-exports";

export const dynamic = "force-dynamic";

/**
 * Export: every format of the draft. With a target chosen (`?target=`, a GET form), the export is the design as
 * that target gets it (its callback URLs, domain and Region) and, when the target has a pool, Terraform
 * `import {}` blocks with its live ids so `terraform apply` adopts the pool instead of creating another. With
 * routes (`?apiRoutes=`, another GET form), the Terraform and CloudFormation exports add the API in front of a
 * resource server (lib/cognito/api-authorizer).
 */
export default async function ExportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ format?: string; target?: string; apiRoutes?: string }> }) {
  const { id } = await params;
  const { format: asked, target: targetId, apiRoutes } = await searchParams;
  // `?format=` picks the tab shown first (links from elsewhere); every format is on the page.
  const format = (EXPORT_FORMATS as readonly string[]).includes(asked ?? "") ? (asked as ExportFormat) : "terraform";
  const { account, pool } = await requirePool(id);
  const design = pool.draft.stored.document;
  const targets = await listTargets(account.workspaceId, pool.id);
  const target = targets.find((t) => t.id === targetId);

  let forTarget: TargetExport | undefined;
  let readError: string | undefined;
  if (design && target) {
    let live: TargetLiveIds | undefined;
    if (target.userPoolId) {
      try {
        live = await liveIdsOfTarget(target);
      } catch (cause) {
        if (!(cause instanceof UserError)) throw cause;
        readError = `${cause.message} The export imports the pool only; Terraform will create the app clients.`;
      }
    }
    forTarget = exportForTarget(design, target, live);
  }
  const exported = forTarget?.document ?? design;
  // Checked against the document as exported: a target's values may change its resource servers.
  const apiCheck = exported && apiRoutes?.trim() ? checkApiRouteLines(apiRoutes, exported) : undefined;
  const kept = new URLSearchParams({ ...(target ? { target: target.id } : {}), ...(asked ? { format } : {}) });
  const options = apiCheck?.api ? { ...forTarget?.options, api: apiCheck.api } : forTarget?.options;
  const prepared = exported ? await preparedExportPage(pool.id, target?.id, exported, options) : undefined;

  return (
    <section aria-labelledby="export-heading" className="space-y-4">
      <h1 id="export-heading" className="text-xl font-semibold">
        Export
      </h1>
      <p className="text-sm text-slate-700">
        Applying with Terraform?{" "}
        <Link href={`/pools/${pool.id}/terraform-review`} className="font-medium text-indigo-800 underline underline-offset-2">
          Review a Terraform plan of this pool
        </Link>{" "}
        before it runs: the users a replacement deletes, the clients that get new ids, and how the result differs from this design.
      </p>
      {design && (
        <PublishForm
          poolId={pool.id}
          defaultBranch={branchNameFor(pool.name)}
          canPublish={hasRole(account.role, "editor")}
          formats={publishFormatChoices()}
          {...describePublishRemote(account.workspaceId)}
        />
      )}
      <ExportTargetPicker targets={targets.map((t) => ({ id: t.id, name: t.name, userPoolId: t.userPoolId }))} selected={target?.id} format={format} apiRoutes={apiRoutes} />
      {readError && <FormMessage tone="error">{readError}</FormMessage>}
      {target && forTarget && (
        <p className="text-sm text-slate-700" data-testid="export-target-summary">
          For target <strong>{target.name}</strong> in {target.region}:{" "}
          {forTarget.replaced.length > 0 ? `${forTarget.replaced.length === 1 ? "1 value of the target replaces" : `${forTarget.replaced.length} values of the target replace`} the design's` : "the design's values (the target has none of its own)"}
          {target.userPoolId
            ? `; the Terraform export adds import blocks (imports.tf) so terraform apply adopts pool ${target.userPoolId} instead of creating a new one.`
            : "; the target has no pool yet, so Terraform will create one."}
          {forTarget.unknownClients.length > 0 && ` Values for clients the design does not have are ignored: ${forTarget.unknownClients.join(", ")}.`}
          {forTarget.unusedSettings.length > 0 && ` Values for settings the design does not have are ignored: ${forTarget.unusedSettings.join(", ")}.`}
        </p>
      )}
      {exported && (
        <ApiRoutesForm
          text={apiRoutes}
          target={target?.id}
          format={asked ? format : undefined}
          servers={scopesOf(exported)}
          check={apiCheck}
          removeHref={`/pools/${pool.id}/export${kept.size > 0 ? `?${kept}` : ""}`}
        />
      )}
      {prepared ? (
        <ExportTabs exports={prepared.exports} moduleZip={prepared.moduleZip} defaultFormat={format} />
      ) : (
        <DraftProblems diagnostics={pool.draft.stored.diagnostics} what="export" />
      )}
    </section>
  );
}

/** The design's scopes per resource server, as routes name them (`identifier/scope`). */
function scopesOf(document: PoolDocument): { name: string; scopes: string[] }[] {
  return (document.spec.resourceServers ?? []).map((s) => ({ name: s.name, scopes: (s.scopes ?? []).map((scope) => `${s.identifier}/${scope.name}`) }));
}
