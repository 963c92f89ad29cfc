"use server";
// Server actions of team review only (ARCHITECTURE.md, "Server actions"): the logic lives in lib/server.
import { defineAction } from "@/lib/server/action";
import { policySummaryOf } from "@/lib/server/policy-gate";
import {
  addComment,
  applyChangeRequest,
  approveChangeRequest,
  closeChangeRequest,
  promoteChangeRequest,
  replanChangeRequest,
  requestChanges,
  submitChangeRequest,
} from "@/lib/server/change-requests";
import { pullLiveIntoDraft, recordDriftCheck } from "@/lib/server/drift";
import { preflightChangeRequest } from "@/lib/server/preflight";
import { createTarget, describeEnvironmentValues, describeTarget, updateEnvironmentSettings, updateEnvironmentValues, updateTarget } from "@/lib/server/targets";
import {
  applySchema,
  approveSchema,
  changeRequestRefSchema,
  checkDriftSchema,
  commentSchema,
  createTargetSchema,
  environmentSettingsFormSchema,
  environmentValuesFormSchema,
  promoteSchema,
  pullLiveSchema,
  requestChangesSchema,
  submitChangeRequestSchema,
  updateTargetSchema,
} from "@/lib/contracts/review-inputs";

export const createTargetAction = defineAction({ schema: createTargetSchema, role: "admin", audit: "target.create" }, async (input, { account, audit }) => {
  const target = await createTarget(account.workspaceId, input);
  audit({ target: target.id, poolId: target.poolId, after: describeTarget(target) });
  return { id: target.id };
});

export const updateTargetAction = defineAction({ schema: updateTargetSchema, role: "admin", audit: "target.update" }, async (input, { account, audit }) => {
  const { before, after } = await updateTarget(account.workspaceId, input);
  audit({ target: after.id, poolId: after.poolId, before: describeTarget(before), after: describeTarget(after) });
  return { id: after.id };
});

export const submitChangeRequestAction = defineAction({ schema: submitChangeRequestSchema, role: "editor", audit: "change-request.submit" }, async (input, { account, audit }) => {
  const cr = await submitChangeRequest(account, input);
  const policies = await policySummaryOf(account.workspaceId, cr.id);
  audit({
    target: cr.id,
    poolId: input.poolId,
    after: `"${input.title}" (revision ${cr.revisionNumber}): ${cr.plan.summary.add} to add, ${cr.plan.summary.change} to change, ${cr.plan.summary.replace} to replace, ${cr.plan.summary.destroy} to destroy`,
    details: { policies },
  });
  return { id: cr.id };
});

export const commentAction = defineAction({ schema: commentSchema, role: "editor", audit: "change-request.comment" }, async (input, { account, audit }) => {
  const comment = await addComment(account, input);
  audit({ target: input.changeRequestId, poolId: comment.poolId, after: input.body.slice(0, 200), details: input.path ? { path: input.path } : {} });
  return { id: comment.id };
});

export const approveAction = defineAction({ schema: approveSchema, role: "approver", audit: "change-request.approve" }, async (input, { account, audit }) => {
  const result = await approveChangeRequest(account, input);
  // An approval of a plan a blocking policy stops is allowed (the apply is what is refused); the event says so.
  const policies = await policySummaryOf(account.workspaceId, input.changeRequestId);
  audit({ target: input.changeRequestId, poolId: result.poolId, after: `approved plan version ${input.planVersion} (${result.approvals}/${result.required}); ${result.status}`, details: { policies } });
  return { status: result.status, approvals: result.approvals, required: result.required };
});

export const requestChangesAction = defineAction({ schema: requestChangesSchema, role: "approver", audit: "change-request.request-changes" }, async (input, { account, audit }) => {
  const { poolId } = await requestChanges(account, input);
  audit({ target: input.changeRequestId, poolId, after: input.body.slice(0, 200) });
  return { status: "changes_requested" as const };
});

export const replanAction = defineAction({ schema: changeRequestRefSchema, role: "editor", audit: "change-request.replan" }, async (input, { account, audit }) => {
  const result = await replanChangeRequest(account, input.changeRequestId);
  audit({ target: input.changeRequestId, poolId: result.poolId, after: result.changed ? `plan version ${result.planVersion}: ${result.reasons.join("; ")}` : "plan unchanged" });
  return { changed: result.changed, reasons: result.reasons, planVersion: result.planVersion };
});

export const closeChangeRequestAction = defineAction({ schema: changeRequestRefSchema, role: "editor", audit: "change-request.close" }, async (input, { account, audit }) => {
  const { poolId, title } = await closeChangeRequest(account, input.changeRequestId);
  audit({ target: input.changeRequestId, poolId, after: `closed "${title}"` });
  return { status: "closed" as const };
});

export const applyAction = defineAction({ schema: applySchema, role: "approver", audit: "change-request.apply", external: true }, async (input, { account, audit }) => {
  const outcome = await applyChangeRequest(account, input);
  // Steps and errors only: the new client secrets are returned to the applier and never audited.
  audit({
    target: input.changeRequestId,
    poolId: outcome.poolId,
    after: `${outcome.status} on ${outcome.targetName}${outcome.userPoolId ? ` (${outcome.userPoolId})` : ""}${outcome.error ? `: ${outcome.error}` : ""}`,
    details: { runId: outcome.runId, steps: outcome.steps.map((s) => `${s.outcome} ${s.action} ${s.resource}${s.error ? ` ${s.error.code}` : ""}`) },
  });
  return outcome;
});

export const pullLiveIntoDraftAction = defineAction({ schema: pullLiveSchema, role: "editor", audit: "draft.pull-live", external: true }, async (input, { account, audit }) => {
  const saved = await pullLiveIntoDraft(account, input);
  audit({ target: input.targetId, poolId: saved.poolId, before: `version ${input.draftVersion}`, after: `version ${saved.version} from live pool ${saved.userPoolId}${saved.valid ? "" : " (invalid)"}` });
  return { version: saved.version, valid: saved.valid };
});

/**
 * Reads the target's live pool and records what differs from what was applied there, with its audit event in
 * the same transaction (the AWS read comes first, outside it). Editors run it: it writes the status everyone sees.
 */
export const checkDriftAction = defineAction({ schema: checkDriftSchema, role: "editor", audit: "target.drift-check", external: true, handlerAudits: true }, async (input, { account }) => {
  const check = await recordDriftCheck(account, input.targetId);
  return { id: check.id, differences: check.differences };
});

export const updateEnvironmentValuesAction = defineAction({ schema: environmentValuesFormSchema, role: "editor", audit: "target.environment-values" }, async (input, { account, audit }) => {
  const { before, after } = await updateEnvironmentValues(account.workspaceId, input);
  audit({ target: after.id, poolId: after.poolId, before: describeEnvironmentValues(before.environmentValues), after: describeEnvironmentValues(after.environmentValues) });
  return { id: after.id };
});

/** The target page's settings table (editors): triggers, SES, SMS, KMS, identity providers, resource servers, groups, tags. */
export const updateEnvironmentSettingsAction = defineAction({ schema: environmentSettingsFormSchema, role: "editor", audit: "target.environment-values" }, async (input, { account, audit }) => {
  const { before, after } = await updateEnvironmentSettings(account.workspaceId, input);
  audit({ target: after.id, poolId: after.poolId, before: describeEnvironmentValues(before.environmentValues), after: describeEnvironmentValues(after.environmentValues) });
  return { id: after.id, seen: after.updatedAt.toISOString() };
});

export const promoteAction = defineAction({ schema: promoteSchema, role: "editor", audit: "change-request.promote" }, async (input, { account, audit }) => {
  const promoted = await promoteChangeRequest(account, input.changeRequestId);
  audit({
    target: promoted.id,
    poolId: promoted.poolId,
    before: `change request ${input.changeRequestId}`,
    after: `revision ${promoted.revisionNumber} to ${promoted.targetName}: ${promoted.plan.summary.add} to add, ${promoted.plan.summary.change} to change, ${promoted.plan.summary.replace} to replace, ${promoted.plan.summary.destroy} to destroy`,
  });
  return { id: promoted.id, targetName: promoted.targetName };
});

/** Read-only: checks the AWS services the change request's pool depends on; nothing to audit. */
export const preflightAction = defineAction({ schema: changeRequestRefSchema, role: "viewer", audit: false }, async (input, { account }) => {
  return preflightChangeRequest(account, input.changeRequestId);
});
