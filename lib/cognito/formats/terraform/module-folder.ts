/**
 * A Terraform module folder for a pool document, as the studio's "download as zip" offers it:
 * `main.tf` (provider and resources), `variables.tf` (region, domain and each client's callback/logout URLs,
 * defaulting to the document's values), `outputs.tf` (pool id/ARN/endpoint, client ids, domain) and
 * `versions.tf` (the provider requirement). The resources are exactly what `renderTerraform(doc, { variables: true })`
 * writes; this file only moves the `terraform {}` block into versions.tf and adds the outputs.
 *
 * The folder is a root module: `terraform init && terraform apply` inside it works as downloaded (it keeps the
 * `provider "aws"` block, with `var.region`).
 */
import { zipSync } from "fflate";
import type { ApiAuthorizer } from "../../api-authorizer/api-routes-schema";
import { renderTerraformApi } from "../../api-authorizer/render-terraform-api";
import type { PoolDocument } from "../../spec/document-schema";
import { NameAllocator } from "../common";
import type { ExportResult, ExportedFile } from "../types";
import { type HclNode, attr, blank, block, comment, expr, renderHcl } from "./hcl";
import { TF_TYPES } from "./naming";
import { providerVersionConstraint } from "./provider-versions";
import { renderTerraform } from "./render-terraform";

/** Removes the top-level `terraform { … }` block (and the blank line after it) from text laid out like `terraform fmt`. */
function withoutTerraformBlock(text: string): string {
  const lines = text.split("\n");
  const start = lines.indexOf("terraform {");
  if (start < 0) return text;
  // Nested blocks are indented, so the first "}" at column 0 closes the top-level block.
  const end = lines.indexOf("}", start);
  if (end < 0) return text;
  const removeBlank = lines[end + 1] === "" ? 1 : 0;
  lines.splice(start, end - start + 1 + removeBlank);
  return lines.join("\n");
}

function versionsFile(main: string): string {
  // The same constraint as renderTerraform's required_providers: the lowest release that accepts every argument.
  const version = providerVersionConstraint(main);
  return renderHcl([
    comment("Provider requirements of this module, exported by Cognito Studio."),
    block("terraform", [], [block("required_providers", [], [attr("aws", { source: "hashicorp/aws", version })])]),
  ]);
}

function output(name: string, description: string, value: string | Record<string, ReturnType<typeof expr>>): HclNode {
  return block("output", [name], [attr("description", description), attr("value", typeof value === "string" ? expr(value) : value)]);
}

/** Exported attributes: the "Attribute Reference" of https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool, _client, _domain. */
function outputsFile(doc: PoolDocument): string {
  const pool = `${TF_TYPES.pool}.this`;
  const nodes: HclNode[] = [
    output("user_pool_id", "ID of the user pool.", `${pool}.id`),
    blank,
    output("user_pool_arn", "ARN of the user pool.", `${pool}.arn`),
    blank,
    output("user_pool_endpoint", "Endpoint of the user pool (cognito-idp.REGION.amazonaws.com/ID), the token issuer.", `${pool}.endpoint`),
  ];
  const clients = doc.spec.clients ?? [];
  if (clients.length > 0) {
    // Labels are allocated exactly as renderTerraform allocates them: same allocator, same order, same fallback.
    const names = new NameAllocator("snake");
    const ids: Record<string, ReturnType<typeof expr>> = {};
    for (const client of clients) ids[client.name] = expr(`${TF_TYPES.client}.${names.allocate(client.name, "client")}.id`);
    nodes.push(blank, output("client_ids", "App client ids by client name.", ids));
  }
  const domain = doc.spec.domain;
  if (domain) {
    nodes.push(blank, output("domain", "Domain of the hosted sign-in pages (a prefix, or a custom domain name).", `${TF_TYPES.domain}.this.domain`));
    // A custom domain (it has a dot) needs a DNS alias to this CloudFront distribution.
    if (domain.domain.includes("."))
      nodes.push(blank, output("domain_cloudfront_distribution", "CloudFront endpoint to point the custom domain's DNS alias at.", `${TF_TYPES.domain}.this.cloudfront_distribution`));
  }
  return renderHcl(nodes);
}

/** The four files of the module folder (and `api-gateway.tf` with an API), with the Terraform export's warnings. Never throws. */
export function renderTerraformModuleFolder(doc: PoolDocument, options: { api?: ApiAuthorizer } = {}): ExportResult {
  const rendered = renderTerraform(doc, { variables: true });
  const main = rendered.files.find((f) => f.path === "main.tf");
  if (!main) return { files: [], diagnostics: rendered.diagnostics };
  const variables = rendered.files.find((f) => f.path === "variables.tf")?.content ?? "";
  try {
    const files: ExportedFile[] = [
      { path: "main.tf", content: withoutTerraformBlock(main.content) },
      { path: "variables.tf", content: variables },
      { path: "outputs.tf", content: outputsFile(doc) },
      { path: "versions.tf", content: versionsFile(main.content) },
    ];
    if (options.api) files.push(renderTerraformApi(options.api, `${TF_TYPES.pool}.this.arn`));
    return { files, diagnostics: rendered.diagnostics };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { files: [], diagnostics: [...rendered.diagnostics, { severity: "error", path: "", code: "internal-error", message: `the module folder export failed: ${message}` }] };
  }
}

/** The folder name inside the zip: the pool's name made safe for a file system. */
export function moduleFolderName(doc: PoolDocument): string {
  const base = doc.metadata.name.replace(/[^A-Za-z0-9._-]+/gu, "-").replace(/^[-.]+|-+$/gu, "");
  return `${base || "user-pool"}-terraform`;
}

/** Fixed file times make the zip byte-for-byte reproducible for the same document. */
const ZIP_MTIME = new Date("2020-01-01T00:00:00Z");

/**
 * The module folder as a zip: `<pool>-terraform/{main,variables,outputs,versions}.tf` (and `api-gateway.tf`). Empty folder entries are
 * not written. An export that failed yields a zip holding only what could be rendered.
 */
export function buildTerraformModuleZip(doc: PoolDocument, options: { api?: ApiAuthorizer } = {}): Uint8Array {
  const folder = moduleFolderName(doc);
  const encoder = new TextEncoder();
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const file of renderTerraformModuleFolder(doc, options).files) entries[`${folder}/${file.path}`] = [encoder.encode(file.content), { mtime: ZIP_MTIME }];
  return zipSync(entries, { level: 6 });
}
