/**
 * The parsing a server hands to a worker thread (lib/server/parse-worker.ts): plain data in, plain data out,
 * so it crosses the thread boundary by structured clone. Guessing the format and reading the text happen
 * here together, because both walk the whole text.
 */
import { detectImportFormat, importPoolDocument } from "./index";
import type { ImportFormat, ImportResult } from "./types";

export type ParseJob = { kind: "import"; text: string; fileName?: string; format?: ImportFormat };
export type ParseJobResult = { format: ImportFormat; result: ImportResult };

export async function runParseJob(job: ParseJob): Promise<ParseJobResult> {
  const format = job.format ?? detectImportFormat(job.text, job.fileName) ?? "spec";
  return { format, result: await importPoolDocument(job.text, format, { fileName: job.fileName }) };
}
