/**
 * A usage figure as a person types it, in the editor's cost panel or on the command line: digits, optionally
 * grouped in threes with "," or "_" (10,000 or 10_000), a decimal part, a sign. JavaScript's Number() also
 * reads 0x10, 1e3 and Infinity, and the panel and the CLI each stripped a different separator, so "10,000"
 * worked in one and not the other; one reader for both. A decimal comma (1,5) is not a number here rather
 * than fifteen.
 */
const PLAIN = /^[+-]?\d+(\.\d+)?$/u;
const GROUPED = /^[+-]?\d{1,3}([,_]\d{3})+(\.\d+)?$/u;

/** The number typed, NaN when it is not one (the schema then says so), undefined when nothing was typed. */
export function readUsageNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  if (!PLAIN.test(trimmed) && !GROUPED.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(/[,_]/gu, ""));
}
