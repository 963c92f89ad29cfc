"use client";
import { FieldSet, KeyValueField, TextField } from "../controls";
import { CostPanel } from "../cost-panel";

export function GeneralSection() {
  return (
    <>
      <FieldSet title="Pool" description="The pool's name and Region, and the studio's labels.">
        <TextField name="metadata.name" />
        <TextField name="spec.region" placeholder="us-east-1" />
        <KeyValueField name="metadata.labels" noun="Label" className="md:col-span-2" />
      </FieldSet>
      <CostPanel />
    </>
  );
}
