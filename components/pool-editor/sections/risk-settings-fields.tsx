"use client";
import { BooleanField, CheckboxGroupField, FieldSet, SelectField, StringListField, TextField } from "../controls";
import { SettingNotes } from "./setting-notes";

const LEVELS = [
  ["lowAction", "Low risk"],
  ["mediumAction", "Medium risk"],
  ["highAction", "High risk"],
] as const;
const EMAILS = ["blockEmail", "noActionEmail", "mfaEmail"] as const;

/** The three parts of one risk configuration (the pool's, or one app client's), under `base`. */
export function RiskSettingsFields({ base }: { base: string }) {
  const compromised = `${base}.compromisedCredentialsRiskConfiguration`;
  const takeover = `${base}.accountTakeoverRiskConfiguration`;
  const notify = `${takeover}.notifyConfiguration`;
  const exceptions = `${base}.riskExceptionConfiguration`;
  return (
    <>
      <FieldSet title="Compromised credentials" description="Checks passwords against credentials leaked elsewhere. Leave the response empty to keep AWS's default.">
        <CheckboxGroupField name={`${compromised}.eventFilter`} options={["SIGN_IN", "SIGN_UP", "PASSWORD_CHANGE"]} />
        <SelectField name={`${compromised}.actions.eventAction`} options={["BLOCK", "NO_ACTION"]} />
      </FieldSet>
      <FieldSet title="Adaptive authentication" description="What happens at each risk level Cognito assesses for a sign-in.">
        <div className="md:col-span-2">
          <SettingNotes name={`${takeover}.actions`} />
        </div>
        {LEVELS.map(([level]) => (
          <div key={level} className="contents">
            <SelectField name={`${takeover}.actions.${level}.eventAction`} options={["NO_ACTION", "MFA_IF_CONFIGURED", "MFA_REQUIRED", "BLOCK"]} />
            <BooleanField name={`${takeover}.actions.${level}.notify`} />
          </div>
        ))}
      </FieldSet>
      <FieldSet title="Notification messages" description="Sent through Amazon SES when a risk level notifies users.">
        <div className="md:col-span-2">
          <SettingNotes name={notify} />
        </div>
        <TextField name={`${notify}.from`} placeholder="security@example.com" />
        <TextField name={`${notify}.replyTo`} placeholder="support@example.com" />
        <TextField name={`${notify}.sourceArn`} placeholder="arn:aws:ses:eu-west-1:123456789012:identity/example.com" className="md:col-span-2" />
        {EMAILS.map((email) => (
          <div key={email} className="contents">
            <TextField name={`${notify}.${email}.subject`} className="md:col-span-2" />
            <TextField name={`${notify}.${email}.htmlBody`} multiline />
            <TextField name={`${notify}.${email}.textBody`} multiline />
          </div>
        ))}
      </FieldSet>
      <FieldSet title="IP address exceptions">
        <StringListField name={`${exceptions}.skippedIPRangeList`} itemLabel="Range" placeholder="203.0.113.0/24" />
        <StringListField name={`${exceptions}.blockedIPRangeList`} itemLabel="Range" placeholder="198.51.100.0/24" />
      </FieldSet>
    </>
  );
}
