/**
 * Which settings of a design need which feature plan: one row per feature, each citing its page. The same
 * facts the validation rules enforce (spec/rules/tier-features.ts, mfa.ts, domain.ts, auth-flows.ts,
 * log-delivery.ts), read here as "the least plan this design can run on".
 */
import type { PoolSpec } from "../spec/pool-schema";
import { FEATURE_PLANS_PAGE, type FeaturePlan } from "./price-table";

export interface TierFeature {
  feature: string;
  minimumPlan: Exclude<FeaturePlan, "LITE">;
  /** The setting's path when the design uses the feature. */
  usedAt: (spec: PoolSpec) => string | undefined;
  source: string;
}

const CREATE_POOL = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html";
const PRE_TOKEN = "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html";
const LOG_DELIVERY = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetLogDeliveryConfiguration.html";

export const TIER_FEATURES: readonly TierFeature[] = [
  {
    feature: "Threat protection",
    minimumPlan: "PLUS",
    usedAt: (s) => (s.userPoolAddOns && s.userPoolAddOns.advancedSecurityMode !== "OFF" ? "spec.userPoolAddOns.advancedSecurityMode" : undefined),
    source: CREATE_POOL,
  },
  {
    feature: "Export of user activity logs",
    minimumPlan: "PLUS",
    usedAt: (s) => {
      const i = s.logDeliveryConfiguration?.logConfigurations.findIndex((c) => c.eventSource === "userAuthEvents") ?? -1;
      return i >= 0 ? `spec.logDeliveryConfiguration.logConfigurations[${i}].eventSource` : undefined;
    },
    source: LOG_DELIVERY,
  },
  {
    feature: "Managed login (version 2)",
    minimumPlan: "ESSENTIALS",
    usedAt: (s) => (s.domain?.managedLoginVersion === 2 ? "spec.domain.managedLoginVersion" : s.customDomain?.managedLoginVersion === 2 ? "spec.customDomain.managedLoginVersion" : undefined),
    source: FEATURE_PLANS_PAGE,
  },
  {
    feature: "Passwordless sign-in (email or SMS code, passkey)",
    minimumPlan: "ESSENTIALS",
    usedAt: (s) => ((s.signInPolicy?.allowedFirstAuthFactors ?? []).some((f) => f !== "PASSWORD") ? "spec.signInPolicy.allowedFirstAuthFactors" : undefined),
    source: FEATURE_PLANS_PAGE,
  },
  {
    feature: "Choice-based sign-in (ALLOW_USER_AUTH)",
    minimumPlan: "ESSENTIALS",
    usedAt: (s) => {
      const i = (s.clients ?? []).findIndex((c) => (c.explicitAuthFlows ?? s.clientDefaults?.explicitAuthFlows ?? []).includes("ALLOW_USER_AUTH"));
      return i >= 0 ? `spec.clients[${i}].explicitAuthFlows` : undefined;
    },
    source: FEATURE_PLANS_PAGE,
  },
  {
    feature: "Password history",
    minimumPlan: "ESSENTIALS",
    usedAt: (s) => ((s.passwordPolicy?.passwordHistorySize ?? 0) > 0 ? "spec.passwordPolicy.passwordHistorySize" : undefined),
    source: CREATE_POOL,
  },
  {
    feature: "Email MFA",
    minimumPlan: "ESSENTIALS",
    usedAt: (s) => (s.emailMfaConfiguration ? "spec.emailMfaConfiguration" : undefined),
    source: FEATURE_PLANS_PAGE,
  },
  {
    feature: "Passkeys as MFA",
    minimumPlan: "ESSENTIALS",
    usedAt: (s) => (s.webAuthnConfiguration?.factorConfiguration === "MULTI_FACTOR_WITH_USER_VERIFICATION" ? "spec.webAuthnConfiguration.factorConfiguration" : undefined),
    source: FEATURE_PLANS_PAGE,
  },
  {
    feature: "Access token customization (pre token generation V2_0 or V3_0)",
    minimumPlan: "ESSENTIALS",
    usedAt: (s) => {
      const v = s.lambdaConfig?.preTokenGenerationConfig?.lambdaVersion;
      return v === "V2_0" || v === "V3_0" ? "spec.lambdaConfig.preTokenGenerationConfig.lambdaVersion" : undefined;
    },
    source: PRE_TOKEN,
  },
];

export interface UsedTierFeature {
  feature: string;
  minimumPlan: Exclude<FeaturePlan, "LITE">;
  path: string;
  source: string;
}

/** The plan-gated features the design uses, with where. */
export function listTierFeatures(spec: PoolSpec): UsedTierFeature[] {
  return TIER_FEATURES.flatMap((f) => {
    const path = f.usedAt(spec);
    return path ? [{ feature: f.feature, minimumPlan: f.minimumPlan, path, source: f.source }] : [];
  });
}

const RANK: Readonly<Record<FeaturePlan, number>> = { LITE: 0, ESSENTIALS: 1, PLUS: 2 };

/** Whether `plan` includes a feature that needs `minimum`. */
export const planIncludes = (plan: FeaturePlan, minimum: FeaturePlan) => RANK[plan] >= RANK[minimum];

/** The least plan on which the design's features all work. */
export function leastPlanFor(spec: PoolSpec): FeaturePlan {
  return listTierFeatures(spec).reduce<FeaturePlan>((least, f) => (planIncludes(least, f.minimumPlan) ? least : f.minimumPlan), "LITE");
}
