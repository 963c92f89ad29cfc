/**
 * A fixed-window failure counter kept in memory: enough for one self-hosted studio process (several
 * instances each keep their own count, which still bounds guessing per instance).
 */
export interface RateLimiter {
  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfter(key: string, now?: number): number;
  recordFailure(key: string, now?: number): void;
  reset(key: string): void;
}

export function createRateLimiter(options: { maxFailures: number; windowMs: number }): RateLimiter {
  const failures = new Map<string, { count: number; since: number }>();
  const current = (key: string, now: number) => {
    const entry = failures.get(key);
    if (entry && now - entry.since >= options.windowMs) {
      failures.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    retryAfter(key, now = Date.now()) {
      const entry = current(key, now);
      if (!entry || entry.count < options.maxFailures) return 0;
      return Math.ceil((entry.since + options.windowMs - now) / 1000);
    },
    recordFailure(key, now = Date.now()) {
      const entry = current(key, now);
      if (entry) entry.count += 1;
      else failures.set(key, { count: 1, since: now });
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
