import "server-only";
import type { Diagnostic, PoolDocument } from "@/lib/cognito/spec";
import { createPoolDocument, getPreset } from "@/lib/cognito/presets";
import type { ImportPoolInput, NewPoolInput } from "@/app/pools/pools.validation";
import { UserError } from "./errors";
import { ParseLimitError, parseInWorker } from "./parse-worker";
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
 * The text is read in a parse worker (time and memory limits), never on the request's thread.
 */
export async function importPool(input: ImportPoolInput, account: Account): Promise<{ id?: string; name?: string; diagnostics: Diagnostic[] }> {
  const { format, result } = await readInWorker(input);
  if (!result.document) {
    const first = result.diagnostics.find((d) => d.severity === "error");
    throw new UserError("import-failed", `The file could not be imported as ${format}: ${first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "no user pool found"}.`, "text");
  }
  const created = await createPool({ workspaceId: account.workspaceId, environment: input.environment, document: result.document, actor: account.email });
  return { ...created, diagnostics: result.diagnostics };
}

async function readInWorker(input: ImportPoolInput) {
  try {
    return await parseInWorker({ kind: "import", text: input.text, fileName: input.fileName });
  } catch (error) {
    if (error instanceof ParseLimitError) throw new UserError(error.code, error.message, "text");
    throw error;
  }
}
