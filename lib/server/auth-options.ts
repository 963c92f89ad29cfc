import "server-only";
import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "./auth-config";
import { OIDC_PROVIDER_ID, type OidcProfile, oidcProvider, oidcSettingsFromEnv } from "./auth-oidc";
import { userForOidcProfile } from "./oidc-accounts";
import { verifyCredentials } from "./users";

const credentialsSchema = z.object({ email: z.string().min(1), password: z.string().min(1) });

/** The client's address as the proxy in front of the studio reports it (used for sign-in rate limits). */
export function clientAddressFrom(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "local";
}

/**
 * The full Auth.js configuration: email and password always, the OIDC provider when AUTH_OIDC_* is set
 * (a partial set throws, naming what is missing). Kept apart from NextAuth() so tests can run it with
 * Auth.js's own request handler.
 */
export function buildAuthOptions(env: Record<string, string | undefined>): NextAuthConfig {
  const oidc = oidcSettingsFromEnv(env);
  return {
    ...authConfig,
    callbacks: {
      ...authConfig.callbacks,
      /** An OIDC sign-in needs a verified email: that is what matches (or creates) the studio account. */
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const user = await userForOidcProfile(profile as Partial<OidcProfile> | undefined, undefined, oidc?.allowedDomains);
        if (!user.ok) console.warn(`OIDC sign-in refused: ${user.reason}`);
        return user.ok;
      },
      /** The session's subject is the studio's user id, for OIDC as for email and password (roles are read from the database). */
      async jwt({ token, account, profile }) {
        if (account?.provider === OIDC_PROVIDER_ID) {
          const user = await userForOidcProfile(profile as Partial<OidcProfile> | undefined, undefined, oidc?.allowedDomains);
          if (!user.ok) throw new Error(`OIDC sign-in refused: ${user.reason}`);
          token.sub = user.userId;
        }
        return token;
      },
    },
    providers: [
      ...(oidc ? [oidcProvider(oidc)] : []),
      Credentials({
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const check = await verifyCredentials(parsed.data.email, parsed.data.password, clientAddressFrom(request.headers));
          return check.ok ? { id: check.user.id, email: check.user.email, name: check.user.name } : null;
        },
      }),
    ],
  };
}
