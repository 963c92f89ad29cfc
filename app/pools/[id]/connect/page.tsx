import { ConnectPanel } from "@/components/connect/connect-panel";
import { DraftProblems } from "@/components/pools/draft-problems";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { type LiveIds, customDomainDns, customDomainOf, renderConnectSnippets } from "@/lib/cognito/connect";
import { applyEnvironmentValues } from "@/lib/cognito/environments";
import { CustomDomainDnsCard } from "@/components/connect/custom-domain-dns";
import { connectionOn, liveIdsOfTarget } from "@/lib/server/connect";
import { UserError } from "@/lib/server/errors";
import { requirePool } from "@/lib/server/page-auth";
import { hasRole } from "@/lib/contracts/roles";
import { listTargets } from "@/lib/server/targets";

export const dynamic = "force-dynamic";

/**
 * Connect your app: per app client of the draft, the issuer, endpoints, ids and config snippets. Choosing
 * a target that has a pool reads its live ids (a GET form, so it works without JavaScript).
 */
export default async function ConnectPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ target?: string }> }) {
  const { id } = await params;
  const { target: targetId } = await searchParams;
  const { account, pool } = await requirePool(id);
  const targets = (await listTargets(account.workspaceId, pool.id)).filter((t) => t.userPoolId);
  // A newcomer who just applied expects the live ids: without a choice, the first target with a pool is used;
  // "the design (placeholders)" is an explicit empty choice.
  const target = targetId === undefined ? targets[0] : targets.find((t) => t.id === targetId);
  const document = pool.draft.stored.document;
  // The target's own domain (its per-environment values) is the one its DNS record names.
  const onTarget = document && target ? applyEnvironmentValues(document, target.environmentValues).document : document;
  let live: LiveIds | undefined;
  let error: string | undefined;
  if (target) {
    try {
      live = await liveIdsOfTarget(target, onTarget ? customDomainOf(onTarget) : undefined);
    } catch (cause) {
      if (!(cause instanceof UserError)) throw cause;
      error = cause.message;
    }
  }
  const clients = document?.spec.clients ?? [];
  return (
    <section aria-labelledby="connect-heading" className="space-y-4">
      <h1 id="connect-heading" className="text-xl font-semibold">
        Connect your app
      </h1>
      <p className="text-sm text-slate-700">
        What an application needs to sign users in with each app client: issuer, JWKS and hosted endpoints, the client id, and configuration for next-auth, Amplify,
        oidc-client-ts or environment variables. Client secrets are never shown here: they are shown once when created or rotated, and kept in your secret store.
      </p>
      <form method="get" className="flex flex-wrap items-end gap-2">
        <label className="text-sm" htmlFor="connect-target">
          Ids from
        </label>
        <Select id="connect-target" name="target" defaultValue={target?.id ?? ""}>
          <option value="">the design (placeholders)</option>
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              target {t.name} ({t.userPoolId})
            </option>
          ))}
        </Select>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </form>
      {error && <FormMessage tone="error">{error}</FormMessage>}
      {onTarget && customDomainDns(onTarget, live?.customDomainCloudFrontTarget) && (
        <CustomDomainDnsCard dns={customDomainDns(onTarget, live?.customDomainCloudFrontTarget)!} targetName={target?.name} />
      )}
      {!document ? (
        <DraftProblems diagnostics={pool.draft.stored.diagnostics} what="connection details" />
      ) : clients.length === 0 ? (
        <p className="text-sm">This design has no app clients yet; add one in the editor.</p>
      ) : !document.spec.region && !target ? (
        <p className="text-sm">This design names no Region, and the issuer and sign-in endpoints depend on it: choose a target above to see them in its Region.</p>
      ) : (
        clients.map((client) => {
          // With a target chosen, its own callback URLs and domain go with its live ids.
          const connection = connectionOn(document, client.name, target, live);
          return (
            <Card key={client.name}>
              <ConnectPanel
                connection={connection}
                snippets={renderConnectSnippets(connection)}
                {...(target && live ? { rotation: { targetId: target.id, canRotate: hasRole(account.role, "approver") } } : {})}
              />
            </Card>
          );
        })
      )}
    </section>
  );
}
