/**
 * "Export for": the design as it is, or as one target gets it (its values, and import blocks for its pool).
 * A GET form, so it works without JavaScript and the choice is in the URL.
 */
import { Button, Select } from "@/components/ui";

export interface ExportTargetOption {
  id: string;
  name: string;
  userPoolId: string | null;
}

export function ExportTargetPicker({ targets, selected, format, apiRoutes }: { targets: ExportTargetOption[]; selected?: string; format?: string; apiRoutes?: string }) {
  if (targets.length === 0)
    return <p className="text-sm text-slate-600">Add a target (Targets tab) to export the design with that environment&apos;s values and its live ids.</p>;
  return (
    <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Export for a target">
      <div className="flex min-w-0 flex-col gap-1">
        <label className="text-sm font-medium text-slate-900" htmlFor="export-target">
          Export for
        </label>
        <Select id="export-target" name="target" defaultValue={selected ?? ""} className="max-w-full">
          <option value="">the design as drafted (no target)</option>
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              target {t.name}
              {t.userPoolId ? " (live pool)" : " (no pool yet)"}
            </option>
          ))}
        </Select>
      </div>
      {format && <input type="hidden" name="format" value={format} />}
      {/* The API's routes (the form below) stay when the target changes. */}
      {apiRoutes !== undefined && <input type="hidden" name="apiRoutes" value={apiRoutes} />}
      <Button type="submit" variant="secondary">
        Show export
      </Button>
    </form>
  );
}
