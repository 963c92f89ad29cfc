import "server-only";
import NextAuth from "next-auth";
import { buildAuthOptions } from "./auth-options";

export { clientAddressFrom } from "./client-address";

// Built once at startup: a partly configured OIDC provider stops the server with the missing variable's name.
// No `auth`: sessions are read by lib/server/session-token.ts, which decrypts a cookie once per token; Auth.js's
// auth() decrypts and re-encrypts it on every call.
export const { handlers, signIn, signOut } = NextAuth(buildAuthOptions(process.env));
