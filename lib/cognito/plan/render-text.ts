/**
 * A plan as text in the style of `terraform plan`: a legend, one block per changed resource
 * (`+ create`, `~ update in-place`, `-/+ replace`, `- destroy`), attribute lines `before -> after` with
 * `# forces replacement` markers, the worst impact as a banner, security-relevant changes in their own
 * section, and the summary line. Unchanged resources are not shown. Never throws.
 */
import { ADDRESS_STEMS } from "./addresses";
import type { AttributeChange, Plan, PlanAction, ResourceChange, ResourceType } from "./types";

export interface RenderTextOptions {
  /**
   * Words for a value (the console's label of an API value), written as a comment after the line: the studio
   * passes its table, the CLI none (its output stays API-level). Undefined: the value reads as it is.
   */
  describeValue?: (type: ResourceType, path: string, value: unknown) => string | undefined;
}

const SYMBOL: Record<PlanAction, string> = { create: "+", update: "~", replace: "-/+", delete: "-", noop: " " };

function value(v: unknown): string {
  if (v === undefined) return "(not set)";
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function resourceTitle(e: ResourceChange): string {
  const name = e.type === "mfaConfig" ? "" : ` ${JSON.stringify(e.key)}`;
  return `${ADDRESS_STEMS[e.type]}${name}`;
}

function comment(e: ResourceChange): string {
  const title = resourceTitle(e);
  const id = e.liveId ? ` (${e.liveId})` : "";
  switch (e.action) {
    case "create":
      return `# ${title} will be created`;
    case "update":
      return `# ${title}${id} will be updated in-place`;
    case "replace":
      return e.type === "userPool" ? `# ${title}${id} must be replaced: EVERY USER IN IT IS DELETED` : `# ${title}${id} must be replaced`;
    case "delete":
      return `# ${title}${id} will be destroyed`;
    case "noop":
      return `# ${title}${id} is unchanged`;
  }
}

/** `# No MFA -> Optional MFA`: the words of the values the line shows, when there are any. */
function wordsComment(change: AttributeChange, action: PlanAction, type: ResourceType, options: RenderTextOptions): string | undefined {
  const describe = options.describeValue;
  if (!describe) return undefined;
  const before = action === "create" ? undefined : describe(type, change.path, change.before);
  const after = action === "delete" || change.resetsToDefault ? undefined : describe(type, change.path, change.after);
  if (before === undefined && after === undefined) return undefined;
  const side = (words: string | undefined, v: unknown) => words ?? value(v);
  if (action === "create" || change.before === undefined) return `# ${side(after, change.after)}`;
  if (action === "delete" || change.after === undefined) return `# ${side(before, change.before)}`;
  return `# ${side(before, change.before)} -> ${side(after, change.after)}`;
}

function changeLine(change: AttributeChange, action: PlanAction, type: ResourceType, options: RenderTextOptions): string {
  const marks: string[] = [];
  const words = wordsComment(change, action, type, options);
  if (words) marks.push(words);
  if (change.forcesReplacement) marks.push("# forces replacement");
  if (change.impossible) marks.push("# AWS cannot make this change (see errors)");
  if (change.resetsToDefault) marks.push("# not managed by the desired document: the new resource gets the AWS default");
  const suffix = marks.length > 0 ? ` ${marks.join(" ")}` : "";
  if (action === "create" || change.before === undefined) return `      + ${change.path} = ${value(change.after)}${suffix}`;
  if (action === "delete") return `      - ${change.path} = ${value(change.before)}${suffix}`;
  if (change.after === undefined) return `      - ${change.path} = ${value(change.before)}${change.resetsToDefault ? "" : " -> (not set)"}${suffix}`;
  return `      ~ ${change.path}: ${value(change.before)} -> ${value(change.after)}${suffix}`;
}

function block(e: ResourceChange, options: RenderTextOptions): string[] {
  const lines = [`  ${comment(e)}`];
  for (const r of e.reasons) lines.push(`  #   because ${r.path ? `${r.path}: ` : ""}${r.message}`);
  if (e.previousKey !== undefined) lines.push(`  #   (was ${JSON.stringify(e.previousKey)})`);
  lines.push(`${SYMBOL[e.action].padStart(3)} ${resourceTitle(e)} {`);
  for (const change of e.changes) lines.push(changeLine(change, e.action, e.type, options));
  lines.push("    }");
  return lines;
}

/** The closing line: exactly "Plan: N to add, M to change, K to replace, D to destroy." or "No changes. …". */
export function summaryLine(plan: Plan): string {
  if (!plan.hasChanges) return "No changes. The user pool matches the desired document.";
  const s = plan.summary;
  return `Plan: ${s.add} to add, ${s.change} to change, ${s.replace} to replace, ${s.destroy} to destroy.`;
}

export function renderPlanText(plan: Plan, options: RenderTextOptions = {}): string {
  try {
    return render(plan, options);
  } catch (cause) {
    // A plan is plain data; this only guards against a hand-made plan of the wrong shape.
    return `The plan could not be rendered: ${cause instanceof Error ? cause.message : String(cause)}\n`;
  }
}

function render(plan: Plan, options: RenderTextOptions): string {
  const lines: string[] = [];
  const where = `${JSON.stringify(plan.poolName)} (${plan.region ?? "the target's Region"}${plan.live?.userPoolId ? `, ${plan.live.userPoolId}` : ""})`;

  if (plan.worstImpact.level === "deletes-users") {
    const bar = "!".repeat(78);
    lines.push(bar, `!!! ${plan.worstImpact.headline}`, ...plan.worstImpact.details.map((d) => `!!! ${d}`), bar, "");
  }

  if (plan.errors.length > 0) {
    for (const d of plan.errors) lines.push(`Error: ${d.path ? `${d.path}: ` : ""}${d.message}`);
    lines.push("");
  }

  const changed = plan.entries.filter((e) => e.action !== "noop");
  if (changed.length > 0) {
    const used = new Set(changed.map((e) => e.action));
    lines.push("Resource actions are indicated with the following symbols:");
    if (used.has("create")) lines.push("  + create");
    if (used.has("update")) lines.push("  ~ update in-place");
    if (used.has("replace")) lines.push("-/+ destroy and then create replacement");
    if (used.has("delete")) lines.push("  - destroy");
    lines.push("", `Cognito Studio will perform the following actions on user pool ${where}:`, "");
    for (const e of changed) lines.push(...block(e, options), "");
  }

  if (plan.securityChanges.length > 0) {
    lines.push("Security-relevant changes:");
    for (const s of plan.securityChanges) lines.push(`  ! [${s.code}] ${s.address} ${s.path}: ${s.message}`);
    lines.push("");
  }

  if (plan.hasChanges) {
    lines.push(`Worst impact: ${plan.worstImpact.headline}`, ...plan.worstImpact.details.map((d) => `  ${d}`), "");
  }

  lines.push(summaryLine(plan));
  return `${lines.join("\n")}\n`;
}
