/**
 * Terms documents in every export format: CloudFormation holds them (AWS::Cognito::Terms, the client by Ref)
 * and reads them back; plain Terraform (AWS provider 5.100), the mineiros module and OpenMCF have no place for
 * them, and each says so with a warning at spec.terms.
 */
import { describe, expect, test } from "vitest";
import type { PoolDocument } from "../spec/document-schema";
import { parseCloudFormation } from "./cloudformation/parse-cloudformation";
import { renderCloudFormation } from "./cloudformation/render-cloudformation";
import { exportPoolDocument } from "./index";

function document(): PoolDocument {
  return {
    apiVersion: "cognito-studio.dev/v1",
    kind: "UserPool",
    metadata: { name: "terms-pool" },
    spec: {
      region: "eu-west-1",
      clients: [{ name: "web app", generateSecret: false }],
      terms: [
        { client: "web app", name: "terms-of-use", links: { "cognito:default": "https://shop.test/terms", "cognito:german": "https://shop.test/de/agb" } },
        { client: "web app", name: "privacy-policy", links: { "cognito:default": "https://shop.test/privacy" } },
      ],
    },
  };
}

describe("CloudFormation", () => {
  test("writes one AWS::Cognito::Terms per document, naming the client by Ref, and imports them back equal", () => {
    const exported = renderCloudFormation(document());
    expect(exported.diagnostics).toEqual([]);
    const text = exported.files[0]?.content ?? "";
    expect(text.match(/Type: AWS::Cognito::Terms/gu)).toHaveLength(2);
    expect(text).toMatch(/ClientId: !Ref WebAppClient/u);
    expect(text).toMatch(/TermsSource: LINK/u);
    expect(text).toMatch(/Enforcement: NONE/u);
    const imported = parseCloudFormation(text);
    expect(imported.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(imported.document?.spec.terms).toEqual(document().spec.terms);
  });

  test("a terms resource whose ClientId names no client of the template is left out with a warning", () => {
    const text = `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties: { UserPoolName: p }
  Terms:
    Type: AWS::Cognito::Terms
    Properties:
      UserPoolId: !Ref Pool
      ClientId: abc123
      TermsName: terms-of-use
      TermsSource: LINK
      Enforcement: NONE
      Links: { "cognito:default": "https://shop.test/terms" }
`;
    const imported = parseCloudFormation(text);
    expect(imported.document?.spec.terms).toBeUndefined();
    expect(imported.diagnostics.map((d) => d.code)).toContain("terms-client-unknown");
  });
});

describe("formats without terms documents warn at spec.terms", () => {
  test.each(["terraform", "terraform-module", "openmcf"] as const)("%s", (format) => {
    const exported = exportPoolDocument(document(), format);
    const warnings = exported.diagnostics.filter((d) => d.path === "spec.terms");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.severity).toBe("warning");
    expect(exported.files.map((f) => f.content).join("\n")).not.toMatch(/shop\.test\/privacy/u);
  });
});
