/**
 * The format registry: format name → renderer and parser, shared by the CLI (`export`, `import`) and the web
 * UI. Renderers are synchronous; parsers return promises because the Terraform one is (its HCL parser is
 * WebAssembly). Nothing here throws.
 */
import type { PoolDocument } from "../spec/document-schema";
import { writeYaml } from "./fast-yaml";
import { importCloudFormationFiles } from "./cloudformation";
import { type CloudFormationImportOptions, parseCloudFormation } from "./cloudformation/parse-cloudformation";
import { renderCloudFormation } from "./cloudformation/render-cloudformation";
import { parseOpenMcf } from "./openmcf/parse";
import { renderOpenMcf } from "./openmcf/render";
import { checkFileText, checkImportRequest } from "./input-limits";
import { isIndentation } from "./line-scan";
import { readPoolDocument } from "./read-pool-document";
import { importTerraformFiles } from "./terraform/import-terraform";
import { fileRole } from "./terraform/terraform-config";
import { parseTerraform } from "./terraform/parse-terraform";
import { type TerraformExportOptions, renderTerraform } from "./terraform/render-terraform";
import { renderTerraformModule } from "./terraform-module/render-terraform-module";
import type { ExportFormat, ExportResult, ImportFilesResult, ImportFormat, ImportRequest, ImportResult } from "./types";
import type { ApiAuthorizer } from "../api-authorizer/api-routes-schema";
import { renderTerraformApi } from "../api-authorizer/render-terraform-api";
import { warning } from "../spec/diagnostics";

export * from "./types";
export { INPUT_LIMITS, type InputLimits, checkFileText, checkImportInput, checkImportRequest } from "./input-limits";
export { exportForTarget, type ExportTarget, type TargetExport, type TargetLiveIds } from "./export-for-target";
export { parseCloudFormation, renderCloudFormation, parseTerraform, renderTerraform, renderTerraformModule };
export type { CloudFormationImportOptions, TerraformExportOptions };

/**
 * Options of an export. `api` (opt-in, checked by `checkApiRoutes`) adds the API in front of a resource server:
 * `api-gateway.tf` beside the Terraform exports, resources in the CloudFormation template.
 */
export type ExportOptions = TerraformExportOptions & { api?: ApiAuthorizer };

/** The pool's ARN as each Terraform export names it: the plain export's resource, the module's output. */
const POOL_ARN = { terraform: "aws_cognito_user_pool.this.arn", "terraform-module": "module.cognito_user_pool.user_pool.arn" } as const;

/** A Terraform export with the API's file added, when there is an API and the export succeeded. */
function withApiFile(result: ExportResult, api: ApiAuthorizer | undefined, poolArn: string): ExportResult {
  if (!api || result.files.length === 0) return result;
  return { ...result, files: [...result.files, renderTerraformApi(api, poolArn)] };
}

/** Formats without API Gateway resources say so when an API was asked for. */
function withoutApi(result: ExportResult, api: ApiAuthorizer | undefined, format: string): ExportResult {
  if (!api) return result;
  const note = warning("routes", "api-not-exported", `the ${format} export has no API Gateway resources: the API in front of ${api.resourceServer.name} is exported with Terraform, the mineiros module and CloudFormation`);
  return { ...result, diagnostics: [...result.diagnostics, note] };
}
export type ImportOptions = { fileName?: string; region?: string };

export interface FormatInfo {
  /** For menus: what the output is. */
  title: string;
  /** The file the export is usually saved as (Terraform may add variables.tf and imports.tf). */
  fileName: string;
}

export const EXPORT_FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  terraform: { title: "Terraform (aws_cognito_* resources)", fileName: "main.tf" },
  "terraform-module": { title: "Terraform module mineiros-io/cognito-user-pool/aws", fileName: "main.tf" },
  openmcf: { title: "OpenMCF AwsCognitoUserPool manifest", fileName: "manifest.yaml" },
  cloudformation: { title: "CloudFormation template (YAML)", fileName: "template.yaml" },
  spec: { title: "Cognito Studio document (YAML)", fileName: "pool.yaml" },
};

export const EXPORTERS: Record<ExportFormat, (doc: PoolDocument, options?: ExportOptions) => ExportResult> = {
  terraform: (doc, options) => withApiFile(renderTerraform(doc, options), options?.api, POOL_ARN.terraform),
  "terraform-module": (doc, options) => withApiFile(renderTerraformModule(doc), options?.api, POOL_ARN["terraform-module"]),
  openmcf: (doc, options) => withoutApi(renderOpenMcf(doc), options?.api, "OpenMCF"),
  cloudformation: (doc, options) => renderCloudFormation(doc, { api: options?.api }),
  spec: (doc, options) => withoutApi({ files: [{ path: EXPORT_FORMAT_INFO.spec.fileName, content: writeYaml(doc) }], diagnostics: [] }, options?.api, "spec"),
};

export const IMPORTERS: Record<ImportFormat, (text: string, options?: ImportOptions) => Promise<ImportResult>> = {
  spec: async (text, options) => readPoolDocument(text, options?.fileName),
  terraform: (text, options) => parseTerraform(text, options?.fileName, options?.region),
  openmcf: async (text, options) => parseOpenMcf(text, options?.fileName),
  cloudformation: async (text, options) => parseCloudFormation(text, options),
};

export function exportPoolDocument(doc: PoolDocument, format: ExportFormat, options?: ExportOptions): ExportResult {
  return EXPORTERS[format](doc, options);
}

/** Reads one file in a given format; text over the input limits (input-limits.ts) never reaches the parser. */
export async function importPoolDocument(text: string, format: ImportFormat, options?: ImportOptions): Promise<ImportResult> {
  const refused = checkFileText(text, options?.fileName);
  if (refused) return { diagnostics: [refused] };
  return IMPORTERS[format](text, options);
}

const CFN_TYPE = /(^|["'\s])Type["']?\s*:\s*["']?AWS::Cognito::/mu;
const CFN_RESOURCES = /(^|[{,\s])["']?Resources["']?\s*:/mu;

/**
 * What a line starts with (after its indentation) that names a format. Tested line by line: a multiline
 * `^\s*` pattern lets `\s*` run across every following newline from every line start, which is quadratic
 * in a run of empty lines (160k newlines held the event loop for over a minute).
 */
const LINE_START = {
  cloudformation: /^["']?AWSTemplateFormatVersion["']?\s*:/u,
  spec: /^["']?apiVersion["']?\s*:/u,
  terraform: /^(resource|module|provider|terraform)\s+("[^"]*"\s*)*\{/u,
} as const;

/** Which of the LINE_START patterns some line matches: one pass over the text, each line tested once. */
function lineStarts(text: string): Set<keyof typeof LINE_START> {
  const found = new Set<keyof typeof LINE_START>();
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    let first = start;
    while (first < end && isIndentation(text.charCodeAt(first))) first += 1;
    if (first < end) {
      const line = text.slice(first, end);
      for (const [format, pattern] of Object.entries(LINE_START) as [keyof typeof LINE_START, RegExp][]) if (pattern.test(line)) found.add(format);
    }
    start = end + 1;
  }
  return found;
}

/**
 * Guesses the format of an import: `.tf` → terraform; a template (AWSTemplateFormatVersion, or Resources of
 * AWS::Cognito::* types) → cloudformation; anything with an apiVersion (native or OpenMCF; `readPoolDocument`
 * tells them apart) → spec. Undefined when nothing matches. Linear in the text's length.
 */
export function detectImportFormat(text: string, fileName?: string): ImportFormat | undefined {
  if (fileName?.toLowerCase().endsWith(".tf")) return "terraform";
  const starts = lineStarts(text);
  if (starts.has("cloudformation") || (CFN_RESOURCES.test(text) && CFN_TYPE.test(text))) return "cloudformation";
  if (starts.has("spec")) return "spec";
  if (starts.has("terraform")) return "terraform";
  return undefined;
}

/**
 * Imports one or several files (a Terraform folder, a template, a document) as drafts: the entry point of the
 * CLI's `import`, the Import form and the tests. Each format's folder evaluates what it can and names the rest
 * as unresolved inputs. This first version reads one file with the single-file importers; the Terraform and
 * CloudFormation readers replace it with their own multi-file, multi-pool versions.
 */
export async function importFiles(request: ImportRequest): Promise<ImportFilesResult> {
  // The whole request (files, variable files, values) within the input limits before any reader sees it.
  const refused = checkImportRequest(request);
  if (refused.length > 0) return { pools: [], diagnostics: refused };
  const [first] = request.files;
  if (!first) return { pools: [], diagnostics: [{ severity: "error", path: "", code: "no-files", message: "nothing to import: give a file" }] };
  // A Terraform folder: any .tf or tfvars file among the inputs makes it one configuration.
  const terraform = request.files.some((f) => fileRole(f.path, f.content) !== "ignored");
  const format = request.format ?? (terraform ? "terraform" : undefined) ?? detectImportFormat(first.content, first.path) ?? "spec";
  if (format === "terraform") return importTerraformFiles(request);
  if (format === "cloudformation") return importCloudFormationFiles(request);
  const result = await importPoolDocument(first.content, format, { fileName: first.path, region: request.region });
  if (!result.document) return { sourceKind: result.sourceKind, pools: [], diagnostics: result.diagnostics };
  const doc = result.document;
  return {
    sourceKind: result.sourceKind,
    pools: [{ address: doc.metadata.name, name: doc.metadata.name, draft: doc as unknown as Record<string, unknown>, document: doc, unresolved: [], diagnostics: result.diagnostics }],
    diagnostics: [],
  };
}
