import { describe, expect, test } from "vitest";
import { detectImportFormat } from ".";
import { someLineStartsWith } from "./line-scan";
import { fileRole } from "./terraform/terraform-config";

// The format guesses run over whole file text before any reader: each must stay linear in floods of
// newlines (500,000 fit in an import's size limit). A quadratic one does not finish within the test's
// timeout; how long each takes is measured by `npm run bench` (bench/hostile.ts).
const FLOOD = "\n".repeat(500_000);
const CRLF_FLOOD = "\r\n".repeat(500_000);
const BLANKS = " \n".repeat(500_000);

describe("line by line, whatever the newlines", () => {
  test("someLineStartsWith skips indentation and finds the line after a flood", () => {
    expect(someLineStartsWith(`${FLOOD}  \tkey: 1`, /^key:/u)).toBe(true);
    expect(someLineStartsWith(`${CRLF_FLOOD}x key: 1`, /^key:/u)).toBe(false);
  });

  test("pasted text is Terraform when some line opens a top-level block, after any flood", () => {
    const block = 'resource "aws_cognito_user_pool" "pool" {\n  name = "p"\n}\n';
    for (const flood of [FLOOD, CRLF_FLOOD, BLANKS]) {
      expect(fileRole("pasted text", `${flood}${block}`)).toBe("tf");
      expect(fileRole("pasted text", `${block.replace("{", "")}${flood}`)).toBe("ignored");
      expect(fileRole("pasted text", `${flood}  locals {\n}`)).toBe("tf");
      expect(fileRole("pasted text", flood)).toBe("ignored");
    }
    expect(fileRole("pasted text", `#${block}`)).toBe("ignored");
  });

  test("a CloudFormation template is told by Resources and a Cognito Type, with floods between and around them", () => {
    const yaml = `Resources:${FLOOD}  Pool:${FLOOD}    Type:${FLOOD}      AWS::Cognito::UserPool\n`;
    expect(detectImportFormat(yaml)).toBe("cloudformation");
    const json = `{${CRLF_FLOOD}"Resources"${CRLF_FLOOD}:${CRLF_FLOOD}{"Pool": {"Type"${FLOOD}:${FLOOD}"AWS::Cognito::UserPool"}}}`;
    expect(detectImportFormat(json)).toBe("cloudformation");
    expect(detectImportFormat(`${BLANKS}Resources:\n  Pool:\n    Type: AWS::S3::Bucket\n${BLANKS}`)).toBeUndefined();
    expect(detectImportFormat(`${FLOOD}AWSTemplateFormatVersion: "2010-09-09"`)).toBe("cloudformation");
    expect(detectImportFormat(`${CRLF_FLOOD}  apiVersion: cognito-studio.dev/v1`)).toBe("spec");
    expect(detectImportFormat(`${BLANKS}module "cognito" {`)).toBe("terraform");
  });
});
