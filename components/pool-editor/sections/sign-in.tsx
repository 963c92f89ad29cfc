"use client";
import { ALIAS_ATTRIBUTES, AUTH_FACTORS, USERNAME_ATTRIBUTES } from "@/lib/cognito/spec/pool-schema";
import { BooleanField, CheckboxGroupField, FieldSet, SelectField, TextField } from "../controls";

/** Sign-in identifiers: usernameAttributes and aliasAttributes exclude each other and are create-only (not members of UpdateUserPoolRequest, https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPool.html). */
export function SignInSection() {
  return (
    <>
      <FieldSet title="Sign-in identifiers" description="Choose either sign-in attributes or aliases, not both. These cannot change after the pool is created.">
        <CheckboxGroupField name="spec.usernameAttributes" options={USERNAME_ATTRIBUTES} />
        <CheckboxGroupField name="spec.aliasAttributes" options={ALIAS_ATTRIBUTES} />
        <BooleanField name="spec.usernameConfiguration.caseSensitive" yes="Yes (case-sensitive)" no="No (case-insensitive)" />
      </FieldSet>
      <FieldSet title="Passwordless and passkeys">
        <CheckboxGroupField name="spec.signInPolicy.allowedFirstAuthFactors" options={AUTH_FACTORS} />
        <TextField name="spec.webAuthnConfiguration.relyingPartyId" placeholder="auth.example.com" />
        <SelectField name="spec.webAuthnConfiguration.userVerification" options={["required", "preferred"]} />
      </FieldSet>
    </>
  );
}
