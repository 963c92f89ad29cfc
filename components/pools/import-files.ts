import type { SourceFile } from "@/lib/cognito/formats/types";

/**
 * Turning what a person gives the Import form into the files of an import: chosen files as they are, a .zip
 * expanded (only the files an importer reads: Terraform, tfvars, YAML/JSON templates and documents; `zip-files.ts`),
 * or pasted text.
 */

/** The name pasted text goes by in messages (`pasted text:12`): it is not a file the person has. */
export const PASTED_TEXT = "pasted text";

/** Files chosen in the form: zips expanded, text files read as they are. */
export async function sourceFilesFromUpload(chosen: readonly File[]): Promise<{ files: SourceFile[]; skipped: string[] }> {
  const files: SourceFile[] = [];
  const skipped: string[] = [];
  for (const file of chosen) {
    if (/\.zip$/iu.test(file.name)) {
      const { sourceFilesFromZip } = await import("./zip-files");
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
