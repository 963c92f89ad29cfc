"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { cn } from "@/components/ui";

const TABS = [
  { href: "", label: "Editor" },
  { href: "/review", label: "Review changes" },
  { href: "/targets", label: "Targets" },
  { href: "/changes", label: "Change requests" },
  { href: "/history", label: "History" },
  { href: "/overview", label: "Overview" },
  { href: "/export", label: "Export" },
  { href: "/connect", label: "Connect" },
];

/**
 * The pool's sections as links (real navigation, so each has its own URL and works without JavaScript), in the
 * order of the work: edit, review, add a target, submit and apply, then look back. On a narrow screen they scroll
 * in one row; the fading edge says there is more.
 */
export function PoolTabs({ poolId }: { poolId: string }) {
  const pathname = usePathname();
  const nav = useRef<HTMLElement>(null);
  // On a narrow screen the current tab may be scrolled out of the row: bring it into view.
  useEffect(() => {
    nav.current?.querySelector<HTMLElement>('[aria-current="page"]')?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);
  return (
    <nav
      ref={nav}
      aria-label="Pool"
      className="-mx-1 flex flex-nowrap gap-x-1 overflow-x-auto border-b border-slate-200 [mask-image:linear-gradient(to_right,black_90%,transparent)] sm:[mask-image:none]"
    >
      {TABS.map((tab) => {
        const href = `/pools/${poolId}${tab.href}`;
        const current = pathname === href;
        return (
          <Link
            key={tab.href}
            href={href}
            aria-current={current ? "page" : undefined}
            className={cn(
              "shrink-0 rounded-t-md px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-indigo-600",
              current ? "border-b-2 border-indigo-700 text-indigo-800" : "text-slate-700 hover:text-slate-900",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
