import { strFromU8, unzipSync } from "fflate";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BLOG_POOL_DOCUMENT } from "@/test/support/pool-documents";
import { ExportTabs } from "./export-view";
import { highlightCode, languageForFile, prepareExport, prepareExports, prepareModuleZip } from "./highlight";

/** What a reader sees of highlighted HTML: tags removed, entities decoded. */
function visibleText(html: string): string {
  return html.replace(/<[^>]+>/gu, "").replace(/&quot;/gu, '"').replace(/&#x27;/gu, "'").replace(/&lt;/gu, "<").replace(/&gt;/gu, ">").replace(/&amp;/gu, "&");
}

describe("export highlighting", () => {
  it("highlights Terraform as HCL with the resource names in the HTML", async () => {
    const prepared = await prepareExport(BLOG_POOL_DOCUMENT, "terraform");
    expect(prepared.files.map((f) => `${f.path} ${f.language}`)).toEqual(["main.tf hcl"]);
    const html = prepared.files[0].html;
    expect(html).toMatch(/^<pre class="shiki github-light"/u);
    // Coloured: token spans with inline colours.
    expect(html).toMatch(/<span style="color:#[0-9A-Fa-f]{6}">resource<\/span>/u);
    const text = visibleText(html);
    expect(text).toContain('resource "aws_cognito_user_pool" "this" {');
    expect(text).toContain('resource "aws_cognito_resource_server" "api" {');
    expect(text).toContain('resource "aws_cognito_user_pool_client" "web_app" {');
    expect(text).toContain('resource "aws_cognito_user_pool_domain" "this" {');
    // The highlighted text is the file, unchanged.
    expect(text).toBe(prepared.files[0].content);
  });

  it("highlights CloudFormation as YAML with its logical ids", async () => {
    const prepared = await prepareExport(BLOG_POOL_DOCUMENT, "cloudformation");
    expect(prepared.files[0].language).toBe("yaml");
    const text = visibleText(prepared.files[0].html);
    expect(text).toContain("AWS::Cognito::UserPool");
    expect(text).toContain("AWS::Cognito::UserPoolClient");
  });

  it("renders every registry format, in order", async () => {
    const all = await prepareExports(BLOG_POOL_DOCUMENT);
    expect(all.map((e) => e.format)).toEqual(["terraform", "terraform-module", "openmcf", "cloudformation", "spec"]);
    expect(all.every((e) => e.files.length > 0 && e.files.every((f) => f.html.startsWith("<pre")))).toBe(true);
  });

  it("escapes plain text and never throws on an unknown language", async () => {
    expect(await highlightCode("<script>&", "text")).toBe('<pre class="shiki shiki-plain" tabindex="0"><code>&lt;script&gt;&amp;</code></pre>');
  });

  it.each([
    ["main.tf", "hcl"],
    ["template.yaml", "yaml"],
    ["x.yml", "yaml"],
    ["doc.json", "json"],
    ["README", "text"],
  ])("language of %s is %s", (path, lang) => expect(languageForFile(path)).toBe(lang));
});

describe("ExportTabs", () => {
  it("shows warnings above the code, copy and download buttons, and the module zip", async () => {
    const doc = { ...BLOG_POOL_DOCUMENT, metadata: { name: "blog-pool", labels: { team: "web" } } };
    const exports = await prepareExports(doc, ["terraform"]);
    expect(exports[0].diagnostics.length).toBeGreaterThan(0);
    const html = renderToStaticMarkup(createElement(ExportTabs, { exports, moduleZip: prepareModuleZip(doc) }));
    const warningsAt = html.indexOf("Export warnings");
    const codeAt = html.indexOf('<pre class="shiki');
    expect(warningsAt).toBeGreaterThan(-1);
    expect(warningsAt).toBeLessThan(codeAt);
    expect(html).toContain("Terraform has no place for the document&#x27;s labels");
    expect(html).toContain('aria-label="Copy main.tf"');
    expect(html).toContain('aria-label="Download main.tf"');
    expect(html).toContain("Download blog-pool-terraform.zip");
  });

  it("hands the zip over as base64 that unzips to the module folder", () => {
    const zip = prepareModuleZip(BLOG_POOL_DOCUMENT);
    const files = unzipSync(new Uint8Array(Buffer.from(zip.base64, "base64")));
    expect(Object.keys(files).sort()).toEqual(zip.files.slice().sort());
    expect(strFromU8(files["blog-pool-terraform/outputs.tf"])).toContain('output "user_pool_arn" {');
  });
});
