import "server-only";
import { type Diagnostic, type PoolDocument, hasErrors, removeProviderSecrets, validatePoolDocument } from "@/lib/cognito/spec";
import { sameValue } from "@/lib/cognito/plan";
import { type Db, type DbTx, getDb } from "./db";
import { DRAFT_CONFLICT } from "@/lib/contracts/action-result";
import { UserError } from "./errors";
import { VersionCache } from "./version-cache";

/** Largest document a draft may hold (JSON text): far above a 200-client pool, far below trouble. */
export const MAX_DOCUMENT_CHARS = 2_000_000;

/**
 * The draft against the last revision: a design's own state, not AWS's (what is applied where is
 * lib/server/deployments.ts, from the applies).
 */
export type PoolStatus = "no-revision" | "draft-changed" | "draft-saved";

export const POOL_STATUS_LABEL: Record<PoolStatus, string> = {
  "no-revision": "no revision yet",
  "draft-changed": "draft changed since last revision",
  "draft-saved": "draft saved as revision",
};

export type PoolSummary = {
  id: string;
  name: string;
  region: string;
  environment: string;
  awsUserPoolId: string | null;
  updatedAt: Date;
  status: PoolStatus;
  draftValid: boolean;
  lastChangeBy: string | null;
};

/**
 * A document read back from the database, re-parsed with the core schema (ARCHITECTURE.md, "The database").
 * `raw` is what was stored (an invalid draft is still editable); `document` is set only when it parses.
 */
export interface StoredDocument {
  raw: unknown;
  document?: PoolDocument;
  diagnostics: Diagnostic[];
}

const CORRUPT_ROW: Diagnostic = { severity: "error", path: "", code: "corrupt-row", message: "The stored document is not valid JSON; it cannot be shown. Restore it from a revision." };

/** The stored JSON as it was written, undefined when it is not JSON: for comparing two rows, with no schema check. */
export function readStoredJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function readStoredDocument(text: string): StoredDocument {
  const raw = readStoredJson(text);
  if (raw === undefined) return { raw, diagnostics: [CORRUPT_ROW] };
  const { document, diagnostics } = validatePoolDocument(raw);
  return document && !hasErrors(diagnostics) ? { raw, document, diagnostics } : { raw, diagnostics };
}

/** Documents above this size (a pool of a few hundred clients) are read afresh each time rather than kept. */
const LARGEST_KEPT_DOCUMENT_CHARS = 100_000;
/** About two hundred drafts and revisions read recently: a few megabytes for pools of ordinary size. */
const storedDocuments = new VersionCache<StoredDocument>(200, { freeze: true });

/**
 * {@link readStoredDocument} of one row (`draft:ID`, `revision:ID`), kept for the next page that reads the same
 * row: the layout and every tab of a pool read its draft and last revision, and validating a large design is
 * milliseconds each time. The text itself is the version compared, so a row written since is read afresh. The
 * result is frozen: it is shared by every page that reads the row.
 */
export function readStoredDocumentOf(row: string, text: string): StoredDocument {
  if (text.length > LARGEST_KEPT_DOCUMENT_CHARS) return readStoredDocument(text);
  return storedDocuments.get(row, text, () => readStoredDocument(text));
}

/** Two stored rows hold the same document (compared as JSON values: key order does not matter). */
export function sameStoredDocument(a: string, b: string): boolean {
  return sameValue(readStoredJson(a), readStoredJson(b));
}

function statusOf(draftText: string | undefined, revisionText: string | undefined): PoolStatus {
  if (revisionText === undefined) return "no-revision";
  if (draftText === undefined) return "draft-saved";
  return sameStoredDocument(draftText, revisionText) ? "draft-saved" : "draft-changed";
}

export async function listPools(workspaceId: string, db: Db = getDb().db): Promise<PoolSummary[]> {
  const pools = await db.pool.findMany({
    where: { workspaceId },
    orderBy: { name: "asc" },
    include: { draft: true, revisions: { orderBy: { number: "desc" }, take: 1 } },
  });
  return pools.map((p) => ({
    id: p.id,
    name: p.name,
    region: p.region,
    environment: p.environment,
    awsUserPoolId: p.awsUserPoolId,
    updatedAt: p.draft?.updatedAt ?? p.updatedAt,
    status: statusOf(p.draft?.document, p.revisions[0]?.document),
    draftValid: p.draft?.valid ?? true,
    lastChangeBy: p.draft?.updatedBy ?? null,
  }));
}

export interface DraftView {
  version: number;
  valid: boolean;
  updatedBy: string | null;
  updatedAt: Date;
  stored: StoredDocument;
}

export interface PoolDetail {
  id: string;
  name: string;
  region: string;
  environment: string;
  awsUserPoolId: string | null;
  draft: DraftView;
  lastRevision: { number: number; createdAt: Date; createdBy: string; stored: StoredDocument } | null;
  status: PoolStatus;
}

/** A pool of the workspace with its draft and last revision, or null when there is none (or it is another workspace's). */
export async function getPool(workspaceId: string, poolId: string, db: Db = getDb().db): Promise<PoolDetail | null> {
  const pool = await db.pool.findFirst({
    where: { id: poolId, workspaceId },
    include: { draft: true, revisions: { orderBy: { number: "desc" }, take: 1 } },
  });
  if (!pool || !pool.draft) return null;
  const last = pool.revisions[0];
  return {
    id: pool.id,
    name: pool.name,
    region: pool.region,
    environment: pool.environment,
    awsUserPoolId: pool.awsUserPoolId,
    draft: { version: pool.draft.version, valid: pool.draft.valid, updatedBy: pool.draft.updatedBy, updatedAt: pool.draft.updatedAt, stored: readStoredDocumentOf(`draft:${pool.draft.id}`, pool.draft.document) },
    lastRevision: last ? { number: last.number, createdAt: last.createdAt, createdBy: last.createdBy, stored: readStoredDocumentOf(`revision:${last.id}`, last.document) } : null,
    status: statusOf(pool.draft.document, last?.document),
  };
}

/** The Region the pools list shows: the design's, or "" when it names none (each target then gives its own). */
function regionOf(document: PoolDocument): string {
  return document.spec.region ?? "";
}

/** How a pool's Region reads in the UI: a design without one says so rather than showing a guess. */
export function regionLabel(region: string): string {
  return region || "no region";
}

/** Creates a pool with its first draft from a complete document. */
export async function createPool(
  input: { workspaceId: string; environment: string; document: PoolDocument; actor: string },
  db: Db = getDb().db,
): Promise<{ id: string; name: string }> {
  const document = removeProviderSecrets(input.document).document;
  const name = document.metadata.name;
  if (await db.pool.findFirst({ where: { workspaceId: input.workspaceId, name }, select: { id: true } })) {
    throw new UserError("pool-name-taken", `A pool named "${name}" already exists in this workspace; choose another name.`, "name");
  }
  const valid = !hasErrors(validatePoolDocument(document).diagnostics);
  const pool = await db.pool.create({
    data: {
      workspaceId: input.workspaceId,
      name,
      region: regionOf(document),
      environment: input.environment,
      draft: { create: { document: JSON.stringify(document), valid, updatedBy: input.actor } },
    },
  });
  return { id: pool.id, name: pool.name };
}

export interface SaveDraftResult {
  version: number;
  valid: boolean;
  diagnostics: Diagnostic[];
  savedAt: Date;
}

function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/**
 * A document ready to be written as a draft: provider secrets removed, the JSON text, and its validation. Plain
 * CPU work with no database: done before the save's transaction opens (`prepare` of the save action), so a
 * connection is held only for the version check and the write, not while a busy server validates.
 */
export interface PreparedDraft {
  text: string;
  valid: boolean;
  diagnostics: Diagnostic[];
  /** The name and Region the pools list shows, when the document parses. */
  listing?: { name: string; region: string };
}

export function prepareDraft(input: unknown): PreparedDraft {
  // A provider secret typed into providerDetails never reaches the database (secrets stay out of the database).
  const { document, removed } = removeProviderSecrets(input);
  const text = JSON.stringify(document);
  if (text.length > MAX_DOCUMENT_CHARS) throw new UserError("document-too-large", `The document is larger than ${MAX_DOCUMENT_CHARS} characters; it was not saved.`);
  const validation = validatePoolDocument(document);
  const diagnostics = [...removed, ...validation.diagnostics];
  const listing = validation.document ? { name: validation.document.metadata.name, region: regionOf(validation.document) } : undefined;
  return { text, valid: !hasErrors(diagnostics), diagnostics, ...(listing ? { listing } : {}) };
}

/**
 * Writes a prepared draft when nobody saved since `version` (a conditional update: 0 rows means someone else
 * did; ARCHITECTURE.md, "The database"). An invalid document is saved too, marked invalid.
 */
export async function writeDraft(
  input: { workspaceId: string; poolId: string; version: number; actor: string },
  prepared: PreparedDraft,
  db: Db | DbTx = getDb().db,
): Promise<SaveDraftResult> {
  // Not the stored document: only what the write needs. The draft is found by its pool (one per pool), so a save
  // is one read and one conditional write; why a write matched nothing is read only then.
  const pool = await db.pool.findFirst({ where: { id: input.poolId, workspaceId: input.workspaceId }, select: { id: true, name: true, region: true } });
  if (!pool) throw new UserError("pool-not-found", "This pool no longer exists.");
  const savedAt = new Date();
  const updated = await db.draft.updateMany({
    where: { poolId: pool.id, version: input.version },
    data: { document: prepared.text, valid: prepared.valid, version: { increment: 1 }, updatedBy: input.actor, updatedAt: savedAt },
  });
  if (updated.count === 0) {
    const current = await db.draft.findUnique({ where: { poolId: pool.id }, select: { version: true, updatedBy: true, updatedAt: true } });
    if (!current) throw new UserError("pool-not-found", "This pool no longer exists.");
    throw new UserError(
      DRAFT_CONFLICT,
      `Someone else saved this draft (version ${current.version} by ${current.updatedBy ?? "someone"} at ${formatTime(current.updatedAt)}); reload to see their changes. Your edits were not saved.`,
    );
  }
  const { listing } = prepared;
  if (listing && (listing.name !== pool.name || listing.region !== pool.region)) {
    const clash = listing.name !== pool.name && (await db.pool.findFirst({ where: { workspaceId: input.workspaceId, name: listing.name }, select: { id: true } }));
    // The draft keeps the new name; the list keeps the old one until it is free.
    if (!clash) await db.pool.update({ where: { id: pool.id }, data: listing });
  }
  return { version: input.version + 1, valid: prepared.valid, diagnostics: prepared.diagnostics, savedAt };
}

/** Prepares and writes a draft (see {@link prepareDraft} and {@link writeDraft}). */
export async function saveDraft(
  input: { workspaceId: string; poolId: string; version: number; document: unknown; actor: string },
  db: Db | DbTx = getDb().db,
): Promise<SaveDraftResult> {
  return writeDraft(input, prepareDraft(input.document), db);
}

/** Freezes the current draft as the next revision. Only a valid draft, and only the version the person saw. */
export async function createRevision(
  input: { workspaceId: string; poolId: string; version: number; message: string; actor: string },
  db: Db = getDb().db,
): Promise<{ number: number }> {
  return db.$transaction(async (tx) => {
    const pool = await tx.pool.findFirst({
      where: { id: input.poolId, workspaceId: input.workspaceId },
      include: { draft: true, revisions: { orderBy: { number: "desc" }, take: 1 } },
    });
    if (!pool || !pool.draft) throw new UserError("pool-not-found", "This pool no longer exists.");
    if (pool.draft.version !== input.version) {
      throw new UserError(DRAFT_CONFLICT, `The draft changed since you opened it (now version ${pool.draft.version} by ${pool.draft.updatedBy ?? "someone"}); reload before saving a revision.`);
    }
    if (!pool.draft.valid) throw new UserError("draft-invalid", "The draft has errors; fix them before saving it as a revision.");
    const number = (pool.revisions[0]?.number ?? 0) + 1;
    await tx.revision.create({ data: { poolId: pool.id, number, document: pool.draft.document, message: input.message, createdBy: input.actor } });
    return { number };
  });
}

export interface RevisionView {
  number: number;
  message: string;
  createdBy: string;
  createdAt: Date;
  stored: StoredDocument;
}

export async function listRevisions(workspaceId: string, poolId: string, db: Db = getDb().db): Promise<RevisionView[]> {
  const revisions = await db.revision.findMany({ where: { poolId, pool: { workspaceId } }, orderBy: { number: "desc" } });
  return revisions.map((r) => ({ number: r.number, message: r.message, createdBy: r.createdBy, createdAt: r.createdAt, stored: readStoredDocument(r.document) }));
}
