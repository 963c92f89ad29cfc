/**
 * A design need not name a Region: it takes its target's when planned and applied. The importers accept files
 * that name none (most Terraform keeps the provider elsewhere; a CloudFormation template never states one), and
 * the exporters write none: Terraform leaves the Region to the aws provider's configuration, CloudFormation
 * takes the stack's. Only OpenMCF, whose manifests require one, warns.
 */
import { describe, expect, test } from "vitest";
import type { PoolDocument } from "../spec/document-schema";
import { exportPoolDocument, parseCloudFormation, parseTerraform } from "./index";
import { BLOG_POOL_DOCUMENT } from "@/test/support/pool-documents";

function withoutRegion(doc: PoolDocument): PoolDocument {
  const { region: _region, ...spec } = structuredClone(doc.spec);
  return { ...structuredClone(doc), spec };
}

const DOC = withoutRegion(BLOG_POOL_DOCUMENT);

describe("importing files that name no Region", () => {
  test("Terraform without a provider block gives a document without a Region, and no error", async () => {
    const result = await parseTerraform(`resource "aws_cognito_user_pool" "p" {\n  name = "orders"\n}\n`, "cognito.tf");
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.document?.metadata.name).toBe("orders");
    expect(result.document?.spec.region).toBeUndefined();
  });

  test("a template without Metadata or --region gives a document without a Region; --region still fills it", () => {
    const text = "Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n    Properties: { UserPoolName: orders }\n";
    const result = parseCloudFormation(text);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.document?.metadata.name).toBe("orders");
    expect(result.document?.spec.region).toBeUndefined();
    expect(parseCloudFormation(text, { region: "eu-central-1" }).document?.spec.region).toBe("eu-central-1");
  });
});

describe("exporting a design without a Region", () => {
  test("Terraform writes no provider block, says why, and imports back to the same document", async () => {
    const { files, diagnostics } = exportPoolDocument(DOC, "terraform");
    const main = files.find((f) => f.path === "main.tf")?.content ?? "";
    expect(main).not.toMatch(/provider\s+"aws"/u);
    expect(main).toContain("No provider region: the design names no Region");
    expect(diagnostics.filter((d) => d.path === "spec.region")).toEqual([]);
    expect((await parseTerraform(main, "main.tf")).document).toEqual(DOC);
  });

  test("Terraform with variables declares no region variable", () => {
    const { files } = exportPoolDocument(DOC, "terraform", { variables: true });
    expect(files.map((f) => f.content).join("\n")).not.toMatch(/variable\s+"region"/u);
  });

  test("the mineiros module call has no provider block", () => {
    const main = exportPoolDocument(DOC, "terraform-module").files[0]?.content ?? "";
    expect(main).toContain('module "cognito_user_pool"');
    expect(main).not.toMatch(/provider\s+"aws"/u);
  });

  test("CloudFormation records no Region and imports back to the same document, without a warning about it", () => {
    const { files, diagnostics } = exportPoolDocument(DOC, "cloudformation");
    const template = files[0]?.content ?? "";
    expect(template).not.toMatch(/Region:/u);
    expect(diagnostics.filter((d) => d.path === "spec.region")).toEqual([]);
    expect(parseCloudFormation(template).document).toEqual(DOC);
  });

  test("OpenMCF, whose manifests require a Region, warns and says what to set", () => {
    const { diagnostics } = exportPoolDocument(DOC, "openmcf");
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: "warning", path: "spec.region", code: "openmcf-needs-region" }));
  });

  test("a design with a Region still exports it everywhere", () => {
    expect(exportPoolDocument(BLOG_POOL_DOCUMENT, "terraform").files[0]?.content).toMatch(/provider "aws" \{\s*region = "eu-central-1"/u);
    expect(exportPoolDocument(BLOG_POOL_DOCUMENT, "cloudformation").files[0]?.content).toContain("Region: eu-central-1");
  });
});
