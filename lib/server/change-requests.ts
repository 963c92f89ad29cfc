import "server-only";
import { randomUUID } from "node:crypto";
import type { ApplyInput, ApproveInput, CommentInput, SubmitChangeRequestInput } from "@/lib/contracts/review-inputs";
import { ApplyRefusedError, type ApplyStep, applyPlan } from "@/lib/cognito/apply";
import { readLivePool } from "@/lib/cognito/aws";
import { applyEnvironmentValues, isDevelopmentTarget, nextTarget, readEnvironmentValues } from "@/lib/cognito/environments";
import { findPlaceholders } from "@/lib/cognito/findings";
import { type Plan, describeDestruction, destructiveEntries, planChanges, sameValue } from "@/lib/cognito/plan";
import { appliedSecretRefsOf, type PoolDocument, type SecretRef, validatePoolDocument } from "@/lib/cognito/spec";
import { acquireApplyLock, applyLockTiming, describeLockRefusal, livePoolKey, releaseApplyLock, startLockHeartbeat } from "./apply-lock";
import { type ApprovalState, approvalState, describeApprovals, ineligibleApprovers, readContentReplans } from "./approval-rules";
import { type Db, getDb } from "./db";
import { DRAFT_CONFLICT } from "@/lib/contracts/action-result";
import { UserError } from "./errors";
import { readStoredDocument, sameStoredDocument } from "./pools";
import type { ProgressEntry } from "@/lib/contracts/apply-run";
import { recordingPort } from "./recording-port";
import { refuseBlockingPolicies } from "./policy-gate";
import { readStoredPlan, writeStoredPlan } from "./stored-plan";
import { connectTarget, connectTargetPreflight, describeAwsError, targetSecretResolver } from "./target-port";
import type { Account } from "./users";
import type { TargetView } from "./targets";

export const CHANGE_REQUEST_STATUSES = ["open", "approved", "changes_requested", "applied", "failed", "closed"] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];
const FINAL: readonly string[] = ["applied", "closed"];

type TargetRow = Pick<TargetView, "id" | "name" | "region" | "endpoint" | "roleArn" | "userPoolId" | "requiredApprovals"> & {
  /** EnvironmentValues as JSON text. */
  environmentValues: string;
};

/**
 * The design as this target gets it: its per-environment values (callback and logout URLs, domain)
 * replace the design's (lib/cognito/environments). The result must still be a valid design: a value
 * that breaks a cross-field rule (a default redirect URI no longer among the callbacks…) is named here.
 * `design` is a valid design (a stored document read back without errors): when no value replaces
 * anything it is checked again for nothing.
 */
export function documentForTarget(target: Pick<TargetRow, "name" | "environmentValues">, design: PoolDocument): PoolDocument {
  const { values, problem } = readEnvironmentValues(target.environmentValues);
  if (problem) throw new UserError("environment-values-invalid", `Target ${target.name}: ${problem}; an admin can fix them on the target's page.`);
  const { document, replaced } = applyEnvironmentValues(design, values);
  if (replaced.length === 0) return document;
  const errors = validatePoolDocument(document).diagnostics.filter((d) => d.severity === "error");
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
 * target's endpoint and role), or against nothing when the target has no pool yet. A design without a Region
 * is planned in the target's.
 */
export async function planForTarget(target: TargetRow, document: PoolDocument, db: Db = getDb().db): Promise<ComputedPlan> {
  if (!target.userPoolId) return { plan: planChanges(null, document, { region: target.region }), planUserPoolId: null, planFingerprint: null };
  const port = connectTarget(target);
  let live;
  try {
    live = await readLivePool(port, target.userPoolId, { desired: document });
  } catch (error) {
    throw new UserError("aws-read-failed", `Could not read pool ${target.userPoolId} of target ${target.name}: ${describeAwsError(error)}`);
  }
  const applied = await appliedSecretRefs(target.id, db);
  const plan = planChanges(live.document, document, {
    region: target.region,
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
/**
 * Placeholder values (example domains, AWS's documentation account id) may go to a development target only: AWS
 * accepts them, so nothing else would stop a pool that mails from example.com reaching production.
 */
function refusePlaceholders(target: Pick<TargetRow, "name">, document: PoolDocument): void {
  if (isDevelopmentTarget(target.name)) return;
  const found = findPlaceholders(document);
  if (found.length === 0) return;
  const listed = found.slice(0, 3).map((d) => d.path).join(", ");
  throw new UserError(
    "placeholder-values",
    `Target ${target.name} is not a development target, and the design still has ${found.length} placeholder value${found.length === 1 ? "" : "s"} (${listed}${found.length > 3 ? ", …" : ""}). Replace them in the editor, or submit to a development target (dev, local, sandbox).`,
    "targetId",
  );
}

export function needsNameConfirmation(plan: Plan): boolean {
  return destructiveEntries(plan).length > 0;
}

/** The plan of a request, refused with what to do when it was made by another studio version or cannot be read. */
function readPlan(text: string): Plan {
  const read = readStoredPlan(text);
  if (!read.ok) throw new UserError("plan-unreadable", read.problem);
  return read.plan;
}

async function loadRequest(workspaceId: string, id: string, db: Db) {
  const cr = await db.changeRequest.findFirst({ where: { id, pool: { workspaceId } }, include: { target: true, pool: { select: { id: true, name: true, workspaceId: true } } } });
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

/** The approvals of the request's current plan version that count (lib/server/approval-rules.ts). */
function approvalsOf(cr: LoadedRequest, db: Db): Promise<ApprovalState> {
  return approvalState({ ...cr, requiredApprovals: cr.target.requiredApprovals, workspaceId: cr.pool.workspaceId ?? "" }, db);
}

/** Statuses from which a request may be approved or applied ("changes requested" waits for a new plan). */
const ACTIONABLE: string[] = ["open", "approved", "failed"];

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
    throw new UserError(DRAFT_CONFLICT, `The draft changed since you opened it (now version ${pool.draft.version} by ${pool.draft.updatedBy ?? "someone"}); reload and review it before submitting.`);
  }
  const stored = readStoredDocument(pool.draft.document);
  if (!pool.draft.valid || !stored.document) throw new UserError("draft-invalid", "The draft has errors; fix them before submitting it for review.");
  const document = stored.document;
  // Before anything is written: a refused submission leaves no revision behind.
  const forTarget = documentForTarget(target, document);
  refusePlaceholders(target, forTarget);

  const last = pool.revisions[0];
  let revisionNumber: number;
  if (last && sameStoredDocument(last.document, pool.draft.document)) {
    revisionNumber = last.number;
  } else {
    revisionNumber = (last?.number ?? 0) + 1;
    await db.revision.create({ data: { poolId: pool.id, number: revisionNumber, document: pool.draft.document, message: `Submitted for review: ${input.title}`, createdBy: account.email } });
  }

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
      plan: writeStoredPlan(computed.plan),
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
  /** The document the request holds after the refresh, when it was read (not for a final request). */
  document?: PoolDocument;
}

/**
 * The stale-plan rule (like Atlantis): the plan is recomputed when the pool has a newer revision or the
 * live pool changed (its fingerprint, or which pool the target names). A new plan version means earlier
 * approvals no longer count, and an approved request is open again.
 */
export async function refreshChangeRequest(cr: LoadedRequest, db: Db, replannedBy?: string): Promise<RefreshResult> {
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
    // A newer revision brought in by a re-plan meets the same rule as a submission.
    if (revisionNumber !== cr.revisionNumber) refusePlaceholders(cr.target, document);
    if (revisionNumber === cr.revisionNumber && !sameValue(document, current)) reasons.push(`the per-environment values of target ${cr.target.name} changed`);
  }
  // New content (a newer revision, new values), not only drift: whoever asked for this re-plan may not approve it.
  const contentReasons = [...reasons];
  const documentText = JSON.stringify(document);
  const computed = await planForTarget(cr.target, document, db);
  const stored = readStoredPlan(cr.plan);
  // A plan of another studio version (or unreadable) is replaced even when nothing else changed.
  if (!stored.ok) reasons.push(stored.reason);
  if (computed.planUserPoolId !== cr.planUserPoolId) {
    reasons.push(`the target now names pool ${computed.planUserPoolId ?? "(none)"} instead of ${cr.planUserPoolId ?? "(none)"}`);
  } else if (computed.planFingerprint !== cr.planFingerprint) {
    reasons.push(`the live pool ${cr.planUserPoolId} changed since the plan was made (drift)`);
  }
  if (reasons.length === 0) return { changed: false, reasons, planVersion: cr.planVersion, document };
  const planVersion = cr.planVersion + 1;
  const contentReplans =
    replannedBy && contentReasons.length > 0
      ? JSON.stringify([...readContentReplans(cr.contentReplans), { by: replannedBy, planVersion, reason: contentReasons.join("; ") }])
      : cr.contentReplans;
  // Conditional on the plan version read, so two refreshes at once do not both bump it.
  const updated = await db.changeRequest.updateMany({
    where: { id: cr.id, planVersion: cr.planVersion },
    data: {
      revisionNumber,
      document: documentText,
      plan: writeStoredPlan(computed.plan),
      planUserPoolId: computed.planUserPoolId,
      planFingerprint: computed.planFingerprint,
      planVersion,
      plannedAt: new Date(),
      contentReplans,
      ...(cr.status === "approved" || cr.status === "changes_requested" || cr.status === "failed" ? { status: "open" } : {}),
    },
  });
  if (updated.count === 0) throw new UserError("plan-changed", "Someone else re-planned this change request just now; reload to see the new plan.");
  return { changed: true, reasons, planVersion, document };
}

/** Re-plans on request (new revision, drift, or after a failed apply: resume). */
export async function replanChangeRequest(account: Account, changeRequestId: string, db: Db = getDb().db): Promise<RefreshResult & { title: string; poolId: string }> {
  const cr = await loadRequest(account.workspaceId, changeRequestId, db);
  if (FINAL.includes(cr.status)) throw new UserError("change-request-final", `This change request is ${cr.status}; open a new one.`);
  return { ...(await refreshChangeRequest(cr, db, account.email)), title: cr.title, poolId: cr.poolId };
}

function staleMessage(refresh: RefreshResult): string {
  return `The plan was recomputed because ${refresh.reasons.join(" and ")}; earlier approvals no longer count. Review the new plan (version ${refresh.planVersion}).`;
}

/** "You authored revision 4 in this request; another approver must approve it." or null when `email` may approve. */
async function whyCannotApprove(cr: LoadedRequest, email: string, db: Db): Promise<string | null> {
  const excluded = (await ineligibleApprovers(cr, db)).find((i) => i.email === email);
  return excluded ? `You ${excluded.reasons.join(" and ")}; another approver must approve it.` : null;
}

/**
 * Approves the current plan version. The approval and the request's status are written in one
 * transaction, conditional on the plan version and status read: a re-plan or a request for changes
 * that lands first makes the approval fail instead of leaving "approved" over a plan nobody approved.
 */
export async function approveChangeRequest(account: Account, input: ApproveInput, db: Db = getDb().db): Promise<{ status: ChangeRequestStatus; approvals: number; required: number; poolId: string }> {
  const cr = await loadRequest(account.workspaceId, input.changeRequestId, db);
  if (FINAL.includes(cr.status)) throw new UserError("change-request-final", `This change request is ${cr.status}; it cannot be approved.`);
  if (cr.planVersion !== input.planVersion) throw new UserError("plan-changed", `The plan changed since you opened the page (now version ${cr.planVersion}); review it again.`);
  const refresh = await refreshChangeRequest(cr, db);
  if (refresh.changed) throw new UserError("stale-plan", staleMessage(refresh), undefined, { keepsChanges: true });
  const why = await whyCannotApprove(cr, account.email, db);
  if (why) throw new UserError("cannot-approve", why);
  if (cr.status === "changes_requested") throw new UserError("changes-requested", "An approver requested changes on this plan; it can be approved once a new revision (or a re-plan) makes a new plan.");
  const plan = readPlan(cr.plan);
  if (plan.errors.length > 0) throw new UserError("plan-has-errors", "The plan has errors; it cannot be approved.");
  const state = await db.$transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    await tx.approval.upsert({
      where: { changeRequestId_approver_planVersion: { changeRequestId: cr.id, approver: account.email, planVersion: cr.planVersion } },
      create: { changeRequestId: cr.id, approver: account.email, planVersion: cr.planVersion },
      update: {},
    });
    const counted = await approvalsOf(cr, txDb);
    const status = counted.valid.length >= counted.required ? "approved" : cr.status === "approved" ? "open" : cr.status;
    const written = await tx.changeRequest.updateMany({ where: { id: cr.id, planVersion: cr.planVersion, status: { in: ACTIONABLE } }, data: { status } });
    if (written.count === 0) {
      const now = await tx.changeRequest.findUnique({ where: { id: cr.id }, select: { status: true, planVersion: true } });
      throw new UserError("plan-changed", `This change request changed while you were approving it (now ${(now?.status ?? "deleted").replace("_", " ")}, plan version ${now?.planVersion ?? "?"}); reload and review it again.`);
    }
    return { counted, status: status as ChangeRequestStatus };
  });
  return { status: state.status, approvals: state.counted.valid.length, required: state.counted.required, poolId: cr.poolId };
}

export async function requestChanges(account: Account, input: { changeRequestId: string; body: string }, db: Db = getDb().db): Promise<{ poolId: string }> {
  const cr = await loadRequest(account.workspaceId, input.changeRequestId, db);
  if (FINAL.includes(cr.status)) throw new UserError("change-request-final", `This change request is ${cr.status}.`);
  // Conditional on the request not being final: a request applied meanwhile keeps "applied".
  await db.$transaction(async (tx) => {
    const written = await tx.changeRequest.updateMany({ where: { id: cr.id, status: { notIn: [...FINAL] } }, data: { status: "changes_requested" } });
    if (written.count === 0) throw new UserError("change-request-final", "This change request was applied or closed meanwhile; comment instead.");
    await tx.comment.create({ data: { changeRequestId: cr.id, author: account.email, body: input.body } });
  });
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

/** A request that passed every check before the lock: its plan, the document it was made from, and whether the name was typed. */
interface ApplicableRequest {
  cr: LoadedRequest;
  plan: Plan;
  document: PoolDocument;
  allowReplace: boolean;
}

/** The checks made before the lock: not final, the plan the person saw and still fresh, no errors, approved, the name typed. */
async function checkApplicable(account: Account, input: ApplyInput, db: Db): Promise<ApplicableRequest> {
  const cr = await loadRequest(account.workspaceId, input.changeRequestId, db);
  if (FINAL.includes(cr.status)) throw new UserError("change-request-final", `This change request is ${cr.status}; it cannot be applied.`);
  if (cr.planVersion !== input.planVersion) throw new UserError("plan-changed", `The plan changed since you opened the page (now version ${cr.planVersion}); review it again.`);
  const refresh = await refreshChangeRequest(cr, db);
  if (refresh.changed) throw new UserError("stale-plan", staleMessage(refresh));
  const plan = readPlan(cr.plan);
  // Read (and checked) by the refresh just now: the document the plan was made from.
  const document = refresh.document ?? documentOf(cr.document);
  if (plan.errors.length > 0) throw new UserError("plan-has-errors", "The plan has errors; it cannot be applied.");
  if (cr.status === "changes_requested") throw new UserError("changes-requested", CHANGES_REQUESTED);
  const approvals = await approvalsOf(cr, db);
  if (approvals.valid.length < approvals.required) throw new UserError("approvals-missing", approvalsMissing(cr, approvals));
  await refuseBlockingPolicies(cr, document, db);
  const allowReplace = needsNameConfirmation(plan);
  if (allowReplace && input.confirmName !== document.metadata.name) {
    throw new UserError("confirm-name", `This plan ${describeDestruction(plan)}; type the pool's name (${document.metadata.name}) to apply it.`, "confirmName");
  }
  return { cr, plan, document, allowReplace };
}

/**
 * Saves each finished AWS write and each finished step on the run as it happens: the page streams them
 * (app/api/.../apply-runs/stream), and a run whose server stopped keeps what it had done. A pool the apply
 * creates is written on the target at once, so a server that dies mid-apply leaves the next plan made
 * against that pool instead of creating a second one.
 */
function recordRunProgress(db: Db, runId: string, targetId: string) {
  const progress: ProgressEntry[] = [];
  const finished: ApplyStep[] = [];
  let saving: Promise<unknown> = Promise.resolve();
  const save = () => {
    const data = { progress: JSON.stringify(progress), steps: JSON.stringify(finished) };
    saving = saving.then(() => db.applyRun.update({ where: { id: runId }, data })).catch((cause: unknown) => console.error("apply: saving progress failed", cause));
  };
  return {
    progress,
    onWrite: (entry: ProgressEntry) => {
      progress.push(entry);
      save();
    },
    onPoolCreated: (createdPoolId: string) => {
      saving = saving
        .then(() => db.target.update({ where: { id: targetId }, data: { userPoolId: createdPoolId } }))
        .catch((cause: unknown) => console.error("apply: recording the new pool on the target failed", cause));
    },
    onStepFinished: (step: ApplyStep) => {
      finished.push(step);
      save();
    },
    /** Waits for the saves under way, before the run's final row is written. */
    settled: () => saving,
  };
}

/** What one apply did: its steps, the pool it created or used, new client secrets, and why it failed if it did. */
interface RunResult {
  steps: ApplyStep[];
  error?: string;
  userPoolId?: string;
  secrets?: Record<string, string>;
}

/** Runs the plan through the recording port; preflight (ACM, SES, IAM, Lambda, KMS) runs inside applyPlan before its first write. */
async function runPlan(request: ApplicableRequest, recorder: ReturnType<typeof recordRunProgress>): Promise<RunResult> {
  const { cr, plan, document, allowReplace } = request;
  const port = recordingPort(connectTarget(cr.target), recorder.onWrite, recorder.onPoolCreated);
  // Only the apply's own failures are the run's outcome: a target that cannot be connected to throws.
  try {
    const result = await applyPlan(plan, port, {
      desired: document,
      allowReplace,
      onStepFinished: recorder.onStepFinished,
      resolveSecret: targetSecretResolver(cr.target),
      preflight: { port: connectTargetPreflight(cr.target) },
      ...(cr.planUserPoolId ? { userPoolId: cr.planUserPoolId } : {}),
    });
    const failed = result.ok ? undefined : result.steps.find((s) => s.outcome === "failed");
    const error = result.ok ? undefined : failed?.error ? `${failed.resource}: ${failed.error.code}: ${failed.error.message}` : "a step failed";
    return { steps: result.steps, userPoolId: result.userPoolId, secrets: result.newClientSecrets, ...(error ? { error } : {}) };
  } catch (cause) {
    return { steps: [], error: cause instanceof ApplyRefusedError ? `refused (${cause.code}): ${cause.message}` : describeAwsError(cause) };
  }
}

/** Writes the run's outcome, links the target to the pool it now names, and marks the request applied or failed. */
async function recordRunOutcome(db: Db, cr: LoadedRequest, runId: string, progress: ProgressEntry[], run: RunResult): Promise<"succeeded" | "failed"> {
  const status = run.error ? "failed" : "succeeded";
  await db.applyRun.update({
    where: { id: runId },
    data: { status, progress: JSON.stringify(progress), steps: JSON.stringify(run.steps), error: run.error ?? null, userPoolId: run.userPoolId ?? null, finishedAt: new Date() },
  });
  if (run.userPoolId && run.userPoolId !== cr.target.userPoolId) await db.target.update({ where: { id: cr.targetId }, data: { userPoolId: run.userPoolId } });
  await db.changeRequest.update({ where: { id: cr.id }, data: { status: status === "succeeded" ? "applied" : "failed" } });
  return status;
}

/**
 * Holds the target's lock and the live pool's lock while `work` runs, extended by a heartbeat however long
 * one AWS call takes, and released when it ends, failed or not.
 */
async function withApplyLocks<T>(account: Account, cr: LoadedRequest, runId: string, db: Db, work: () => Promise<T>): Promise<T> {
  const timing = applyLockTiming();
  const held = { targetId: cr.targetId, poolKey: livePoolKey(cr.target, cr.planUserPoolId), runId };
  const lock = await acquireApplyLock({ ...held, holder: account.email, ttlMs: timing.ttlMs, workspaceId: cr.pool.workspaceId, poolId: cr.poolId }, db);
  if (!lock.ok) throw new UserError("apply-locked", describeLockRefusal(lock, cr.target, cr.planUserPoolId));
  const stopHeartbeat = startLockHeartbeat(held, timing, db);
  try {
    return await work();
  } finally {
    await stopHeartbeat();
    await releaseApplyLock(held, db);
  }
}

/**
 * Applies an approved, fresh plan to its target: one apply per target at a time (a lock row in the
 * database), every outcome recorded as an ApplyRun, the target linked to the pool an apply created.
 * A failed apply leaves the request `failed` and resumable: re-plan, approve if needed, apply again.
 */
export async function applyChangeRequest(account: Account, input: ApplyInput, db: Db = getDb().db): Promise<ApplyOutcome> {
  const request = await checkApplicable(account, input, db);
  const { cr } = request;
  const runId = randomUUID();
  return withApplyLocks(account, cr, runId, db, async () => {
    await recheckUnderLock(cr, db);
    await db.applyRun.create({ data: { id: runId, changeRequestId: cr.id, targetId: cr.targetId, appliedBy: account.email, planVersion: cr.planVersion } });
    const recorder = recordRunProgress(db, runId, cr.targetId);
    const run = await runPlan(request, recorder);
    await recorder.settled();
    const status = await recordRunOutcome(db, cr, runId, recorder.progress, run);
    return {
      runId,
      status,
      steps: run.steps,
      ...(run.error ? { error: run.error } : {}),
      ...(run.userPoolId ? { userPoolId: run.userPoolId } : {}),
      ...(run.secrets && Object.keys(run.secrets).length > 0 ? { newClientSecrets: run.secrets } : {}),
      poolId: cr.poolId,
      targetName: cr.target.name,
    };
  });
}

const CHANGES_REQUESTED = "An approver requested changes; save a new revision (or re-plan) before applying.";

function approvalsMissing(cr: LoadedRequest, approvals: ApprovalState): string {
  const notCounted = approvals.notCounted.map((n) => `${n.approver} (${n.why})`);
  return `Target ${cr.target.name} needs ${approvals.required} approval(s) of this plan by someone who did not write it; it has ${approvals.valid.length}${
    notCounted.length > 0 ? `; not counted: ${notCounted.join(", ")}` : ""
  }. ${describeApprovals(approvals)}`;
}

/**
 * Checked again once the locks are held, from the database as it is now: an apply that finished just
 * before must not be repeated, and a request for changes, a re-plan or a withdrawn approval that landed
 * between the first checks and the lock must stop this apply.
 */
async function recheckUnderLock(cr: LoadedRequest, db: Db): Promise<void> {
  const now = await db.changeRequest.findUniqueOrThrow({ where: { id: cr.id }, include: { target: true, pool: { select: { id: true, name: true, workspaceId: true } } } });
  if (FINAL.includes(now.status) || now.planVersion !== cr.planVersion || now.target.userPoolId !== cr.planUserPoolId) {
    throw new UserError("plan-changed", `This change request changed while you were applying it (now ${now.status}, plan version ${now.planVersion}); reload.`);
  }
  if (!ACTIONABLE.includes(now.status)) throw new UserError("changes-requested", CHANGES_REQUESTED);
  const approvals = await approvalsOf(now, db);
  if (approvals.valid.length < approvals.required) throw new UserError("approvals-missing", approvalsMissing(now, approvals));
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
  refusePlaceholders(next, document);
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
      plan: writeStoredPlan(computed.plan),
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
