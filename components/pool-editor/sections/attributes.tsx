"use client";
import { useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button, Label, Select } from "@/components/ui";
import { ATTRIBUTE_DATA_TYPES, STANDARD_ATTRIBUTES } from "@/lib/cognito/spec/schema-attribute-schema";
import { BooleanField, FieldSet, SelectField, TextField } from "../controls";
import { useEditorContext } from "../editor-context";

const NAME = "spec.schemaAttributes";

function AttributeRow({ index, onRemove }: { index: number; onRemove?: () => void }) {
  const base = `${NAME}.${index}`;
  const [name, type] = useWatch({ name: [`${base}.name`, `${base}.attributeDataType`] }) as [string | undefined, string | undefined];
  const standard = name !== undefined && name in STANDARD_ATTRIBUTES;
  return (
    <li className="grid gap-3 rounded-md border border-slate-200 p-3 md:grid-cols-3">
      <TextField name={`${base}.name`} label={standard ? "Name (standard)" : "Name (custom:)"} />
      <SelectField name={`${base}.attributeDataType`} options={ATTRIBUTE_DATA_TYPES} unsetLabel="Choose a type" />
      <BooleanField name={`${base}.required`} />
      <BooleanField name={`${base}.mutable`} />
      {!standard && <BooleanField name={`${base}.developerOnlyAttribute`} />}
      {type === "String" && (
        <>
          <TextField name={`${base}.stringAttributeConstraints.minLength`} />
          <TextField name={`${base}.stringAttributeConstraints.maxLength`} />
        </>
      )}
      {type === "Number" && (
        <>
          <TextField name={`${base}.numberAttributeConstraints.minValue`} />
          <TextField name={`${base}.numberAttributeConstraints.maxValue`} />
        </>
      )}
      {onRemove && (
        <div className="md:col-span-3">
          <Button variant="ghost" onClick={onRemove} aria-label={`Remove attribute ${name || index + 1}`}>
            Remove attribute
          </Button>
        </div>
      )}
    </li>
  );
}

/** Standard attributes to require and custom attributes to create. Attributes are add-only once the pool exists. */
export function AttributesSection() {
  const { control } = useFormContext();
  const { readOnly } = useEditorContext();
  const { fields, append, remove } = useFieldArray({ control, name: NAME });
  const [standard, setStandard] = useState("email");
  return (
    <FieldSet title="Attributes" description="Standard attributes to configure (e.g. require email) and custom attributes to create. Existing attributes can never be changed or removed.">
      <ul className="space-y-3 md:col-span-2">
        {fields.map((f, i) => (
          <AttributeRow key={f.id} index={i} onRemove={readOnly ? undefined : () => remove(i)} />
        ))}
      </ul>
      {fields.length === 0 && <p className="text-sm text-slate-600 md:col-span-2">Not set: the pool has only the standard attributes, none required.</p>}
      {!readOnly && (
        <div className="flex flex-wrap items-end gap-2 md:col-span-2">
          <div className="space-y-1">
            <Label htmlFor="pe-add-standard-attribute">Standard attribute</Label>
            <Select id="pe-add-standard-attribute" value={standard} onChange={(e) => setStandard(e.currentTarget.value)}>
              {Object.keys(STANDARD_ATTRIBUTES).map((n) => (
                <option key={n}>{n}</option>
              ))}
            </Select>
          </div>
          <Button variant="secondary" onClick={() => append({ name: standard, attributeDataType: STANDARD_ATTRIBUTES[standard], required: "true", mutable: "true" })}>
            Add standard attribute
          </Button>
          <Button variant="secondary" onClick={() => append({ name: "", attributeDataType: "String", mutable: "true" })}>
            Add custom attribute
          </Button>
        </div>
      )}
    </FieldSet>
  );
}
