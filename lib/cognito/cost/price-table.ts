/**
 * Amazon Cognito user pool prices by feature plan, in US dollars per month, from https://aws.amazon.com/cognito/pricing/.
 * To update: change the figures and `PRICES_READ_ON`, and mark each figure `confirmed` only when read on an AWS
 * page (the pricing page in any language, or the developer guide) that shows the Lite, Essentials and Plus plans;
 * say which in its `basis`. The cost estimate (estimate-cost.ts) reads nothing else.
 *
 * Checked again on 2026-12-06, and no figure could be confirmed. The copies of the pricing page that could be
 * read (https://aws.amazon.com/jp/cognito/pricing/, /de/, /th/, /vi/) were all from before the feature plans of
 * 2024-11-22: they give 50,000 free MAUs and no Lite, Essentials or Plus, so they say nothing about these figures.
 * The developer guide's feature plans page (FEATURE_PLANS_PAGE) names what is billed (MAUs by plan, federated
 * MAUs, M2M) but sends to the pricing page for the figures. The figures below are the published rates as
 * third-party pages repeat them; check them on the pricing page before relying on them.
 */

export const PRICES_READ_ON = "2026-12-06";
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
  /** True only when read on an AWS page showing the feature plans, on `PRICES_READ_ON`. */
  confirmed: boolean;
  /** Where the figure was read (the AWS page when confirmed), or why it is not confirmed. */
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
    basis: "not confirmed: no AWS page read shows the Lite bands; 10,000 free MAUs and $0.0055 then $0.0046 per MAU as third-party pages repeat them",
  },
  ESSENTIALS: {
    bands: [
      { from: 0, to: 10_000, perUnit: 0 },
      { from: 10_000, perUnit: 0.015 },
    ],
    confirmed: false,
    basis: "not confirmed: no AWS page read shows the Essentials rate; 10,000 free MAUs and $0.015 per MAU as third-party pages repeat them",
  },
  PLUS: {
    bands: [{ from: 0, perUnit: 0.02 }],
    confirmed: false,
    basis: "not confirmed: no AWS page read shows the Plus rate; no free MAUs and $0.02 per MAU as third-party pages repeat them",
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
  basis:
    "figures not confirmed on an AWS page (third-party billing references), and the developer guide names the app clients doing client-credentials grants as billed (feature plans page) while some versions of its cost page (tracking-cost.html) name only the token requests",
} as const;

/** SMS messages are billed by AWS End User Messaging SMS (formerly Amazon SNS) at the destination country's rate, not by Cognito. */
export const SMS_PRICING_PAGE = "https://aws.amazon.com/end-user-messaging/pricing/";
