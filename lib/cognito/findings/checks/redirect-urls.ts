/** The redirect URLs of a client, with their paths, for the checks that look at hosts and schemes. */
import type { EffectiveClient } from "../../spec/rules/rule";

export interface RedirectUrl {
  field: "callbackUrls" | "logoutUrls" | "defaultRedirectUri";
  url: string;
  path: string;
  /** Lower-case scheme without the colon, e.g. `https` or `myapp`; "" when the URL has none. */
  scheme: string;
  /** Lower-case host name ("" when the URL cannot be parsed or has no host). */
  host: string;
}

export function redirectUrlsOf({ client, pathOf }: EffectiveClient): RedirectUrl[] {
  const out: RedirectUrl[] = [];
  const add = (field: RedirectUrl["field"], url: string, path: string) => {
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/u.exec(url)?.[1]?.toLowerCase() ?? "";
    let host = "";
    try {
      host = new URL(url).hostname.toLowerCase();
    } catch {
      // URLs with a `*` in the host do not parse; pull the authority out by hand so they can still be checked.
      host = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?#:]*)/u.exec(url)?.[1]?.toLowerCase() ?? "";
    }
    out.push({ field, url, path, scheme, host });
  };
  for (const field of ["callbackUrls", "logoutUrls"] as const)
    (client[field] ?? []).forEach((url, i) => add(field, url, pathOf(field, i)));
  return out;
}

export const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
