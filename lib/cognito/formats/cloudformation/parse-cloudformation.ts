/**
 * The single-text CloudFormation importer (the format registry's `cloudformation` entry): the template's
 * first user pool as a document, with every diagnostic of the import. `importCloudFormationFiles`
 * (import-template.ts) is the full version: several files, every pool, the drafts and their gaps.
 * Never throws.
 */
import { warning } from "../../spec/diagnostics";
import type { ImportResult } from "../types";
import { importTemplateFile } from "./import-template";

export interface CloudFormationImportOptions {
  /** The Region to use when the template does not record one (a template is region-neutral). */
  region?: string;
  fileName?: string;
}

/** Reads a CloudFormation template (YAML or JSON) into a pool document. Never throws. */
export function parseCloudFormation(text: string, options: CloudFormationImportOptions = {}): ImportResult {
  const file = options.fileName ?? "template";
  const { pools, diagnostics } = importTemplateFile({ path: file, content: text }, { files: [], region: options.region });
  const [pool] = pools;
  if (!pool) return { diagnostics, sourceKind: "cloudformation" };
  if (pools.length > 1) diagnostics.push(warning("", "several-pools", `${file} has ${pools.length} user pools; only ${pool.address} was imported (import with --pool to pick another)`));
  return { ...(pool.document ? { document: pool.document } : {}), diagnostics: [...diagnostics, ...pool.diagnostics], sourceKind: "cloudformation" };
}
