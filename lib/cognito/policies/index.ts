/**
 * Policies as code: a workspace's own rules in CEL, compiled once and evaluated against a pool document and a
 * target by the editor, the server (submit, approve, apply) and `cognito-studio validate --policy`.
 */
export * from "./compile";
export * from "./editor-findings";
export * from "./evaluate";
export * from "./policy-schema";
export * from "./policy-set";
export * from "./read-policy-file";
export * from "./starter-set";
export * from "./types";
