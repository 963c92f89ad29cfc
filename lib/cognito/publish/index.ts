export { publishExport, type PublishRequest, type PublishResult } from "./publish-export";
export { composeCommitMessage, type CommitMessageInput } from "./commit-message";
export { branchNameFor, slugOf, checkBranchName, checkFolder, checkRemoteUrl } from "./names";
export { redactCredential } from "./redact";
export type { PublishFailureCode } from "./refusals";
