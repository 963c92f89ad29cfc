/** The OpenMCF (now Planton) `AwsCognitoUserPool` format: parse and render side by side. */
export { mapOpenMcfToNative, parseOpenMcf, type MappedOpenMcf } from "./parse";
export { OPENMCF_FILE_NAME, renderOpenMcf } from "./render";
export { PATH_TRANSLATIONS, METADATA_LABEL_PREFIX, METADATA_LABEL_FIELDS, fromOpenMcfPath, toOpenMcfPath } from "./paths";
export { checkOpenMcfRules } from "./rules";
export * from "./schema";
