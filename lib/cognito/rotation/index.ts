/** Public API of client secret rotation. */
export * from "./port";
export * from "./rotate-client-secret";
export { createSdkClientSecretPort } from "./sdk-client-secret-port";
