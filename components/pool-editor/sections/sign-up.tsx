"use client";
import { VERIFIED_ATTRIBUTES } from "@/lib/cognito/spec/pool-schema";
import { BooleanField, CheckboxGroupField, FieldSet } from "../controls";

export function SignUpSection() {
  return (
    <FieldSet title="Sign-up and verification">
      <BooleanField name="spec.adminCreateUserConfig.allowAdminCreateUserOnly" yes="Yes (self sign-up off)" no="No (self sign-up on)" />
      <CheckboxGroupField name="spec.autoVerifiedAttributes" options={VERIFIED_ATTRIBUTES} />
      <CheckboxGroupField name="spec.userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdate" options={VERIFIED_ATTRIBUTES} />
    </FieldSet>
  );
}
