/** Public API of the plan: diff two pool documents into a typed plan whose entries carry what apply sends, and render it. */
export * from "./types";
export { planChanges } from "./plan-changes";
export { REPLACEMENT_RULES, POOL_REPLACEMENT_CASCADE, classifyChange, findRule, type ReplacementRule, type RuleEffect, type ChangeKind } from "./replacement-rules";
export { renderPlanText, summaryLine, type RenderTextOptions } from "./render-text";
export { countDifferences } from "./count-differences";
export { renderPlanJson, toPlanJson, PLAN_FORMAT_VERSION, type PlanJson } from "./render-json";
export { MFA_FIELDS, poolAttributes, mfaAttributes, effectiveClients, resolveClient, resolveClientDefaults } from "./resources";
export { formatPath, parsePath, KEYED_LISTS, type PathSegment } from "./paths";
export { canonicalKey, sameValue } from "./diff";
export { destructiveEntries, describeDestruction, isDestructive, needsAllowReplace } from "./destructive";
export { addressOf, ADDRESS_STEMS } from "./addresses";
export { upgradePlan, desiredValue } from "./values";
