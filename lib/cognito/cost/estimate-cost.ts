/**
 * The monthly cost of a design on each feature plan for an expected usage, from the dated price table
 * (price-table.ts), and which plans its settings allow (tier-features.ts). Amounts are US dollars, rounded to
 * cents per line; the free MAUs are the account's, so several pools share them (a note says so).
 */
import { z } from "zod";
import { inferClientKind } from "../spec/client-kind";
import { effectiveClients } from "../spec/client-defaults";
import type { PoolDocument } from "../spec/document-schema";
import { FEATURE_PLAN_LABEL, FEATURE_PLANS, type FeaturePlan, M2M_PRICES, MAU_PRICES, type PriceBand, PRICES_READ_ON, PRICING_PAGE, SMS_PRICING_PAGE } from "./price-table";
import { leastPlanFor, listTierFeatures, planIncludes, type UsedTierFeature } from "./tier-features";

const count = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .int({ error: `${what} must be a whole number` })
    .min(0, { error: `${what} cannot be negative` })
    .max(1_000_000_000_000, { error: `${what} is more than a trillion: check the number` });

/** The usage an estimate is for; the CLI's options and the editor's fields are checked with it. */
export const costUsageSchema = z.strictObject({
  mau: count("Monthly active users"),
  m2mRequests: count("M2M token requests").optional(),
  sms: count("SMS messages").optional(),
  /** US dollars per SMS message at the destination's rate; without it SMS is not priced. */
  smsPrice: z.number({ error: "SMS price must be a number" }).min(0, { error: "SMS price cannot be negative" }).max(10, { error: "SMS price is per message, in dollars" }).optional(),
});
export type CostUsage = z.infer<typeof costUsageSchema>;

export interface CostLine {
  item: string;
  quantity: number;
  amount: number;
}

export interface PlanCost {
  plan: FeaturePlan;
  label: string;
  /** The design's settings all work on this plan. */
  fits: boolean;
  /** The design's features this plan lacks. */
  missing: UsedTierFeature[];
  lines: CostLine[];
  total: number;
  /** Every figure used was read on the pricing page itself. */
  confirmed: boolean;
}

export interface CostEstimate {
  pricesReadOn: string;
  pricingPage: string;
  /** The design's plan (AWS's default, Essentials, when it sets none). */
  currentPlan: FeaturePlan;
  currentPlanIsDefault: boolean;
  leastPlan: FeaturePlan;
  features: UsedTierFeature[];
  plans: PlanCost[];
  notes: string[];
}

const cents = (x: number) => Math.round(x * 100) / 100;

/** The cost of `units` under graduated bands. */
export function priceBands(bands: readonly PriceBand[], units: number): number {
  return bands.reduce((sum, b) => sum + Math.max(0, Math.min(units, b.to ?? Number.POSITIVE_INFINITY) - b.from) * b.perUnit, 0);
}

/** The estimate for a valid document and usage (check usage with {@link costUsageSchema} first). */
export function estimateCost(document: PoolDocument, usage: CostUsage): CostEstimate {
  const spec = document.spec;
  const features = listTierFeatures(spec);
  const m2mClients = (effectiveClients(document) ?? []).filter((c) => inferClientKind(c) === "m2m").length;
  const m2mRequests = usage.m2mRequests ?? 0;
  const shared: CostLine[] = [];
  if (m2mClients > 0 || m2mRequests > 0) {
    shared.push({ item: "M2M app clients", quantity: m2mClients, amount: cents(m2mClients * M2M_PRICES.perAppClientMonth) });
    shared.push({ item: "M2M token requests", quantity: m2mRequests, amount: cents((m2mRequests / 1000) * M2M_PRICES.perThousandTokenRequests) });
  }
  if (usage.sms !== undefined && usage.smsPrice !== undefined) shared.push({ item: "SMS messages (AWS End User Messaging)", quantity: usage.sms, amount: cents(usage.sms * usage.smsPrice) });
  const plans = FEATURE_PLANS.map((plan): PlanCost => {
    const lines = [{ item: "Monthly active users", quantity: usage.mau, amount: cents(priceBands(MAU_PRICES[plan].bands, usage.mau)) }, ...shared];
    const missing = features.filter((f) => !planIncludes(plan, f.minimumPlan));
    return {
      plan,
      label: FEATURE_PLAN_LABEL[plan],
      fits: missing.length === 0,
      missing,
      lines,
      total: cents(lines.reduce((sum, l) => sum + l.amount, 0)),
      confirmed: MAU_PRICES[plan].confirmed && (shared.length === 0 || M2M_PRICES.confirmed),
    };
  });
  const notes = [
    `Prices read on ${PRICES_READ_ON} from ${PRICING_PAGE}; figures not confirmed there are marked, check them before relying on them.`,
    "The free monthly active users are per AWS account (or organization), shared by all its pools.",
    "Users who sign in through SAML or OIDC providers are priced separately on the pricing page and not included.",
  ];
  if (m2mClients > 0 || m2mRequests > 0) notes.push(`M2M: ${M2M_PRICES.basis}; token requests beyond the first price band cost less than estimated here.`);
  if (usage.sms !== undefined && usage.smsPrice === undefined) notes.push(`${usage.sms} SMS messages are billed by AWS End User Messaging SMS at the destination country's rate (${SMS_PRICING_PAGE}): give the price per message to include them.`);
  return { pricesReadOn: PRICES_READ_ON, pricingPage: PRICING_PAGE, currentPlan: spec.userPoolTier ?? "ESSENTIALS", currentPlanIsDefault: spec.userPoolTier === undefined, leastPlan: leastPlanFor(spec), features, plans, notes };
}
