"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui";

const TABS = [
  { href: "", label: "Editor" },
  { href: "/review", label: "Review changes" },
  { href: "/overview", label: "Overview" },
  { href: "/export", label: "Export" },
  { href: "/connect", label: "Connect" },
  { href: "/history", label: "History" },
  { href: "/changes", label: "Change requests" },
  { href: "/targets", label: "Targets" },
];

/** The pool's sections as links (real navigation, so each has its own URL and works without JavaScript). They wrap on a narrow screen rather than scroll: a scrolled-away "History" is easy to miss. */
export function PoolTabs({ poolId }: { poolId: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Pool" className="-mx-1 flex flex-wrap gap-x-1 border-b border-slate-200">
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
