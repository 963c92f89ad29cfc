/**
 * Branding through every export format: Terraform and CloudFormation hold it (with the limits each names);
 * the mineiros module and OpenMCF have no place for it and say so with a warning, never silently.
 */
import { describe, expect, test } from "vitest";
import YAML from "yaml";
import type { PoolDocument } from "../spec/document-schema";
import { parseCloudFormation } from "./cloudformation/parse-cloudformation";
import { renderCloudFormation } from "./cloudformation/render-cloudformation";
import { renderOpenMcf } from "./openmcf/render";
import { renderTerraformModule } from "./terraform-module/render-terraform-module";
import { renderTerraform } from "./terraform/render-terraform";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGPgLLoMRwzEcQASchThTOT9gwAAAABJRU5ErkJggg==";

function branded(): PoolDocument {
  return {
    apiVersion: "cognito-studio.dev/v1",
    kind: "UserPool",
    metadata: { name: "branded" },
    spec: {
      region: "eu-west-1",
      clients: [{ name: "web" }],
      domain: { domain: "branded-auth", managedLoginVersion: 2 },
      managedLoginBranding: [
        {
          clientName: "web",
          settings: { components: { pageBackground: { lightMode: { color: "f2f8fdff" } } }, categories: { global: { colorSchemeMode: "LIGHT" } } },
          assets: [{ category: "FORM_LOGO", colorMode: "LIGHT", extension: "PNG", bytes: PNG }],
        },
      ],
      uiCustomizations: [{ clientName: "ALL", css: ".submitButton-customizable { background-color: #0972d3; }", imageFile: PNG }],
    },
  };
}

describe("Terraform", () => {
  const out = renderTerraform(branded());
  const main = out.files.find((f) => f.path === "main.tf")?.content ?? "";

  test("a style is aws_cognito_managed_login_branding naming its client's resource, with settings and asset blocks", () => {
    expect(main).toMatch(/resource "aws_cognito_managed_login_branding" "web" \{/u);
    expect(main).toContain("client_id    = aws_cognito_user_pool_client.web.id");
    expect(main).toContain('settings     = jsonencode({"components":{"pageBackground":{"lightMode":{"color":"f2f8fdff"}}},"categories":{"global":{"colorSchemeMode":"LIGHT"}}})');
    expect(main).toMatch(/asset \{\s+category\s+= "FORM_LOGO"\s+color_mode = "LIGHT"\s+extension\s+= "PNG"\s+bytes\s+= "iVBOR/u);
  });

  test("the 6.x-only resource raises the provider floor and says so", () => {
    expect(main).toContain('version = ">= 6.13.0"');
    expect(out.diagnostics).toContainEqual(expect.objectContaining({ code: "provider-6-only", severity: "warning" }));
  });

  test("a classic customization is aws_cognito_user_pool_ui_customization after the domain; ALL has no client_id", () => {
    const block = /resource "aws_cognito_user_pool_ui_customization" "all" \{[\s\S]*?\n\}/u.exec(main)?.[0] ?? "";
    expect(block).toContain("css          = \".submitButton-customizable { background-color: #0972d3; }\"");
    expect(block).toContain(`image_file   = "${PNG}"`);
    expect(block).toContain("depends_on   = [aws_cognito_user_pool_domain.this]");
    expect(block).not.toContain("client_id");
  });

  test("without styles the floor stays on 5.x", () => {
    const doc = branded();
    delete doc.spec.managedLoginBranding;
    const plain = renderTerraform(doc).files[0]?.content ?? "";
    expect(plain).not.toContain(">= 6.");
    expect(plain).toContain("aws_cognito_user_pool_ui_customization");
  });
});

describe("CloudFormation", () => {
  const out = renderCloudFormation(branded());
  const template = YAML.parse(out.files[0]?.content ?? "", { customTags: [{ tag: "!Ref", resolve: (v: string) => ({ Ref: v }) }, { tag: "!GetAtt", resolve: (v: string) => ({ GetAtt: v }) }] }) as {
    Resources: Record<string, { Type: string; DependsOn?: string[]; Properties: Record<string, unknown> }>;
  };
  const ofType = (type: string) => Object.values(template.Resources).filter((r) => r.Type === type);

  test("a style is AWS::Cognito::ManagedLoginBranding with its client by Ref, Settings as JSON and Assets", () => {
    expect(ofType("AWS::Cognito::ManagedLoginBranding")).toEqual([
      {
        Type: "AWS::Cognito::ManagedLoginBranding",
        Properties: {
          UserPoolId: { Ref: "UserPool" },
          ClientId: { Ref: "WebClient" },
          Settings: branded().spec.managedLoginBranding![0]!.settings,
          Assets: [{ Category: "FORM_LOGO", ColorMode: "LIGHT", Extension: "PNG", Bytes: PNG }],
        },
      },
    ]);
  });

  test("a classic customization is a UICustomizationAttachment after the domain; its logo cannot be held and a warning says so", () => {
    expect(ofType("AWS::Cognito::UserPoolUICustomizationAttachment")).toEqual([
      {
        Type: "AWS::Cognito::UserPoolUICustomizationAttachment",
        DependsOn: ["UserPoolDomain"],
        Properties: { UserPoolId: { Ref: "UserPool" }, ClientId: "ALL", CSS: ".submitButton-customizable { background-color: #0972d3; }" },
      },
    ]);
    expect(out.diagnostics).toContainEqual(expect.objectContaining({ path: "spec.uiCustomizations[0].imageFile", code: "not-expressible" }));
  });
});

describe("formats without a place for branding", () => {
  test.each([
    ["the mineiros module", renderTerraformModule],
    ["OpenMCF", renderOpenMcf],
  ])("%s warns for each of the two, and its files hold no image", (_name, render) => {
    const out = render(branded());
    const paths = out.diagnostics.filter((d) => d.severity === "warning").map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["spec.managedLoginBranding", "spec.uiCustomizations"]));
    for (const file of out.files) expect(file.content).not.toContain(PNG);
  });
});

describe("CloudFormation import", () => {
  test("a template with a style and a customization imports back to the document (the classic logo, which it cannot hold, aside)", () => {
    const doc = branded();
    const back = parseCloudFormation(renderCloudFormation(doc).files[0]?.content ?? "");
    const expected = branded();
    delete expected.spec.uiCustomizations![0]!.imageFile;
    expect(back.document).toEqual(expected);
  });

  test("a style naming a client the template does not hold keeps the id written, and the document's rule reports it", () => {
    const text = `
Resources:
  UserPool:
    Type: AWS::Cognito::UserPool
    Properties: { UserPoolName: shop }
  Style:
    Type: AWS::Cognito::ManagedLoginBranding
    Properties: { UserPoolId: !Ref UserPool, ClientId: 4tq8abcdefghij, UseCognitoProvidedValues: true }
`;
    const parsed = parseCloudFormation(text);
    expect(parsed.document?.spec.managedLoginBranding).toEqual([{ clientName: "4tq8abcdefghij", useCognitoProvidedValues: true }]);
  });
});
