/** Public API of the apply engine. */
export { applyPlan, checkPlanAllowed, redactSecrets, REDACTED_SECRET, ApplyRefusedError, type ApplyOptions, type ApplyResult, type ApplyStep, type ApplyRefusalCode, type StepOutcome } from "./apply-plan";
