import "server-only";
import type { CreateImportInput, ReadImportInput, SupplyInputsInput } from "@/lib/contracts/import-inputs";
import type { ImportedPool, ImportFilesResult, ImportFormat, ImportRequest, ImportSourceKind, SourceFile, UnresolvedInput } from "@/lib/cognito/formats";
import { copyFields, type Diagnostic, FRIENDLY_NAME_PATTERN, hasErrors, removeProviderSecrets, SECRET_DETAIL_KEYS, validatePoolDocument } from "@/lib/cognito/spec";
import { type Db, type DbTx, getDb } from "./db";
import { DRAFT_CONFLICT } from "@/lib/contracts/action-result";
import { UserError } from "./errors";
import { ParseLimitError, parseInWorker } from "./parse-worker";
import { MAX_DOCUMENT_CHARS, readStoredDocument, saveDraft, type SaveDraftResult } from "./pools";
import type { Account } from "./users";

/**
 * Importing pools into the studio from files (Terraform, CloudFormation, OpenMCF, the studio's own document) as
 * drafts that may be incomplete, with the inputs still to supply kept beside the pool (import-aws.ts imports live
 * pools). The file formats are read by `importFiles` (lib/cognito/formats) in the parse worker
 * (lib/server/parse-worker.ts), never on the request thread: one hostile upload cannot stall or take down the
 * server. Tests may replace the reading through `deps.importFiles`.
 */
export type ImportFilesFn = (request: ImportRequest) => Promise<ImportFilesResult>;
export interface ImportDeps {
  db?: Db;
  importFiles?: ImportFilesFn;
}

const FORMAT_OF_KIND: Record<ImportSourceKind, ImportFormat> = { native: "spec", openmcf: "openmcf", terraform: "terraform", cloudformation: "cloudformation" };
const NAME_MAX = 128;

/** `name-2`, `name-3`… : the first name not in `taken` (kept within the 128 characters of a pool name). */
export function nextFreeName(name: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${name.slice(0, NAME_MAX - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The name a design gets when the files give none it could evaluate: the pool's address, made a valid pool name. */
function placeholderName(address: string): string {
  const cleaned = address.replace(/[^\w\s+=,.@-]+/gu, "-").replace(/-+/gu, "-").replace(/^-|-$/gu, "").slice(0, NAME_MAX);
  return FRIENDLY_NAME_PATTERN.test(cleaned) ? cleaned : "imported-pool";
}

function describeDiagnostic(d: Diagnostic): string {
  return d.path ? `${d.path}: ${d.message}` : d.message;
}

/** An input that would carry an identity provider's secret: never taken (the spec holds a secretRef instead). */
function feedsSecret(input: UnresolvedInput): boolean {
  return input.fields.some((f) => SECRET_DETAIL_KEYS.some((key) => f.endsWith(`.${key}`) || f.endsWith(`["${key}"]`)));
}

export async function takenNames(workspaceId: string, db: Db | DbTx): Promise<Set<string>> {
  return new Set((await db.pool.findMany({ where: { workspaceId }, select: { name: true } })).map((p) => p.name));
}

/** Reads an import request in the server's parse worker pool, within its time and memory limits. */
export function importFilesInWorker(request: ImportRequest): Promise<ImportFilesResult> {
  return parseInWorker({ kind: "import-files", request });
}

/**
 * Reads the files; a reading the worker stopped (time, memory, too many at once) becomes an error at the field
 * the person gave the files in (`files`: the form shows it at the file chooser or the text box), or at the
 * form's level when there is none (supplying inputs re-reads stored files).
 */
async function runImport(request: ImportRequest, deps: ImportDeps, field?: string): Promise<ImportFilesResult> {
  try {
    return await (deps.importFiles ?? importFilesInWorker)(request);
  } catch (cause) {
    if (cause instanceof ParseLimitError) throw new UserError(cause.code, cause.message, field);
    throw cause;
  }
}

/** The refusal when the files hold no pool: which file and line, and what was looked for. */
function noPoolError(result: ImportFilesResult, files: SourceFile[]): UserError {
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  const names = files.map((f) => f.path).join(", ");
  const detail = errors.length > 0 ? errors.slice(0, 3).map(describeDiagnostic).join("; ") : "no Cognito user pool was found (aws_cognito_user_pool, a cognito-user-pool module, AWS::Cognito::UserPool, or a studio/OpenMCF document)";
  return new UserError("import-found-nothing", `Nothing could be imported from ${names}: ${detail}.`, "files");
}

export interface ImportPreviewPool {
  address: string;
  /** The name the files give, when it could be evaluated. */
  name?: string;
  /** The name the design gets unless the person gives another. */
  defaultName: string;
  /** A pool of the workspace already has `defaultName`. */
  taken: boolean;
  /** The free name offered instead ("Import as NAME-2"). */
  freeName: string;
  counts: { clients: number; resourceServers: number; groups: number; identityProviders: number; domain: boolean };
  unresolved: UnresolvedInput[];
  errors: string[];
  warnings: string[];
}

export interface ImportPreview {
  format?: ImportFormat;
  pools: ImportPreviewPool[];
  /** About the input as a whole (what was ignored, a file that could not be read). */
  notes: string[];
}

function countOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

function previewOf(pool: ImportedPool, taken: Set<string>): ImportPreviewPool {
  const spec = (pool.draft.spec ?? {}) as Record<string, unknown>;
  const defaultName = pool.name ?? placeholderName(pool.address);
  return {
    address: pool.address,
    ...(pool.name ? { name: pool.name } : {}),
    defaultName,
    taken: taken.has(defaultName),
    freeName: nextFreeName(defaultName, taken),
    counts: {
      clients: countOf(spec.clients),
      resourceServers: countOf(spec.resourceServers),
      groups: countOf(spec.groups),
      identityProviders: countOf(spec.identityProviders),
      domain: spec.domain !== undefined,
    },
    unresolved: pool.unresolved,
    errors: pool.diagnostics.filter((d) => d.severity === "error").map(describeDiagnostic),
    warnings: pool.diagnostics.filter((d) => d.severity === "warning").map(describeDiagnostic),
  };
}

/** Reads the files and lists the pools they hold, with name collisions and the inputs to supply. Creates nothing. */
export async function readImport(workspaceId: string, input: ReadImportInput, deps: ImportDeps = {}): Promise<ImportPreview> {
  const db = deps.db ?? getDb().db;
  const result = await runImport({ files: input.files, ...(input.region ? { region: input.region } : {}) }, deps, "files");
  if (result.pools.length === 0) throw noPoolError(result, input.files);
  const taken = await takenNames(workspaceId, db);
  return {
    ...(result.sourceKind ? { format: FORMAT_OF_KIND[result.sourceKind] } : {}),
    pools: result.pools.map((p) => previewOf(p, taken)),
    notes: result.diagnostics.map(describeDiagnostic),
  };
}

export interface CreatedImport {
  id: string;
  name: string;
  address: string;
  valid: boolean;
  /** Inputs a person can supply on the pool's page. */
  inputsToSupply: number;
  warnings: string[];
}

type StoredValues = { variables: Record<string, string>; parameters: Record<string, string>; pseudoParameters: Record<string, string> };
const NO_VALUES: StoredValues = { variables: {}, parameters: {}, pseudoParameters: {} };

/** The draft as stored: the import's document without provider secrets, under the chosen name when there is one. */
function draftOf(pool: ImportedPool, chosenName: string | undefined): { text: string; valid: boolean } {
  const base = chosenName === undefined ? pool.draft : { ...pool.draft, metadata: { ...((pool.draft.metadata as Record<string, unknown> | undefined) ?? {}), name: chosenName } };
  const { document, removed } = removeProviderSecrets(base);
  const text = JSON.stringify(document);
  if (text.length > MAX_DOCUMENT_CHARS) throw new UserError("document-too-large", `The pool ${pool.address} is larger than ${MAX_DOCUMENT_CHARS} characters as a document; it was not imported.`, "files");
  return { text, valid: !hasErrors([...removed, ...validatePoolDocument(document).diagnostics]) };
}

/** Unresolved inputs as kept for a pool: a name the person chose is no longer fed by the files. */
function keptInputs(unresolved: UnresolvedInput[], nameChosen: boolean): UnresolvedInput[] {
  return nameChosen ? unresolved.map((u) => ({ ...u, fields: u.fields.filter((f) => f !== "metadata.name") })) : unresolved;
}

/**
 * Imports the chosen pools of the files, each as a new design whose draft is stored even when invalid, with its
 * import source (files, format, values, inputs still missing). All or nothing, in one transaction with one audit
 * event per pool. A taken name is a field error at `choices.N.name` offering the next free name.
 */
export async function createImportedPools(account: Account, input: CreateImportInput, deps: ImportDeps = {}): Promise<CreatedImport[]> {
  const db = deps.db ?? getDb().db;
  const result = await runImport({ files: input.files, ...(input.region ? { region: input.region } : {}) }, deps, "files");
  if (result.pools.length === 0) throw noPoolError(result, input.files);
  const format = result.sourceKind ? FORMAT_OF_KIND[result.sourceKind] : undefined;
  const chosen = input.choices.map((choice, index) => {
    const pool = result.pools.find((p) => p.address === choice.address);
    if (!pool) throw new UserError("import-pool-gone", `The files no longer hold the pool ${choice.address}; read them again.`, `choices.${index}.name`);
    const nameChosen = choice.name !== undefined && choice.name !== pool.name;
    return { pool, index, nameChosen, name: choice.name ?? pool.name ?? placeholderName(pool.address) };
  });
  return db.$transaction(async (tx) => {
    const taken = await takenNames(account.workspaceId, tx);
    const fieldErrors: Record<string, string[]> = {};
    const seen = new Set<string>();
    for (const c of chosen) {
      if (taken.has(c.name) || seen.has(c.name)) {
        const free = nextFreeName(c.name, new Set([...taken, ...seen]));
        fieldErrors[`choices.${c.index}.name`] = [`A pool named "${c.name}" already exists in this workspace; import it as ${free}, or give another name.`];
      }
      seen.add(c.name);
    }
    if (Object.keys(fieldErrors).length > 0) throw new UserError("pool-name-taken", "A pool with this name already exists.", undefined, { fieldErrors });
    const files = JSON.stringify(input.files);
    const created: CreatedImport[] = [];
    for (const c of chosen) {
      const draft = draftOf(c.pool, c.nameChosen ? c.name : undefined);
      const spec = (c.pool.draft.spec ?? {}) as { region?: unknown };
      const region = typeof spec.region === "string" ? spec.region : (input.region ?? "");
      const unresolved = keptInputs(c.pool.unresolved, c.nameChosen);
      const pool = await tx.pool.create({
        data: {
          workspaceId: account.workspaceId,
          name: c.name,
          region,
          environment: input.environment,
          draft: { create: { document: draft.text, valid: draft.valid, updatedBy: account.email } },
          importSource: {
            create: {
              format: format ?? "",
              address: c.pool.address,
              files,
              region: input.region ?? null,
              inputValues: JSON.stringify(NO_VALUES),
              unresolved: JSON.stringify(unresolved),
            },
          },
        },
      });
      const paths = input.files.map((f) => f.path);
      await tx.auditEvent.create({
        data: {
          actor: account.email,
          action: "pool.import",
          target: pool.id,
          workspaceId: account.workspaceId,
          poolId: pool.id,
          after: `imported ${c.name} (${c.pool.address}) from ${paths.slice(0, 5).join(", ")}${paths.length > 5 ? ` and ${paths.length - 5} more` : ""}${draft.valid ? "" : " (draft has errors)"}`,
          details: JSON.stringify({ format: format ?? null, address: c.pool.address, unresolved: unresolved.map((u) => u.name), diagnostics: c.pool.diagnostics.length }),
        },
      });
      created.push({
        id: pool.id,
        name: c.name,
        address: c.pool.address,
        valid: draft.valid,
        inputsToSupply: unresolved.filter((u) => u.suppliable && !feedsSecret(u)).length,
        warnings: c.pool.diagnostics.filter((d) => d.severity === "warning").map(describeDiagnostic),
      });
    }
    return created;
  });
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export interface ImportInputView extends UnresolvedInput {
  /** It would carry an identity provider's secret: not taken here (set the provider's secretRef). */
  secret: boolean;
}

export interface ImportSourceView {
  format: string;
  address: string;
  files: string[];
  region: string | null;
  /** Inputs still missing (suppliable first). */
  inputs: ImportInputView[];
  /** Names of the inputs supplied so far (values are not shown again). */
  supplied: string[];
}

/** Where an imported pool came from and what it still needs; null for a pool not imported from files. */
export async function getImportSource(workspaceId: string, poolId: string, db: Db = getDb().db): Promise<ImportSourceView | null> {
  const row = await db.importSource.findFirst({ where: { poolId, pool: { workspaceId } } });
  if (!row) return null;
  const files = parseJson<SourceFile[]>(row.files, []);
  const values = parseJson<StoredValues>(row.inputValues, NO_VALUES);
  const inputs = parseJson<UnresolvedInput[]>(row.unresolved, []).map((u) => ({ ...u, secret: feedsSecret(u) }));
  inputs.sort((a, b) => Number(b.suppliable && !b.secret) - Number(a.suppliable && !a.secret));
  return {
    format: row.format,
    address: row.address,
    files: files.map((f) => f.path),
    region: row.region,
    inputs,
    supplied: [...Object.keys(values.variables).map((k) => `var.${k}`), ...Object.keys(values.parameters), ...Object.keys(values.pseudoParameters)],
  };
}

/** Where a supplied value goes in the import request: Terraform variables by bare name, parameters as named. */
function addValue(values: StoredValues, input: UnresolvedInput, value: string): void {
  if (input.kind === "variable") values.variables[input.name.replace(/^var\./u, "")] = value;
  else if (input.kind === "pseudo-parameter") values.pseudoParameters[input.name] = value;
  else values.parameters[input.name] = value;
}

export interface SuppliedInputs extends SaveDraftResult {
  /** Fields of the draft written from the files with the values. */
  filled: string[];
  /** Fields that had nowhere to go (their client or group was removed since the import). */
  skipped: string[];
  /** Inputs still missing. */
  remaining: number;
}

/**
 * Supplies values for a pool's missing inputs: imports the stored files again with every value supplied so far
 * and writes into the current draft ONLY the fields fed by the inputs that are now resolved, as a new draft
 * version (conditional on the version the person saw, like every save), so edits made since the import stay.
 * The import source and an audit event are written in the same transaction.
 */
export async function supplyImportInputs(account: Account, input: SupplyInputsInput, deps: ImportDeps = {}): Promise<SuppliedInputs> {
  const db = deps.db ?? getDb().db;
  const pool = await db.pool.findFirst({ where: { id: input.poolId, workspaceId: account.workspaceId }, include: { draft: true, importSource: true } });
  if (!pool || !pool.draft) throw new UserError("pool-not-found", "This pool no longer exists.");
  const source = pool.importSource;
  if (!source) throw new UserError("not-imported", "This pool was not imported from files: there are no inputs to supply.");
  if (pool.draft.version !== input.draftVersion) {
    throw new UserError(DRAFT_CONFLICT, `The draft changed since you opened it (now version ${pool.draft.version} by ${pool.draft.updatedBy ?? "someone"}); reload, then supply the values again.`);
  }
  const stored = parseJson<UnresolvedInput[]>(source.unresolved, []);
  const values = parseJson<StoredValues>(source.inputValues, NO_VALUES);
  const fieldErrors: Record<string, string[]> = {};
  const supplied: string[] = [];
  for (const [name, raw] of Object.entries(input.values)) {
    const value = raw.trim();
    if (value === "") continue;
    const unresolved = stored.find((u) => u.name === name);
    if (!unresolved || !unresolved.suppliable) fieldErrors[`values.${name}`] = [`${name} is not an input this pool is waiting for; reload the page.`];
    else if (feedsSecret(unresolved)) fieldErrors[`values.${name}`] = [`${name} feeds an identity provider's secret, which the studio never stores: set the provider's secretRef instead.`];
    else {
      addValue(values, unresolved, value);
      supplied.push(name);
    }
  }
  if (Object.keys(fieldErrors).length > 0) throw new UserError("bad-input-values", "Some values cannot be taken.", undefined, { fieldErrors });
  if (supplied.length === 0) throw new UserError("no-values", "Type a value for at least one input.");

  const files = parseJson<SourceFile[]>(source.files, []);
  const result = await runImport(
    {
      files,
      ...(source.format ? { format: source.format as ImportFormat } : {}),
      ...(source.region ? { region: source.region } : {}),
      variables: values.variables,
      parameters: values.parameters,
      pseudoParameters: values.pseudoParameters,
      pool: source.address,
    },
    deps,
  );
  const fresh = result.pools.find((p) => p.address === source.address) ?? (result.pools.length === 1 ? result.pools[0] : undefined);
  if (!fresh) {
    const why = result.diagnostics.find((d) => d.severity === "error");
    throw new UserError("import-failed", `The files no longer give the pool ${source.address}${why ? `: ${describeDiagnostic(why)}` : ""}. Nothing was changed.`);
  }
  // A name chosen at import stays the person's: the stored inputs no longer list metadata.name.
  const nameChosen = !stored.some((u) => u.fields.includes("metadata.name")) && fresh.unresolved.some((u) => u.fields.includes("metadata.name"));
  const stillMissing = new Set(fresh.unresolved.map((u) => u.name));
  const resolved = stored.filter((u) => !stillMissing.has(u.name));
  const current = readStoredDocument(pool.draft.document).raw;
  const base = current && typeof current === "object" && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
  const { document, written, skipped } = copyFields(base, fresh.draft, resolved.flatMap((u) => u.fields));
  const remaining = keptInputs(fresh.unresolved, nameChosen);

  return db.$transaction(async (tx) => {
    const saved = await saveDraft({ workspaceId: account.workspaceId, poolId: pool.id, version: input.draftVersion, document, actor: account.email }, tx);
    await tx.importSource.update({ where: { id: source.id }, data: { inputValues: JSON.stringify(values), unresolved: JSON.stringify(remaining) } });
    await tx.auditEvent.create({
      data: {
        actor: account.email,
        action: "draft.import-inputs",
        target: pool.id,
        workspaceId: account.workspaceId,
        poolId: pool.id,
        before: `version ${input.draftVersion}`,
        after: `version ${saved.version}: supplied ${supplied.join(", ")}; filled ${written.length} field(s)${saved.valid ? "" : " (draft has errors)"}`,
        // The names of what was supplied, never the values (a variable may hold anything).
        details: JSON.stringify({ supplied, filled: written, skipped, remaining: remaining.map((u) => u.name) }),
      },
    });
    return { ...saved, filled: written, skipped, remaining: remaining.filter((u) => u.suppliable).length };
  });
}
