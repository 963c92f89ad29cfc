import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCloudFormation } from "./cloudformation/parse-cloudformation";
import { parseOpenMcf } from "./openmcf/parse";
import { readPoolDocument } from "./read-pool-document";
import { parseTerraform } from "./terraform/parse-terraform";

const seed = (name: string) => readFileSync(join(__dirname, "openmcf", "fixtures", name), "utf8");

describe("readPoolDocument", () => {
  it("reads a native document and validates it", () => {
    const { document, diagnostics } = readPoolDocument("apiVersion: cognito-studio.dev/v1\nkind: UserPool\nmetadata:\n  name: p\nspec:\n  region: eu-west-1\n  clients:\n    - name: web\n");
    expect(diagnostics).toEqual([]);
    expect(document?.spec.clients).toEqual([{ name: "web" }]);
  });

  it("native validation errors keep native paths", () => {
    const { diagnostics } = readPoolDocument('{"apiVersion":"cognito-studio.dev/v1","kind":"UserPool","metadata":{"name":"p"},"spec":{"region":"eu-west-1","mfaConfiguration":"SOMETIMES"}}', "p.json");
    expect(diagnostics.map((d) => [d.path, d.severity])).toEqual([["spec.mfaConfiguration", "error"]]);
  });

  it("detects an OpenMCF manifest and maps it", () => {
    const { document, diagnostics } = readPoolDocument(seed("seed-001-hosted-ui.yaml"), "cognito.yaml");
    expect(diagnostics).toEqual([]);
    expect(document?.apiVersion).toBe("cognito-studio.dev/v1");
    expect(document?.metadata.name).toBe("webapp-auth");
    expect(document?.spec.domain?.domain).toBe("acme-staging-auth");
  });

  it("OpenMCF diagnostics point into the OpenMCF file", () => {
    const text = seed("seed-001-quick-start.yaml").replace("      explicitAuthFlows:", "      accessTokenValidityMinutes: 2\n      explicitAuthFlows:");
    const { diagnostics } = readPoolDocument(text);
    expect(diagnostics.map((d) => d.path)).toEqual(["spec.clients[0].accessTokenValidityMinutes"]);
  });

  it("an unknown kind is ONE error naming what was found and what is accepted", () => {
    const { document, diagnostics } = readPoolDocument("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    expect(document).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: "error", path: "apiVersion", code: "unknown-document-kind" });
    for (const word of ['"v1"', '"ConfigMap"', "cognito-studio.dev/v1", "UserPool", "aws.openmcf.org/v1", "aws.planton.dev/v1", "AwsCognitoUserPool"])
      expect(diagnostics[0]?.message).toContain(word);
  });

  it("a CloudFormation template is pointed to the importer, and nothing else is", () => {
    const template = readPoolDocument("Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties: {UserPoolName: shop}\n");
    expect(template.diagnostics.map((d) => d.code)).toEqual(["unknown-document-kind"]);
    expect(template.diagnostics[0]?.message).toContain("looks like a CloudFormation template: convert it with `cognito-studio import FILE`");
    expect(readPoolDocument("apiVersion: v1\nkind: ConfigMap\n").diagnostics[0]?.message).not.toContain("CloudFormation");
  });

  it("a known apiVersion with the wrong kind points at kind", () => {
    const { diagnostics } = readPoolDocument("apiVersion: aws.openmcf.org/v1\nkind: AwsCognitoUserPoolClient\n");
    expect(diagnostics.map((d) => [d.path, d.code])).toEqual([["kind", "unknown-document-kind"]]);
  });

  it.each([
    ["YAML", "spec:\n  region: [eu-west-1\n  clients: x\n", undefined],
    ["JSON", '{"apiVersion": "cognito-studio.dev/v1",\n  "kind": }', "pool.json"],
  ])("unparsable %s is one error with line and column, no stack trace", (_, text, file) => {
    const { document, diagnostics } = readPoolDocument(text, file);
    expect(document).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toMatch(/line \d+, column \d+/u);
    expect(diagnostics[0]?.message).not.toMatch(/\n\s+at /u);
  });

  it("a list or a scalar is not a document", () => {
    expect(readPoolDocument("- a\n- b\n").diagnostics.map((d) => d.code)).toEqual(["unknown-document-kind"]);
    expect(readPoolDocument("42").diagnostics[0]?.message).toContain("not an object");
  });

  describe("sourceKind says what the text was read as", () => {
    const native = "apiVersion: cognito-studio.dev/v1\nkind: UserPool\nmetadata:\n  name: p\nspec:\n  region: eu-west-1\n";
    it.each([
      ["a native document", native, "native"],
      ["a native document with errors", native.replace("eu-west-1", "[]"), "native"],
      ["an OpenMCF manifest", seed("seed-001-quick-start.yaml"), "openmcf"],
      ["an OpenMCF manifest with errors", seed("seed-001-quick-start.yaml").replace("region: us-east-1", "region: 42"), "openmcf"],
      ["an unknown kind", "apiVersion: v1\nkind: ConfigMap\n", undefined],
      ["unreadable text", "spec: [unclosed\n", undefined],
    ])("%s: %s", (_, text, kind) => {
      expect(readPoolDocument(text).sourceKind).toBe(kind);
    });

    it("each format's parser sets its own kind", async () => {
      expect(parseOpenMcf(seed("seed-001-quick-start.yaml")).sourceKind).toBe("openmcf");
      const tf = await parseTerraform('provider "aws" {\n  region = "eu-west-1"\n}\nresource "aws_cognito_user_pool" "this" {\n  name = "p"\n}\n', "main.tf");
      expect(tf.document?.metadata.name).toBe("p");
      expect(tf.sourceKind).toBe("terraform");
      expect((await parseTerraform("resource {", "main.tf")).sourceKind).toBe("terraform");
      const cfn = parseCloudFormation("Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPoolName: p\n", { region: "eu-west-1" });
      expect(cfn.document?.metadata.name).toBe("p");
      expect(cfn.sourceKind).toBe("cloudformation");
    });
  });
});
