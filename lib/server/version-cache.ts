/**
 * What pages compute from a stored row, kept per version of that row: re-validating the same draft, or
 * rendering and highlighting every export format of it, on each page view cost the server most of its CPU under
 * a team's load (`npm run bench -- load`). One entry per scope (a draft, a revision, a draft's export for one
 * target), holding the version it was computed from: a request that reads another version computes afresh
 * and replaces the entry, so a page never shows what an older version computed. Bounded: the least recently
 * used scope is dropped past `maxEntries`.
 *
 * Values are shared by every request that reads the same version: callers must not change them (the
 * entries are frozen when `freeze` is set, so a change throws rather than leaks into another page).
 */
export class VersionCache<T> {
  private readonly entries = new Map<string, { version: string; value: T }>();

  constructor(
    readonly maxEntries: number,
    private readonly options: { freeze?: boolean } = {},
  ) {}

  /**
   * The value computed for `scope` at `version`, computing it when the entry is missing or of another version.
   * A promise is kept as it is (two requests at once share one computation); a rejected one is dropped.
   */
  get(scope: string, version: string, compute: () => T): T {
    const entry = this.entries.get(scope);
    if (entry && entry.version === version) {
      // Map keeps insertion order: moving the entry to the end keeps the least recently used one first.
      this.entries.delete(scope);
      this.entries.set(scope, entry);
      return entry.value;
    }
    const value = compute();
    if (this.options.freeze) deepFreeze(value);
    const fresh = { version, value };
    this.entries.delete(scope);
    this.entries.set(scope, fresh);
    if (value instanceof Promise) {
      value.then(
        (settled: unknown) => this.options.freeze && deepFreeze(settled),
        () => this.entries.get(scope) === fresh && this.entries.delete(scope),
      );
    }
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** How many scopes are kept (for tests and the benchmark). */
  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Freezes a plain value (objects and arrays) all the way down; a Date, a promise or a typed array (which cannot be frozen) is left as it is. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value) || value instanceof Promise || value instanceof Date || ArrayBuffer.isView(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}

