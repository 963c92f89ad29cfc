import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/** Puts a server action's field errors on the form's fields (CONTRIBUTING.md, "Code"). */
export function applyServerErrors<T extends FieldValues>(fieldErrors: Record<string, string[]>, setError: UseFormSetError<T>, known: readonly string[]): string[] {
  const unplaced: string[] = [];
  for (const [name, messages] of Object.entries(fieldErrors)) {
    if (known.includes(name)) setError(name as Path<T>, { type: "server", message: messages.join(" ") });
    else unplaced.push(...messages.map((m) => (name ? `${name}: ${m}` : m)));
  }
  return unplaced;
}
