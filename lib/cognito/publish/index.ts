export { publishExport, type PublishRequest, type PublishResult } from "./publish-export";
export { composeCommitMessage, type CommitMessageInput } from "./commit-message";
export { branchNameFor, slugOf, checkBranchName, checkFolder, checkRemoteUrl } from "./names";
export { redactCredential } from "./redact";
export type { PublishFailureCode } from "./refusals";
export { DEFAULT_PUBLISH_FORMAT, PUBLISH_FORMATS, type PublishFormat } from "./publish-formats";
export { publishFormatChoices, renderForPublish } from "./render-for-publish";
