/**
 * Preflight logic that moto cannot stage: a pending SES identity (moto marks every identity verified) and
 * reads that fail with AccessDenied. The PreflightPort here is a stub for exactly those answers; the
 * moto-backed cases are in preflight.integration.test.ts.
 */
import { describe, expect, test } from "vitest";
import type { PoolDocument } from "../spec/document-schema";
import { addressBelongsTo, addressOf } from "./checks/email-identity";
import { certificateCovers } from "./checks/domain-certificate";
import { triggersOf } from "./checks/lambda-triggers";
import { PREFLIGHT_CODES } from "./codes";
import { renderPreflightText } from "./render-text";
import { runPreflight } from "./run-preflight";
import type { PreflightPort } from "./types";

const doc = (spec: Partial<PoolDocument["spec"]>): PoolDocument => ({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "p" }, spec: { region: "eu-west-1", ...spec } });

/** Stub: every method rejects unless overridden (so a test shows which reads a check makes). */
function stubPort(overrides: Partial<PreflightPort>): PreflightPort {
  const refuse = () => Promise.reject(new Error("unexpected call"));
  return { describeCertificate: refuse, getEmailIdentity: refuse, getRole: refuse, getRolePermissionPolicies: refuse, functionExists: refuse, getFunctionPolicy: refuse, describeKey: refuse, ...overrides };
}

describe("certificateCovers", () => {
  test.each([
    ["auth.example.com", "auth.example.com", true],
    ["AUTH.example.com", "auth.EXAMPLE.com", true],
    ["*.example.com", "auth.example.com", true],
    ["*.example.com", "example.com", false],
    ["*.example.com", "a.b.example.com", false],
    ["example.com", "auth.example.com", false],
  ] as const)("%s covers %s: %s", (name, domain, expected) => {
    expect(certificateCovers(name, domain)).toBe(expected);
  });
});

describe("From addresses", () => {
  test.each([
    ["Shop <no-reply@example.com>", "example.com", true],
    ["no-reply@mail.example.com", "example.com", true],
    ["no-reply@badexample.com", "example.com", false],
    ["sender@example.org", "sender@example.org", true],
    ["other@example.org", "sender@example.org", false],
  ] as const)("%s belongs to %s: %s", (from, identity, expected) => {
    expect(addressBelongsTo(addressOf(from), identity)).toBe(expected);
  });
});

test("an SES identity whose verification is pending blocks", async () => {
  const port = stubPort({ getEmailIdentity: async () => ({ identityType: "DOMAIN", verified: false, status: "PENDING" }) });
  const report = await runPreflight(doc({ emailConfiguration: { emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/example.com" } }), port);
  expect(report.results.map((r) => [r.code, r.outcome, r.blocking])).toEqual([["email-identity-not-verified", "fail", true]]);
  expect(report.results[0]?.message).toContain("PENDING");
  expect(report.blocked).toBe(true);
});

test("a read the credentials may not make is reported as not checked and never blocks", async () => {
  const denied = Object.assign(new Error("User is not authorized to perform: iam:GetRole"), { name: "AccessDeniedException" });
  const port = stubPort({ getRole: () => Promise.reject(denied) });
  const report = await runPreflight(doc({ smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/sms" } }), port);
  expect(report.results.map((r) => [r.code, r.outcome, r.blocking])).toEqual([["check-failed", "unknown", false]]);
  expect(report.results[0]?.message).toContain("AccessDeniedException");
  expect(report.blocked).toBe(false);
});

test("a trust policy requiring the external id with StringLike", async () => {
  const trustPolicy = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Service: ["cognito-idp.amazonaws.com"] }, Action: ["sts:AssumeRole"], Condition: { StringLike: { "sts:ExternalId": "pool-*" } } }] });
  const publish = JSON.stringify({ Statement: { Effect: "Allow", Action: "sns:publish", Resource: "*" } });
  const port = stubPort({ getRole: async () => ({ trustPolicy }), getRolePermissionPolicies: async () => [publish] });
  const ok = await runPreflight(doc({ smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/sms", externalId: "pool-42" } }), port);
  expect(ok.results.map((r) => r.code)).toEqual(["sms-role-ok"]);
  const none = await runPreflight(doc({ smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/sms" } }), port);
  expect(none.results.map((r) => r.code)).toEqual(["sms-role-external-id-mismatch"]);
});

test("sns:Publish must be allowed on every resource, and not denied", async () => {
  const trustPolicy = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Service: "cognito-idp.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "x" } } }] });
  const run = async (policies: object[]) => {
    const port = stubPort({ getRole: async () => ({ trustPolicy }), getRolePermissionPolicies: async () => policies.map((p) => JSON.stringify(p)) });
    return (await runPreflight(doc({ smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/sms", externalId: "x" } }), port)).results.map((r) => r.code);
  };
  expect(await run([{ Statement: [{ Effect: "Allow", Action: ["sns:*"], Resource: ["*"] }] }])).toEqual(["sms-role-ok"]);
  expect(await run([{ Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: "arn:aws:sns:eu-west-1:123456789012:topic" }] }])).toEqual(["sms-role-cannot-publish"]);
  expect(await run([{ Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: "*" }] }, { Statement: [{ Effect: "Deny", Action: "sns:*", Resource: "*" }] }])).toEqual(["sms-role-cannot-publish"]);
  expect(await run([])).toEqual(["sms-role-cannot-publish"]);
});

test("a design with no dependencies makes no call and reports nothing", async () => {
  const report = await runPreflight(doc({ clients: [{ name: "web" }], domain: { domain: "prefix" } }), stubPort({}));
  expect(report).toEqual({ results: [], blocked: false, summary: { pass: 0, fail: 0, warn: 0, unknown: 0 } });
  expect(renderPreflightText(report)).toContain("nothing to check");
});

test("a trigger ARN used twice (legacy and versioned pre token generation) is checked once", () => {
  const arn = "arn:aws:lambda:eu-west-1:123456789012:function:pre-token";
  expect(triggersOf({ preTokenGeneration: arn, preTokenGenerationConfig: { lambdaVersion: "V1_0", lambdaArn: arn } })).toEqual([
    { path: "spec.lambdaConfig.preTokenGeneration", arn, trigger: "preTokenGeneration" },
  ]);
});

test("every failing or warning code has a fix and names the AWS error a user would meet", () => {
  for (const [code, row] of Object.entries(PREFLIGHT_CODES)) {
    if (code.endsWith("-ok")) continue;
    expect(row.fix.length, code).toBeGreaterThan(20);
    if (code !== "check-failed") expect(row.awsErrorWithout, code).toMatch(/Exception|Error|none at apply time/u);
  }
});

describe("the server's AWS credentials", () => {
  const none = Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" });
  const expired = Object.assign(new Error("The security token included in the request is expired"), { name: "ExpiredTokenException" });

  test("a server with credentials passes and says who it acts as", async () => {
    const report = await runPreflight(doc({}), stubPort({ callerIdentity: async () => ({ account: "111122223333", arn: "arn:aws:iam::111122223333:user/ci" }) }));
    expect(report.results).toEqual([expect.objectContaining({ check: "aws-credentials", outcome: "pass", message: "The server acts as arn:aws:iam::111122223333:user/ci (account 111122223333)." })]);
    expect(report.blocked).toBe(false);
  });

  test.each([
    [none, "aws-credentials-missing", /AWS_PROFILE/u],
    [expired, "aws-credentials-invalid", /expired/u],
  ])("no or refused credentials block the apply (%s)", async (error, code, text) => {
    const report = await runPreflight(doc({}), stubPort({ callerIdentity: () => Promise.reject(error) }));
    expect(report.blocked).toBe(true);
    expect(report.results[0]).toMatchObject({ code, outcome: "fail", blocking: true });
    expect(`${report.results[0].message} ${report.results[0].fix}`).toMatch(text);
  });
});
