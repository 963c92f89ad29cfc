"use client";
import { FieldSet, SelectField, TextField } from "../controls";

const MANAGED_LOGIN = [
  { value: "1", label: "1 — classic hosted UI" },
  { value: "2", label: "2 — managed login" },
];

export function DomainSection() {
  return (
    <>
      <FieldSet title="Domain" description="Where the hosted sign-in pages and the OAuth endpoints live: a prefix under amazoncognito.com, or your own domain when it is the only one.">
        <TextField name="spec.domain.domain" placeholder="my-app" />
        <TextField name="spec.domain.certificateArn" placeholder="arn:aws:acm:us-east-1:123456789012:certificate/..." />
        <SelectField name="spec.domain.managedLoginVersion" options={MANAGED_LOGIN} />
      </FieldSet>
      <FieldSet
        title="Custom domain beside the prefix"
        description="A pool can have one prefix domain and one custom domain. After apply, create a DNS record for the custom domain: a Route 53 alias (A) record, or a CNAME in other DNS, pointing at its CloudFront distribution (shown on Connect once applied)."
      >
        <TextField name="spec.customDomain.domain" placeholder="auth.example.com" />
        <TextField name="spec.customDomain.certificateArn" placeholder="arn:aws:acm:us-east-1:123456789012:certificate/..." />
        <SelectField name="spec.customDomain.managedLoginVersion" options={MANAGED_LOGIN} />
      </FieldSet>
    </>
  );
}
