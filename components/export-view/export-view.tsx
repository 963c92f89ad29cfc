/**
 * The export page's views: every format highlighted (shiki, prepared on the server by `prepareExports`), its
 * warnings above the code, copy and download buttons per file, and the Terraform module folder as a zip.
 * `ExportTabs` / `ExportPanel` are synchronous and take prepared data; `ExportView` is the async server component
 * that prepares and renders in one go.
 */
import { AlertTriangle, FolderArchive } from "lucide-react";
import { Badge, Card, Tabs, TabsContent, TabsList, TabsTrigger, cn } from "@/components/ui";
import type { ExportFormat, ExportOptions } from "@/lib/cognito/formats";
import type { Diagnostic, PoolDocument } from "@/lib/cognito/spec";
import { CopyButton } from "./copy-button";
import { DownloadButton } from "./download-button";
import { type CodeLanguage, type HighlightedFile, type ModuleZipDownload, type PreparedExport, prepareExports, prepareModuleZip } from "./highlight";

const MIME: Record<CodeLanguage, string> = {
  hcl: "text/plain;charset=utf-8",
  yaml: "application/yaml;charset=utf-8",
  json: "application/json;charset=utf-8",
  text: "text/plain;charset=utf-8",
};

export function ExportWarnings({ diagnostics }: { diagnostics: Diagnostic[] }) {
  if (diagnostics.length === 0) return <p className="text-sm text-slate-600">No warnings: everything in the design is expressed in this format.</p>;
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return (
    <section aria-label="Export warnings" className={cn("rounded-lg border p-3", errors > 0 ? "border-red-300 bg-red-50" : "border-amber-300 bg-amber-50")}>
      <h3 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
        <AlertTriangle aria-hidden className="size-4" />
        {diagnostics.length} {diagnostics.length === 1 ? "warning" : "warnings"}: read before using this export
      </h3>
      <ul className="mt-2 space-y-1 text-sm">
        {diagnostics.map((d, i) => (
          <li key={i} className="flex flex-wrap items-baseline gap-2 wrap-anywhere">
            <Badge tone={d.severity === "error" ? "bad" : d.severity === "warning" ? "warn" : "info"}>{d.severity}</Badge>
            {d.path && <code className="font-mono text-xs text-slate-700">{d.path}</code>}
            <span className="text-slate-900">{d.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ExportFileView({ file }: { file: HighlightedFile }) {
  return (
    <Card className="p-0">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
        <h4 className="font-mono text-sm font-medium text-slate-900">{file.path}</h4>
        <div className="flex gap-2">
          <CopyButton text={file.content} label={file.path} />
          <DownloadButton fileName={file.path} content={file.content} mimeType={MIME[file.language]} />
        </div>
      </div>
      <div
        className="max-h-[70vh] overflow-auto text-xs leading-relaxed [&_pre]:m-0 [&_pre]:p-3 [&_pre]:font-mono"
        // shiki escapes the code; the plain fallback is escaped by highlightCode.
        dangerouslySetInnerHTML={{ __html: file.html }}
      />
    </Card>
  );
}

/** One format: title, warnings, then each file. */
export function ExportPanel({ prepared }: { prepared: PreparedExport }) {
  return (
    <div className="space-y-3" data-export-format={prepared.format}>
      <p className="text-sm text-slate-700">{prepared.title}</p>
      <ExportWarnings diagnostics={prepared.diagnostics} />
      {prepared.files.length === 0 ? (
        <p className="text-sm text-red-800">This format produced no files.</p>
      ) : (
        prepared.files.map((file) => <ExportFileView key={file.path} file={file} />)
      )}
    </div>
  );
}

export function ModuleZipCard({ zip }: { zip: ModuleZipDownload }) {
  return (
    <Card className="flex flex-wrap items-center justify-between gap-3">
      <div>
        <h3 className="flex items-center gap-2 font-semibold text-slate-900">
          <FolderArchive aria-hidden className="size-5" />
          Terraform module folder
        </h3>
        <p className="text-sm text-slate-600">{zip.files.map((f) => f.split("/").pop()).join(", ")} in {zip.fileName}</p>
      </div>
      <DownloadButton fileName={zip.fileName} base64={zip.base64} mimeType="application/zip" variant="primary">
        Download {zip.fileName}
      </DownloadButton>
    </Card>
  );
}

const TAB_LABEL: Record<ExportFormat, string> = {
  terraform: "Terraform",
  "terraform-module": "Terraform module (mineiros)",
  openmcf: "OpenMCF",
  cloudformation: "CloudFormation",
  spec: "Spec (YAML)",
};

export interface ExportTabsProps {
  exports: PreparedExport[];
  moduleZip?: ModuleZipDownload;
  defaultFormat?: ExportFormat;
}

/** One tab per prepared format, with the module zip above the tabs. */
export function ExportTabs({ exports, moduleZip, defaultFormat }: ExportTabsProps) {
  const first = defaultFormat ?? exports[0]?.format;
  return (
    <div className="space-y-4">
      {moduleZip && <ModuleZipCard zip={moduleZip} />}
      {exports.length > 0 && first && (
        <Tabs defaultValue={first}>
          <TabsList aria-label="Export formats">
            {exports.map((e) => (
              <TabsTrigger key={e.format} value={e.format}>
                {TAB_LABEL[e.format]}
                {e.diagnostics.length > 0 && (
                  <Badge tone="warn" className="ml-1.5">
                    {e.diagnostics.length}
                    <span className="sr-only"> {e.diagnostics.length === 1 ? "warning" : "warnings"}</span>
                  </Badge>
                )}
              </TabsTrigger>
            ))}
          </TabsList>
          {exports.map((e) => (
            <TabsContent key={e.format} value={e.format}>
              <ExportPanel prepared={e} />
            </TabsContent>
          ))}
        </Tabs>
      )}
    </div>
  );
}

export interface ExportViewProps {
  document: PoolDocument;
  /** Formats to show, in order (default: all of the registry's). */
  formats?: readonly ExportFormat[];
  /** Terraform options (input variables, import blocks for live ids). */
  options?: ExportOptions;
  /** Offer the Terraform module folder zip (default true). */
  moduleZip?: boolean;
  defaultFormat?: ExportFormat;
}

/** Async server component: renders, highlights and shows every export of `document`. */
export async function ExportView({ document, formats, options, moduleZip = true, defaultFormat }: ExportViewProps) {
  const exports = await prepareExports(document, formats, options);
  return <ExportTabs exports={exports} moduleZip={moduleZip ? prepareModuleZip(document, options) : undefined} defaultFormat={defaultFormat} />;
}
