/**
 * The format registry: format name → renderer and parser, shared by the CLI (`export`, `import`) and the web
 * UI. Renderers are synchronous; parsers return promises because the Terraform one is (its HCL parser is
 * WebAssembly). Nothing here throws.
 */
import type { PoolDocument } from "../spec/document-schema";
import { serialisePoolDocument } from "../spec/document";
import { type CloudFormationImportOptions, parseCloudFormation } from "./cloudformation/parse-cloudformation";
import { renderCloudFormation } from "./cloudformation/render-cloudformation";
import { parseOpenMcf } from "./openmcf/parse";
import { renderOpenMcf } from "./openmcf/render";
import { readPoolDocument } from "./read-pool-document";
import { parseTerraform } from "./terraform/parse-terraform";
import { type TerraformExportOptions, renderTerraform } from "./terraform/render-terraform";
import { renderTerraformModule } from "./terraform-module/render-terraform-module";
import type { ExportFormat, ExportResult, ImportFilesResult, ImportFormat, ImportRequest, ImportResult } from "./types";

export * from "./types";
export { exportForTarget, type ExportTarget, type TargetExport, type TargetLiveIds } from "./export-for-target";
export { parseCloudFormation, renderCloudFormation, parseTerraform, renderTerraform, renderTerraformModule };
export type { CloudFormationImportOptions, TerraformExportOptions };

export type ExportOptions = TerraformExportOptions;
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
  terraform: (doc, options) => renderTerraform(doc, options),
  "terraform-module": (doc) => renderTerraformModule(doc),
  openmcf: (doc) => renderOpenMcf(doc),
  cloudformation: (doc) => renderCloudFormation(doc),
  spec: (doc) => ({ files: [{ path: EXPORT_FORMAT_INFO.spec.fileName, content: serialisePoolDocument(doc, "yaml") }], diagnostics: [] }),
};

export const IMPORTERS: Record<ImportFormat, (text: string, options?: ImportOptions) => Promise<ImportResult>> = {
  spec: async (text, options) => readPoolDocument(text, options?.fileName),
  terraform: (text, options) => parseTerraform(text, options?.fileName),
  openmcf: async (text, options) => parseOpenMcf(text, options?.fileName),
  cloudformation: async (text, options) => parseCloudFormation(text, options),
};

export function exportPoolDocument(doc: PoolDocument, format: ExportFormat, options?: ExportOptions): ExportResult {
  return EXPORTERS[format](doc, options);
}

export function importPoolDocument(text: string, format: ImportFormat, options?: ImportOptions): Promise<ImportResult> {
  return IMPORTERS[format](text, options);
}

const CFN_TYPE = /(^|["'\s])Type["']?\s*:\s*["']?AWS::Cognito::/mu;

/**
 * Guesses the format of an import: `.tf` → terraform; a template (AWSTemplateFormatVersion, or Resources of
 * AWS::Cognito::* types) → cloudformation; anything with an apiVersion (native or OpenMCF; `readPoolDocument`
 * tells them apart) → spec. Undefined when nothing matches.
 */
export function detectImportFormat(text: string, fileName?: string): ImportFormat | undefined {
  if (fileName?.toLowerCase().endsWith(".tf")) return "terraform";
  if (/^\s*["']?AWSTemplateFormatVersion["']?\s*:/mu.test(text) || (/(^|[{,\s])["']?Resources["']?\s*:/mu.test(text) && CFN_TYPE.test(text))) return "cloudformation";
  if (/^\s*["']?apiVersion["']?\s*:/mu.test(text)) return "spec";
  if (/^\s*(resource|module|provider|terraform)\s+("[^"]*"\s*)*\{/mu.test(text)) return "terraform";
  return undefined;
}

/**
 * Imports one or several files (a Terraform folder, a template, a document) as drafts: the entry point of the
 * CLI's `import`, the Import form and the tests. Each format's folder evaluates what it can and names the rest
 * as unresolved inputs. This first version reads one file with the single-file importers; the Terraform and
 * CloudFormation readers replace it with their own multi-file, multi-pool versions.
 */
export async function importFiles(request: ImportRequest): Promise<ImportFilesResult> {
  const [first] = request.files;
  if (!first) return { pools: [], diagnostics: [{ severity: "error", path: "", code: "no-files", message: "nothing to import: give a file" }] };
  const format = request.format ?? detectImportFormat(first.content, first.path) ?? "spec";
  const result = await importPoolDocument(first.content, format, { fileName: first.path, region: request.region });
  if (!result.document) return { sourceKind: result.sourceKind, pools: [], diagnostics: result.diagnostics };
  const doc = result.document;
  return {
    sourceKind: result.sourceKind,
    pools: [{ address: doc.metadata.name, name: doc.metadata.name, draft: doc as unknown as Record<string, unknown>, document: doc, unresolved: [], diagnostics: result.diagnostics }],
    diagnostics: [],
  };
}
