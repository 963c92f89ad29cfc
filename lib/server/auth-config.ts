import type { NextAuthConfig } from "next-auth";
import { resolveAuthSecret } from "./auth-secret";

/** Paths anyone may open; everything else needs a session (proxy.ts redirects to sign-in). */
export const PUBLIC_PATHS = ["/sign-in", "/sign-up", "/invite", "/api/auth", "/api/health"];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/**
 * The part of the next-auth configuration without database access, shared by proxy.ts and the full
 * configuration in auth.ts. Sessions are JWTs (no session table); the user's role and session version
 * are read from the database on every action and page, so a removal or role change takes effect at once.
 */
export const authConfig = {
  secret: resolveAuthSecret(),
  // `next start` on localhost or behind a team's proxy: trust the Host header (AUTH_TRUST_HOST).
  trustHost: true,
  session: { strategy: "jwt" },
  pages: { signIn: "/sign-in" },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      return isPublicPath(request.nextUrl.pathname) || Boolean(auth?.user);
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      // Compared with the user's current version on every action and page (lib/server/session.ts).
      if (typeof token.sv === "number") session.user.sessionVersion = token.sv;
      return session;
    },
  },
} satisfies NextAuthConfig;
