"use client";
import { useFieldMessages } from "../controls";

/** The errors and findings of a setting that has no control of its own (a whole configuration, a group of fields). */
export function SettingNotes({ name, id }: { name: string; id?: string }) {
  const { errors, warnings } = useFieldMessages(name);
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <div id={id} role="status" className="space-y-1 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
      {errors.map((m) => (
        <p key={`e-${m}`} className="font-medium text-red-700">
          {m}
        </p>
      ))}
      {warnings.map((m) => (
        <p key={`w-${m}`} className="text-amber-900">
          {m}
        </p>
      ))}
    </div>
  );
}
