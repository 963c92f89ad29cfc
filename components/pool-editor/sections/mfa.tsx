"use client";
import { useWatch } from "react-hook-form";
import { BooleanField, FieldSet, PresenceField, SelectField, TextField, isPresentObject } from "../controls";

/** The sign-in code texts email MFA starts with when turned on (editable; AWS's own default is similar). */
const EMAIL_MFA_TEXTS = { subject: "Your sign-in code", message: "Your sign-in code is {####}" };

export function MfaSection() {
  const email = isPresentObject(useWatch({ name: "spec.emailMfaConfiguration" }));
  const [smsSwitch, smsMessage] = useWatch({ name: ["spec.smsMfaConfiguration.enabled", "spec.smsAuthenticationMessage"] }) as [unknown, unknown];
  const sms = smsSwitch === "true" || (typeof smsMessage === "string" && smsMessage !== "");
  return (
    <>
      <FieldSet title="Multi-factor authentication">
        <SelectField name="spec.mfaConfiguration" options={["OFF", "OPTIONAL", "ON"]} />
      </FieldSet>
      <FieldSet title="MFA methods" description="Each method a user may choose as a second factor. SMS needs an SNS caller role (Messages); email needs Amazon SES.">
        <BooleanField name="spec.softwareTokenMfaConfiguration.enabled" yes="On" no="Off" />
        <BooleanField name="spec.smsMfaConfiguration.enabled" yes="On" no="Off" />
        <PresenceField name="spec.emailMfaConfiguration" fill={EMAIL_MFA_TEXTS} />
        <SelectField name="spec.webAuthnConfiguration.factorConfiguration" options={["SINGLE_FACTOR", "MULTI_FACTOR_WITH_USER_VERIFICATION"]} />
      </FieldSet>
      {(sms || email) && (
        <FieldSet title="Code messages" description="The texts that carry the sign-in code; each must contain {####}.">
          {sms && <TextField name="spec.smsAuthenticationMessage" placeholder="Your code is {####}" />}
          {email && <TextField name="spec.emailMfaConfiguration.subject" />}
          {email && <TextField name="spec.emailMfaConfiguration.message" multiline className="md:col-span-2" placeholder="Your sign-in code is {####}" />}
        </FieldSet>
      )}
    </>
  );
}
