import { describe, expect, test } from "vitest";
import { EXPORT_FORMATS, IMPORT_FORMATS, EXPORTERS, IMPORTERS, detectImportFormat, exportPoolDocument, importPoolDocument } from ".";
import { BLOG_POOL_DOCUMENT } from "@/test/support/pool-documents";

describe("format registry", () => {
  test("every export and import format has an entry", () => {
    expect(Object.keys(EXPORTERS).sort()).toEqual([...EXPORT_FORMATS].sort());
    expect(Object.keys(IMPORTERS).sort()).toEqual([...IMPORT_FORMATS].sort());
  });

  test.each(["terraform", "openmcf", "cloudformation", "spec"] as const)("%s: import(export(the Terraform blog post's pool)) keeps the pool's name and region", async (format) => {
    const exported = exportPoolDocument(BLOG_POOL_DOCUMENT, format);
    const imported = await importPoolDocument(exported.files[0].content, format);
    expect(imported.document?.metadata.name).toBe("blog-pool");
    expect(imported.document?.spec.region).toBe("eu-central-1");
  });
});

describe("detectImportFormat", () => {
  test.each([
    ["", "main.tf", "terraform"],
    ['resource "aws_cognito_user_pool" "p" {\n}', undefined, "terraform"],
    ['AWSTemplateFormatVersion: "2010-09-09"\nResources: {}', "t.yaml", "cloudformation"],
    ["Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n", "t.yaml", "cloudformation"],
    ['{"Resources": {"P": {"Type": "AWS::Cognito::UserPool"}}}', "t.json", "cloudformation"],
    ["apiVersion: cognito-studio.dev/v1\nkind: UserPool\n", "p.yaml", "spec"],
    ["apiVersion: aws.openmcf.org/v1\nkind: AwsCognitoUserPool\n", "p.yaml", "spec"],
    ["hello: world", "p.yaml", undefined],
  ])("%j (%s) → %s", (text, file, expected) => {
    expect(detectImportFormat(text, file)).toBe(expected);
  });

  // A run of empty lines made the old multiline `^\s*` patterns quadratic (160k newlines: 73 s). The time is
  // measured in `npm run bench`; here the pathological bodies must still get the right answer.
  test("a 500,000-newline body is read line by line and still recognised", () => {
    const flood = "\n".repeat(500_000);
    expect(detectImportFormat(flood)).toBeUndefined();
    expect(detectImportFormat(`${flood}apiVersion: cognito-studio.dev/v1\n`)).toBe("spec");
    expect(detectImportFormat(`${flood}  "AWSTemplateFormatVersion": "2010-09-09"`)).toBe("cloudformation");
    expect(detectImportFormat(`${" \t\r\n".repeat(125_000)}resource "aws_cognito_user_pool" "p" {`)).toBe("terraform");
  });
});
