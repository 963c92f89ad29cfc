import type { ReactNode } from "react";
import { cn } from "./cn";

const TONES = {
  error: { role: "alert", className: "bg-red-50 text-red-800" },
  success: { role: "status", className: "bg-green-50 text-green-900" },
} as const;

/**
 * A form's message that belongs to no single field (a refused save, a failed sign-in). Errors are
 * announced (role="alert"), successes are a polite status. Renders nothing when there is no message.
 */
export function FormMessage({ tone = "error", children }: { tone?: keyof typeof TONES; children?: ReactNode }) {
  if (children === undefined || children === null || children === false || children === "") return null;
  return (
    <p role={TONES[tone].role} className={cn("rounded-md p-3 text-sm", TONES[tone].className)}>
      {children}
    </p>
  );
}
