"use client";
import dynamic from "next/dynamic";

/**
 * Sonner's toaster, loaded after the page is interactive: it is on every page (the root layout) and shows
 * nothing until a toast is raised, so its JavaScript stays out of every page's first load.
 */
export const Toaster = dynamic(() => import("sonner").then((m) => m.Toaster), { ssr: false });
