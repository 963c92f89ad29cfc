import { unzipSync } from "fflate";
import type { SourceFile } from "@/lib/cognito/formats/types";

/**
 * A .zip given to the Import form, expanded to the files an importer reads. Its own module: the Import form
 * loads it (and fflate) only when a zip is chosen, so the pools page does not ship it in its first load.
 */

/** What an importer reads: `.tf`, `.tfvars`, `.tfvars.json`, JSON, YAML, `.template`. */
const READABLE = /\.(tf|tfvars|json|ya?ml|template)$/iu;
/** Folders a zip of a project often carries that no importer wants (provider caches, macOS metadata, VCS). */
const IGNORED = /(^|\/)(__MACOSX|\.terraform|\.git|node_modules|cdk\.out\/asset\.[^/]*)\//u;

/** Readable text files of a zip archive, by their path inside it; the others are listed as skipped. */
export function sourceFilesFromZip(bytes: Uint8Array): { files: SourceFile[]; skipped: string[] } {
  const entries = unzipSync(bytes);
  const files: SourceFile[] = [];
  const skipped: string[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: false });
  for (const [path, data] of Object.entries(entries)) {
    if (path.endsWith("/")) continue;
    if (IGNORED.test(path) || !READABLE.test(path)) {
      skipped.push(path);
      continue;
    }
    files.push({ path, content: decoder.decode(data) });
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, skipped };
}
