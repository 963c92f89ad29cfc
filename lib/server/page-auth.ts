import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getPool, type PoolDetail } from "./pools";
import { getCurrentAccount } from "./session";
import type { Account } from "./users";

/** For pages: the signed-in account, or a redirect to sign-in (proxy.ts redirects too; this is the guard). */
export async function requireAccount(): Promise<Account> {
  const account = await getCurrentAccount();
  if (!account) redirect("/sign-in");
  return account;
}

/**
 * For pool pages: the account and the pool of its workspace, or 404. Once per page render (React's `cache`):
 * the pool's layout and its page both ask.
 */
export const requirePool: (poolId: string) => Promise<{ account: Account; pool: PoolDetail }> = cache(async (poolId: string) => {
  const account = await requireAccount();
  const pool = await getPool(account.workspaceId, poolId);
  if (!pool) notFound();
  return { account, pool };
});
