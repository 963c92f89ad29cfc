"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { supplyImportInputsAction } from "@/app/pools/import-actions";
import { Button, Card, Field, FormMessage, Input } from "@/components/ui";
import type { ImportSourceView } from "@/lib/server/imports";
import { plural } from "./plural";

function where(input: { file?: string; line?: number }): string | undefined {
  if (!input.file) return undefined;
  return input.line ? `${input.file}:${input.line}` : input.file;
}

/**
 * "Inputs to supply" of an imported pool: the values the files left open (Terraform variables without a default,
 * template parameters), where each is declared and which fields of the draft it feeds. Supplying them imports the
 * files again and fills only those fields, so edits made since stay.
 */
export function ImportInputsPanel({ poolId, draftVersion, source, canEdit }: { poolId: string; draftVersion: number; source: ImportSourceView; canEdit: boolean }) {
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [pending, setPending] = useState(false);
  const suppliable = source.inputs.filter((i) => i.suppliable && !i.secret);
  const others = source.inputs.filter((i) => !i.suppliable || i.secret);
  if (source.inputs.length === 0 && !done) return null;

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setErrors({});
    setFormError(undefined);
    setDone(undefined);
    if (!Object.values(values).some((v) => v.trim() !== "")) return setFormError("Type a value for at least one input.");
    setPending(true);
    const res = await supplyImportInputsAction({ poolId, draftVersion, values });
    setPending(false);
    if (!res.ok) {
      const placed: Record<string, string[]> = {};
      for (const [key, messages] of Object.entries(res.fieldErrors)) placed[key.replace(/^values\./u, "")] = messages;
      setErrors(placed);
      setFormError(res.formError);
      return;
    }
    const d = res.data;
    setValues({});
    setDone(`Filled ${plural(d.filled.length, "field")} of the draft (version ${d.version})${d.skipped.length > 0 ? `; ${d.skipped.length} had nowhere to go (${d.skipped.join(", ")})` : ""}. ${d.remaining > 0 ? `${plural(d.remaining, "input")} still to supply.` : "Nothing left to supply."}`);
    router.refresh();
  }

  return (
    <Card role="region" className="mb-4 space-y-3" aria-labelledby="inputs-heading">
      <div>
        <h2 id="inputs-heading" className="text-lg font-semibold">
          Inputs to supply
        </h2>
        <p className="text-sm text-slate-700">
          {source.inputs.length > 0
            ? `Imported from ${source.files.join(", ")}. These values are not in the files; the draft is incomplete until they are given. Supplying them fills only the fields they feed.`
            : `Imported from ${source.files.join(", ")}; every input is supplied.`}
        </p>
      </div>
      {suppliable.length > 0 && (
        <form onSubmit={onSubmit} noValidate aria-label="Inputs to supply" className="space-y-3">
          <div className="grid gap-3 md:grid-cols-2">
            {suppliable.map((input, i) => (
              <Field
                key={input.name}
                id={`import-input-${i}`}
                label={
                  <>
                    <code className="font-mono">{input.name}</code>
                    {input.type && <span className="font-normal text-slate-600"> ({input.type})</span>}
                  </>
                }
                help={[input.description, where(input) && `declared at ${where(input)}`, `feeds ${input.fields.join(", ") || "nothing the studio holds"}`].filter(Boolean).join(" · ")}
                error={errors[input.name]}
              >
                {(aria) => <Input {...aria} value={values[input.name] ?? ""} onChange={(e) => setValues((v) => ({ ...v, [input.name]: e.target.value }))} disabled={!canEdit} autoComplete="off" />}
              </Field>
            ))}
          </div>
          <FormMessage>{formError}</FormMessage>
          <FormMessage tone="success">{done}</FormMessage>
          {canEdit && (
            <Button type="submit" disabled={pending}>
              {pending ? "Filling…" : "Fill the draft"}
            </Button>
          )}
        </form>
      )}
      {others.length > 0 && (
        <div className="text-sm">
          <p className="font-medium">Not supplied here</p>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-700">
            {others.map((input) => (
              <li key={input.name}>
                <code className="font-mono">{input.name}</code>
                {where(input) && ` (${where(input)})`}: {input.secret ? "a secret, which the studio never stores: set the identity provider's secretRef in the draft" : "follows from the inputs above, or cannot be evaluated at import: set the fields in the draft"}
                {input.fields.length > 0 && <> · feeds {input.fields.join(", ")}</>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {done && suppliable.length === 0 && <FormMessage tone="success">{done}</FormMessage>}
    </Card>
  );
}
