// The address a request came from, for rate limits and the audit log. Plain JavaScript so the
// studio's server (scripts/serve.mjs) and the app share it.
//
// Why the studio has its own server: `next start` fills X-Forwarded-For with the connection's address
// only when the request has none (`??=` in Next's base server), so a client that sends its own
// X-Forwarded-For chooses the address the app sees. scripts/serve.mjs replaces the header on every
// request with the address resolved here, before Next reads it.

export const TRUSTED_PROXIES_ENV = "STUDIO_TRUSTED_PROXIES";

/**
 * How many proxies in front of the studio append to X-Forwarded-For (STUDIO_TRUSTED_PROXIES, a hop
 * count, default 0: the studio is reached directly and the header is ignored).
 */
export function trustedProxyHops(env = process.env) {
  const raw = env[TRUSTED_PROXIES_ENV]?.trim();
  if (!raw) return 0;
  if (!/^\d{1,2}$/u.test(raw)) {
    throw new Error(`${TRUSTED_PROXIES_ENV} must be the number of proxies in front of the studio that add to X-Forwarded-For (e.g. 1 behind one load balancer); it is "${raw}"`);
  }
  return Number(raw);
}

/**
 * The client's address: the connection's address when no proxy is trusted; behind `hops` trusted
 * proxies, the entry that many places from the right of X-Forwarded-For + the connection, i.e. the
 * address the outermost trusted proxy saw. Entries further left were written by the client.
 */
export function resolveClientAddress(socketAddress, forwardedFor, hops) {
  const socket = socketAddress || "unknown";
  if (hops <= 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [...header.split(",").map((s) => s.trim()).filter(Boolean), socket];
  return chain[Math.max(0, chain.length - 1 - hops)];
}
