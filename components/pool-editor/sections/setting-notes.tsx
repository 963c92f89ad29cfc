"use client";
import { fieldId } from "../controls";
import { useEditorContext } from "../editor-context";

/**
 * The errors and findings about a setting that has no control of its own (a whole configuration, a group of
 * fields): only those at exactly that path; the fields below show their own.
 */
export function SettingNotes({ name, id }: { name: string; id?: string }) {
  const { index } = useEditorContext();
  const diagnostics = index.get(name) ?? [];
  if (diagnostics.length === 0) return null;
  return (
    <div id={id ?? `${fieldId(name)}-notes`} role="status" className="space-y-1 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
      {diagnostics.map((d) => (
        <p key={`${d.severity}-${d.message}`} className={d.severity === "error" ? "font-medium text-red-700 wrap-anywhere" : "text-amber-900 wrap-anywhere"}>
          {d.message}
        </p>
      ))}
    </div>
  );
}
