/** Review comments about one changed field, keyed as the change request's "About" select names it. */
export interface FieldComment {
  id: string;
  author: string;
  body: string;
  /** ISO date. */
  createdAt: string;
}

/** `address path`, e.g. `app_client["web"] callbackUrls`: how a comment names the attribute change it is about. */
export type FieldComments = Record<string, FieldComment[]>;

export function fieldKey(address: string, path: string): string {
  return `${address} ${path}`;
}

/** Groups the comments that name a field (the others are about the whole request), oldest first as given. */
export function groupFieldComments(comments: readonly { id: string; author: string; body: string; path: string | null; createdAt: Date }[]): FieldComments {
  const out: FieldComments = {};
  for (const c of comments) {
    if (!c.path) continue;
    (out[c.path] ??= []).push({ id: c.id, author: c.author, body: c.body, createdAt: c.createdAt.toISOString() });
  }
  return out;
}
