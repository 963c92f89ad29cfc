/** Public API of preflight: the checks of the AWS services a pool depends on. */
export * from "./types";
export { PREFLIGHT_CODES, type PreflightCode, type PreflightCodeName } from "./codes";
export { runPreflight, summarisePreflight, PREFLIGHT_CHECKS, type RunPreflightOptions } from "./run-preflight";
export { createSdkPreflightPort } from "./sdk-preflight-port";
export { renderPreflightText } from "./render-text";
export { readCallerIdentity, type CallerIdentity } from "./caller-identity";
