/** Public API of the cost estimate: the dated price table, the features each plan unlocks, the estimate. */
export { costUsageSchema, estimateCost, priceBands, type CostEstimate, type CostLine, type CostUsage, type PlanCost } from "./estimate-cost";
export { FEATURE_PLAN_LABEL, FEATURE_PLANS, MAU_PRICES, M2M_PRICES, PRICES_READ_ON, PRICING_PAGE, type FeaturePlan } from "./price-table";
export { leastPlanFor, listTierFeatures, planIncludes, TIER_FEATURES, type TierFeature, type UsedTierFeature } from "./tier-features";
export { describeTierChange } from "./tier-change";
export { readUsageNumber } from "./usage-number";
