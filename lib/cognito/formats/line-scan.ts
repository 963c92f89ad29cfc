/**
 * Whether some line of a text, after its indentation, starts with what a pattern looks for: one pass, each
 * line tested once. The alternative, a multiline `^\s*` pattern over the whole text, lets `\s*` run across
 * every following newline from every line start: quadratic in a run of empty lines (a few hundred thousand
 * newlines, well within an import's size limit, held the event loop for minutes).
 */
export function someLineStartsWith(text: string, pattern: RegExp): boolean {
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    let first = start;
    while (first < end && isIndentation(text.charCodeAt(first))) first += 1;
    if (first < end && pattern.test(text.slice(first, end))) return true;
    start = end + 1;
  }
  return false;
}

/** Spaces, tabs, a carriage return, form and vertical feeds, a byte-order mark. */
export function isIndentation(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 12 || code === 11 || code === 0xfeff;
}
