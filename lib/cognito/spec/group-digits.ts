/**
 * A count with thousands separators, as `toLocaleString("en-US")` writes it ("1,000,000"), without Intl: the first
 * Intl call in a process loads ICU's number data (about 13 ms), which the CLI paid at start-up for messages that
 * are built when their schema is, whether or not they are ever shown.
 */
export function groupDigits(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [whole, fraction] = String(Math.abs(n)).split(".");
  return `${n < 0 ? "-" : ""}${whole!.replace(/\B(?=(\d{3})+$)/gu, ",")}${fraction ? `.${fraction}` : ""}`;
}
