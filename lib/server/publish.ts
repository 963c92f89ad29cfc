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
import { type Plan, planChanges, summaryLine } from "@/lib/cognito/plan";
import { type PublishFormat, composeCommitMessage, publishExport, redactCredential, renderForPublish, slugOf } from "@/lib/cognito/publish";
import type { PoolDocument } from "@/lib/cognito/spec/document-schema";
import { hasErrors } from "@/lib/cognito/spec/diagnostics";
import type { PublishPoolInput, PublishPoolOutcome } from "@/lib/contracts/publish-inputs";
import type { AuditEntry } from "./action";
import { getChangeRequestView } from "./change-request-views";
import { changeRequestDocument, documentForTarget } from "./change-requests";
import { getDb } from "./db";
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

/** What is published: a design, the plan behind it and who approved it. */
interface PublishSource {
  poolId: string;
  poolName: string;
  document: PoolDocument;
  planSummary: string[];
  reviewers: { name: string; email: string }[];
  change?: { title: string; target: string };
}

function planLines(plan: Plan, heading: string): string[] {
  const lines = plan.entries.filter((e) => e.action !== "noop").map((e) => `  ${e.action} ${e.address}`);
  return [`${heading}: ${summaryLine(plan)}`, ...lines];
}

/** The pool's draft, with the plan since its last revision (or from nothing). */
async function draftSource(account: Account, poolId: string): Promise<PublishSource> {
  const pool = await getPool(account.workspaceId, poolId);
  if (!pool) throw new UserError("pool-not-found", "This pool does not exist in your workspace.");
  const design = pool.draft.stored.document;
  if (!design || !pool.draft.valid) throw new UserError("draft-invalid", "The draft has errors: fix them in the editor, then publish.");
  const before = pool.lastRevision?.stored.document ?? null;
  const heading = pool.lastRevision ? `Since revision ${pool.lastRevision.number}` : "From an empty account";
  return { poolId: pool.id, poolName: pool.name, document: design, planSummary: planLines(planChanges(before, design), heading), reviewers: [] };
}

/** An approved or applied change request: its revision as its target gets it, its plan and its approvers. */
async function changeRequestSource(account: Account, poolId: string, changeRequestId: string): Promise<PublishSource> {
  const view = await getChangeRequestView(account.workspaceId, poolId, changeRequestId);
  if (!view) throw new UserError("change-request-not-found", "This change request does not exist in your workspace.");
  if (view.status !== "approved" && view.status !== "applied") throw new UserError("change-request-not-approved", "Only an approved or applied change request can be published: its reviewers go in the commit.");
  const { document, target } = await changeRequestDocument(account.workspaceId, changeRequestId);
  const emails = view.approvals.map((a) => a.approver);
  const users = await getDb().db.user.findMany({ where: { email: { in: emails } }, select: { email: true, name: true } });
  const nameOf = new Map(users.map((u) => [u.email, u.name]));
  return {
    poolId: view.poolId,
    poolName: view.poolName,
    document: documentForTarget(target, document),
    planSummary: view.plan ? planLines(view.plan, `Revision ${view.revisionNumber} on ${target.name}`) : [],
    reviewers: emails.map((email) => ({ name: nameOf.get(email) || email, email })),
    change: { title: view.title, target: target.name },
  };
}

/** Exports the draft (or a change request) in `format` and publishes it; a refusal is a UserError in plain words. */
export async function publishPool(account: Account, input: PublishPoolInput, audit: (entry: AuditEntry) => void): Promise<PublishPoolOutcome> {
  const remote = publishRemoteFor(account.workspaceId);
  if (!remote) throw new UserError("publish-not-configured", "Publishing is not set up for this workspace: an administrator sets the repository in the server's environment (see the README's Configuration).");
  const source = input.changeRequestId ? await changeRequestSource(account, input.poolId, input.changeRequestId) : await draftSource(account, input.poolId);
  const format: PublishFormat = input.format;
  const exported = renderForPublish(source.document, format);
  if (hasErrors(exported.diagnostics) || exported.files.length === 0) throw new UserError("export-failed", `The design cannot be exported as ${format}; see the Export page's notes.`);
  const folder = `${remote.folder}/${slugOf(source.poolName)}`;
  const files = exported.files.map((f) => `${folder}/${f.path}`);
  const note = `Published from Cognito Studio by ${account.name || account.email}.`;
  const message = composeCommitMessage({ poolName: source.poolName, format, files, planSummary: source.planSummary, reviewers: source.reviewers, change: source.change, note });
  const details = { format, branch: input.branch, ...(input.changeRequestId ? { changeRequestId: input.changeRequestId } : {}) };
  audit({ target: input.changeRequestId ?? source.poolId, poolId: source.poolId, after: `${format} to ${input.branch}`, details });
  const result = await publishExport({ remote, branch: input.branch, folder, files: exported.files, message, author: { name: account.name || account.email, email: account.email } });
  if (!result.ok) throw new UserError(`publish-${result.code}`, result.message);
  audit({ target: input.changeRequestId ?? source.poolId, poolId: source.poolId, after: `${format} to ${result.branch} at ${result.commit}`, details: { ...details, branch: result.branch, commit: result.commit, changed: result.changed } });
  return { commit: result.commit, branch: result.branch, created: result.created, changed: result.changed, files: result.files };
}
