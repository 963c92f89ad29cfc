import type { InputHTMLAttributes, Ref } from "react";
import { cn } from "./cn";

export function Checkbox({ className, ref, ...props }: Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { ref?: Ref<HTMLInputElement> }) {
  return <input ref={ref} type="checkbox" className={cn("h-4 w-4 rounded border-slate-400 accent-indigo-700", className)} {...props} />;
}
