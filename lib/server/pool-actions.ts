import "server-only";
import type { Diagnostic, PoolDocument } from "@/lib/cognito/spec";
import { createPoolDocument, getPreset } from "@/lib/cognito/presets";
import { detectImportFormat, importPoolDocument } from "@/lib/cognito/formats";
import type { ImportPoolInput, NewPoolInput } from "@/app/pools/pools.validation";
import { UserError } from "./errors";
import { createPool } from "./pools";
import type { Account } from "./users";

/** Builds the first document of a new pool from a pool preset or blank. */
export function newPoolDocument(input: NewPoolInput): PoolDocument {
  if (input.preset === "") {
    return { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: input.name }, spec: input.region ? { region: input.region } : {} };
  }
  const preset = getPreset(input.preset);
  if (!preset || preset.kind !== "pool") throw new UserError("unknown-preset", `There is no pool preset named "${input.preset}".`, "preset");
  return createPoolDocument(preset, { name: input.name, ...(input.region ? { region: input.region } : {}) });
}

/**
 * Imports a file (spec / OpenMCF / Terraform / CloudFormation, detected from its content) as a new pool.
 * Returns the import's diagnostics (warnings about what could not be carried over) with the new pool.
 */
export async function importPool(input: ImportPoolInput, account: Account): Promise<{ id?: string; name?: string; diagnostics: Diagnostic[] }> {
  const format = detectImportFormat(input.text, input.fileName) ?? "spec";
  const result = await importPoolDocument(input.text, format, { fileName: input.fileName });
  if (!result.document) {
    const first = result.diagnostics.find((d) => d.severity === "error");
    throw new UserError("import-failed", `The file could not be imported as ${format}: ${first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "no user pool found"}.`, "text");
  }
  const created = await createPool({ workspaceId: account.workspaceId, environment: input.environment, document: result.document, actor: account.email });
  return { ...created, diagnostics: result.diagnostics };
}
