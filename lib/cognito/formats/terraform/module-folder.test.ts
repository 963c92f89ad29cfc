import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { PoolDocument } from "../../spec/document-schema";
import { BLOG_POOL_DOCUMENT } from "@/test/support/pool-documents";
import { buildTerraformModuleZip, moduleFolderName, renderTerraformModuleFolder } from "./module-folder";

const doc: PoolDocument = {
  ...BLOG_POOL_DOCUMENT,
  metadata: { name: "blog pool" },
  spec: {
    ...BLOG_POOL_DOCUMENT.spec,
    clients: [...(BLOG_POOL_DOCUMENT.spec.clients ?? []), { name: "Back Office", generateSecret: true, allowedOAuthFlows: ["client_credentials"], allowedOAuthFlowsUserPoolClient: true, allowedOAuthScopes: ["https://api.example.com/read"] }],
  },
};

function unzip(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, data] of Object.entries(unzipSync(bytes))) out[path] = strFromU8(data);
  return out;
}

describe("buildTerraformModuleZip", () => {
  const files = unzip(buildTerraformModuleZip(doc));

  it("holds exactly the four files in one folder named after the pool", () => {
    expect(Object.keys(files).sort()).toEqual(["blog-pool-terraform/main.tf", "blog-pool-terraform/outputs.tf", "blog-pool-terraform/variables.tf", "blog-pool-terraform/versions.tf"]);
  });

  it("main.tf has the provider and resources but not the terraform block", () => {
    const main = files["blog-pool-terraform/main.tf"];
    expect(main).toContain('provider "aws" {\n  region = var.region\n}');
    expect(main).toContain('resource "aws_cognito_user_pool" "this" {\n  name ');
    expect(main).toContain('resource "aws_cognito_user_pool_client" "web_app" {');
    expect(main).toContain('resource "aws_cognito_user_pool_client" "back_office" {');
    expect(main).toContain('resource "aws_cognito_user_pool_domain" "this" {');
    expect(main).toMatch(/^  callback_urls +=  ?var\.web_app_callback_urls$/mu);
    expect(main).not.toContain("required_providers");
    expect(main).not.toMatch(/^terraform \{/mu);
  });

  it("variables.tf declares region, domain and callback URLs with the document's values as defaults", () => {
    const variables = files["blog-pool-terraform/variables.tf"];
    expect(variables).toContain('variable "region" {');
    expect(variables).toContain('default     = "eu-central-1"');
    expect(variables).toContain('variable "domain" {');
    expect(variables).toContain('default     = "blog-pool-auth"');
    expect(variables).toContain('variable "web_app_callback_urls" {');
    expect(variables).toContain('default     = ["https://app.example.com/callback"]');
  });

  it("outputs.tf exposes pool id, ARN, endpoint, the client ids by name and the domain", () => {
    const outputs = files["blog-pool-terraform/outputs.tf"];
    expect(outputs).toContain('output "user_pool_id" {');
    expect(outputs).toContain("  value       = aws_cognito_user_pool.this.id");
    expect(outputs).toContain("  value       = aws_cognito_user_pool.this.arn");
    expect(outputs).toContain("  value       = aws_cognito_user_pool.this.endpoint");
    expect(outputs).toContain('    web-app       = aws_cognito_user_pool_client.web_app.id');
    expect(outputs).toContain('    "Back Office" = aws_cognito_user_pool_client.back_office.id');
    expect(outputs).toContain("  value       = aws_cognito_user_pool_domain.this.domain");
    // A prefix domain has no CloudFront alias to output.
    expect(outputs).not.toContain("cloudfront_distribution");
  });

  it("every resource an output refers to is declared in main.tf", () => {
    const main = files["blog-pool-terraform/main.tf"];
    const refs = [...files["blog-pool-terraform/outputs.tf"].matchAll(/(aws_cognito_[a-z_]+)\.([a-z0-9_]+)\.[a-z_]+/gu)];
    expect(refs.length).toBe(6);
    for (const [, type, label] of refs) expect(main).toContain(`resource "${type}" "${label}" {`);
  });

  it("versions.tf requires the hashicorp/aws provider", () => {
    expect(files["blog-pool-terraform/versions.tf"]).toContain(
      'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = ">= 5.0.0"\n    }\n  }\n}',
    );
  });

  it("is reproducible for the same document", () => {
    expect(buildTerraformModuleZip(doc)).toEqual(buildTerraformModuleZip(doc));
  });
});

describe("renderTerraformModuleFolder", () => {
  it("outputs a custom domain's CloudFront endpoint and omits client ids without clients", () => {
    const custom: PoolDocument = { ...doc, spec: { region: "eu-west-1", domain: { domain: "auth.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc" } } };
    const outputs = renderTerraformModuleFolder(custom).files.find((f) => f.path === "outputs.tf")?.content ?? "";
    expect(outputs).toContain("value       = aws_cognito_user_pool_domain.this.cloudfront_distribution");
    expect(outputs).not.toContain("client_ids");
  });

  it("makes a file-system-safe folder name", () => {
    expect(moduleFolderName({ ...doc, metadata: { name: "../Shop: prod" } })).toBe("Shop-prod-terraform");
  });
});
