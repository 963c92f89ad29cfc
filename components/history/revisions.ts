/** Pure helpers of the history page: choosing the two revisions to compare and diffing them (no React). */
import { type Plan, planChanges } from "@/lib/cognito/plan";
import type { PoolDocument } from "@/lib/cognito/spec";

/** What the list shows of a revision (the Revision row without its document). */
export interface RevisionSummary {
  number: number;
  /** Who made it (user name or e-mail). */
  createdBy: string;
  createdAt: Date | string;
  message: string;
}

export interface RevisionSelection {
  from: number;
  to: number;
}

function toNumber(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || !/^\d+$/u.test(text)) return undefined;
  return Number(text);
}

/**
 * The pair to compare from the page's search params (`?from=3&to=5`), falling back to the latest revision against
 * the one before it. Numbers that are not revisions are ignored. Undefined with fewer than two revisions.
 */
export function selectRevisions(revisions: readonly RevisionSummary[], params: { from?: string | string[]; to?: string | string[] } = {}): RevisionSelection | undefined {
  if (revisions.length < 2) return undefined;
  const numbers = revisions.map((r) => r.number).sort((a, b) => a - b);
  const exists = (n: number | undefined): n is number => n !== undefined && numbers.includes(n);
  const latest = numbers[numbers.length - 1];
  const requestedTo = toNumber(params.to);
  const to = exists(requestedTo) ? requestedTo : latest;
  const requestedFrom = toNumber(params.from);
  if (exists(requestedFrom)) return { from: requestedFrom, to };
  const before = numbers.filter((n) => n < to);
  return { from: before.length > 0 ? before[before.length - 1] : numbers.find((n) => n !== to) ?? to, to };
}

/**
 * What changed from revision `from` to revision `to`, as a plan (the same semantics as the review page:
 * a field the later revision leaves unset is "not managed", so it is not shown as removed).
 */
export function diffRevisions(from: PoolDocument, to: PoolDocument): Plan {
  return planChanges(from, to);
}

/** "2025-03-04 09:05 UTC": the same text on server and client, whatever the locale or time zone. */
export function formatRevisionTime(value: Date | string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
