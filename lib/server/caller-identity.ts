import "server-only";
import { type CallerIdentity, readCallerIdentity } from "@/lib/cognito/preflight";
import { connectTargetPreflight, type TargetConnection } from "./target-port";

/** Targets sharing a Region, endpoint and role act as the same identity; a page shows several at once. */
const TTL_MS = 60_000;
/** A page must not wait on an endpoint that does not answer. */
const TIMEOUT_MS = 5_000;
const cache = new Map<string, { at: number; identity: Promise<CallerIdentity> }>();

function withTimeout(identity: Promise<CallerIdentity>): Promise<CallerIdentity> {
  return Promise.race([
    identity,
    new Promise<CallerIdentity>((resolve) =>
      setTimeout(() => resolve({ status: "failed", code: "endpoint-unreachable", message: `AWS STS did not answer within ${TIMEOUT_MS / 1000} s: check the target's endpoint and the server's network` }), TIMEOUT_MS).unref(),
    ),
  ]);
}

/** Who the server acts as against a target (STS GetCallerIdentity), remembered for a minute. Never throws. */
export function targetCallerIdentity(target: TargetConnection): Promise<CallerIdentity> {
  const key = `${target.region}|${target.endpoint ?? ""}|${target.roleArn ?? ""}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.identity;
  const identity = withTimeout(readCallerIdentity(connectTargetPreflight(target)));
  cache.set(key, { at: Date.now(), identity });
  if (cache.size > 100) cache.delete(cache.keys().next().value as string);
  return identity;
}
