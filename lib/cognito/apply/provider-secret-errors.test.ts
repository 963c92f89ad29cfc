/**
 * A provider secret quoted in an AWS error never reaches a step's error or the progress callback. The port is a
 * STUB that throws such an error: moto does not echo request values in its errors, and AWS documents no error
 * that does, so only a stub can show what happens if one ever did.
 */
import type { CreateIdentityProviderRequest } from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, test } from "vitest";
import { planChanges } from "../plan/plan-changes";
import type { PoolDocument } from "../spec/document-schema";
import { type ApplyStep, applyPlan, redactSecrets } from "./apply-plan";
import type { CognitoPort } from "../aws/port";

const SECRET = "GOCSPX-stub-secret-1f2e3d";

const doc: PoolDocument = {
  apiVersion: "cognito-studio.dev/v1",
  kind: "UserPool",
  metadata: { name: "stub" },
  spec: {
    region: "eu-west-1",
    identityProviders: [
      {
        providerName: "Google",
        providerType: "Google",
        providerDetails: { client_id: "c.apps.googleusercontent.com", authorize_scopes: "openid" },
        secretRef: { source: "env", name: "IDP_SECRET_GOOGLE" },
      },
    ],
  },
};

/** Creates the pool, then fails CreateIdentityProvider with an error that quotes the request's client_secret. */
function quotingPort(): CognitoPort {
  const stub = {
    region: "eu-west-1",
    createUserPool: async () => ({ Id: "eu-west-1_stub" }),
    createIdentityProvider: async (input: CreateIdentityProviderRequest) => {
      throw Object.assign(new Error(`Invalid ProviderDetails: client_secret ${input.ProviderDetails?.client_secret ?? ""} was rejected by ${SECRET.slice(0, 6)}`), {
        name: "InvalidParameterException",
      });
    },
  };
  return stub as unknown as CognitoPort;
}

describe("a provider secret in an AWS error", () => {
  test("is replaced by (secret) in the failed step and in what onStepFinished reports", async () => {
    const reported: ApplyStep[] = [];
    const result = await applyPlan(planChanges(null, doc), quotingPort(), {
      desired: doc,
      resolveSecret: async () => SECRET,
      onStepFinished: (step) => reported.push(step),
    });
    const failed = result.steps.find((s) => s.outcome === "failed");
    expect(failed?.resource).toBe('identity_provider["Google"]');
    expect(failed?.error).toEqual({ code: "InvalidParameterException", message: "Invalid ProviderDetails: client_secret (secret) was rejected by GOCSPX" });
    expect(JSON.stringify(reported)).toContain("client_secret (secret) was rejected");
    expect(JSON.stringify([result, reported])).not.toContain(SECRET);
  });

  test("redactSecrets replaces every occurrence, longest secret first", () => {
    expect(redactSecrets("a abc abc b", ["ab", "abc", ""])).toBe("a (secret) (secret) b");
    expect(redactSecrets("nothing here", [])).toBe("nothing here");
  });
});
