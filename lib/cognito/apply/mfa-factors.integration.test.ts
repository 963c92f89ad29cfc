/**
 * MFA factors through apply against moto, read back and planned again: SMS MFA as its own switch, email MFA,
 * passkeys as MFA. moto 5.2 forgets email MFA and passkey settings; test/support/moto_ext/mfa_config.py keeps
 * them, modelled from the API reference
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html).
 */
import { DescribeUserPoolCommand, GetUserPoolMfaConfigCommand } from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, test } from "vitest";
import { useMotoCognito } from "@/test/support/moto-cognito";
import type { PoolDocument } from "../spec/document-schema";
import { validatePoolDocument } from "../spec/validate";
import { planAgainstLive, planAndApply } from "../../../test/support/apply-testing";

const REGION = "eu-west-1";
const SNS_ROLE = "arn:aws:iam::123456789012:role/cognito-sms";
const moto = useMotoCognito(REGION);

let counter = 0;
function mfaDocument(spec: PoolDocument["spec"]): PoolDocument {
  counter++;
  return { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: `mfa-${counter}` }, spec: { region: REGION, ...spec } };
}

async function expectConverged(doc: PoolDocument, userPoolId: string) {
  const plan = await planAgainstLive(moto.port, doc, userPoolId);
  expect(plan.errors).toEqual([]);
  expect(plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action} ${JSON.stringify(e.changes)}`)).toEqual([]);
}

const everyFactor: PoolDocument["spec"] = {
  userPoolTier: "ESSENTIALS",
  mfaConfiguration: "OPTIONAL",
  softwareTokenMfaConfiguration: { enabled: true },
  smsMfaConfiguration: { enabled: true },
  smsAuthenticationMessage: "Your sign-in code is {####}",
  smsConfiguration: { snsCallerArn: SNS_ROLE, externalId: "mfa-test" },
  emailMfaConfiguration: { subject: "Your sign-in code", message: "Your sign-in code is {####}" },
  emailConfiguration: { emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/no-reply@shop.test" },
  accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }, { name: "verified_phone_number", priority: 2 }] },
  webAuthnConfiguration: { relyingPartyId: "shop.test", userVerification: "required", factorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION" },
};

describe("MFA factors", () => {
  test("every factor at once is applied, read back, and plans as no change; SMS MFA then turns off alone", async () => {
    const doc = mfaDocument(everyFactor);
    expect(validatePoolDocument(doc).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const { result } = await planAndApply(moto.port, doc);
    expect(result.ok).toBe(true);
    const id = result.userPoolId!;
    const mfa = await moto.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }));
    expect(mfa.MfaConfiguration).toBe("OPTIONAL");
    // SMS MFA carries the SMS configuration it sends with.
    expect(mfa.SmsMfaConfiguration).toEqual({ SmsAuthenticationMessage: "Your sign-in code is {####}", SmsConfiguration: { SnsCallerArn: SNS_ROLE, ExternalId: "mfa-test" } });
    expect(mfa.EmailMfaConfiguration).toEqual({ Subject: "Your sign-in code", Message: "Your sign-in code is {####}" });
    expect(mfa.WebAuthnConfiguration).toEqual({ RelyingPartyId: "shop.test", UserVerification: "required", FactorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION" });
    await expectConverged(doc, id);

    const off: PoolDocument = { ...doc, spec: { ...doc.spec, smsMfaConfiguration: { enabled: false } } };
    const plan = await planAgainstLive(moto.port, off, id);
    expect(plan.entries.filter((e) => e.action !== "noop").map((e) => e.address)).toEqual(["mfa_config"]);
    const second = await planAndApply(moto.port, off, id);
    expect(second.result.ok).toBe(true);
    const after = await moto.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }));
    expect(after.SmsMfaConfiguration).toBeUndefined();
    expect(after.SoftwareTokenMfaConfiguration).toEqual({ Enabled: true });
    expect(after.EmailMfaConfiguration).toBeDefined();
    // The SMS configuration stays on the pool for verification messages.
    const pool = (await moto.sdk.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool!;
    expect(pool.SmsConfiguration?.SnsCallerArn).toBe(SNS_ROLE);
    await expectConverged(off, id);
  });

  test("an SMS configuration alone does not turn SMS MFA on, and a message alone sends no SmsMfaConfiguration", async () => {
    const doc = mfaDocument({
      mfaConfiguration: "OPTIONAL",
      softwareTokenMfaConfiguration: { enabled: true },
      smsAuthenticationMessage: "Code {####}",
      smsConfiguration: { snsCallerArn: SNS_ROLE, externalId: "alone" },
    });
    const { result } = await planAndApply(moto.port, doc);
    expect(result.ok).toBe(true);
    const mfa = await moto.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: result.userPoolId! }));
    expect(mfa.SmsMfaConfiguration).toBeUndefined();
    await expectConverged(doc, result.userPoolId!);
  });

  test("the switch left unset keeps SMS MFA as the live pool has it", async () => {
    const doc = mfaDocument({ mfaConfiguration: "ON", smsMfaConfiguration: { enabled: true }, smsConfiguration: { snsCallerArn: SNS_ROLE, externalId: "keep" } });
    const { result } = await planAndApply(moto.port, doc);
    const id = result.userPoolId!;
    const unmanaged: PoolDocument = { ...doc, spec: { ...doc.spec, smsMfaConfiguration: undefined, smsAuthenticationMessage: "New text {####}" } };
    const second = await planAndApply(moto.port, unmanaged, id);
    expect(second.result.ok).toBe(true);
    const mfa = await moto.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }));
    expect(mfa.SmsMfaConfiguration?.SmsConfiguration?.SnsCallerArn).toBe(SNS_ROLE);
    expect(mfa.SmsMfaConfiguration?.SmsAuthenticationMessage).toBe("New text {####}");
  });
});
