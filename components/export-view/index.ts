/**
 * The export page's views. `ExportView` (async server component) or, to control data loading, `prepareExports` +
 * `prepareModuleZip` on the server and `ExportTabs` to render. Client parts: CopyButton, DownloadButton.
 */
export { ExportView, ExportTabs, ExportPanel, ExportFileView, ExportWarnings, ModuleZipCard, type ExportViewProps, type ExportTabsProps } from "./export-view";
export { CopyButton, type CopyButtonProps } from "./copy-button";
export { DownloadButton, type DownloadButtonProps } from "./download-button";
export {
  prepareExport,
  prepareExports,
  prepareModuleZip,
  highlightCode,
  languageForFile,
  HIGHLIGHT_THEME,
  HIGHLIGHT_MAX_CHARS,
  type CodeLanguage,
  type HighlightedFile,
  type PreparedExport,
  type ModuleZipDownload,
} from "./highlight";
