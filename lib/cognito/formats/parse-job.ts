/**
 * The parsing a server hands to a worker thread (lib/server/parse-worker.ts): plain data in, plain data out,
 * so it crosses the thread boundary by structured clone. Guessing the format and reading the text happen
 * here together, because both walk the whole text.
 */
import { detectImportFormat, importFiles, importPoolDocument } from "./index";
import type { ImportFilesResult, ImportFormat, ImportRequest, ImportResult } from "./types";
import { type PlanReview, type ReviewOptions, reviewTerraformPlan } from "../terraform-plan/review-plan";

/** One text in one format (the single-file importers). */
export type ImportTextJob = { kind: "import"; text: string; fileName?: string; format?: ImportFormat };
export type ImportTextJobResult = { format: ImportFormat; result: ImportResult };
/** A whole import request (files, values, the pool wanted), read by `importFiles`: the Import form's reading. */
export type ImportFilesJob = { kind: "import-files"; request: ImportRequest };

/** The JSON of a saved Terraform plan, reviewed for what it does to Cognito (no AWS call: users are "not read"). */
export type ReviewTerraformPlanJob = { kind: "review-terraform-plan"; text: string; options?: Pick<ReviewOptions, "userCounts" | "notReadReason"> };

export type ParseJob = ImportTextJob | ImportFilesJob | ReviewTerraformPlanJob;
/** What a job of each kind gives back. */
export type ParseJobResult<J extends ParseJob = ParseJob> = J extends ImportFilesJob ? ImportFilesResult : J extends ReviewTerraformPlanJob ? PlanReview : ImportTextJobResult;

export async function runParseJob<J extends ParseJob>(job: J): Promise<ParseJobResult<J>>;
export async function runParseJob(job: ParseJob): Promise<ImportFilesResult | ImportTextJobResult | PlanReview> {
  if (job.kind === "import-files") return importFiles(job.request);
  if (job.kind === "review-terraform-plan") return reviewTerraformPlan(job.text, job.options);
  const format = job.format ?? detectImportFormat(job.text, job.fileName) ?? "spec";
  return { format, result: await importPoolDocument(job.text, format, { fileName: job.fileName }) };
}
