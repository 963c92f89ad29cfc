import "server-only";
import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "./auth-config";
import { OIDC_PROVIDER_ID, type OidcProfile, oidcProvider, oidcSettingsFromEnv } from "./auth-oidc";
import { signupPolicyFromEnv } from "./auth-policy";
import { clientAddressFrom } from "./client-address";
import { userForOidcProfile } from "./oidc-accounts";
import { BCRYPT_MAX_BYTES, auditSignIn, sessionVersionOf, verifyCredentials } from "./users";

const credentialsSchema = z.object({ email: z.string().min(1).max(254), password: z.string().min(1).max(BCRYPT_MAX_BYTES * 4) });

export { clientAddressFrom };

/**
 * The full Auth.js configuration: email and password always, the OIDC provider when AUTH_OIDC_* is set
 * (a partial set throws, naming what is missing). Kept apart from NextAuth() so tests can run it with
 * Auth.js's own request handler.
 */
export function buildAuthOptions(env: Record<string, string | undefined>): NextAuthConfig {
  const oidc = oidcSettingsFromEnv(env);
  const policy = signupPolicyFromEnv(env);
  return {
    ...authConfig,
    events: {
      /** Every completed sign-in, whichever provider, is audited (failed ones are, in verifyCredentials). */
      async signIn({ user, account }) {
        if (user.email) await auditSignIn(user.email, account?.provider === OIDC_PROVIDER_ID ? (oidc?.name ?? "OIDC") : "email and password");
      },
    },
    callbacks: {
      ...authConfig.callbacks,
      /** An OIDC sign-in needs a verified email: that is what matches (or creates) the studio account. */
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const user = await userForOidcProfile(profile as Partial<OidcProfile> | undefined, undefined, policy);
        if (!user.ok) console.warn(`OIDC sign-in refused: ${user.reason}`);
        return user.ok;
      },
      /**
       * The session's subject is the studio's user id, for OIDC as for email and password (roles are read
       * from the database), and the token keeps the user's session version from the moment of sign-in.
       */
      async jwt({ token, account, profile, user }) {
        if (account?.provider === OIDC_PROVIDER_ID) {
          const found = await userForOidcProfile(profile as Partial<OidcProfile> | undefined, undefined, policy);
          if (!found.ok) throw new Error(`OIDC sign-in refused: ${found.reason}`);
          token.sub = found.userId;
        }
        if ((account || user) && token.sub) token.sv = (await sessionVersionOf(token.sub)) ?? 0;
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
