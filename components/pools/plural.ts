/** "1 app client", "2 app clients" (the studio's nouns all take an s). */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
