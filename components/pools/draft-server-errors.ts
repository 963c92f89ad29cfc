/**
 * A refused draft save's field errors, split for the editor: the save action validates `{ poolId, version,
 * document }`, so the document's fields come back as `document.spec.clients.0.name`; the editor wants document
 * paths (`spec.clients.0.name`). Errors about the rest of the input (or the whole document) have no field to
 * stand beside and are shown as one message.
 */
export interface DraftServerErrors {
  /** Keyed by document path, for `<PoolEditor serverErrors>`. */
  fields: Record<string, string[]>;
  /** Messages that belong to no field of the document. */
  other: string[];
}

const PREFIX = "document.";

export function toDraftServerErrors(fieldErrors: Readonly<Record<string, readonly string[]>>): DraftServerErrors {
  const out: DraftServerErrors = { fields: {}, other: [] };
  for (const [name, messages] of Object.entries(fieldErrors)) {
    if (messages.length === 0) continue;
    if (name.startsWith(PREFIX) && name.length > PREFIX.length) {
      const path = name.slice(PREFIX.length);
      out.fields[path] = [...(out.fields[path] ?? []), ...messages];
    } else out.other.push(...messages.map((m) => (name && name !== "document" ? `${name}: ${m}` : m)));
  }
  return out;
}
