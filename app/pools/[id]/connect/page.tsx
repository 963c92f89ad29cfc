import { ConnectPanel } from "@/components/connect/connect-panel";
import { DraftProblems } from "@/components/pools/draft-problems";
import { ApiVerificationSection } from "@/components/connect/api-verification";
import { TokenPreviewSection } from "@/components/connect/token-preview";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { Checkbox } from "@/components/ui/checkbox";
import { previewTokens, renderApiVerifications } from "@/lib/cognito/tokens";
import { type LiveIds, customDomainDns, customDomainOf, isMachineClient, renderConnectSnippets } from "@/lib/cognito/connect";
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
export default async function ConnectPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ target?: string; group?: string | string[] }> }) {
  const { id } = await params;
  const { target: targetId, group } = await searchParams;
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
  const poolGroups = (document?.spec.groups ?? []).map((g) => g.name);
  // Only the design's groups: a stale link naming a removed group previews without it.
  const chosenGroups = [group ?? []].flat().filter((g) => poolGroups.includes(g));
  const previewOn = onTarget && (onTarget.spec.region || target) ? onTarget : undefined;
  const verifications = previewOn ? renderApiVerifications(previewOn, { ...(target ? { region: target.region } : {}), ...(live ? { live } : {}) }) : [];
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
        {poolGroups.length > 0 && (
          <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <legend className="sr-only">Token preview: the user&apos;s groups</legend>
            <span aria-hidden="true">Tokens of a user in</span>
            {poolGroups.map((name) => (
              <label key={name} className="flex items-center gap-1">
                <Checkbox name="group" value={name} defaultChecked={chosenGroups.includes(name)} />
                {name}
              </label>
            ))}
          </fieldset>
        )}
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
                machine={isMachineClient(connection)}
                snippets={renderConnectSnippets(connection)}
                {...(target && live ? { rotation: { targetId: target.id, canRotate: hasRole(account.role, "approver") } } : {})}
              />
              {previewOn && (
                <TokenPreviewSection
                  preview={previewTokens(previewOn, client.name, { groups: chosenGroups, ...(target ? { region: target.region } : {}), ...(live ? { live } : {}) })}
                />
              )}
            </Card>
          );
        })
      )}
      {verifications.length > 0 && (
        <Card>
          <section aria-labelledby="verify-heading" className="space-y-4">
            <h2 id="verify-heading" className="text-lg font-semibold">
              Check these tokens in your APIs
            </h2>
            <p className="text-sm text-slate-700">
              Per resource server: verify the signature with the pool&apos;s JWKS, the issuer, that it is an access token (token_use), that it comes from an app client allowed
              the API&apos;s scopes (client_id), and the scope each route needs. Node uses aws-jwt-verify, which AWS maintains.
            </p>
            {verifications.map((v) => (
              <ApiVerificationSection key={v.identifier} verification={v} />
            ))}
          </section>
        </Card>
      )}
    </section>
  );
}
