/** The CloudFormation format: templates (hand-written, SAM, CDK-synthesised) in and out. */
export { importCloudFormationFiles, importTemplateFile } from "./import-template";
export { parseCloudFormation, type CloudFormationImportOptions } from "./parse-cloudformation";
export { renderCloudFormation } from "./render-cloudformation";
