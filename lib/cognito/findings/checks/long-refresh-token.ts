/**
 * Very long refresh tokens. AWS allows up to 10 years (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html) and defaults to 30 days (same page). A
 * refresh token is a bearer credential: the longer it lives, the longer a stolen one works. The threshold is
 * 90 days, three times the AWS default.
 */
import type { TimeUnit } from "../../spec/client-schema";
import type { FindingCheck } from "../types";
import { EVERYWHERE } from "../types";

export const MAX_REFRESH_TOKEN_DAYS = 90;
const SECONDS: Record<TimeUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

export const longRefreshTokenCheck: FindingCheck = {
  code: "finding/long-refresh-token",
  title: "Very long refresh token lifetime",
  environments: EVERYWHERE,
  run: (ctx) =>
    ctx.clients.flatMap(({ client, pathOf }) => {
      const value = client.refreshTokenValidity;
      if (value === undefined) return [];
      const unit: TimeUnit = client.tokenValidityUnits?.refreshToken ?? "days";
      const days = (value * SECONDS[unit]) / 86400;
      if (days <= MAX_REFRESH_TOKEN_DAYS) return [];
      return [
        {
          path: pathOf("refreshTokenValidity"),
          message: `client "${client.name}" issues refresh tokens valid for ${value} ${unit}${unit === "days" ? "" : ` (${Math.round(days)} days)`}; a stolen one works that long, so keep it at ${MAX_REFRESH_TOKEN_DAYS} days or less (AWS default 30)`,
        },
      ];
    }),
};
