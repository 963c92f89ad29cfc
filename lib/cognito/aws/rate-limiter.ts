/**
 * A client-side rate limiter per quota category (https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html): calls are spaced so that no
 * operation exceeds its per-pool rate and no category its account rate. Reading a 1000-client pool thus
 * runs at Cognito's floor (DescribeUserPoolClient at 5 RPS: about 200 s) instead of being throttled and
 * backing off. Turn it off for moto/LocalStack, which have no quotas.
 *
 * The limiter reserves the next free slot synchronously, so concurrent callers never race for one slot.
 */
import { CATEGORY_QUOTAS, OPERATION_CATEGORIES, type CognitoOperation, type QuotaCategory } from "./quotas";

export interface RateLimiter {
  /** Resolves when `operation` on `userPoolId` may be sent. */
  acquire(operation: CognitoOperation, userPoolId?: string): Promise<void>;
}

export const NO_RATE_LIMIT: RateLimiter = { acquire: async () => undefined };

export interface QuotaRateLimiterOptions {
  /** Share of each quota to use, (0, 1]; default 1 (exactly the published rates). */
  share?: number;
  /** Override rates per category. */
  quotas?: Partial<Record<QuotaCategory, { account: number; perPool?: number }>>;
  /** Injected clock and sleep, for tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function createQuotaRateLimiter(options: QuotaRateLimiterOptions = {}): RateLimiter {
  const share = options.share ?? 1;
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  /** The earliest time the next call of a key may go out. */
  const nextSlot = new Map<string, number>();

  return {
    acquire(operation, userPoolId) {
      const category = OPERATION_CATEGORIES[operation];
      const quota = { ...CATEGORY_QUOTAS[category], ...options.quotas?.[category] };
      const keys: [string, number][] = [[`category|${category}`, quota.account]];
      if (quota.perPool && userPoolId) keys.push([`${operation}|${userPoolId}`, quota.perPool]);
      // The call goes out at the first moment every bucket it counts against is free; then each bucket
      // is booked until one interval later.
      const at = Math.max(now(), ...keys.map(([key]) => nextSlot.get(key) ?? 0));
      for (const [key, rate] of keys) nextSlot.set(key, at + 1000 / (rate * share));
      const wait = at - now();
      return wait > 0 ? sleep(wait) : Promise.resolve();
    },
  };
}
