/**
 * The parsing a server hands to a worker thread (lib/server/parse-worker.ts): plain data in, plain data out,
 * so it crosses the thread boundary by structured clone. Guessing the format and reading the text happen
 * here together, because both walk the whole text.
 */
import { detectImportFormat, importFiles, importPoolDocument } from "./index";
import type { ImportFilesResult, ImportFormat, ImportRequest, ImportResult } from "./types";
import { type PlanReview, type ReviewOptions, reviewTerraformPlan } from "../terraform-plan/review-plan";
import type { PolicyTarget, PolicyViolation } from "../policies";
import type { PoolDocument } from "../spec/document-schema";

/** One text in one format (the single-file importers). */
export type ImportTextJob = { kind: "import"; text: string; fileName?: string; format?: ImportFormat };
export type ImportTextJobResult = { format: ImportFormat; result: ImportResult };
/** A whole import request (files, values, the pool wanted), read by `importFiles`: the Import form's reading. */
export type ImportFilesJob = { kind: "import-files"; request: ImportRequest };

/** The JSON of a saved Terraform plan, reviewed for what it does to Cognito (no AWS call: users are "not read"). */
export type ReviewTerraformPlanJob = { kind: "review-terraform-plan"; text: string; options?: Pick<ReviewOptions, "userCounts" | "notReadReason"> };

/**
 * A policy file as typed on the Policies page, read and checked against a pool's draft when there is one: a
 * viewer may send any rule, and one can take the policy time limit (seconds) off the server's event loop.
 */
export type TestPoliciesJob = { kind: "test-policies"; text: string; document?: PoolDocument; target: PolicyTarget };
export type TestPoliciesJobResult = { problems: string[]; violations: PolicyViolation[] };

export type ParseJob = ImportTextJob | ImportFilesJob | ReviewTerraformPlanJob | TestPoliciesJob;
/** What a job of each kind gives back. */
export type ParseJobResult<J extends ParseJob = ParseJob> = J extends ImportFilesJob
  ? ImportFilesResult
  : J extends ReviewTerraformPlanJob
    ? PlanReview
    : J extends TestPoliciesJob
      ? TestPoliciesJobResult
      : ImportTextJobResult;

export async function runParseJob<J extends ParseJob>(job: J): Promise<ParseJobResult<J>>;
export async function runParseJob(job: ParseJob): Promise<ImportFilesResult | ImportTextJobResult | PlanReview | TestPoliciesJobResult> {
  if (job.kind === "import-files") return importFiles(job.request);
  if (job.kind === "test-policies") {
    // Loaded for this job only: the CEL evaluator and its RE2 engine would slow every worker's start.
    const [{ readPolicyFile }, { evaluatePolicies }] = await Promise.all([import("../policies/read-policy-file"), import("../policies/evaluate")]);
    const file = readPolicyFile(job.text);
    return { problems: file.problems, violations: job.document ? evaluatePolicies(file.compiled, job.document, job.target) : [] };
  }
  if (job.kind === "review-terraform-plan") return reviewTerraformPlan(job.text, job.options);
  const format = job.format ?? detectImportFormat(job.text, job.fileName) ?? "spec";
  return { format, result: await importPoolDocument(job.text, format, { fileName: job.fileName }) };
}
