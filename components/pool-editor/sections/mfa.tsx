"use client";
import { BooleanField, FieldSet, SelectField, TextField } from "../controls";

export function MfaSection() {
  return (
    <>
      <FieldSet title="Multi-factor authentication">
        <SelectField name="spec.mfaConfiguration" options={["OFF", "OPTIONAL", "ON"]} />
        <BooleanField name="spec.softwareTokenMfaConfiguration.enabled" yes="Enabled" no="Disabled" />
      </FieldSet>
      <FieldSet title="SMS and email codes" description="SMS needs the SMS configuration under Messages; email MFA needs Amazon SES.">
        <TextField name="spec.smsAuthenticationMessage" placeholder="Your code is {####}" />
        <TextField name="spec.emailMfaConfiguration.subject" />
        <TextField name="spec.emailMfaConfiguration.message" multiline className="md:col-span-2" placeholder="Your sign-in code is {####}" />
      </FieldSet>
    </>
  );
}
