import { unzipSync } from "fflate";
import type { SourceFile } from "@/lib/cognito/formats/types";

/**
 * Turning what a person gives the Import form into the files of an import: chosen files as they are, a .zip
 * expanded (only the files an importer reads: Terraform, tfvars, YAML/JSON templates and documents), or pasted text.
 */

/** What an importer reads: `.tf`, `.tfvars`, `.tfvars.json`, JSON, YAML, `.template`. */
const READABLE = /\.(tf|tfvars|json|ya?ml|template)$/iu;
/** Folders a zip of a project often carries that no importer wants (provider caches, macOS metadata, VCS). */
const IGNORED = /(^|\/)(__MACOSX|\.terraform|\.git|node_modules|cdk\.out\/asset\.[^/]*)\//u;

/** The name pasted text goes by in messages (`pasted text:12`): it is not a file the person has. */
export const PASTED_TEXT = "pasted text";

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

/** Files chosen in the form: zips expanded, text files read as they are. */
export async function sourceFilesFromUpload(chosen: readonly File[]): Promise<{ files: SourceFile[]; skipped: string[] }> {
  const files: SourceFile[] = [];
  const skipped: string[] = [];
  for (const file of chosen) {
    if (/\.zip$/iu.test(file.name)) {
      const inner = sourceFilesFromZip(new Uint8Array(await file.arrayBuffer()));
      files.push(...inner.files.map((f) => ({ ...f, path: `${file.name}/${f.path}` })));
      skipped.push(...inner.skipped.map((p) => `${file.name}/${p}`));
    } else files.push({ path: file.name, content: await file.text() });
  }
  return { files, skipped };
}

/** The files to import: the chosen ones, else the pasted text (named {@link PASTED_TEXT}), else none. */
export function filesToImport(uploaded: readonly SourceFile[], pasted: string): SourceFile[] {
  if (uploaded.length > 0) return [...uploaded];
  return pasted.trim() === "" ? [] : [{ path: PASTED_TEXT, content: pasted }];
}
