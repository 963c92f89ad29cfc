import { describe, expect, test } from "vitest";
import { parsePoolDocumentText } from "../../lib/cognito/spec/document";
import { runCli } from "../main";
import { memoryIo } from "@/test/support/cli-io";
import { cloudFormationRequestFields } from "./import-cloudformation-options";

const TEMPLATE = `Parameters:
  AppName: { Type: String }
  Stage: { Type: String, Default: dev }
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: !Sub "\${AppName}-users-\${Stage}"
      SmsConfiguration:
        SnsCallerArn: !Sub "arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/\${AWS::StackName}-sms"
`;

describe("cognito-studio import (CloudFormation flags)", () => {
  test("--parameter, --account-id and --stack-name fill the template's gaps", async () => {
    const io = memoryIo({ files: { "template.yaml": TEMPLATE } });
    const code = await runCli(["import", "template.yaml", "--region", "eu-west-1", "--parameter", "AppName=shop", "--parameter", "Stage=prod", "--account-id", "123456789012", "--stack-name", "auth"], io);
    expect(io.err()).toBe("");
    expect(code).toBe(0);
    const doc = parsePoolDocumentText(io.out()).document;
    expect(doc?.metadata.name).toBe("shop-users-prod");
    expect(doc?.spec.smsConfiguration?.snsCallerArn).toBe("arn:aws:iam::123456789012:role/auth-sms");
  });

  test("without them: exit 1, each gap on standard error with the flag that supplies it", async () => {
    const io = memoryIo({ files: { "template.yaml": TEMPLATE } });
    expect(await runCli(["import", "template.yaml", "--partition", "aws-cn"], io)).toBe(1);
    // The draft is printed all the same, without the fields the gaps feed.
    expect(io.out()).toMatch(/^apiVersion: cognito-studio.dev\/v1\nkind: UserPool\nmetadata: \{\}/u);
    const err = io.err();
    expect(err).toContain('Pool: error metadata.name (unresolved-input): set from !Sub "${AppName}-users-${Stage}" in template.yaml line 8; supply the parameter AppName');
    expect(err).not.toContain("spec.region");
    expect(err).toContain("  --parameter AppName=VALUE (template.yaml line 2); feeds metadata.name\n");
    expect(err).toContain("  --account-id ID (template.yaml line 10); feeds spec.smsConfiguration.snsCallerArn\n");
    expect(err).toContain("  --stack-name NAME (template.yaml line 10); feeds spec.smsConfiguration.snsCallerArn\n");
    expect(err).not.toContain("--partition NAME");
  });

  test("--parameter without = is a usage error", async () => {
    const io = memoryIo({ files: { "template.yaml": TEMPLATE } });
    expect(await runCli(["import", "template.yaml", "--parameter", "AppName"], io)).toBe(2);
    expect(io.err()).toContain('--parameter takes KEY=VALUE (a template parameter and its value); got "AppName"');
  });

  test.each([
    [{}, {}],
    [{ parameter: ["A=1", "B=x=y", "C="] }, { parameters: { A: "1", B: "x=y", C: "" } }],
    [{ "account-id": "1", "stack-name": "s", partition: "aws" }, { pseudoParameters: { "AWS::AccountId": "1", "AWS::StackName": "s", "AWS::Partition": "aws" } }],
  ])("flags %j → request %j", (values, expected) => {
    expect(cloudFormationRequestFields(values)).toEqual(expected);
  });
});
