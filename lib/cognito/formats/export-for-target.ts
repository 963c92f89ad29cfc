/**
 * An export for one target: the design with the target's per-environment values and Region (what planning and
 * applying for that target use, lib/cognito/environments), and, when the target knows its live pool, the ids
 * that let Terraform adopt it (`import {}` blocks) instead of creating a second pool.
 */
import { applyEnvironmentValues, type EnvironmentValues } from "../environments";
import type { PoolDocument } from "../spec/document-schema";
import type { TerraformExportOptions } from "./terraform/render-terraform";

export interface ExportTarget {
  name: string;
  region: string;
  /** The target's pool, once an apply created or linked it. */
  userPoolId?: string | null;
  environmentValues: EnvironmentValues;
}

/** Ids read from the target's live pool: client ids by client name. */
export interface TargetLiveIds {
  userPoolId: string;
  clientIds: Readonly<Record<string, string>>;
}

export interface TargetExport {
  document: PoolDocument;
  options: TerraformExportOptions;
  /** What the target changed in the design, for the page to say (`spec.clients["web"].callbackUrls`, `spec.region`). */
  replaced: string[];
  /** Client names the target's values mention that the design lacks. */
  unknownClients: string[];
  /** Settings the target's values hold that the design lacks (ignored), in the words of the page. */
  unusedSettings: string[];
}

/**
 * The document and Terraform options of an export for `target`. `live` are the ids read from its pool (client
 * ids included); without them, a target with a pool still gets an import block for the pool, and Terraform
 * creates the clients (the export warns per client).
 */
export function exportForTarget(design: PoolDocument, target: ExportTarget, live?: TargetLiveIds): TargetExport {
  const applied = applyEnvironmentValues(design, target.environmentValues);
  const replaced = [...applied.replaced];
  const document = applied.document;
  if (document.spec.region !== target.region) {
    document.spec = { ...document.spec, region: target.region };
    replaced.push("spec.region");
  }
  const userPoolId = live?.userPoolId ?? target.userPoolId ?? undefined;
  const options: TerraformExportOptions = userPoolId ? { liveIds: { userPoolId, ...(live ? { clients: live.clientIds } : {}) } } : {};
  return { document, options, replaced, unknownClients: applied.unknownClients, unusedSettings: applied.unusedSettings };
}
