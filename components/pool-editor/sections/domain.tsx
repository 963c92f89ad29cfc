"use client";
import { FieldSet, SelectField, TextField } from "../controls";

export function DomainSection() {
  return (
    <FieldSet title="Domain" description="Where the hosted sign-in pages and the OAuth endpoints live.">
      <TextField name="spec.domain.domain" placeholder="my-app" />
      <TextField name="spec.domain.certificateArn" placeholder="arn:aws:acm:us-east-1:123456789012:certificate/..." />
      <SelectField name="spec.domain.managedLoginVersion" options={[{ value: "1", label: "1 — classic hosted UI" }, { value: "2", label: "2 — managed login" }]} />
    </FieldSet>
  );
}
