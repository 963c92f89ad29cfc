"use client";
import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui";
import { RECOVERY_OPTION_NAMES } from "@/lib/cognito/spec/pool-schema";
import { FieldSet, NumberField, SelectField } from "../controls";
import { useEditorContext } from "../editor-context";

const NAME = "spec.accountRecoverySetting.recoveryMechanisms";

export function AccountRecoverySection() {
  const { control } = useFormContext();
  const { readOnly } = useEditorContext();
  const { fields, append, remove } = useFieldArray({ control, name: NAME });
  return (
    <FieldSet title="Account recovery" description="How users reset a forgotten password. One or two methods; admin_only must be the only one.">
      {fields.length === 0 && <p className="text-sm text-slate-600 md:col-span-2">Not set: AWS uses verified phone first, then verified email.</p>}
      {fields.map((f, i) => (
        <div key={f.id} className="grid gap-3 rounded-md border border-slate-200 p-3 md:col-span-2 md:grid-cols-[1fr_10rem_auto] md:items-start">
          <SelectField name={`${NAME}.${i}.name`} options={RECOVERY_OPTION_NAMES} unsetLabel="Choose a method" />
          <NumberField name={`${NAME}.${i}.priority`} />
          {!readOnly && (
            <Button variant="ghost" className="self-end" aria-label={`Remove recovery method ${i + 1}`} onClick={() => remove(i)}>
              Remove
            </Button>
          )}
        </div>
      ))}
      {!readOnly && fields.length < 2 && (
        <div className="md:col-span-2">
          <Button variant="secondary" onClick={() => append({ name: "", priority: String(fields.length + 1) })}>
            Add recovery method
          </Button>
        </div>
      )}
    </FieldSet>
  );
}
