"use client";
import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui";
import { TextField } from "../controls";
import { useEditorContext } from "../editor-context";
import { RemoveItemButton } from "./list-items";

const NAME = "spec.resourceServers";

function Scopes({ server }: { server: number }) {
  const { control } = useFormContext();
  const { readOnly } = useEditorContext();
  const name = `${NAME}.${server}.scopes`;
  const { fields, append, remove } = useFieldArray({ control, name });
  return (
    <div className="space-y-2 md:col-span-2">
      <h4 className="text-sm font-medium text-slate-900">Scopes</h4>
      <ul className="space-y-2">
        {fields.map((f, i) => (
          <li key={f.id} className="grid gap-2 md:grid-cols-[1fr_2fr_auto] md:items-start">
            <TextField name={`${name}.${i}.name`} />
            <TextField name={`${name}.${i}.description`} />
            {!readOnly && (
              <Button variant="ghost" className="md:mt-6" aria-label={`Remove scope ${i + 1}`} onClick={() => remove(i)}>
                Remove
              </Button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <Button variant="secondary" onClick={() => append({ name: "", description: "" })}>
          Add scope
        </Button>
      )}
    </div>
  );
}

export function ResourceServersSection() {
  const { control } = useFormContext();
  const { readOnly } = useEditorContext();
  const { fields, append, remove } = useFieldArray({ control, name: NAME });
  return (
    <section className="space-y-4">
      <p className="text-sm text-slate-600">APIs with custom scopes; clients ask for them as identifier/scope (client credentials for machines).</p>
      {fields.map((f, i) => (
        <section key={f.id} aria-label={`Resource server ${i + 1}`} className="grid gap-4 rounded-lg border border-slate-200 p-4 md:grid-cols-2">
          <TextField name={`${NAME}.${i}.identifier`} placeholder="https://api.example.com" />
          <TextField name={`${NAME}.${i}.name`} />
          <Scopes server={i} />
          <RemoveItemButton label="Remove resource server" onRemove={() => remove(i)} />
        </section>
      ))}
      {fields.length === 0 && <p className="text-sm text-slate-600">No resource servers.</p>}
      {!readOnly && (
        <Button variant="secondary" onClick={() => append({ identifier: "", name: "", scopes: [] })}>
          Add resource server
        </Button>
      )}
    </section>
  );
}
