/**
 * Where each value of a JSON text is: for every path, the offset of its key (or list item) and the range of
 * its value. CDK writes templates of a megabyte or more; the YAML reader takes seconds on those, JSON.parse
 * and this one pass take milliseconds. Only called on text JSON.parse accepted, so it need not diagnose.
 */
export interface JsonPosition {
  /** Offset of the key (object member) or of the value (list item). */
  at: number;
  start: number;
  end: number;
}

type Frame = { kind: "object" | "array"; path: string; index: number; key?: string; keyAt?: number };

/** Each segment after a `\u0001`, the key of the returned map (the root is ""; a key "" is "\u0001"). */
export function jsonPathKey(path: readonly (string | number)[]): string {
  return path.map((segment) => `\u0001${segment}`).join("");
}

function skipString(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
  return j + 1;
}

export function jsonPositions(text: string): Map<string, JsonPosition> {
  const out = new Map<string, JsonPosition>();
  const stack: Frame[] = [];
  const starts: { path: string; at: number; start: number }[] = [];
  const child = (frame: Frame | undefined): { path: string; at: number } | undefined => {
    if (!frame) return { path: "", at: 0 };
    if (frame.kind === "array") return { path: `${frame.path}\u0001${frame.index}`, at: -1 };
    if (frame.key === undefined) return undefined;
    return { path: `${frame.path}\u0001${frame.key}`, at: frame.keyAt ?? 0 };
  };
  const open = (i: number) => {
    const c = child(stack[stack.length - 1]);
    if (c) starts.push({ path: c.path, at: c.at < 0 ? i : c.at, start: i });
    return c;
  };
  const close = (end: number) => {
    const s = starts.pop();
    if (s) out.set(s.path, { at: s.at, start: s.start, end });
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const top = stack[stack.length - 1];
    if (ch === '"') {
      const end = skipString(text, i);
      if (top?.kind === "object" && top.key === undefined) {
        top.key = JSON.parse(text.slice(i, end)) as string;
        top.keyAt = i;
      } else {
        open(i);
        close(end);
      }
      i = end;
      continue;
    }
    if (ch === "{" || ch === "[") {
      const c = open(i);
      stack.push({ kind: ch === "{" ? "object" : "array", path: c?.path ?? "", index: 0 });
    } else if (ch === "}" || ch === "]") {
      stack.pop();
      close(i + 1);
    } else if (ch === ",") {
      if (top?.kind === "array") top.index++;
      else if (top) top.key = undefined;
    } else if (ch !== ":" && !/\s/u.test(ch)) {
      // A number, true, false or null: up to the next delimiter.
      let end = i;
      while (end < text.length && !/[\s,\]}]/u.test(text[end])) end++;
      open(i);
      close(end);
      i = end;
      continue;
    }
    i++;
  }
  return out;
}
