/**
 * One planner for every resource matched by a key (clients, resource servers, identity providers, groups):
 * pairing by key (never by position), renames, replacements, and the cascade of a replaced pool. What differs
 * between types is a small {@link KeyedResource}: where the list is, its key, its messages, and hooks.
 *
 * - A list the desired document leaves unset is not managed (nothing planned) unless the pool is replaced;
 *   `[]` deletes them all.
 * - Both sides have the key: an update (or noop), a replacement when a rule forces one or the pool is replaced.
 * - A rename (`renameGroup`): exactly one resource disappears and exactly one appears in the same group; it is
 *   shown as that resource's replacement, with `previousKey`.
 * - Only desired: a create. Only current: a delete.
 */
import type { AppClientSpec } from "../spec/client-schema";
import { error, joinPath } from "../spec/diagnostics";
import type { PoolDocument } from "../spec/document-schema";
import { addressOf } from "./addresses";
import { type Assessment, type Builder, CASCADE_REASON, actionOf, assess, exactChanges, indexByKey, replacementChanges, sortedKeys } from "./classify";
import { isSameJson } from "./diff";
import { pairRenames } from "./renames";
import type { Values } from "./resources";
import type { AttributeChange, PlanAction, PlanOptions, ReplacementReason, ResourceChange, ResourceType } from "./types";

/** What one plan's keyed planner knows. */
export interface KeyedContext {
  b: Builder;
  current: PoolDocument | null;
  desired: PoolDocument;
  /** The pool is replaced: every child goes with it. */
  cascade: boolean;
  options: PlanOptions;
  /** A document's effective clients (`clientDefaults` applied), resolved once per plan for each document. */
  clientsOf(doc: PoolDocument): AppClientSpec[] | undefined;
}

/** One resource on both sides (or renamed): what the hooks see. */
export interface Pairing {
  key: string;
  address: string;
  /** Where it is in the desired document. */
  path: string;
  before: Values;
  after: Values;
  /** The entry is a replacement. */
  replaced: boolean;
  /** The managed changes (empty for a noop). */
  changes: AttributeChange[];
}

/** Per-plan hooks of one resource type (each optional). */
export interface KeyedHooks {
  /** The current resource as it is compared (a provider's applied secret reference). */
  before?(item: Values, key: string): Values;
  /** A removed key that must stay (it cannot be the old side of a rename). */
  keep?(key: string): boolean;
  paired?(p: Pairing): void;
  renamed?(p: Pairing & { previousKey: string }): void;
  created?(p: { key: string; address: string; path: string; after: Values }): void;
  /** May mark the delete's changes `impossible` (and report why). */
  deleted?(key: string, changes: AttributeChange[]): void;
  /** The reason of a delete caused by the pool's replacement; default {@link CASCADE_REASON}. */
  cascadeDeleteReason?: ReplacementReason;
}

export interface KeyedResource<T> {
  type: ResourceType;
  /** The spec field holding the list (`clients`), for document paths. */
  field: string;
  /** The item field holding the key (`name`), for the path of a duplicate. */
  keyField: string;
  /** The list in a document; undefined when the document does not manage it. */
  list(doc: PoolDocument, ctx: KeyedContext): readonly T[] | undefined;
  keyOf(item: T): string;
  /** Attributes not compared when the key matches (the key itself). */
  skip: ReadonlySet<string>;
  /** Error code and message of a key used twice in the desired document. */
  duplicate: [code: string, message: (quotedKey: string) => string];
  /** Error code and message of a key used twice in the current pool. */
  ambiguous: [code: string, message: (quotedKey: string) => string];
  /** Renames are paired within this group (a provider's type, a server's display name). */
  renameGroup?(item: T): string;
  /** The live id of the resource with this key (a client's id). */
  liveId?(key: string, options: PlanOptions): string | undefined;
  hooks?(ctx: KeyedContext): KeyedHooks;
}

interface Indexed<T> {
  want: Map<string, { item: T; index: number }>;
  have: Map<string, { item: T; index: number }>;
}

function indexBothSides<T>(r: KeyedResource<T>, ctx: KeyedContext, desiredList: readonly T[]): Indexed<T> {
  const quote = (key: string) => JSON.stringify(key);
  const [dupCode, dupMessage] = r.duplicate;
  const [ambCode, ambMessage] = r.ambiguous;
  const want = indexByKey(desiredList, r.keyOf, (key, index) => ctx.b.errors.push(error(joinPath("spec", r.field, index, r.keyField), dupCode, dupMessage(quote(key)))));
  const currentList = ctx.current === null ? [] : (r.list(ctx.current, ctx) ?? []);
  const have = indexByKey(currentList, r.keyOf, (key) => ctx.b.errors.push(error(`spec.${r.field}`, ambCode, ambMessage(quote(key)))));
  return { want, have };
}

/** Plans every resource of one keyed type. */
export function planKeyed<T>(r: KeyedResource<T>, ctx: KeyedContext): void {
  const desiredList = r.list(ctx.desired, ctx);
  if (desiredList === undefined && !ctx.cascade) return;
  const { want, have } = indexBothSides(r, ctx, desiredList ?? []);
  const hooks = r.hooks?.(ctx) ?? {};
  const renames = r.renameGroup && ctx.current !== null && !ctx.cascade && desiredList !== undefined;
  const renamed = renames ? pairRenames(have, want, (item) => r.renameGroup?.(item) ?? "", hooks.keep) : new Map<string, string>(); // new key -> old key
  const consumed = new Set(renamed.values());
  const emit = entryMaker(r, ctx);
  for (const key of sortedKeys(want, have)) {
    const w = want.get(key);
    const h = have.get(key);
    const old = renamed.get(key);
    const oldItem = old === undefined ? undefined : have.get(old)?.item;
    if (w && h) emit(pairEntry(r, ctx, hooks, key, w, h.item));
    else if (w && old !== undefined && oldItem !== undefined) emit(renameEntry(r, hooks, key, w, old, oldItem));
    else if (w) emit(createEntry(r, hooks, key, w));
    else if (h && !consumed.has(key)) emit(deleteEntry(r, ctx, hooks, key, h));
  }
}

type Draft = Pick<ResourceChange, "key" | "action" | "changes" | "reasons" | "documentPath"> & { previousKey?: string };

function entryMaker<T>(r: KeyedResource<T>, ctx: KeyedContext): (draft: Draft) => void {
  return (draft) => {
    const entry: ResourceChange = { type: r.type, address: addressOf(r.type, draft.key), ...draft };
    const id = r.liveId?.(draft.key, ctx.options);
    if (id !== undefined) entry.liveId = id;
    ctx.b.entries.push(entry);
  };
}

/** `spec.clients[3]`: the list's path is written once per type (a large pool has a thousand entries). */
const listPaths = new Map<string, string>();
function pathOf<T>(r: KeyedResource<T>, index: number): string {
  let list = listPaths.get(r.field);
  if (list === undefined) listPaths.set(r.field, (list = joinPath("spec", r.field)));
  return `${list}[${index}]`;
}

/** The assessment of a resource whose two sides are the same JSON (new lists: an entry owns its changes). */
const unchanged = (): Assessment => ({ changes: [], replaceReasons: [], impossible: [] });

function pairEntry<T>(r: KeyedResource<T>, ctx: KeyedContext, hooks: KeyedHooks, key: string, w: { item: T; index: number }, have: T): Draft {
  const before = hooks.before ? hooks.before(have as Values, key) : (have as Values);
  const after = w.item as Values;
  // Most resources of a large pool are unchanged: the same JSON has no change to find or classify.
  const a = !ctx.cascade && isSameJson(before, after) ? unchanged() : assess(r.type, before, after, r.skip);
  const replaced = ctx.cascade || a.replaceReasons.length > 0;
  const path = pathOf(r, w.index);
  hooks.paired?.({ key, address: addressOf(r.type, key), path, before, after, replaced, changes: a.changes });
  if (!replaced) return { key, action: actionOf(a.changes), changes: a.changes, reasons: [], documentPath: path };
  const reasons = ctx.cascade ? [CASCADE_REASON, ...a.replaceReasons] : a.replaceReasons;
  return { key, action: "replace", changes: replacementChanges(r.type, before, after, a.changes, r.skip), reasons, documentPath: path };
}

/** A rename compares the key too: its change is what forces the replacement. */
function renameEntry<T>(r: KeyedResource<T>, hooks: KeyedHooks, key: string, w: { item: T; index: number }, previousKey: string, oldItem: T): Draft {
  const before = oldItem as Values;
  const after = w.item as Values;
  const a = assess(r.type, before, after);
  const path = pathOf(r, w.index);
  hooks.renamed?.({ key, address: addressOf(r.type, key), path, before, after, replaced: true, changes: a.changes, previousKey });
  return { key, action: "replace", changes: replacementChanges(r.type, before, after, a.changes), reasons: a.replaceReasons, documentPath: path, previousKey };
}

function createEntry<T>(r: KeyedResource<T>, hooks: KeyedHooks, key: string, w: { item: T; index: number }): Draft {
  const path = pathOf(r, w.index);
  hooks.created?.({ key, address: addressOf(r.type, key), path, after: w.item as Values });
  return { key, action: "create", changes: exactChanges(r.type, undefined, w.item as Values, r.skip), reasons: [], documentPath: path };
}

function deleteEntry<T>(r: KeyedResource<T>, ctx: KeyedContext, hooks: KeyedHooks, key: string, h: { item: T; index: number }): Draft {
  const changes = exactChanges(r.type, h.item as Values, undefined, r.skip);
  hooks.deleted?.(key, changes);
  const reasons = ctx.cascade ? [hooks.cascadeDeleteReason ?? CASCADE_REASON] : [];
  const action: PlanAction = "delete";
  return { key, action, changes, reasons, documentPath: pathOf(r, h.index) };
}
