/**
 * Amazon Cognito user pool prices by feature plan, in US dollars per month, from https://aws.amazon.com/cognito/pricing/.
 * To update: change the figures and `PRICES_READ_ON`, and mark each figure `confirmed` only when read on that
 * AWS page itself. The cost estimate (estimate-cost.ts) reads nothing else.
 *
 * Read on 2026-12-05. The pricing page's own tables could not be retrieved in full that day: the figures marked
 * `confirmed: false` are the published post-2024-11-22 feature plan rates as recalled and corroborated only by
 * third-party pages, so check them on the pricing page before relying on them.
 */

export const PRICES_READ_ON = "2026-12-05";
export const PRICING_PAGE = "https://aws.amazon.com/cognito/pricing/";
export const FEATURE_PLANS_PAGE = "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-sign-in-feature-plans.html";

export type FeaturePlan = "LITE" | "ESSENTIALS" | "PLUS";
export const FEATURE_PLANS: readonly FeaturePlan[] = ["LITE", "ESSENTIALS", "PLUS"];
export const FEATURE_PLAN_LABEL: Readonly<Record<FeaturePlan, string>> = { LITE: "Lite", ESSENTIALS: "Essentials", PLUS: "Plus" };

/** One band of a graduated price: MAUs above `from` up to `to` (inclusive; undefined = no limit) cost `perUnit` each. */
export interface PriceBand {
  from: number;
  to?: number;
  perUnit: number;
}

export interface PricedFigure {
  /** True only when read on the AWS pricing page itself on `PRICES_READ_ON`. */
  confirmed: boolean;
  /** Where the figure was corroborated when not confirmed. */
  basis: string;
}

/** Monthly active users (direct and social sign-in) per plan. The free MAUs are per AWS account or organization, not per pool. */
export const MAU_PRICES: Readonly<Record<FeaturePlan, PricedFigure & { bands: readonly PriceBand[] }>> = {
  LITE: {
    bands: [
      { from: 0, to: 10_000, perUnit: 0 },
      { from: 10_000, to: 100_000, perUnit: 0.0055 },
      { from: 100_000, to: 1_000_000, perUnit: 0.0046 },
      { from: 1_000_000, to: 10_000_000, perUnit: 0.00325 },
      { from: 10_000_000, perUnit: 0.0025 },
    ],
    confirmed: false,
    basis: "10,000 free MAUs for Lite and Essentials corroborated by third-party pages; the graduated rates are not confirmed",
  },
  ESSENTIALS: {
    bands: [
      { from: 0, to: 10_000, perUnit: 0 },
      { from: 10_000, perUnit: 0.015 },
    ],
    confirmed: false,
    basis: "10,000 free MAUs corroborated by third-party pages; the rate per MAU is not confirmed",
  },
  PLUS: {
    bands: [{ from: 0, perUnit: 0.02 }],
    confirmed: false,
    basis: "no free MAUs and the rate per MAU are not confirmed",
  },
};

/**
 * Machine-to-machine (client credentials): a charge per app client per month and per token request, on every
 * plan; there is no free tier for them (the pricing page's free tier text). The per-request price is graduated
 * beyond its first band; only the first band's rate is used here, so very large volumes are overestimated.
 */
export const M2M_PRICES = {
  perAppClientMonth: 6,
  perThousandTokenRequests: 2.25,
  confirmed: false,
  basis: "two dimensions (app clients, token requests) confirmed by the developer guide's cost page; the figures from third-party billing references",
} as const;

/** SMS messages are billed by AWS End User Messaging SMS (formerly Amazon SNS) at the destination country's rate, not by Cognito. */
export const SMS_PRICING_PAGE = "https://aws.amazon.com/end-user-messaging/pricing/";
