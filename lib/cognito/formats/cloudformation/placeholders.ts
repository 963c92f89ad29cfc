/**
 * Unresolved values travel through the property conversion as unique placeholder strings, so that wherever
 * a value lands in the document (renamed, nested, in a list) the importer finds it by its document path,
 * removes it and reports the field it feeds. The nonce keeps a template's own text from ever matching.
 */
import { joinPath } from "../../spec/diagnostics";
import { type Unresolved, isUnresolved } from "./gaps";

export interface FoundGap {
  /** The document field, in diagnostic path notation (`metadata.name`, `spec.clients[0].callbackUrls[1]`). */
  field: string;
  unresolved: Unresolved;
  /** For an item of a list: its 0-based position in the list as the template wrote it (the draft keeps the other items). */
  item?: number;
}

export class Placeholders {
  private readonly nonce = Math.random().toString(36).slice(2, 10);
  private readonly values: Unresolved[] = [];
  private readonly pattern = new RegExp(`\u0000cfn-gap-${this.nonce}-(\\d+)\u0000`, "u");

  /** The value with each Unresolved replaced by a placeholder string. */
  substitute(value: unknown): unknown {
    if (isUnresolved(value)) {
      this.values.push(value);
      return `\u0000cfn-gap-${this.nonce}-${this.values.length - 1}\u0000`;
    }
    if (Array.isArray(value)) return value.map((v) => this.substitute(v));
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.substitute(v)]));
    return value;
  }

  holds(value: unknown): boolean {
    return typeof value === "string" && this.pattern.test(value);
  }

  private unresolvedIn(value: string): Unresolved | undefined {
    const match = this.pattern.exec(value);
    return match ? this.values[Number(match[1])] : undefined;
  }

  /**
   * Removes every placeholder from `value` (in place) and returns where each was: a list item is removed from
   * its list (the field is the list), an object key from its object.
   */
  extract(value: unknown, path = ""): FoundGap[] {
    const found: FoundGap[] = [];
    // No placeholder was handed out: none can be found (a whole template's draft walked for none).
    if (this.values.length === 0) return found;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        const unresolved = typeof item === "string" ? this.unresolvedIn(item) : undefined;
        if (unresolved) {
          // The list is the field: the draft's list no longer has the item, so its index would point elsewhere.
          found.unshift({ field: path, unresolved, item: i });
          value.splice(i, 1);
        } else found.unshift(...this.extract(item, joinPath(path, i)));
      }
      return found;
    }
    if (value === null || typeof value !== "object") return found;
    const object = value as Record<string, unknown>;
    for (const [key, item] of Object.entries(object)) {
      // A list that is nothing but gaps (`CallbackURLs: !Ref Urls`, read as a one-item list) is the field's gap.
      const whole = Array.isArray(item) && item.length > 0 ? item : [item];
      const unresolved = whole.map((v) => (typeof v === "string" ? this.unresolvedIn(v) : undefined));
      if (unresolved.every((u) => u !== undefined)) {
        for (const u of unresolved) found.push({ field: joinPath(path, key), unresolved: u });
        delete object[key];
        continue;
      }
      found.push(...this.extract(item, joinPath(path, key)));
    }
    return found;
  }
}
