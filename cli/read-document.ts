import { readPoolDocument } from "../lib/cognito/formats/read-pool-document";
import { type Diagnostic, hasErrors } from "../lib/cognito/spec/diagnostics";
import type { PoolDocument } from "../lib/cognito/spec/document-schema";
import { type CliIo, EXIT_INVALID, EXIT_USAGE } from "./io";

/**
 * Reads FILE (- for standard input) as a valid pool document for `command` (apply, connect, preflight),
 * printing its diagnostics on standard error (`errorsOnly`: warnings are left out). Returns the document,
 * or the exit status when the file cannot be read (2) or is not a valid document (1).
 */
export async function readValidDocument(io: CliIo, command: string, file: string, { errorsOnly = false } = {}): Promise<PoolDocument | number> {
  let text: string;
  try {
    text = file === "-" ? await io.readStdin() : await io.readFile(file);
  } catch (cause) {
    io.stderr(`cognito-studio ${command}: cannot read ${file}: ${cause instanceof Error ? cause.message : String(cause)}\n`);
    return EXIT_USAGE;
  }
  const { document, diagnostics } = readPoolDocument(text, file === "-" ? undefined : file);
  const shown: Diagnostic[] = errorsOnly ? diagnostics.filter((d) => d.severity === "error") : diagnostics;
  for (const d of shown) io.stderr(`${file}: ${d.severity}${d.path ? ` ${d.path}` : ""} (${d.code}): ${d.message}\n`);
  if (!document || hasErrors(diagnostics)) {
    io.stderr(`cognito-studio ${command}: ${file} is not a valid pool document\n`);
    return EXIT_INVALID;
  }
  return document;
}
