import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { adviseAwsError, describeAwsError } from "./error-advice";

function awsError(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

describe("adviseAwsError", () => {
  it.each([
    [awsError("CredentialsProviderError", "Could not load credentials from any providers"), "no-credentials", /AWS_PROFILE/u],
    [awsError("ExpiredTokenException", "The security token included in the request is expired"), "credentials-expired", /aws sso login/u],
    [awsError("UnrecognizedClientException", "The security token included in the request is invalid."), "credentials-invalid", /AWS_ACCESS_KEY_ID/u],
    [awsError("TooManyRequestsException", "Rate exceeded"), "throttled", /wait a minute/u],
    [Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }), "endpoint-unreachable", /endpoint/u],
  ])("%s → %s", (error, code, advice) => {
    const found = adviseAwsError(error);
    expect(found?.code).toBe(code);
    expect(found?.advice).toMatch(advice);
  });

  it("names the action an access-denied error says is missing", () => {
    const error = awsError(
      "AccessDeniedException",
      "User: arn:aws:iam::111122223333:user/ci is not authorized to perform: cognito-idp:CreateUserPool on resource: arn:aws:cognito-idp:eu-west-1:111122223333:userpool/* because no identity-based policy allows the cognito-idp:CreateUserPool action",
    );
    expect(adviseAwsError(error)?.advice).toMatch(/may not call cognito-idp:CreateUserPool: add it to the identity's IAM policy/u);
  });

  it("leaves other errors as they came, and keeps the original after the advice", () => {
    expect(adviseAwsError(awsError("ResourceNotFoundException", "User pool eu-west-1_x does not exist."))).toBeUndefined();
    expect(describeAwsError(awsError("ResourceNotFoundException", "User pool eu-west-1_x does not exist."))).toBe("ResourceNotFoundException: User pool eu-west-1_x does not exist.");
    expect(describeAwsError(awsError("CredentialsProviderError", "Could not load credentials from any providers"))).toMatch(
      /^No AWS credentials on the server: .* \(CredentialsProviderError: Could not load credentials from any providers\)$/u,
    );
  });

  it("reads a thrown value that String() cannot convert as its type", () => {
    expect(describeAwsError({ toString: 0 })).toBe("[object Object]");
  });

  it("never throws, whatever is thrown", () => {
    fc.assert(fc.property(fc.anything(), (thrown) => {
      adviseAwsError(thrown);
      describeAwsError(thrown);
    }));
  });
});
