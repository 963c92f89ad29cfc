/**
 * Team review against a real moto server, run by review-apply.*.integration.test.ts on SQLite and PostgreSQL:
 * one file per concern, all on one harness (one database, one moto, three members).
 */
import { describe } from "vitest";
import { describeApplyGuards } from "./apply-guards";
import { describeEnvironmentValues } from "./environment-values";
import { type SuiteDatabase, useHarness } from "./harness";
import { describeOnePoolThroughReview } from "./one-pool-through-review";
import { describeProviderSecrets } from "./provider-secrets";

export type { SuiteDatabase } from "./harness";

export function reviewApplySuite(kind: string, startDatabase: () => Promise<SuiteDatabase>): void {
  const h = useHarness(kind, startDatabase);
  describe(`apply to a moto-backed target (${kind})`, () => {
    describeOnePoolThroughReview(h);
    describeProviderSecrets(h);
    describeApplyGuards(h);
    describeEnvironmentValues(h);
  });
}
