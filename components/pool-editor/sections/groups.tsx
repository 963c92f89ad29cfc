"use client";
import { useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button, Card, Input, Label } from "@/components/ui";
import { NumberField, TextField } from "../controls";
import { useEditorContext } from "../editor-context";
import { RemoveItemButton } from "./list-items";

const NAME = "spec.groups";

/** User pool groups: roles in the application, with an optional IAM role and a precedence for cognito:preferred_role. */
export function GroupsSection() {
  const { control } = useFormContext();
  const { readOnly } = useEditorContext();
  const { fields, append, remove } = useFieldArray({ control, name: NAME });
  const managed = useWatch({ name: NAME }) !== undefined;
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const add = () => {
    const trimmed = name.trim();
    if (trimmed === "") return setProblem("Enter a name for the new group.");
    append({ name: trimmed });
    setName("");
    setProblem(undefined);
  };
  return (
    <section className="space-y-4">
      <p className="text-sm text-slate-600">
        Groups put users in roles; their names appear in the cognito:groups claim. The group with the lowest precedence decides cognito:preferred_role.
      </p>
      {!managed && <p className="text-sm text-slate-600">Not managed: this document leaves the pool&apos;s groups as they are. Adding a group manages them here.</p>}
      {managed && fields.length === 0 && <p className="text-sm text-slate-600">The pool will have no groups.</p>}
      {fields.map((f, i) => (
        <section key={f.id} aria-label={`Group ${i + 1}`} className="grid gap-4 rounded-lg border border-slate-200 p-4 md:grid-cols-2">
          <TextField name={`${NAME}.${i}.name`} />
          <NumberField name={`${NAME}.${i}.precedence`} />
          <TextField name={`${NAME}.${i}.description`} />
          <TextField name={`${NAME}.${i}.roleArn`} placeholder="arn:aws:iam::123456789012:role/name" />
          <RemoveItemButton label="Remove group" onRemove={() => remove(i)} />
        </section>
      ))}
      {!readOnly && (
        <Card className="space-y-3">
          <h3 className="text-base font-semibold">Add group</h3>
          <div className="space-y-1">
            <Label htmlFor="pe-add-group-name">Group name</Label>
            <Input
              id="pe-add-group-name"
              value={name}
              autoComplete="off"
              aria-describedby={problem ? "pe-add-group-problem" : undefined}
              aria-invalid={problem ? true : undefined}
              onChange={(e) => setName(e.currentTarget.value)}
            />
          </div>
          {problem && (
            <p id="pe-add-group-problem" className="text-xs font-medium text-red-700">
              {problem}
            </p>
          )}
          <Button onClick={add}>Add group</Button>
        </Card>
      )}
    </section>
  );
}
