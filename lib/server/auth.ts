import "server-only";
import NextAuth from "next-auth";
import { buildAuthOptions } from "./auth-options";

export { clientAddressFrom } from "./client-address";

// Built once at startup: a partly configured OIDC provider stops the server with the missing variable's name.
export const { handlers, auth, signIn, signOut } = NextAuth(buildAuthOptions(process.env));
