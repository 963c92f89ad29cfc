/**
 * Renames, for resources matched by a key (a provider's name, a resource server's identifier): when
 * exactly one removed and exactly one added resource share a group (the provider type, the server's
 * display name), the pair is one resource renamed rather than a deletion and a creation.
 * Returns new key → old key. `keep` excludes removed keys that must stay (e.g. still in use).
 */
export function pairRenames<T>(
  have: ReadonlyMap<string, { item: T }>,
  want: ReadonlyMap<string, { item: T }>,
  groupOf: (item: T) => string,
  keep: (key: string) => boolean = () => false,
): Map<string, string> {
  const byGroup = (from: ReadonlyMap<string, { item: T }>, other: ReadonlyMap<string, { item: T }>, skip: (key: string) => boolean) => {
    const out = new Map<string, string[]>();
    for (const [key, { item }] of from) if (!other.has(key) && !skip(key)) out.set(groupOf(item), [...(out.get(groupOf(item)) ?? []), key]);
    return out;
  };
  const gone = byGroup(have, want, keep);
  const added = byGroup(want, have, () => false);
  const renamed = new Map<string, string>();
  for (const [group, keys] of added) {
    const old = gone.get(group);
    if (keys.length === 1 && old?.length === 1 && keys[0] !== undefined && old[0] !== undefined) renamed.set(keys[0], old[0]);
  }
  return renamed;
}
