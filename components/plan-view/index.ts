/** The plan for people (review page, history diffs). */
export {
  PlanView,
  PlanChanges,
  PlanText,
  ResourceChangeCard,
  WorstImpactBanner,
  BlastRadiusPanel,
  SecurityChangesPanel,
  PlanErrorsPanel,
  DRIFT_WORDS,
  type PlanWords,
  type PlanViewProps,
} from "./plan-view";
export { ACTION_LABEL, ACTION_TONE, RESOURCE_GROUPS, groupEntries, formatValue, listDelta, formatCount, type EntryGroup } from "./format";
export { groupFieldComments, fieldKey, type FieldComment, type FieldComments } from "./field-comments";
