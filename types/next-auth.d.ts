import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    /** sessionVersion: the user's session version when they signed in (compared with the database on every request). */
    user: { id: string; sessionVersion?: number } & DefaultSession["user"];
  }
}
