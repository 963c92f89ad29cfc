import "server-only";
import { planChanges, type Plan } from "@/lib/cognito/plan";
import type { PoolDocument } from "@/lib/cognito/spec";
import type { PlanReview } from "@/lib/cognito/terraform-plan/review-plan";
import { withPolicies } from "@/lib/cognito/terraform-plan/risks";
import { evaluatePolicies } from "@/lib/cognito/policies";
import { workspacePolicySet } from "./policies";
import { renderReviewMarkdown, renderReviewText } from "@/lib/cognito/terraform-plan/render-review";
import type { ReviewTerraformPlanInput } from "@/lib/contracts/terraform-review-inputs";
import { type Db, getDb } from "./db";
import { UserError } from "./errors";
import { ParseLimitError, parseInWorker } from "./parse-worker";
import { readStoredDocument } from "./pools";
import { connectTarget, describeAwsError } from "./target-port";

/**
 * The studio's review of an uploaded Terraform plan: the plan is read in the parse worker (its time and memory
 * limits, lib/server/parse-worker.ts), then each reviewed pool is matched with a design of the workspace (by the
 * live pool id a target or the design records, else by name) and compared with it: what the studio would
 * still change in the pool Terraform leaves to reach the design.
 */

export interface DesignMatch {
  /** The reviewed pool's Terraform address. */
  address: string;
  poolId: string;
  poolName: string;
  matchedBy: "pool-id" | "name" | "chosen";
  /** From the pool Terraform leaves (after apply) to the design; absent when the design is not valid. */
  differences?: Plan;
  /** Which design was compared: the last revision, or the draft when there is none. */
  designSource: "revision" | "draft";
}

export interface TerraformReviewView {
  review: PlanReview;
  matches: DesignMatch[];
  text: string;
  markdown: string;
}

export type ReviewPlanOptions = { userCounts?: Record<string, number>; notReadReason?: string };
export type ReviewPlanFn = (text: string, options: ReviewPlanOptions) => Promise<PlanReview>;

function reviewInWorker(text: string, options: ReviewPlanOptions): Promise<PlanReview> {
  return parseInWorker({ kind: "review-terraform-plan", text, options });
}

/** The studio reads a pool's users only through a target of the workspace that names the pool. */
const NO_TARGET = "no target of this workspace has this pool id: the studio reads users through a target";

/**
 * `EstimatedNumberOfUsers` of each pool the plan deletes, read through the workspace's target that names it
 * (its Region, endpoint and role); a pool no target names, or a read that fails, stays "not read".
 */
async function readUserCounts(review: PlanReview, workspaceId: string, db: Db): Promise<{ counts: Record<string, number>; failures: Record<string, string> }> {
  const ids = review.pools.filter((p) => p.deletesUsers && p.userPoolId).map((p) => p.userPoolId as string);
  const counts: Record<string, number> = {};
  const failures: Record<string, string> = {};
  if (ids.length === 0) return { counts, failures };
  const targets = await db.target.findMany({ where: { userPoolId: { in: ids }, pool: { workspaceId } }, select: { userPoolId: true, region: true, endpoint: true, roleArn: true } });
  for (const id of ids) {
    const target = targets.find((t) => t.userPoolId === id);
    if (!target) continue;
    try {
      counts[id] = (await connectTarget(target).describeUserPool(id)).EstimatedNumberOfUsers ?? 0;
    } catch (cause) {
      failures[id] = `reading it through its target failed: ${describeAwsError(cause)}`;
    }
  }
  return { counts, failures };
}

/**
 * The workspace's guardrail policies on each pool as it will be after apply (a blocking one is a risk), checked
 * for the target whose live pool id the plan changes (its name and Region, as the apply gate checks them): a
 * policy for production applies to the pool a "prod" target holds. A pool no target holds (a new one) is checked
 * without a target, as `review-plan --policy` is without `--target`.
 */
async function withWorkspacePolicies(review: PlanReview, workspaceId: string, db: Db): Promise<PlanReview> {
  const { compiled, uncompiled } = await workspacePolicySet(workspaceId, db);
  if (compiled.length + uncompiled.length === 0) return review;
  const ids = review.pools.flatMap((p) => (p.userPoolId ? [p.userPoolId] : []));
  const targets = ids.length > 0 ? await db.target.findMany({ where: { userPoolId: { in: ids }, pool: { workspaceId } }, select: { userPoolId: true, name: true, region: true }, orderBy: { name: "asc" } }) : [];
  return withPolicies(review, (after, pool) => {
    const target = targets.find((t) => t.userPoolId === pool.userPoolId);
    const violations = [...uncompiled, ...evaluatePolicies(compiled, after, target ? { name: target.name, region: target.region } : undefined)];
    return violations.map((v) => ({ policyId: v.policyId, path: v.path, message: v.message, blocking: v.blocking }));
  });
}

interface Candidate {
  id: string;
  name: string;
  awsUserPoolId: string | null;
  targets: { userPoolId: string | null }[];
  draft: { document: string } | null;
  revisions: { document: string }[];
}

function designOf(candidate: Candidate): { document?: PoolDocument; source: "revision" | "draft" } {
  const revision = candidate.revisions[0];
  if (revision) return { document: readStoredDocument(revision.document).document, source: "revision" };
  return { document: candidate.draft ? readStoredDocument(candidate.draft.document).document : undefined, source: "draft" };
}

function matchOf(pool: PlanReview["pools"][number], candidates: Candidate[], chosen: Candidate | undefined): { candidate: Candidate; by: DesignMatch["matchedBy"] } | undefined {
  const id = pool.userPoolId;
  const byId = id ? candidates.find((c) => c.awsUserPoolId === id || c.targets.some((t) => t.userPoolId === id)) : undefined;
  if (byId) return { candidate: byId, by: "pool-id" };
  if (chosen) return { candidate: chosen, by: "chosen" };
  const byName = candidates.filter((c) => c.name === pool.poolName || designOf(c).document?.metadata.name === pool.poolName);
  return byName.length === 1 && byName[0] ? { candidate: byName[0], by: "name" } : undefined;
}

/**
 * The settings that differ, nothing else: a difference that would force a replacement does not make every
 * resource of the pool "differ" (the replacement cascade, and the defaults a new pool would get, are an apply's
 * concern, not a comparison's). What stays is each resource's own changed settings, shown as updates.
 */
function settingDifferences(plan: Plan): Plan {
  const entries = plan.entries
    .map((e) => ({ ...e, reasons: [], changes: e.changes.filter((c) => !c.resetsToDefault).map(({ forcesReplacement: _f, ...c }) => c) }))
    .map((e) => (e.action === "replace" ? { ...e, action: e.changes.length ? ("update" as const) : ("noop" as const) } : e));
  return { ...plan, entries, hasChanges: entries.some((e) => e.action !== "noop") };
}

export async function reviewUploadedPlan(workspaceId: string, input: ReviewTerraformPlanInput, deps: { db?: Db; reviewPlan?: ReviewPlanFn } = {}): Promise<TerraformReviewView> {
  const db = deps.db ?? getDb().db;
  const reviewPlan = deps.reviewPlan ?? reviewInWorker;
  const run = async (options: ReviewPlanOptions) => {
    try {
      return await reviewPlan(input.planJson, options);
    } catch (cause) {
      if (cause instanceof ParseLimitError) throw new UserError(cause.code, cause.message, "planJson");
      throw cause;
    }
  };
  let review = await run({ notReadReason: NO_TARGET });
  const fatal = review.diagnostics.find((d) => d.severity === "error");
  if (fatal) throw new UserError("not-a-plan", `${input.fileName || "The text"} cannot be reviewed: ${fatal.message}.`, "planJson");
  // The users a replacement deletes, read live where a target names the pool: the review is read again with them.
  const { counts, failures } = await readUserCounts(review, workspaceId, db);
  if (Object.keys(counts).length > 0) review = await run({ userCounts: counts, notReadReason: NO_TARGET });
  review = await withWorkspacePolicies(review, workspaceId, db);
  for (const pool of review.pools) {
    const failure = pool.userPoolId ? failures[pool.userPoolId] : undefined;
    if (failure && pool.users.live === undefined) pool.users = { ...pool.users, notRead: failure };
  }
  const candidates: Candidate[] = await db.pool.findMany({
    where: { workspaceId },
    select: { id: true, name: true, awsUserPoolId: true, targets: { select: { userPoolId: true } }, draft: { select: { document: true } }, revisions: { select: { document: true }, orderBy: { number: "desc" }, take: 1 } },
  });
  const chosen = input.poolId ? candidates.find((c) => c.id === input.poolId) : undefined;
  if (input.poolId && !chosen) throw new UserError("not-found", "That pool is not in this workspace; open the review from one of its pools.", "poolId");
  const matches: DesignMatch[] = [];
  for (const pool of review.pools) {
    const match = matchOf(pool, candidates, review.pools.length === 1 ? chosen : undefined);
    if (!match) continue;
    const design = designOf(match.candidate);
    const differences = design.document && pool.after ? settingDifferences(planChanges(pool.after, design.document, { allowReplace: true })) : undefined;
    matches.push({ address: pool.address, poolId: match.candidate.id, poolName: match.candidate.name, matchedBy: match.by, designSource: design.source, ...(differences ? { differences } : {}) });
  }
  return { review, matches, text: renderReviewText(review), markdown: renderReviewMarkdown(review) };
}
