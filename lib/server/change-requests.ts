import "server-only";
import { randomUUID } from "node:crypto";
import type { ApplyInput, ApproveInput, CommentInput, SubmitChangeRequestInput } from "@/app/pools/review.validation";
import { ApplyRefusedError, type ApplyStep, applyPlan } from "@/lib/cognito/apply";
import { readLivePool } from "@/lib/cognito/aws";
import { applyEnvironmentValues, nextTarget, readEnvironmentValues } from "@/lib/cognito/environments";
import { type Plan, planChanges, sameValue } from "@/lib/cognito/plan";
import { appliedSecretRefsOf, type PoolDocument, type SecretRef, validatePoolDocument } from "@/lib/cognito/spec";
import { acquireApplyLock, releaseApplyLock } from "./apply-lock";
import { type Db, getDb } from "./db";
import { UserError } from "./errors";
import { readStoredDocument } from "./pools";
import { type ProgressEntry, recordingPort } from "./recording-port";
import { connectTarget, connectTargetPreflight, describeAwsError, targetSecretResolver } from "./target-port";
import type { Account } from "./users";

export const CHANGE_REQUEST_STATUSES = ["open", "approved", "changes_requested", "applied", "failed", "closed"] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];
const FINAL: readonly string[] = ["applied", "closed"];

type TargetRow = {
  id: string;
  name: string;
  region: string;
  endpoint: string | null;
  roleArn: string | null;
  userPoolId: string | null;
  requiredApprovals: number;
  /** EnvironmentValues as JSON text. */
  environmentValues: string;
};

/**
 * The design as this target gets it: its per-environment values (callback and logout URLs, domain)
 * replace the design's (lib/cognito/environments). The result must still be a valid design: a value
 * that breaks a cross-field rule (a default redirect URI no longer among the callbacks…) is named here.
 */
export function documentForTarget(target: Pick<TargetRow, "name" | "environmentValues">, design: PoolDocument): PoolDocument {
  const { values, problem } = readEnvironmentValues(target.environmentValues);
  if (problem) throw new UserError("environment-values-invalid", `Target ${target.name}: ${problem}; an admin can fix them on the target's page.`);
  const { document } = applyEnvironmentValues(design, values);
  const errors = validatePoolDocument(document).filter((d) => d.severity === "error");
  if (errors.length > 0) {
    throw new UserError("environment-values-invalid", `With the values of target ${target.name} the design is not valid: ${errors.map((d) => `${d.path}: ${d.message}`).join("; ")}.`);
  }
  return document;
}

/** What a plan was computed from: the target's live pool (or nothing) and its fingerprint. */
export interface ComputedPlan {
  plan: Plan;
  planUserPoolId: string | null;
  planFingerprint: string | null;
}

/**
 * The `secretRef` of each identity provider in the document last applied to the target, by provider name; undefined
 * when nothing was applied. The live pool cannot say where a provider's secret came from: with these the plan
 * sees a change of the reference alone (and sends the new secret).
 */
async function appliedSecretRefs(targetId: string, db: Db): Promise<Record<string, SecretRef | undefined> | undefined> {
  const applied = await db.changeRequest.findFirst({ where: { targetId, status: "applied" }, orderBy: { updatedAt: "desc" }, select: { document: true } });
  return appliedSecretRefsOf(applied ? readStoredDocument(applied.document).document : undefined);
}

/**
 * Plans `document` against the target's live pool (read with the SDK's default credentials, the
 * target's endpoint and role), or against nothing when the target has no pool yet.
 */
export async function planForTarget(target: TargetRow, document: PoolDocument, db: Db = getDb().db): Promise<ComputedPlan> {
  if (!target.userPoolId) return { plan: planChanges(null, document), planUserPoolId: null, planFingerprint: null };
  const port = connectTarget(target);
  let live;
  try {
    live = await readLivePool(port, target.userPoolId, { desired: document });
  } catch (error) {
    throw new UserError("aws-read-failed", `Could not read pool ${target.userPoolId} of target ${target.name}: ${describeAwsError(error)}`);
  }
  const applied = await appliedSecretRefs(target.id, db);
  const plan = planChanges(live.document, document, {
    live: {
      fingerprint: live.live.fingerprint,
      estimatedNumberOfUsers: live.live.estimatedNumberOfUsers,
      ids: { userPoolId: target.userPoolId, clientIds: live.live.clientIds },
      providersWithSecret: live.live.providersWithSecret,
      ...(applied ? { appliedSecretRefs: applied } : {}),
    },
  });
  return { plan, planUserPoolId: target.userPoolId, planFingerprint: live.live.fingerprint };
}

/** A plan that replaces or deletes the pool, or replaces a client, needs the pool's name typed first. */
export function needsNameConfirmation(plan: Plan): boolean {
  return plan.entries.some((e) => (e.type === "userPool" && (e.action === "replace" || e.action === "delete")) || (e.type === "appClient" && e.action === "replace"));
}

/** The plan row was written by this module from planChanges (never from input), so it is read back as is. */
function readPlan(text: string): Plan {
  return JSON.parse(text) as Plan;
}

async function loadRequest(workspaceId: string, id: string, db: Db) {
  const cr = await db.changeRequest.findFirst({ where: { id, pool: { workspaceId } }, include: { target: true, pool: { select: { id: true, name: true } } } });
  if (!cr) throw new UserError("change-request-not-found", "This change request no longer exists.");
  return cr;
}
type LoadedRequest = Awaited<ReturnType<typeof loadRequest>>;

function documentOf(text: string): PoolDocument {
  const stored = readStoredDocument(text);
  if (!stored.document) throw new UserError("document-invalid", "The revision of this change request cannot be read; submit a new one.");
  return stored.document;
}

/** The frozen document of a change request with its target, for read-only checks (preflight). */
export async function changeRequestDocument(workspaceId: string, changeRequestId: string, db: Db = getDb().db): Promise<{ document: PoolDocument; target: TargetRow; poolId: string }> {
  const cr = await loadRequest(workspaceId, changeRequestId, db);
  return { document: documentOf(cr.document), target: cr.target, poolId: cr.poolId };
}

/** Approvals that count: for the current plan version, by someone other than the author. */
async function countApprovals(cr: { id: string; author: string; planVersion: number }, db: Db): Promise<number> {
  return db.approval.count({ where: { changeRequestId: cr.id, planVersion: cr.planVersion, approver: { not: cr.author } } });
}

/** Submits the current (valid) draft for review on a target; the draft becomes a revision if it is not one yet. */
export async function submitChangeRequest(account: Account, input: SubmitChangeRequestInput, db: Db = getDb().db): Promise<{ id: string; revisionNumber: number; plan: Plan }> {
  const pool = await db.pool.findFirst({
    where: { id: input.poolId, workspaceId: account.workspaceId },
    include: { draft: true, revisions: { orderBy: { number: "desc" }, take: 1 } },
  });
  if (!pool || !pool.draft) throw new UserError("pool-not-found", "This pool no longer exists.");
  const target = await db.target.findFirst({ where: { id: input.targetId, poolId: pool.id } });
  if (!target) throw new UserError("target-not-found", "Choose one of this pool's targets.", "targetId");
  if (pool.draft.version !== input.draftVersion) {
    throw new UserError("draft-conflict", `The draft changed since you opened it (now version ${pool.draft.version} by ${pool.draft.updatedBy ?? "someone"}); reload and review it before submitting.`);
  }
  const stored = readStoredDocument(pool.draft.document);
  if (!pool.draft.valid || !stored.document) throw new UserError("draft-invalid", "The draft has errors; fix them before submitting it for review.");
  const document = stored.document;

  const last = pool.revisions[0];
  let revisionNumber: number;
  if (last && sameValue(readStoredDocument(last.document).raw, stored.raw)) {
    revisionNumber = last.number;
  } else {
    revisionNumber = (last?.number ?? 0) + 1;
    await db.revision.create({ data: { poolId: pool.id, number: revisionNumber, document: pool.draft.document, message: `Submitted for review: ${input.title}`, createdBy: account.email } });
  }

  const forTarget = documentForTarget(target, document);
  const computed = await planForTarget(target, forTarget, db);
  const cr = await db.changeRequest.create({
    data: {
      poolId: pool.id,
      targetId: target.id,
      title: input.title,
      description: input.description,
      author: account.email,
      revisionNumber,
      document: JSON.stringify(forTarget),
      plan: JSON.stringify(computed.plan),
      planUserPoolId: computed.planUserPoolId,
      planFingerprint: computed.planFingerprint,
    },
  });
  return { id: cr.id, revisionNumber, plan: computed.plan };
}

export interface RefreshResult {
  /** True when the plan was recomputed (approvals of the old plan no longer count). */
  changed: boolean;
  /** Why, in plain words. */
  reasons: string[];
  planVersion: number;
}

/**
 * The stale-plan rule (like Atlantis): the plan is recomputed when the pool has a newer revision or the
 * live pool changed (its fingerprint, or which pool the target names). A new plan version means earlier
 * approvals no longer count, and an approved request is open again.
 */
export async function refreshChangeRequest(cr: LoadedRequest, db: Db): Promise<RefreshResult> {
  if (FINAL.includes(cr.status)) return { changed: false, reasons: [], planVersion: cr.planVersion };
  const latest = await db.revision.findFirst({ where: { poolId: cr.poolId }, orderBy: { number: "desc" } });
  const reasons: string[] = [];
  let design: PoolDocument | undefined;
  let revisionNumber = cr.revisionNumber;
  // A promoted request is pinned to the revision that was applied before it: promoting means "this
  // revision, next environment"; a newer revision is promoted on its own.
  if (latest && latest.number > cr.revisionNumber && !cr.promotedFromId) {
    const stored = readStoredDocument(latest.document);
    if (stored.document) {
      reasons.push(`revision ${latest.number} replaces revision ${cr.revisionNumber}`);
      design = stored.document;
      revisionNumber = latest.number;
    }
  }
  const current = documentOf(cr.document);
  let document = current;
  if (!design) {
    const revision = await db.revision.findUnique({ where: { poolId_number: { poolId: cr.poolId, number: cr.revisionNumber } } });
    design = revision ? readStoredDocument(revision.document).document : undefined;
  }
  if (design) {
    // The target's per-environment values are applied again: an admin may have changed them.
    document = documentForTarget(cr.target, design);
    if (revisionNumber === cr.revisionNumber && !sameValue(document, current)) reasons.push(`the per-environment values of target ${cr.target.name} changed`);
  }
  const documentText = JSON.stringify(document);
  const computed = await planForTarget(cr.target, document, db);
  if (computed.planUserPoolId !== cr.planUserPoolId) {
    reasons.push(`the target now names pool ${computed.planUserPoolId ?? "(none)"} instead of ${cr.planUserPoolId ?? "(none)"}`);
  } else if (computed.planFingerprint !== cr.planFingerprint) {
    reasons.push(`the live pool ${cr.planUserPoolId} changed since the plan was made (drift)`);
  }
  if (reasons.length === 0) return { changed: false, reasons, planVersion: cr.planVersion };
  const planVersion = cr.planVersion + 1;
  // Conditional on the plan version read, so two refreshes at once do not both bump it.
  const updated = await db.changeRequest.updateMany({
    where: { id: cr.id, planVersion: cr.planVersion },
    data: {
      revisionNumber,
      document: documentText,
      plan: JSON.stringify(computed.plan),
      planUserPoolId: computed.planUserPoolId,
      planFingerprint: computed.planFingerprint,
      planVersion,
      plannedAt: new Date(),
      ...(cr.status === "approved" || cr.status === "changes_requested" || cr.status === "failed" ? { status: "open" } : {}),
    },
  });
  if (updated.count === 0) throw new UserError("plan-changed", "Someone else re-planned this change request just now; reload to see the new plan.");
  return { changed: true, reasons, planVersion };
}

/** Re-plans on request (new revision, drift, or after a failed apply: resume). */
export async function replanChangeRequest(account: Account, changeRequestId: string, db: Db = getDb().db): Promise<RefreshResult & { title: string; poolId: string }> {
  const cr = await loadRequest(account.workspaceId, changeRequestId, db);
  if (FINAL.includes(cr.status)) throw new UserError("change-request-final", `This change request is ${cr.status}; open a new one.`);
  return { ...(await refreshChangeRequest(cr, db)), title: cr.title, poolId: cr.poolId };
}

function staleMessage(refresh: RefreshResult): string {
  return `The plan was recomputed because ${refresh.reasons.join(" and ")}; earlier approvals no longer count. Review the new plan (version ${refresh.planVersion}).`;
}

export async function approveChangeRequest(account: Account, input: ApproveInput, db: Db = getDb().db): Promise<{ status: ChangeRequestStatus; approvals: number; required: number; poolId: string }> {
  const cr = await loadRequest(account.workspaceId, input.changeRequestId, db);
  if (FINAL.includes(cr.status)) throw new UserError("change-request-final", `This change request is ${cr.status}; it cannot be approved.`);
  if (cr.author === account.email) throw new UserError("author-cannot-approve", "You opened this change request; another approver must approve it.");
  if (cr.planVersion !== input.planVersion) throw new UserError("plan-changed", `The plan changed since you opened the page (now version ${cr.planVersion}); review it again.`);
  const refresh = await refreshChangeRequest(cr, db);
  if (refresh.changed) throw new UserError("stale-plan", staleMessage(refresh), undefined, { keepsChanges: true });
  const plan = readPlan(cr.plan);
  if (plan.errors.length > 0) throw new UserError("plan-has-errors", "The plan has errors; it cannot be approved.");
  const existing = await db.approval.findFirst({ where: { changeRequestId: cr.id, approver: account.email, planVersion: cr.planVersion } });
  if (!existing) await db.approval.create({ data: { changeRequestId: cr.id, approver: account.email, planVersion: cr.planVersion } });
  const approvals = await countApprovals(cr, db);
  const status: ChangeRequestStatus = approvals >= cr.target.requiredApprovals ? "approved" : (cr.status as ChangeRequestStatus);
  if (status !== cr.status) await db.changeRequest.update({ where: { id: cr.id }, data: { status } });
  return { status, approvals, required: cr.target.requiredApprovals, poolId: cr.poolId };
}

export async function requestChanges(account: Account, input: { changeRequestId: string; body: string }, db: Db = getDb().db): Promise<{ poolId: string }> {
  const cr = await loadRequest(account.workspaceId, input.changeRequestId, db);
  if (FINAL.includes(cr.status)) throw new UserError("change-request-final", `This change request is ${cr.status}.`);
  await db.$transaction([
    db.comment.create({ data: { changeRequestId: cr.id, author: account.email, body: input.body } }),
    db.changeRequest.update({ where: { id: cr.id }, data: { status: "changes_requested" } }),
  ]);
  return { poolId: cr.poolId };
}

export async function addComment(account: Account, input: CommentInput, db: Db = getDb().db): Promise<{ id: string; poolId: string }> {
  const cr = await loadRequest(account.workspaceId, input.changeRequestId, db);
  const comment = await db.comment.create({ data: { changeRequestId: cr.id, author: account.email, body: input.body, path: input.path ?? null } });
  return { id: comment.id, poolId: cr.poolId };
}

export async function closeChangeRequest(account: Account, changeRequestId: string, db: Db = getDb().db): Promise<{ poolId: string; title: string }> {
  const cr = await loadRequest(account.workspaceId, changeRequestId, db);
  if (FINAL.includes(cr.status)) throw new UserError("change-request-final", `This change request is already ${cr.status}.`);
  if (cr.author !== account.email && account.role !== "admin") throw new UserError("not-author", "Only the author or an admin can close a change request.");
  await db.changeRequest.update({ where: { id: cr.id }, data: { status: "closed" } });
  return { poolId: cr.poolId, title: cr.title };
}

/** How long an apply may hold its target's lock before another server may take it over (a crash). */
export const APPLY_LOCK_TTL_MS = 30 * 60_000;

export interface ApplyOutcome {
  runId: string;
  status: "succeeded" | "failed";
  steps: ApplyStep[];
  /** Why the run failed outside its steps: a refusal or an AWS error (code: message). */
  error?: string;
  userPoolId?: string;
  /** Secrets of clients this apply created, by client name: shown once to the applier, never stored. */
  newClientSecrets?: Record<string, string>;
  poolId: string;
  targetName: string;
}

/**
 * Applies an approved, fresh plan to its target: one apply per target at a time (a lock row in the
 * database), every outcome recorded as an ApplyRun, the target linked to the pool an apply created.
 * A failed apply leaves the request `failed` and resumable: re-plan, approve if needed, apply again.
 */
export async function applyChangeRequest(account: Account, input: ApplyInput, db: Db = getDb().db): Promise<ApplyOutcome> {
  const cr = await loadRequest(account.workspaceId, input.changeRequestId, db);
  if (FINAL.includes(cr.status)) throw new UserError("change-request-final", `This change request is ${cr.status}; it cannot be applied.`);
  if (cr.planVersion !== input.planVersion) throw new UserError("plan-changed", `The plan changed since you opened the page (now version ${cr.planVersion}); review it again.`);
  const refresh = await refreshChangeRequest(cr, db);
  if (refresh.changed) throw new UserError("stale-plan", staleMessage(refresh));
  const plan = readPlan(cr.plan);
  const document = documentOf(cr.document);
  if (plan.errors.length > 0) throw new UserError("plan-has-errors", "The plan has errors; it cannot be applied.");
  if (cr.status === "changes_requested") throw new UserError("changes-requested", "An approver requested changes; save a new revision (or re-plan) before applying.");
  const approvals = await countApprovals(cr, db);
  if (approvals < cr.target.requiredApprovals) {
    throw new UserError("approvals-missing", `Target ${cr.target.name} needs ${cr.target.requiredApprovals} approval(s) of this plan by someone other than the author; it has ${approvals}.`);
  }
  const confirm = needsNameConfirmation(plan);
  if (confirm && input.confirmName !== document.metadata.name) {
    throw new UserError("confirm-name", `This plan replaces or deletes resources; type the pool's name (${document.metadata.name}) to apply it.`, "confirmName");
  }

  const runId = randomUUID();
  const lock = await acquireApplyLock({ targetId: cr.targetId, runId, holder: account.email, ttlMs: APPLY_LOCK_TTL_MS }, db);
  if (!lock.ok) {
    throw new UserError("apply-locked", `Another apply to target ${cr.target.name} is running (by ${lock.holder} since ${lock.acquiredAt.toISOString().slice(0, 19).replace("T", " ")} UTC); wait for it to finish.`);
  }
  try {
    // Checked again under the lock: an apply that finished just before must not be repeated.
    const now = await db.changeRequest.findUniqueOrThrow({ where: { id: cr.id }, include: { target: true } });
    if (FINAL.includes(now.status) || now.planVersion !== cr.planVersion || now.target.userPoolId !== cr.planUserPoolId) {
      throw new UserError("plan-changed", `This change request changed while you were applying it (now ${now.status}, plan version ${now.planVersion}); reload.`);
    }
    await db.applyRun.create({ data: { id: runId, changeRequestId: cr.id, targetId: cr.targetId, appliedBy: account.email, planVersion: cr.planVersion } });
    let steps: ApplyStep[] = [];
    let error: string | undefined;
    let userPoolId: string | undefined;
    let secrets: Record<string, string> | undefined;
    // Each finished AWS write and each finished step is saved on the run as it happens: the page streams
    // them (app/api/.../apply-runs/stream), and a run whose server stopped keeps what it had done.
    const progress: ProgressEntry[] = [];
    const finished: ApplyStep[] = [];
    let saving: Promise<unknown> = Promise.resolve();
    const save = () => {
      const data = { progress: JSON.stringify(progress), steps: JSON.stringify(finished) };
      // Each write also extends the lock: a long apply that is making progress is never taken over.
      saving = saving
        .then(() =>
          Promise.all([
            db.applyRun.update({ where: { id: runId }, data }),
            db.applyLock.updateMany({ where: { targetId: cr.targetId, runId }, data: { expiresAt: new Date(Date.now() + APPLY_LOCK_TTL_MS) } }),
          ]),
        )
        .catch((cause: unknown) => console.error("apply: saving progress failed", cause));
    };
    const port = recordingPort(
      connectTarget(cr.target),
      (entry) => {
        progress.push(entry);
        save();
      },
      // The target learns a new pool at once, not at the end: if this server dies mid-apply, the next
      // plan is made against that pool instead of creating a second one.
      (createdPoolId) => {
        saving = saving
          .then(() => db.target.update({ where: { id: cr.targetId }, data: { userPoolId: createdPoolId } }))
          .catch((cause: unknown) => console.error("apply: recording the new pool on the target failed", cause));
      },
    );
    const onStepFinished = (step: ApplyStep) => {
      finished.push(step);
      save();
    };
    try {
      // Preflight (ACM, SES, IAM, Lambda, KMS) runs inside applyPlan before its first write.
      const preflight = { port: connectTargetPreflight(cr.target) };
      const result = await applyPlan(plan, port, {
        desired: document,
        allowReplace: confirm,
        onStepFinished,
        resolveSecret: targetSecretResolver(cr.target),
        preflight,
        ...(cr.planUserPoolId ? { userPoolId: cr.planUserPoolId } : {}),
      });
      steps = result.steps;
      userPoolId = result.userPoolId;
      secrets = result.newClientSecrets;
      if (!result.ok) {
        const failed = steps.find((s) => s.outcome === "failed");
        error = failed?.error ? `${failed.resource}: ${failed.error.code}: ${failed.error.message}` : "a step failed";
      }
    } catch (cause) {
      error = cause instanceof ApplyRefusedError ? `refused (${cause.code}): ${cause.message}` : describeAwsError(cause);
    }
    const status = error ? "failed" : "succeeded";
    await saving;
    await db.applyRun.update({ where: { id: runId }, data: { status, progress: JSON.stringify(progress), steps: JSON.stringify(steps), error: error ?? null, userPoolId: userPoolId ?? null, finishedAt: new Date() } });
    if (userPoolId && userPoolId !== cr.target.userPoolId) await db.target.update({ where: { id: cr.targetId }, data: { userPoolId } });
    await db.changeRequest.update({ where: { id: cr.id }, data: { status: status === "succeeded" ? "applied" : "failed" } });
    return {
      runId,
      status,
      steps,
      ...(error ? { error } : {}),
      ...(userPoolId ? { userPoolId } : {}),
      ...(secrets && Object.keys(secrets).length > 0 ? { newClientSecrets: secrets } : {}),
      poolId: cr.poolId,
      targetName: cr.target.name,
    };
  } finally {
    await releaseApplyLock(cr.targetId, runId, db);
  }
}

/**
 * Promote: an applied change request opens a new one for the next target in promotion order
 * (dev → staging → prod, lib/cognito/environments), with the same revision; its plan is made against
 * that target's live pool with that target's per-environment values. The new request is reviewed and
 * approved on its own (the next target's required approvals).
 */
export async function promoteChangeRequest(account: Account, changeRequestId: string, db: Db = getDb().db): Promise<{ id: string; poolId: string; targetName: string; revisionNumber: number; plan: Plan }> {
  const cr = await loadRequest(account.workspaceId, changeRequestId, db);
  if (cr.status !== "applied") throw new UserError("not-applied", `Only an applied change request can be promoted; this one is ${cr.status.replace("_", " ")}.`);
  const { next, open } = await promotionOf(cr, db);
  if (!next) throw new UserError("no-next-target", `${cr.target.name} is the last target of this pool in promotion order (dev → test → staging → prod); add a target to promote to.`);
  if (open) throw new UserError("already-promoted", `This change request was already promoted to ${next.name}: “${open.title}”.`);
  const revision = await db.revision.findUnique({ where: { poolId_number: { poolId: cr.poolId, number: cr.revisionNumber } } });
  const design = revision ? readStoredDocument(revision.document).document : undefined;
  if (!design) throw new UserError("document-invalid", `Revision ${cr.revisionNumber} cannot be read; submit the design to ${next.name} instead.`);
  const document = documentForTarget(next, design);
  const computed = await planForTarget(next, document, db);
  const created = await db.changeRequest.create({
    data: {
      poolId: cr.poolId,
      targetId: next.id,
      title: `${cr.title} (promoted to ${next.name})`.slice(0, 200),
      description: `Promoted from “${cr.title}”, applied to ${cr.target.name}: the same revision ${cr.revisionNumber}, with the values of ${next.name}.`,
      author: account.email,
      revisionNumber: cr.revisionNumber,
      document: JSON.stringify(document),
      plan: JSON.stringify(computed.plan),
      planUserPoolId: computed.planUserPoolId,
      planFingerprint: computed.planFingerprint,
      promotedFromId: cr.id,
    },
  });
  return { id: created.id, poolId: cr.poolId, targetName: next.name, revisionNumber: cr.revisionNumber, plan: computed.plan };
}

/** Where an applied request can be promoted to (for the page's button), or null: none next, or already promoted there. */
export async function promotionTarget(workspaceId: string, changeRequestId: string, db: Db = getDb().db): Promise<{ id: string; name: string } | null> {
  const cr = await db.changeRequest.findFirst({ where: { id: changeRequestId, pool: { workspaceId } }, select: { id: true, poolId: true, targetId: true, status: true } });
  if (!cr || cr.status !== "applied") return null;
  const { next, open } = await promotionOf(cr, db);
  return next && !open ? { id: next.id, name: next.name } : null;
}

/** The next target in promotion order after the request's, and the request already promoted there (not closed), if any. */
async function promotionOf(cr: { id: string; poolId: string; targetId: string }, db: Db) {
  const next = nextTarget(await db.target.findMany({ where: { poolId: cr.poolId }, orderBy: { createdAt: "asc" } }), cr.targetId);
  const open = next ? await db.changeRequest.findFirst({ where: { promotedFromId: cr.id, targetId: next.id, status: { notIn: ["closed"] } }, select: { id: true, title: true } }) : null;
  return { next, open };
}
