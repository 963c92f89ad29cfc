/**
 * The progress a run records (and streams to the browser) never holds a provider secret an AWS error quoted.
 * The inner port is a STUB that throws such an error: moto does not echo request values in its errors.
 */
import type { UpdateIdentityProviderRequest } from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, test } from "vitest";
import type { CognitoPort } from "@/lib/cognito/aws";
import type { ProgressEntry } from "@/lib/contracts/apply-run";
import { recordingPort } from "./recording-port";

const SECRET = "-----BEGIN PRIVATE KEY-----stub-apple-key";

describe("recordingPort", () => {
  test("records a failed provider write with the secret of its request replaced by (secret)", async () => {
    const inner = {
      updateIdentityProvider: async (input: UpdateIdentityProviderRequest) => {
        throw Object.assign(new Error(`private_key ${input.ProviderDetails?.private_key ?? ""} is not a valid key`), { name: "InvalidParameterException" });
      },
    } as unknown as CognitoPort;
    const entries: ProgressEntry[] = [];
    const port = recordingPort(inner, (e) => entries.push(e));
    const request = { UserPoolId: "eu-west-1_x", ProviderName: "SignInWithApple", ProviderDetails: { client_id: "c", private_key: SECRET } };
    await expect(port.updateIdentityProvider(request)).rejects.toThrow(SECRET); // the caller (the apply engine) still gets the error
    expect(entries.map((e) => [e.call, e.subject, e.outcome, e.error])).toEqual([
      ["updateIdentityProvider", "SignInWithApple", "failed", { code: "InvalidParameterException", message: "private_key (secret) is not a valid key" }],
    ]);
  });
});
