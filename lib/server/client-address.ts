import "server-only";

/**
 * The client's address as scripts/serve.mjs resolved it (it replaces X-Forwarded-For on every request
 * with one address; see lib/server/client-address.mjs). "unknown" when the header is missing.
 */
export function clientAddressFrom(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
