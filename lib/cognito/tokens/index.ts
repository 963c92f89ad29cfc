/** Public API of the token preview: the claims a client's tokens carry, and how an API verifies them. */
export { previewTokens, preferredRoleOf, UnknownGroupError, type Claims, type TokenNote, type TokenPreview, type TokenPreviewOptions } from "./token-preview";
export { RESERVED_CLAIMS, PRE_TOKEN_VERSIONS, type PreTokenVersion } from "./token-rules";
export { renderApiVerifications, type ApiVerification } from "./api-verification";
