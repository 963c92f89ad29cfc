/**
 * Wildcard-like redirect hosts. Cognito matches redirect URLs exactly, so a `*` is either a mistake or a hope
 * that does not work; hosts under wildcard-DNS services (nip.io, sslip.io, …) resolve for anyone, and tunnel
 * hosts (ngrok, Cloudflare quick tunnels, localtunnel) can be claimed by someone else once the developer's tunnel
 * is gone: whoever holds the host receives the authorization codes.
 */
import type { FindingCheck } from "../types";
import { EVERYWHERE } from "../types";
import { redirectUrlsOf } from "./redirect-urls";

/** Domains whose subdomains anyone can point anywhere or register. */
export const SHARED_HOST_SUFFIXES = [
  "nip.io",
  "sslip.io",
  "xip.io",
  "localtest.me",
  "lvh.me",
  "ngrok.io",
  "ngrok.app",
  "ngrok-free.app",
  "ngrok-free.dev",
  "trycloudflare.com",
  "loca.lt",
] as const;

function sharedSuffix(host: string): string | undefined {
  return SHARED_HOST_SUFFIXES.find((s) => host === s || host.endsWith(`.${s}`));
}

export const wildcardCallbackHostCheck: FindingCheck = {
  code: "finding/wildcard-callback-host",
  title: "Wildcard-like redirect host",
  environments: EVERYWHERE,
  run: (ctx) =>
    ctx.clients.flatMap((c) =>
      redirectUrlsOf(c).flatMap((u) => {
        if (u.host.includes("*"))
          return [
            {
              path: u.path,
              message: `${JSON.stringify(u.url)} has a wildcard host; Cognito matches redirect URLs exactly, so list each host your app uses`,
            },
          ];
        const suffix = sharedSuffix(u.host);
        if (suffix)
          return [
            {
              path: u.path,
              message: `${JSON.stringify(u.url)} is on ${suffix}, whose host names anyone can point or claim; whoever holds the host receives sign-in codes, so use a domain you own`,
            },
          ];
        return [];
      }),
    ),
};
