/** Public API of the AWS side: the port and its SDK implementation, the live reader, quotas and the rate limiter. */
export { toAwsErrorInfo, type AwsErrorInfo, type CognitoPort, type MfaConfigType, type Page } from "./port";
export { createCognitoClient, createSdkPort, type CognitoConnectionOptions, type SdkPort, type SdkPortOptions } from "./sdk-port";
export { readLivePool, allPages, providerSecretNote, fingerprintLiveState, issuerUrlOf, type LivePool, type LivePoolFacts, type LivePoolRaw, type ReadLivePoolOptions } from "./read-live-pool";
export { normaliseLiveSpec, normaliseLiveDocument, POOL_DEFAULTS, CLIENT_DEFAULTS, STANDARD_ATTRIBUTE_DEFAULTS } from "./normalise";
export { CATEGORY_QUOTAS, OPERATION_CATEGORIES, quotaFloorSeconds, type CognitoOperation, type QuotaCategory } from "./quotas";
export { createQuotaRateLimiter, NO_RATE_LIMIT, type RateLimiter } from "./rate-limiter";
export { createSecretResolver, environmentSecretResolver, SecretResolutionError, type SecretResolver } from "./secret-resolver";
export { COMPUTED_PROVIDER_DETAILS } from "./echo-rules";
export { ECHO_RULES, echoedDefaults, type EchoRule, type EchoKind, type EchoScope } from "./echo-rules";
export { AWS_ERROR_ADVICE, adviseAwsError, describeAwsError, type AwsErrorAdvice } from "./error-advice";
export { settingsNotCompared, type NotCompared } from "./not-compared";
export { SettingUnreadableError, describeUnreadable, isAccessDenied, readOrExplain, type UnreadableSetting } from "./unreadable-setting";
