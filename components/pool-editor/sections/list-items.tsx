"use client";
import { useWatch } from "react-hook-form";
import { Button } from "@/components/ui";
import { useEditorContext } from "../editor-context";

/** The button that removes one item of a list section; nothing when the editor is read-only. */
export function RemoveItemButton({ label, onRemove }: { label: string; onRemove: () => void }) {
  const { readOnly } = useEditorContext();
  if (readOnly) return null;
  return (
    <div className="md:col-span-2">
      <Button variant="danger" onClick={onRemove}>
        {label}
      </Button>
    </div>
  );
}

/** The names of the document's app clients as the form holds them now, for the pickers that name a client. */
export function useClientNames(): string[] {
  return ((useWatch({ name: "spec.clients" }) as { name?: string }[] | undefined) ?? []).map((c) => c.name ?? "").filter((n) => n !== "");
}

/** One `<option>` per app client name. */
export function ClientOptions({ clients }: { clients: readonly string[] }) {
  return clients.map((c) => (
    <option key={c} value={c}>
      {c}
    </option>
  ));
}
