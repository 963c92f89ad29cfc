/**
 * Token lifetimes in their units. Source: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_TokenValidityUnitsType.html ("access/ID 5 minutes–1 day, refresh 60
 * minutes–10 years [M TokenValidityUnitsType]") and the default units (hours for access/ID, days for refresh;
 * "You can't set RefreshTokenValidity to 0. If you do, Amazon Cognito overrides the value with the default value
 * of 30 days.").
 */
import type { TimeUnit } from "../client-schema";
import type { Diagnostic } from "../diagnostics";
import { error, warning } from "../diagnostics";
import { type Rule, effectiveClients } from "./rule";

const SECONDS: Record<TimeUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

const LIMITS = {
  accessTokenValidity: { unit: "accessToken", fallback: "hours", min: 5 * 60, max: 86400, text: "5 minutes to 1 day" },
  idTokenValidity: { unit: "idToken", fallback: "hours", min: 5 * 60, max: 86400, text: "5 minutes to 1 day" },
  refreshTokenValidity: { unit: "refreshToken", fallback: "days", min: 60 * 60, max: 3650 * 86400, text: "60 minutes to 10 years (3650 days)" },
} as const;

const LIMIT_ENTRIES = Object.entries(LIMITS) as [keyof typeof LIMITS, (typeof LIMITS)[keyof typeof LIMITS]][];

export const tokenValidityRule: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const { client, pathOf } of effectiveClients(ctx)) {
    for (const [field, limit] of LIMIT_ENTRIES) {
      const value = client[field];
      if (value === undefined) continue;
      const unit: TimeUnit = client.tokenValidityUnits?.[limit.unit] ?? limit.fallback;
      if (field === "refreshTokenValidity" && value === 0) {
        out.push(warning(pathOf(field), "refresh-validity-zero", "refreshTokenValidity 0 is replaced by the AWS default of 30 days; set the lifetime you want"));
        continue;
      }
      const seconds = value * SECONDS[unit];
      if (seconds < limit.min || seconds > limit.max)
        out.push(
          error(
            pathOf(field),
            "token-validity-range",
            `${field} ${value} ${unit} is outside the allowed ${limit.text}${client.tokenValidityUnits?.[limit.unit] ? "" : ` (unit ${unit} is the default; set tokenValidityUnits.${limit.unit} to change it)`}`,
          ),
        );
    }
  }
  return out;
};
