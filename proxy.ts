import NextAuth from "next-auth";
import { authConfig } from "@/lib/server/auth-config";

// Redirects people without a session to /sign-in (the `authorized` callback decides). This is a
// convenience, not the guard: every server action and page query checks the session and role itself.
const { auth } = NextAuth(authConfig);

export default auth;

export const config = {
  // Skip Next's own assets and files with an extension (favicon, images).
  matcher: ["/((?!_next/static|_next/image|.*\\.[a-zA-Z0-9]+$).*)"],
};
