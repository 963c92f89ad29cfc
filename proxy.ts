import NextAuth from "next-auth";
import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import { authConfig, isPublicPath } from "@/lib/server/auth-config";
import { sessionNeedsRefresh, sessionTokenReader } from "@/lib/server/session-token";

/**
 * Auth.js's own middleware, run only to re-issue a day-old session cookie (what keeps an active person signed in).
 * Called as `auth(request, event)` it answers with a Response (next-auth's `handleAuth`); its types list only the
 * other call forms.
 */
const reissueSessionCookie = NextAuth(authConfig).auth as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

/**
 * Redirects people without a session to /sign-in. This is a convenience, not the guard: every server action
 * and page query checks the session and role itself. The cookie is decrypted once per token
 * (lib/server/session-token.ts); Auth.js decrypted and re-encrypted it on every request.
 */
export default async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  if (isPublicPath(request.nextUrl.pathname)) return NextResponse.next();
  const claims = await sessionTokenReader().read(request.headers);
  if (!claims) {
    // As Auth.js redirects, but the way back is a path: the URL the server sees names the address it listens on
    // (0.0.0.0:3000), not the one the browser used.
    const signIn = request.nextUrl.clone();
    signIn.pathname = authConfig.pages.signIn;
    signIn.search = "";
    signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    return NextResponse.redirect(signIn);
  }
  if (sessionNeedsRefresh(claims)) return reissueSessionCookie(request, event);
  return NextResponse.next();
}

export const config = {
  // Skip Next's own assets and files with an extension (favicon, images).
  matcher: ["/((?!_next/static|_next/image|.*\\.[a-zA-Z0-9]+$).*)"],
};
