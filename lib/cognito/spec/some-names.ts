import { groupDigits } from "./group-digits";

/**
 * Names listed in a message, at most `max` of them: "web, mobile" or "app-0, …, app-9 and 990 more". A design
 * may hold a quota's worth (1,000 app clients, 10,000 groups), and a message naming them all is not read.
 */
export function listSomeNames(names: readonly string[], max = 10): string {
  if (names.length <= max) return names.join(", ");
  return `${names.slice(0, max).join(", ")} and ${groupDigits(names.length - max)} more`;
}
