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

/** One file of an import: a Terraform folder gives several (`*.tf`, `terraform.tfvars`, `*.auto.tfvars`, `*.tfvars.json`). */
export type SourceFile = { path: string; content: string };

/**
 * A value an import could not evaluate: a named gap the person supplies (a Terraform variable with no
 * default, a template parameter with none) or that depends on one (a `local`, an expression). The draft is
 * saved all the same, invalid until every gap is filled; supplying the inputs and importing again fills every
 * field listed in `fields`.
 */
export type UnresolvedInput = {
  /** As the source names it: `var.env`, `local.name_prefix`, `Stage` (a template parameter), `AWS::AccountId`. */
  name: string;
  kind: "variable" | "local" | "parameter" | "pseudo-parameter" | "data-source" | "resource-attribute" | "expression";
  /** True for what a person can supply directly (variables, parameters, pseudo-parameters). */
  suppliable: boolean;
  /** Where it is declared, or else first used: the file as given and its 1-based line. */
  file?: string;
  line?: number;
  /** The declared type when there is one (`string`, `list(string)`, CloudFormation's `CommaDelimitedList`). */
  type?: string;
  /** The declaration's description, shown next to the input. */
  description?: string;
  /** The document fields it feeds, in diagnostic path notation (`metadata.name`, `spec.clients[0].name`). */
  fields: string[];
};

/** What to import and with which values; the same for the CLI, the server actions and the tests. */
export type ImportRequest = {
  files: SourceFile[];
  /** Guessed from the files when absent. */
  format?: ImportFormat;
  /** The Region when the files do not say (a Terraform `provider "aws"` or `AWS::Region` wins over nothing). */
  region?: string;
  /** Terraform `-var NAME=VALUE` and `-var-file` values (they win over tfvars files and defaults). */
  variables?: Record<string, string>;
  /**
   * Terraform `-var-file` files, in command-line order: read after `terraform.tfvars` and `*.auto.tfvars`, before
   * `variables` (so a `-var` wins over every file, whatever the order on the command line).
   */
  variableFiles?: SourceFile[];
  /** CloudFormation `--parameter KEY=VALUE` (they win over parameter defaults). */
  parameters?: Record<string, string>;
  /** CloudFormation pseudo-parameters: `AWS::AccountId`, `AWS::StackName`, `AWS::Partition`, `AWS::URLSuffix`. */
  pseudoParameters?: Record<string, string>;
  /** When the input holds several pools, the address of the one wanted (`aws_cognito_user_pool.main`, `UserPool`). */
  pool?: string;
};

/** One pool an import found, with everything that belongs to it. */
export type ImportedPool = {
  /** The pool's address in the source: `aws_cognito_user_pool.main`, `module.cognito`, `UserPool` (logical id). */
  address: string;
  /** The pool's name when it could be evaluated. */
  name?: string;
  /** The document as built, possibly incomplete (missing what is unresolved): what the draft stores. */
  draft: Record<string, unknown>;
  /** The same document when it passes the schema (it may still have cross-field errors in `diagnostics`). */
  document?: PoolDocument;
  unresolved: UnresolvedInput[];
  /** Warnings name what the model cannot hold, with `file:line` in the message; errors make the draft invalid. */
  diagnostics: Diagnostic[];
};

/**
 * What `importFiles` returns. An input that holds Cognito resources always gives at least one pool (a draft);
 * `diagnostics` are about the input as a whole (an unreadable file, a file with no Cognito resources, what
 * was ignored).
 */
export type ImportFilesResult = { sourceKind?: ImportSourceKind; pools: ImportedPool[]; diagnostics: Diagnostic[] };
