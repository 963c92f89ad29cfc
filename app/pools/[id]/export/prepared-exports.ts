import "server-only";
import { type ModuleZipDownload, type PreparedExport, prepareExports, prepareModuleZip } from "@/components/export-view/highlight";
import type { ExportOptions } from "@/lib/cognito/formats";
import type { PoolDocument } from "@/lib/cognito/spec";
import { VersionCache } from "@/lib/server/version-cache";

export interface PreparedExportPage {
  exports: PreparedExport[];
  moduleZip: ModuleZipDownload;
}

/**
 * Rendering every format, highlighting each file (shiki) and zipping the module folder was most of an export
 * page's server time; a draft is exported far more often than it changes. Kept per pool and target; the
 * exported document and options are the version, so an edit, a target's new values or a live id read since
 * make a new entry. Bounded: a large pool's page is several hundred kilobytes of HTML.
 */
const preparedPages = new VersionCache<Promise<PreparedExportPage>>(32, { freeze: true });

/** Designs above this size (JSON) are prepared afresh each time rather than kept. */
const LARGEST_KEPT_DESIGN_CHARS = 200_000;

async function preparePage(document: PoolDocument, options: ExportOptions | undefined): Promise<PreparedExportPage> {
  return { exports: await prepareExports(document, undefined, options), moduleZip: prepareModuleZip(document, options) };
}

/** The export page's prepared formats and module zip of `document` (the draft, or the draft as a target gets it). */
export function preparedExportPage(poolId: string, targetId: string | undefined, document: PoolDocument, options: ExportOptions | undefined): Promise<PreparedExportPage> {
  const version = JSON.stringify({ document, options: options ?? null });
  if (version.length > LARGEST_KEPT_DESIGN_CHARS) return preparePage(document, options);
  return preparedPages.get(`${poolId}|${targetId ?? ""}`, version, () => preparePage(document, options));
}
