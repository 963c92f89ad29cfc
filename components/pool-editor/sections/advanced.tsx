"use client";
import { BooleanField, FieldSet, KeyValueField, SelectField } from "../controls";

export function AdvancedSection() {
  return (
    <>
      <FieldSet title="Protection">
        <SelectField name="spec.deletionProtection" options={["ACTIVE", "INACTIVE"]} />
        <SelectField name="spec.userPoolTier" options={["LITE", "ESSENTIALS", "PLUS"]} />
        <SelectField name="spec.userPoolAddOns.advancedSecurityMode" options={["OFF", "AUDIT", "ENFORCED"]} />
        <SelectField name="spec.userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode" options={["AUDIT", "ENFORCED"]} />
      </FieldSet>
      <FieldSet title="Device tracking" description="Unset: devices are not remembered.">
        <BooleanField name="spec.deviceConfiguration.challengeRequiredOnNewDevice" />
        <BooleanField name="spec.deviceConfiguration.deviceOnlyRememberedOnUserPrompt" />
      </FieldSet>
      <FieldSet title="Tags">
        <KeyValueField name="spec.userPoolTags" noun="Tag" className="md:col-span-2" />
      </FieldSet>
    </>
  );
}
