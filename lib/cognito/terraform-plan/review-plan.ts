/**
 * Reviews a Terraform plan for what it does to Cognito: each pool's before and after sides (read with the
 * studio's Terraform importer) go through the studio's plan engine (`planChanges`: replacements with the rule
 * that forces them, blast radius, security flags), the resulting design through the findings, and what
 * Terraform itself says (its actions, `replace_paths`, values known only after apply, sensitive values that
 * change) is kept beside it. The users a replacement deletes are read live when the caller can
 * (`readUserCount`), else the review says they were not read. Never throws.
 */
import { type Finding, findPoolFindings } from "../findings";
import { type Plan, planChanges } from "../plan";
import { type Diagnostic, error } from "../spec/diagnostics";
import type { PoolDocument } from "../spec/document-schema";
import { TF_TYPES } from "../formats/terraform/naming";
import { CHANGED_SECRET_REF, SECRET_REF, type PlanPoolGroup, groupByPool, readPoolSides } from "./plan-pools";
import { type TerraformAction, type TerraformPlanJson, readTerraformPlanJson } from "./read-plan-json";
import { type Risk, policyRisks } from "./risks";
import { groupDigits } from "../spec/group-digits";

/** What Terraform itself says about one resource. */
export interface TerraformResourceNote {
  address: string;
  type: string;
  action: TerraformAction;
  actionReason?: string;
  /** Attributes Terraform says force the replacement. */
  replacePaths: string[];
  /** Arguments whose value is known only after apply. */
  unknown: string[];
  /** Sensitive arguments whose value changes (never shown). */
  sensitiveChanges: string[];
}

/** How many users a pool has: read live, else recorded in the plan's prior state, else not read. */
export interface UserCount {
  live?: number;
  /** `estimated_number_of_users` as the plan's refresh recorded it. */
  inState?: number;
  /** Why the live count was not read. */
  notRead?: string;
}

/** A policy the pool after apply does not satisfy: a blocking one fails the review (risk `policy`). */
export interface PolicyResult {
  policyId: string;
  path: string;
  message: string;
  blocking: boolean;
}

export interface PoolReview {
  /** The pool's Terraform address (or the unmanaged pool's id). */
  address: string;
  poolName: string;
  userPoolId?: string;
  region?: string;
  resources: TerraformResourceNote[];
  /** The studio's plan from the before side to the after side; absent when Terraform destroys the pool. */
  plan?: Plan;
  /** Terraform destroys the pool (and creates none). */
  poolDestroyed: boolean;
  /** Terraform deletes the pool: destroyed or replaced. */
  deletesUsers: boolean;
  users: UserCount;
  /** Findings on the pool as it will be after apply. */
  findings: Finding[];
  /** Guardrail policies the pool after apply breaks (when policies were given). */
  policies: PolicyResult[];
  /** Where Terraform and the studio's replacement table disagree. */
  disagreements: string[];
  diagnostics: Diagnostic[];
  /** The pool as it will be after apply, as a document (for the studio's comparison with a design). */
  after?: PoolDocument;
}

export { type Risk, type RiskKind, RISK_KINDS, DEFAULT_FAIL_ON, blockingRisks, withPolicies } from "./risks";

export interface PlanReview {
  terraformVersion?: string;
  pools: PoolReview[];
  /** `aws_cognito_*` resources the pool model does not hold (users, identity pools, …), with Terraform's action. */
  outside: { address: string; type: string; action: TerraformAction }[];
  /** No resource changes at all (a refresh-only plan, or nothing to do). */
  refreshOnly: boolean;
  otherChanges: number;
  drift: { address: string; action: TerraformAction }[];
  risks: Risk[];
  /** Errors make the review unusable (not a plan). */
  diagnostics: Diagnostic[];
}

export interface ReviewOptions {
  /** The Region when the plan does not say (the provider's constant `region`, else the pool id's prefix). */
  region?: string;
  /** Reads `EstimatedNumberOfUsers` of a pool; throws (with a reason) when it cannot. */
  readUserCount?: (userPoolId: string, region: string) => Promise<number>;
  /** Counts the caller read live beforehand, by pool id (the studio reads them through a target). */
  userCounts?: Readonly<Record<string, number>>;
  /** Why a count was not read when neither of the above gives it (default: no AWS access was given). */
  notReadReason?: string;
  /** The workspace's guardrail policies (lib/cognito/policies), evaluated on the pool as it will be after apply. */
  evaluatePolicies?: (after: PoolDocument) => PolicyResult[];
}

const CHANGING: readonly TerraformAction[] = ["create", "update", "delete", "replace"];

function regionOfPoolId(id: string | undefined): string | undefined {
  const prefix = id?.split("_")[0];
  return prefix && /^[a-z]{2}(-[a-z]+)+-\d$/u.test(prefix) ? prefix : undefined;
}

async function countUsers(group: PlanPoolGroup, region: string | undefined, options: ReviewOptions): Promise<UserCount> {
  const inStateRaw = group.pool?.change.before?.estimated_number_of_users;
  const inState = typeof inStateRaw === "number" ? { inState: inStateRaw } : {};
  if (!group.userPoolId) return { ...inState, notRead: "the pool does not exist yet" };
  const known = options.userCounts?.[group.userPoolId];
  if (known !== undefined) return { ...inState, live: known };
  if (!options.readUserCount) return { ...inState, notRead: options.notReadReason ?? "no AWS access was given" };
  if (!region) return { ...inState, notRead: "the Region is not known (give --region)" };
  try {
    return { ...inState, live: await options.readUserCount(group.userPoolId, region) };
  } catch (cause) {
    return { ...inState, notRead: cause instanceof Error ? cause.message : String(cause) };
  }
}

function notesOf(group: PlanPoolGroup): TerraformResourceNote[] {
  return [...(group.pool ? [group.pool] : []), ...group.children].map((r) => ({
    address: r.change.address,
    type: r.change.type,
    action: r.change.action,
    ...(r.change.actionReason ? { actionReason: r.change.actionReason } : {}),
    replacePaths: r.change.replacePaths,
    unknown: r.unknown,
    sensitiveChanges: r.sensitiveChanges,
  }));
}

function clientIdsOf(group: PlanPoolGroup): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const c of group.children)
    if (c.change.type === TF_TYPES.client && typeof c.change.before?.id === "string" && typeof c.change.before.name === "string") ids[c.change.before.name] = c.change.before.id;
  return ids;
}

/** Terraform replaces or destroys what the studio's table would not (or the other way round). */
function disagreementsOf(group: PlanPoolGroup, plan: Plan | undefined): string[] {
  if (!plan) return [];
  const out: string[] = [];
  const poolAction = group.pool?.change.action;
  if (poolAction === "replace" && !plan.blastRadius.poolReplaced)
    out.push(`Terraform replaces ${group.address} (${group.pool?.change.replacePaths.join(", ") || "no attribute named"}) where the studio's replacement table finds no change that forces it; the users are deleted all the same`);
  if (poolAction !== "replace" && poolAction !== "create" && plan.blastRadius.poolReplaced)
    out.push(`the studio's replacement table replaces the pool where Terraform updates it in place (${plan.entries.find((e) => e.type === "userPool")?.reasons.map((r) => r.path).join(", ")}); check the provider's behaviour before applying`);
  return out;
}

const PLACEHOLDERS = new Set([SECRET_REF, CHANGED_SECRET_REF]);
const isPlaceholder = (v: unknown) => v !== null && typeof v === "object" && PLACEHOLDERS.has((v as { name?: string }).name ?? "");

function withoutSecretRef<T>(value: T): T {
  const { secretRef: _placeholder, ...rest } = value as T & { secretRef?: unknown };
  return rest as T;
}

/** The placeholder secret references of the sides (see SECRET_REF) read as what they stand for. */
function describeSecretChanges(plan: Plan): Plan {
  const SENSITIVE = "(sensitive value)";
  return {
    ...plan,
    entries: plan.entries.map((e) => ({
      ...e,
      ...(e.value && isPlaceholder((e.value as { secretRef?: unknown }).secretRef) ? { value: withoutSecretRef(e.value) } : {}),
      changes: e.changes.map((c) => (c.path === "secretRef" && (isPlaceholder(c.before) || isPlaceholder(c.after)) ? { ...c, ...(c.before !== undefined ? { before: SENSITIVE } : {}), ...(c.after !== undefined ? { after: `${SENSITIVE}, changed` } : {}) } : c)),
    })),
    securityChanges: plan.securityChanges.map((s) =>
      s.code === "identity-provider-secret-changed" && (isPlaceholder(s.before) || isPlaceholder(s.after))
        ? { code: s.code, address: s.address, path: s.path, message: "the provider's secret changes (Terraform marks it sensitive: the value is not shown)" }
        : s,
    ),
  };
}

function risksOf(review: PoolReview): Risk[] {
  const risks: Risk[] = [];
  const users = review.users.live ?? review.users.inState;
  const count = users !== undefined ? `${groupDigits(users)} user${users === 1 ? "" : "s"}` : "its users (count not read)";
  if (review.deletesUsers) risks.push({ kind: "users-deleted", address: review.address, message: `${review.poolDestroyed ? "destroys" : "replaces"} user pool "${review.poolName}": deletes ${count}` });
  for (const s of review.plan?.securityChanges ?? []) risks.push({ kind: "security", address: review.address, message: `${s.address} ${s.path}: ${s.message}` });
  risks.push(...policyRisks(review));
  const radius = review.plan?.blastRadius;
  const destroyed = [...(radius?.clients ?? []).filter((c) => c.outcome === "deleted").map((c) => `app client "${c.name}"`), ...(radius?.domain?.outcome === "deleted" ? [`domain "${radius.domain.domain}"`] : [])];
  if (destroyed.length) risks.push({ kind: "resources-destroyed", address: review.address, message: `destroys ${destroyed.join(", ")}` });
  const recreated = (radius?.clients ?? []).filter((c) => c.outcome === "recreated").map((c) => `app client "${c.name}"${c.clientId ? ` (${c.clientId})` : ""}`);
  if (radius?.domain?.outcome === "recreated") recreated.push(`domain "${radius.domain.domain}"`);
  if (recreated.length) risks.push({ kind: "resources-recreated", address: review.address, message: `recreates ${recreated.join(", ")}: new ids${radius?.clients.some((c) => c.hasSecret && c.outcome === "recreated") ? " and secrets" : ""}` });
  for (const f of review.findings) risks.push({ kind: "findings", address: review.address, message: `${f.path}: ${f.message}` });
  return risks;
}

async function reviewGroup(group: PlanPoolGroup, plan: TerraformPlanJson, options: ReviewOptions): Promise<{ review: PoolReview; risks: Risk[] }> {
  const region = plan.providerRegion ?? regionOfPoolId(group.userPoolId) ?? options.region;
  const sides = await readPoolSides(group, region);
  const poolAction = group.pool?.change.action;
  const poolDestroyed = poolAction === "delete";
  const deletesUsers = poolDestroyed || poolAction === "replace";
  const users = deletesUsers ? await countUsers(group, region, options) : {};
  // The blast radius counts the users the headline counts: read live, else as the plan's refresh recorded them
  // (the review said "deletes 7 users" above a blast radius of "an unknown number of users").
  const knownUsers = users.live ?? users.inState;
  let studioPlan: Plan | undefined;
  if (sides.after) {
    studioPlan = describeSecretChanges(planChanges(sides.before, sides.after, {
      allowReplace: true,
      ...(region ? { region } : {}),
      live: {
        ...(knownUsers !== undefined ? { estimatedNumberOfUsers: knownUsers } : {}),
        ids: { ...(group.userPoolId ? { userPoolId: group.userPoolId } : {}), clientIds: clientIdsOf(group) },
      },
    }));
  }
  const after = sides.after ?? undefined;
  const policies = after && group.pool && options.evaluatePolicies ? options.evaluatePolicies(after) : [];
  const review: PoolReview = {
    address: group.address,
    poolName: sides.after?.metadata.name ?? sides.before?.metadata.name ?? group.address,
    ...(group.userPoolId ? { userPoolId: group.userPoolId } : {}),
    ...(region ? { region } : {}),
    resources: notesOf(group),
    ...(studioPlan ? { plan: studioPlan } : {}),
    poolDestroyed,
    deletesUsers,
    users,
    findings: after && group.pool ? findPoolFindings(after) : [],
    policies,
    disagreements: disagreementsOf(group, studioPlan),
    diagnostics: sides.diagnostics,
    ...(after ? { after } : {}),
  };
  return { review, risks: risksOf(review) };
}

/** Reviews the text of `terraform show -json PLANFILE`. */
export async function reviewTerraformPlan(text: string, options: ReviewOptions = {}): Promise<PlanReview> {
  const empty: PlanReview = { pools: [], outside: [], refreshOnly: false, otherChanges: 0, drift: [], risks: [], diagnostics: [] };
  try {
    const read = readTerraformPlanJson(text);
    if (!read.plan) return { ...empty, diagnostics: read.diagnostics };
    const plan = read.plan;
    const { groups, outside, diagnostics } = groupByPool(plan.changes);
    // A pool whose every resource is unchanged needs no review (the plan may list hundreds of noops).
    const changing = groups.filter((g) => [...(g.pool ? [g.pool] : []), ...g.children].some((r) => CHANGING.includes(r.change.action)));
    const reviewed = await Promise.all(changing.map((g) => reviewGroup(g, plan, options)));
    return {
      ...(plan.terraformVersion ? { terraformVersion: plan.terraformVersion } : {}),
      pools: reviewed.map((r) => r.review),
      outside: outside.filter((c) => c.action !== "no-op").map((c) => ({ address: c.address, type: c.type, action: c.action })),
      refreshOnly: plan.refreshOnly,
      otherChanges: plan.otherChanges,
      drift: plan.drift,
      risks: reviewed.flatMap((r) => r.risks),
      diagnostics: [...read.diagnostics, ...diagnostics],
    };
  } catch (cause) {
    return { ...empty, diagnostics: [error("", "internal-error", `the plan review failed: ${cause instanceof Error ? cause.message : String(cause)}`)] };
  }
}
