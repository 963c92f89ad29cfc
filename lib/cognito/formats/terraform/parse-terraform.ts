/**
 * Reads Terraform HCL text (one file, or several concatenated, e.g. the CLI's `# ==> main.tf <==` output) into one
 * pool document: the single-text form of {@link importTerraformFiles}, used by the format registry and the
 * round-trip tests. The first pool is read; a second one is a warning. Async because the HCL parser is
 * WebAssembly. Never throws.
 */
import { warning } from "../../spec/diagnostics";
import type { PoolDocument } from "../../spec/document-schema";
import type { ImportResult } from "../types";
import { importTerraformFiles } from "./import-terraform";

export async function parseTerraform(text: string, fileName = "main.tf", region?: string): Promise<ImportResult> {
  const result = await importTerraformFiles({ files: [{ path: fileName, content: text }], ...(region ? { region } : {}) });
  const [first, ...others] = result.pools;
  const diagnostics = [...result.diagnostics, ...(first?.diagnostics ?? [])];
  if (others.length) diagnostics.unshift(warning("", "several-pools", `${fileName} has ${result.pools.length} user pools; only ${first.address} was imported`));
  const document: PoolDocument | undefined = first?.document;
  // Cross-field findings are reported alongside the document, as every format's parser does.
  return { ...(document ? { document } : {}), diagnostics, sourceKind: "terraform" };
}
