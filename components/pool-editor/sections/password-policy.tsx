"use client";
import { BooleanField, FieldSet, NumberField } from "../controls";

export function PasswordPolicySection() {
  return (
    <FieldSet title="Password policy" description="What a password must contain. Unset fields keep the AWS defaults.">
      <NumberField name="spec.passwordPolicy.minimumLength" />
      <NumberField name="spec.passwordPolicy.passwordHistorySize" />
      <BooleanField name="spec.passwordPolicy.requireUppercase" />
      <BooleanField name="spec.passwordPolicy.requireLowercase" />
      <BooleanField name="spec.passwordPolicy.requireNumbers" />
      <BooleanField name="spec.passwordPolicy.requireSymbols" />
      <NumberField name="spec.passwordPolicy.temporaryPasswordValidityDays" />
    </FieldSet>
  );
}
