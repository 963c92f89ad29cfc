/**
 * The order designs are promoted in: development first, production last. Target names are free text
 * (dev, staging, prod…), so the order comes from what a name says, as findings/environment.ts reads
 * environment labels; names that say nothing known sit between testing and production, in the order
 * the targets were created.
 */
const RANK: [RegExp, number][] = [
  [/^(dev|development|local|sandbox)(-|$)/u, 0],
  [/^(test|testing|qa|ci)(-|$)/u, 1],
  [/^(staging|stage|stg|preprod|pre-prod|preview|uat)(-|$)/u, 3],
  [/^(prod|production|prd|live)(-|$)/u, 4],
];
const UNKNOWN_RANK = 2;

export function promotionRank(name: string): number {
  const lower = name.toLowerCase();
  return RANK.find(([pattern]) => pattern.test(lower))?.[1] ?? UNKNOWN_RANK;
}

/** Targets in promotion order; equal ranks keep their given order (creation order). */
export function orderForPromotion<T extends { name: string }>(targets: readonly T[]): T[] {
  return targets.map((t, index) => ({ t, index, rank: promotionRank(t.name) })).sort((a, b) => a.rank - b.rank || a.index - b.index).map((x) => x.t);
}

/** The target after `current` in promotion order, or undefined when `current` is the last one. */
export function nextTarget<T extends { id: string; name: string }>(targets: readonly T[], currentId: string): T | undefined {
  const ordered = orderForPromotion(targets);
  const index = ordered.findIndex((t) => t.id === currentId);
  return index < 0 ? undefined : ordered[index + 1];
}

/** A development target (dev, development, local, sandbox…): the only kind a design with placeholder values may go to. */
export function isDevelopmentTarget(name: string): boolean {
  return promotionRank(name) === 0;
}
