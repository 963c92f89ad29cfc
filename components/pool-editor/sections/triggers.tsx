"use client";
import { FieldSet, SelectField, TextField } from "../controls";

const SIMPLE = [
  "preSignUp",
  "postConfirmation",
  "preAuthentication",
  "postAuthentication",
  "customMessage",
  "userMigration",
  "defineAuthChallenge",
  "createAuthChallenge",
  "verifyAuthChallengeResponse",
  "preTokenGeneration",
] as const;

const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:name";

export function TriggersSection() {
  return (
    <>
      <FieldSet title="Lambda triggers" description="Lambda functions Cognito calls at each step. Unset = no trigger.">
        {SIMPLE.map((t) => (
          <TextField key={t} name={`spec.lambdaConfig.${t}`} placeholder={LAMBDA} />
        ))}
      </FieldSet>
      <FieldSet title="Versioned triggers">
        <SelectField name="spec.lambdaConfig.preTokenGenerationConfig.lambdaVersion" options={["V1_0", "V2_0", "V3_0"]} unsetLabel="Choose a version" />
        <TextField name="spec.lambdaConfig.preTokenGenerationConfig.lambdaArn" placeholder={LAMBDA} />
        <SelectField name="spec.lambdaConfig.customSmsSender.lambdaVersion" label="Custom SMS sender version" options={["V1_0"]} unsetLabel="Choose a version" />
        <TextField name="spec.lambdaConfig.customSmsSender.lambdaArn" placeholder={LAMBDA} />
        <SelectField name="spec.lambdaConfig.customEmailSender.lambdaVersion" label="Custom email sender version" options={["V1_0"]} unsetLabel="Choose a version" />
        <TextField name="spec.lambdaConfig.customEmailSender.lambdaArn" placeholder={LAMBDA} />
        <TextField name="spec.lambdaConfig.kmsKeyId" placeholder="arn:aws:kms:us-east-1:123456789012:key/..." />
      </FieldSet>
    </>
  );
}
