/**
 * A plan review as text (a terminal, a CI log), Markdown (a pull-request comment) or JSON. Each pool shows what
 * Terraform will do, the users a replacement deletes, the studio's plan (replacement reasons, blast radius,
 * security flags) and the findings on the pool after apply; the last line says whether the review passes.
 */
import { renderPlanText, toPlanJson } from "../plan";
import type { TerraformAction } from "./read-plan-json";
import type { PlanReview, PoolReview } from "./review-plan";
import { type Risk, type RiskKind, DEFAULT_FAIL_ON, RISK_WORDS, blockingRisks, listRiskKinds } from "./risks";
import { groupDigits } from "../spec/group-digits";

const SYMBOL: Record<TerraformAction, string> = { create: "+", update: "~", replace: "-/+", delete: "-", read: "<=", "no-op": " " };

/** `12,345 users (read live)`, or why they were not read. */
export function describeUsers(pool: PoolReview): string {
  const u = pool.users;
  if (u.live !== undefined) return `${groupDigits(u.live)} user${u.live === 1 ? "" : "s"} (EstimatedNumberOfUsers, read live)`;
  const state = u.inState !== undefined ? `; the plan's state recorded ${groupDigits(u.inState)} at its refresh` : "";
  return `not read (${u.notRead ?? "no AWS access"})${state}`;
}

function resourceLine(r: PoolReview["resources"][number]): string {
  const why = r.action === "replace" && r.replacePaths.length ? `  # forces replacement: ${r.replacePaths.join(", ")}` : "";
  return `${SYMBOL[r.action].padStart(3)} ${r.address}${why}`;
}

export function verdictLine(review: PlanReview, failOn: readonly RiskKind[] = DEFAULT_FAIL_ON): string {
  if (review.diagnostics.some((d) => d.severity === "error")) return "Review failed: the input is not a Terraform plan this review can read.";
  const blocking = blockingRisks(review, failOn);
  if (blocking.length) return `RISKY: ${blocking.length} risk${blocking.length === 1 ? "" : "s"} (${listRiskKinds(blocking.map((r) => r.kind))}) in what this plan does to Cognito.`;
  if (review.pools.length === 0) return review.refreshOnly ? "Nothing to review: the plan changes no resource (refresh only, or no changes)." : "Nothing to review: the plan changes no Cognito user pool resource.";
  return failOn.length ? `No risk found (checked for ${listRiskKinds(failOn, "or")}).` : "No risk checked (--fail-on none).";
}

function poolText(pool: PoolReview): string[] {
  const lines = [`== user pool "${pool.poolName}" (${pool.address}${pool.userPoolId ? `, ${pool.userPoolId}` : ""}) ==`, ""];
  if (pool.deletesUsers) lines.push(`Users deleted: ${describeUsers(pool)}`, "");
  lines.push("Terraform will:");
  for (const r of pool.resources.filter((x) => x.action !== "no-op")) {
    lines.push(`  ${resourceLine(r)}`);
    if (r.unknown.length) lines.push(`        known after apply (not compared): ${r.unknown.join(", ")}`);
    if (r.sensitiveChanges.length) lines.push(`        sensitive value changes (not shown): ${r.sensitiveChanges.join(", ")}`);
  }
  lines.push("");
  if (pool.poolDestroyed) {
    lines.push(`!!! USER POOL "${pool.poolName}" WILL BE DESTROYED: EVERY USER IN IT IS DELETED (${describeUsers(pool)}).`, "");
  }
  if (pool.plan) lines.push(renderPlanText(pool.plan).trimEnd(), "");
  if (pool.disagreements.length) lines.push("Terraform and the studio's replacement table disagree:", ...pool.disagreements.map((d) => `  ! ${d}`), "");
  if (pool.policies.length) lines.push("Guardrail policies the pool after apply breaks:", ...pool.policies.map((p) => `  ${p.blocking ? "BLOCK" : "warn "} ${p.policyId}${p.path ? ` ${p.path}` : ""}: ${p.message}`), "");
  if (pool.findings.length) lines.push("Findings on the pool after apply:", ...pool.findings.map((f) => `  - [${f.code}] ${f.path}: ${f.message}`), "");
  if (pool.diagnostics.length) lines.push("Notes:", ...pool.diagnostics.map((d) => `  - ${d.message}`), "");
  return lines;
}

function riskLine(r: Risk): string {
  return `[${r.kind}] ${r.address}: ${r.message}`;
}

export function renderReviewText(review: PlanReview, failOn: readonly RiskKind[] = DEFAULT_FAIL_ON): string {
  const lines: string[] = [];
  for (const d of review.diagnostics) lines.push(`${d.severity}: ${d.message}`);
  if (review.diagnostics.length) lines.push("");
  for (const pool of review.pools) lines.push(...poolText(pool));
  if (review.outside.length) lines.push("Other Cognito resources this plan changes (not part of the pool model, not reviewed):", ...review.outside.map((o) => `  ${SYMBOL[o.action].padStart(3)} ${o.address}`), "");
  if (review.drift.length) lines.push("Terraform found these Cognito resources changed outside Terraform (resource_drift):", ...review.drift.map((d) => `  ${d.address} (${d.action})`), "");
  const blocking = blockingRisks(review, failOn);
  if (blocking.length) lines.push("Risks that fail this review:", ...blocking.map((r) => `  ${riskLine(r)}`), "");
  const noted = review.risks.filter((r) => !blocking.includes(r) && r.kind !== "findings");
  if (noted.length) lines.push(`Also noted (not failing under --fail-on ${failOn.join(",") || "none"}):`, ...noted.map((r) => `  ${riskLine(r)}`), "");
  lines.push(verdictLine(review, failOn));
  return `${lines.join("\n")}\n`;
}

const md = (text: string) => text.replace(/[|<>]/gu, (c) => `\\${c}`);

function poolMarkdown(pool: PoolReview): string[] {
  const lines = [`#### User pool \`${pool.poolName}\` (\`${pool.address}\`${pool.userPoolId ? `, \`${pool.userPoolId}\`` : ""})`, ""];
  if (pool.deletesUsers) lines.push(`> [!CAUTION]`, `> **This plan ${pool.poolDestroyed ? "destroys" : "replaces"} the user pool: every user in it is deleted.** Users: ${md(describeUsers(pool))}.`, "");
  const reasons = pool.plan?.entries.find((e) => e.type === "userPool")?.reasons ?? [];
  if (reasons.length) lines.push(...reasons.map((r) => `- Why: \`${r.path}\`: ${md(r.message)}`));
  const radius = pool.plan?.blastRadius;
  for (const c of radius?.clients ?? []) lines.push(`- App client \`${c.name}\`${c.clientId ? ` (\`${c.clientId}\`)` : ""} is ${c.outcome}: ${c.outcome === "recreated" ? `new client id${c.hasSecret ? " and secret" : ""}; every application using it must be reconfigured` : "applications using it stop working"}`);
  for (const p of radius?.identityProviders ?? []) lines.push(`- Identity provider \`${p.providerName}\` is ${p.outcome}: users who sign in through it cannot until it exists again`);
  for (const g of radius?.groups ?? []) lines.push(`- Group \`${g.name}\` is ${g.outcome}: its memberships are lost`);
  if (radius?.domain) lines.push(`- Domain \`${radius.domain.domain}\` is ${radius.domain.outcome}: the hosted sign-in pages are down meanwhile`);
  for (const s of pool.plan?.securityChanges ?? []) lines.push(`- :warning: **${s.code}** \`${s.address}\` ${md(s.message)}`);
  for (const d of pool.disagreements) lines.push(`- :grey_question: ${md(d)}`);
  lines.push("", "| Terraform | Resource | Forces replacement | Known after apply |", "|---|---|---|---|");
  for (const r of pool.resources.filter((x) => x.action !== "no-op"))
    lines.push(`| ${r.action} | \`${md(r.address)}\` | ${r.replacePaths.map((p) => `\`${p}\``).join(", ")} | ${r.unknown.map((p) => `\`${p}\``).join(", ")}${r.sensitiveChanges.length ? ` (sensitive change: ${r.sensitiveChanges.map((p) => `\`${p}\``).join(", ")})` : ""} |`);
  if (pool.findings.length) lines.push("", `<details><summary>Findings on the pool after apply (${pool.findings.length})</summary>`, "", ...pool.findings.map((f) => `- \`${f.code}\` at \`${f.path}\`: ${md(f.message)}`), "", "</details>");
  if (pool.plan) lines.push("", "<details><summary>The studio's plan</summary>", "", "```text", renderPlanText(pool.plan).trimEnd(), "```", "", "</details>");
  lines.push("");
  return lines;
}

/** Risks for the comment's top: security changes counted per pool (each pool's section lists them). */
function summarisedRisks(risks: readonly Risk[]): string[] {
  const out: string[] = [];
  const security = new Map<string, number>();
  for (const r of risks) {
    if (r.kind === "security") security.set(r.address, (security.get(r.address) ?? 0) + 1);
    else out.push(`- **${RISK_WORDS[r.kind].label}** \`${md(r.address)}\`: ${md(r.message)}`);
  }
  for (const [address, n] of security) out.push(`- **${RISK_WORDS.security.label}** \`${md(address)}\`: ${n} security-relevant change${n === 1 ? "" : "s"} (listed below)`);
  return out;
}

export function renderReviewMarkdown(review: PlanReview, failOn: readonly RiskKind[] = DEFAULT_FAIL_ON): string {
  const blocking = blockingRisks(review, failOn);
  const failed = review.diagnostics.some((d) => d.severity === "error");
  const badge = failed ? ":x: review failed" : blocking.length ? ":rotating_light: risky" : ":white_check_mark: no risk found";
  const lines = [`### Cognito review of this Terraform plan: ${badge}`, ""];
  for (const d of review.diagnostics) lines.push(`- ${d.severity}: ${md(d.message)}`);
  if (blocking.length) lines.push("**Risks that fail this review:**", "", ...summarisedRisks(blocking), "");
  for (const pool of review.pools) lines.push(...poolMarkdown(pool));
  if (review.outside.length) lines.push("Other Cognito resources this plan changes (not reviewed): " + review.outside.map((o) => `\`${md(o.address)}\` (${o.action})`).join(", "), "");
  lines.push(`_${verdictLine(review, failOn)}_`);
  return `${lines.join("\n")}\n`;
}

/** The review as JSON: each pool's studio plan in the plan format (formatVersion 2), the risks and the verdict. */
export function renderReviewJson(review: PlanReview, failOn: readonly RiskKind[] = DEFAULT_FAIL_ON): string {
  const blocking = blockingRisks(review, failOn);
  const out = {
    reviewFormatVersion: 1,
    ...(review.terraformVersion ? { terraformVersion: review.terraformVersion } : {}),
    verdict: review.diagnostics.some((d) => d.severity === "error") ? "error" : blocking.length ? "risky" : "ok",
    failOn,
    risks: review.risks,
    blocking,
    refreshOnly: review.refreshOnly,
    pools: review.pools.map(({ after: _after, plan, ...pool }) => ({ ...pool, ...(plan ? { plan: toPlanJson(plan) } : {}) })),
    outside: review.outside,
    drift: review.drift,
    diagnostics: review.diagnostics,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
