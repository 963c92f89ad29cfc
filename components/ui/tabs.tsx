"use client";
import { Tabs as RadixTabs } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "./cn";

export const Tabs = RadixTabs.Root;

export function TabsList({ className, ...props }: ComponentProps<typeof RadixTabs.List>) {
  return <RadixTabs.List className={cn("flex flex-wrap gap-1 border-b border-slate-200", className)} {...props} />;
}

export function TabsTrigger({ className, ...props }: ComponentProps<typeof RadixTabs.Trigger>) {
  return (
    <RadixTabs.Trigger
      className={cn(
        "rounded-t-md px-3 py-2 text-sm font-medium text-slate-700 data-[state=active]:border-b-2 data-[state=active]:border-indigo-700 data-[state=active]:text-indigo-800",
        "focus-visible:outline-2 focus-visible:outline-indigo-600",
        className,
      )}
      {...props}
    />
  );
}

export function TabsContent({ className, ...props }: ComponentProps<typeof RadixTabs.Content>) {
  return <RadixTabs.Content className={cn("pt-4 focus-visible:outline-2 focus-visible:outline-indigo-600", className)} {...props} />;
}
