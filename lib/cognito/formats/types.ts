import type { Diagnostic } from "../spec/diagnostics";
import type { PoolDocument } from "../spec/document-schema";

/** The formats the studio exports to and imports from. `spec` is the studio's own document. */
export const EXPORT_FORMATS = ["terraform", "terraform-module", "openmcf", "cloudformation", "spec"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const IMPORT_FORMATS = ["spec", "terraform", "openmcf", "cloudformation"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One output file of an export (Terraform may write several: main.tf, variables.tf, imports.tf). */
export type ExportedFile = { path: string; content: string };

/**
 * What a renderer returns. Renderers never throw and never diff. What the target format cannot
 * express is a warning diagnostic (and, where the format has comments, a comment in the file):
 * nothing is lost without a word.
 */
export type ExportResult = { files: ExportedFile[]; diagnostics: Diagnostic[] };

/** The kinds of input an import can be read as: the studio's own document or a foreign format. */
export type ImportSourceKind = "native" | "openmcf" | "terraform" | "cloudformation";

/**
 * What a parser (importer) returns: the native document when the input could be read, and
 * diagnostics (errors for what makes the input unusable, warnings naming what the model cannot hold).
 * `sourceKind` says what the input was read as, so callers know whose paths the diagnostics use (an OpenMCF
 * manifest's, say) without parsing the text again. Each format's parser always sets its own kind;
 * `readPoolDocument` sets the kind it detected, and leaves it unset when the text is unreadable or of no known kind.
 * Parsers never throw.
 */
export type ImportResult = { document?: PoolDocument; diagnostics: Diagnostic[]; sourceKind?: ImportSourceKind };
