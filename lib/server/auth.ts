import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "./auth-config";
import { verifyCredentials } from "./users";

const credentialsSchema = z.object({ email: z.string().min(1), password: z.string().min(1) });

/** The client's address as the proxy in front of the studio reports it (used for sign-in rate limits). */
export function clientAddressFrom(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "local";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
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
});
