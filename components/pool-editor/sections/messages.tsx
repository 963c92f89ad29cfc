"use client";
import { FieldSet, SelectField, TextField } from "../controls";

export function MessagesSection() {
  return (
    <>
      <FieldSet title="Email delivery" description="Cognito's own sender is limited to 50 emails a day; production pools send through Amazon SES.">
        <SelectField name="spec.emailConfiguration.emailSendingAccount" options={["COGNITO_DEFAULT", "DEVELOPER"]} />
        <TextField name="spec.emailConfiguration.sourceArn" placeholder="arn:aws:ses:us-east-1:123456789012:identity/example.com" />
        <TextField name="spec.emailConfiguration.from" placeholder="Example <no-reply@example.com>" />
        <TextField name="spec.emailConfiguration.replyToEmailAddress" />
        <TextField name="spec.emailConfiguration.configurationSet" />
      </FieldSet>
      <FieldSet title="SMS delivery" description="The IAM role Cognito uses to send SMS through Amazon SNS.">
        <TextField name="spec.smsConfiguration.snsCallerArn" placeholder="arn:aws:iam::123456789012:role/cognito-sms" />
        <TextField name="spec.smsConfiguration.externalId" />
        <TextField name="spec.smsConfiguration.snsRegion" placeholder="us-east-1" />
      </FieldSet>
      <FieldSet title="Verification message">
        <SelectField name="spec.verificationMessageTemplate.defaultEmailOption" options={["CONFIRM_WITH_CODE", "CONFIRM_WITH_LINK"]} />
        <TextField name="spec.verificationMessageTemplate.smsMessage" placeholder="Your verification code is {####}" />
        <TextField name="spec.verificationMessageTemplate.emailSubject" />
        <TextField name="spec.verificationMessageTemplate.emailMessage" multiline />
        <TextField name="spec.verificationMessageTemplate.emailSubjectByLink" />
        <TextField name="spec.verificationMessageTemplate.emailMessageByLink" multiline />
      </FieldSet>
      <FieldSet title="Invitation message" description="Sent to users an administrator creates.">
        <TextField name="spec.adminCreateUserConfig.inviteMessageTemplate.emailSubject" />
        <TextField name="spec.adminCreateUserConfig.inviteMessageTemplate.smsMessage" />
        <TextField name="spec.adminCreateUserConfig.inviteMessageTemplate.emailMessage" multiline className="md:col-span-2" />
      </FieldSet>
    </>
  );
}
