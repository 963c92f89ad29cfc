import type { Ref, SelectHTMLAttributes } from "react";
import { cn } from "./cn";
import { controlClass } from "./input";

/** A native select: accessible and keyboard-friendly without extra code. */
export function Select({ className, ref, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> }) {
  return <select ref={ref} className={cn(controlClass, className)} {...props} />;
}
