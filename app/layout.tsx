import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { getCurrentAccount } from "@/lib/server/session";
import { signOutAction } from "./(auth)/actions";
import "./globals.css";

export const metadata: Metadata = {
  title: "Cognito Studio",
  description: "Design, review, plan and apply AWS Cognito user pools.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const account = await getCurrentAccount().catch(() => null);
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
            <Link href="/" className="text-lg font-semibold text-slate-900">
              Cognito Studio
            </Link>
            {account && (
              <nav aria-label="Main" className="flex flex-wrap items-center gap-x-3 gap-y-1 whitespace-nowrap text-sm">
                <Link href="/" className="font-medium text-indigo-800 hover:underline">
                  Pools
                </Link>
                <Link href="/terraform-review" className="font-medium text-indigo-800 hover:underline">
                  Terraform review
                </Link>
                <Link href="/audit" className="font-medium text-indigo-800 hover:underline">
                  Audit log
                </Link>
                <Link href="/members" className="font-medium text-indigo-800 hover:underline">
                  Members
                </Link>
                <Link href="/policies" className="font-medium text-indigo-800 hover:underline">
                  Policies
                </Link>
              </nav>
            )}
            {account && (
              <div className="ml-auto flex items-center gap-3 text-sm">
                <span className="hidden text-slate-700 sm:inline" data-testid="current-user">
                  {account.name} <span className="text-slate-600">({account.role})</span>
                </span>
                <form action={signOutAction}>
                  <button type="submit" className={buttonClass("secondary")}>
                    Sign out
                  </button>
                </form>
              </div>
            )}
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
