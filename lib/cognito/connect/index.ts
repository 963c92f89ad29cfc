/** Public API of "connect your app": the connection facts and config snippets per app client. */
export { appConnection, NoRegionError, UnknownClientError, PLACEHOLDER_POOL_ID, placeholderClientId, SECRET_ENV, type AppConnection, type DomainEndpoints, type LiveIds } from "./app-connection";
export { CONNECT_KINDS, NEXT_AUTH_CALLBACK_PATH, connectKindsFor, isMachineClient, renderConnectSnippet, renderConnectSnippets, type ConnectKind, type ConnectSnippet } from "./snippets";
export { readLiveIds } from "./live-ids";
export { CLOUDFRONT_HOSTED_ZONE_ID, type CustomDomainDns, customDomainDns, customDomainOf } from "./custom-domain-dns";
