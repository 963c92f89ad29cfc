/**
 * Server-side preparation of the export page: renders each format through the registry
 * (lib/cognito/formats `exportPoolDocument`) and highlights every file with shiki (a bundled theme; hcl, yaml,
 * json). Server-only so shiki's grammars never reach the browser bundle.
 */
import "server-only";
import { codeToHtml } from "shiki";
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO, type ExportFormat, type ExportOptions, exportPoolDocument } from "@/lib/cognito/formats";
import { buildTerraformModuleZip, moduleFolderName } from "@/lib/cognito/formats/terraform/module-folder";
import type { Diagnostic, PoolDocument } from "@/lib/cognito/spec";

export type CodeLanguage = "hcl" | "yaml" | "json" | "text";

export const HIGHLIGHT_THEME = "github-light";

/**
 * Above this size the file is shown as plain text: highlighting a 200-client Terraform file costs seconds of
 * server time and the colours add little at that size.
 */
export const HIGHLIGHT_MAX_CHARS = 400_000;

/** The language of an exported file, from its extension. */
export function languageForFile(path: string): CodeLanguage {
  const lower = path.toLowerCase();
  if (lower.endsWith(".tf") || lower.endsWith(".hcl") || lower.endsWith(".tfvars")) return "hcl";
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  if (lower.endsWith(".json")) return "json";
  return "text";
}

function escapeHtml(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");
}

/** The `<pre>` shiki would give, without colours. */
function plainHtml(code: string): string {
  return `<pre class="shiki shiki-plain" tabindex="0"><code>${escapeHtml(code)}</code></pre>`;
}

/** Highlighted HTML (a `<pre class="shiki">`) of `code`. Never throws: falls back to escaped plain text. */
export async function highlightCode(code: string, lang: CodeLanguage): Promise<string> {
  if (lang === "text" || code.length > HIGHLIGHT_MAX_CHARS) return plainHtml(code);
  try {
    return await codeToHtml(code, { lang, theme: HIGHLIGHT_THEME });
  } catch {
    return plainHtml(code);
  }
}

export interface HighlightedFile {
  path: string;
  /** The raw text (for copy and download). */
  content: string;
  language: CodeLanguage;
  /** Trusted HTML from shiki (or escaped plain text). */
  html: string;
}

export interface PreparedExport {
  format: ExportFormat;
  title: string;
  files: HighlightedFile[];
  /** The export's warnings (and errors), shown above the code. */
  diagnostics: Diagnostic[];
}

/** One format rendered and highlighted. */
export async function prepareExport(doc: PoolDocument, format: ExportFormat, options?: ExportOptions): Promise<PreparedExport> {
  const result = exportPoolDocument(doc, format, options);
  const files = await Promise.all(
    result.files.map(async (file) => {
      const language = languageForFile(file.path);
      return { path: file.path, content: file.content, language, html: await highlightCode(file.content, language) };
    }),
  );
  return { format, title: EXPORT_FORMAT_INFO[format].title, files, diagnostics: result.diagnostics };
}

/** Every format (or the ones asked for), in registry order. */
export function prepareExports(doc: PoolDocument, formats: readonly ExportFormat[] = EXPORT_FORMATS, options?: ExportOptions): Promise<PreparedExport[]> {
  return Promise.all(formats.map((f) => prepareExport(doc, f, options)));
}

export interface ModuleZipDownload {
  fileName: string;
  /** The zip's bytes as base64, small enough to hand to a client component. */
  base64: string;
  /** Files in the zip, for the label next to the button. */
  files: string[];
}

/** The Terraform module folder zip, ready for a DownloadButton. */
export function prepareModuleZip(doc: PoolDocument, options: ExportOptions = {}): ModuleZipDownload {
  const bytes = buildTerraformModuleZip(doc, { api: options.api });
  const folder = moduleFolderName(doc);
  return {
    fileName: `${folder}.zip`,
    base64: Buffer.from(bytes).toString("base64"),
    files: ["main.tf", "variables.tf", "outputs.tf", "versions.tf", ...(options.api ? ["api-gateway.tf"] : [])].map((f) => `${folder}/${f}`),
  };
}
