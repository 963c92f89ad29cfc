import "server-only";
/**
 * Publishing a pool's design to the workspace's git repository (the core is lib/cognito/publish). Where to push
 * is the server's configuration, never the database's, so a credential is only ever in the server's environment:
 *
 * - `STUDIO_PUBLISH_REMOTE_<WORKSPACE_ID>` and `STUDIO_PUBLISH_CREDENTIAL_<WORKSPACE_ID>`: one workspace's
 *   repository (the id upper-cased);
 * - else `STUDIO_PUBLISH_REMOTE` and `STUDIO_PUBLISH_CREDENTIAL`: one repository for every workspace, each in its
 *   own folder (`cognito/<workspace id>/<pool>`).
 */
import { EXPORTERS, type ExportFormat } from "@/lib/cognito/formats";
import { planChanges, summaryLine } from "@/lib/cognito/plan";
import { composeCommitMessage, publishExport, redactCredential } from "@/lib/cognito/publish";
import { hasErrors } from "@/lib/cognito/spec/diagnostics";
import type { PublishPoolInput, PublishPoolOutcome } from "@/lib/contracts/publish-inputs";
import type { AuditEntry } from "./action";
import { UserError } from "./errors";
import { getPool } from "./pools";
import type { Account } from "./users";

export interface PublishRemote {
  url: string;
  credential?: string;
  /** The folder of the workspace's pools in the repository. */
  folder: string;
}

const envKey = (workspaceId: string) => workspaceId.toUpperCase().replace(/[^A-Z0-9]+/gu, "_");

/** The workspace's repository, or undefined when the server has none configured for it. */
export function publishRemoteFor(workspaceId: string, env: Record<string, string | undefined> = process.env): PublishRemote | undefined {
  const key = envKey(workspaceId);
  const own = env[`STUDIO_PUBLISH_REMOTE_${key}`];
  if (own) return { url: own, credential: env[`STUDIO_PUBLISH_CREDENTIAL_${key}`] || undefined, folder: "cognito" };
  const shared = env.STUDIO_PUBLISH_REMOTE;
  if (shared) return { url: shared, credential: env.STUDIO_PUBLISH_CREDENTIAL || undefined, folder: `cognito/${workspaceId}` };
  return undefined;
}

/** The repository as the page may show it: no user information, no credential. */
export function describePublishRemote(workspaceId: string): { configured: boolean; repository?: string; variable: string } {
  const remote = publishRemoteFor(workspaceId);
  return { configured: Boolean(remote), repository: remote ? redactCredential(remote.url, remote.credential) : undefined, variable: `STUDIO_PUBLISH_REMOTE_${envKey(workspaceId)}` };
}

/** The plan's summary and resource lines since the last revision (or from nothing), for the commit message. */
function planLines(pool: NonNullable<Awaited<ReturnType<typeof getPool>>>): string[] {
  const design = pool.draft.stored.document;
  if (!design) return [];
  const before = pool.lastRevision?.stored.document ?? null;
  const plan = planChanges(before, design);
  const since = pool.lastRevision ? `Since revision ${pool.lastRevision.number}` : "From an empty account";
  const lines = plan.entries.filter((e) => e.action !== "noop").map((e) => `  ${e.action} ${e.address}`);
  return [`${since}: ${summaryLine(plan)}`, ...lines];
}

/** Exports the pool's draft in `format` and publishes it; a refusal is a UserError in plain words. */
export async function publishPool(account: Account, input: PublishPoolInput, audit: (entry: AuditEntry) => void): Promise<PublishPoolOutcome> {
  const remote = publishRemoteFor(account.workspaceId);
  if (!remote) throw new UserError("publish-not-configured", "Publishing is not set up for this workspace: an administrator sets the repository in the server's environment (see the README's Configuration).");
  const pool = await getPool(account.workspaceId, input.poolId);
  if (!pool) throw new UserError("pool-not-found", "This pool does not exist in your workspace.");
  const design = pool.draft.stored.document;
  if (!design || !pool.draft.valid) throw new UserError("draft-invalid", "The draft has errors: fix them in the editor, then publish.");
  const format: ExportFormat = input.format;
  const exported = EXPORTERS[format](design);
  if (hasErrors(exported.diagnostics) || exported.files.length === 0) throw new UserError("export-failed", `The design cannot be exported as ${format}; see the Export page's notes.`);
  const slug = pool.name.toLowerCase().replace(/[^a-z0-9_-]+/gu, "-").replace(/^-+|-+$/gu, "") || "pool";
  const folder = `${remote.folder}/${slug}`;
  const files = exported.files.map((f) => `${folder}/${f.path}`);
  const message = composeCommitMessage({ poolName: pool.name, format, files, planSummary: planLines(pool), note: `Published from Cognito Studio by ${account.name || account.email}.` });
  audit({ target: pool.id, poolId: pool.id, after: `${format} to ${input.branch}`, details: { format, branch: input.branch } });
  const result = await publishExport({ remote, branch: input.branch, folder, files: exported.files, message, author: { name: account.name || account.email, email: account.email } });
  if (!result.ok) throw new UserError(`publish-${result.code}`, result.message);
  audit({ target: pool.id, poolId: pool.id, after: `${format} to ${result.branch} at ${result.commit}`, details: { format, branch: result.branch, commit: result.commit, changed: result.changed } });
  return { commit: result.commit, branch: result.branch, created: result.created, changed: result.changed, files: result.files };
}
