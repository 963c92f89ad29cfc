import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { poolDocumentArbitrary } from "@/test/support/pool-arbitraries";
import { listPresets, presetExampleDocument } from "../../presets";
import { MAXIMAL_POOL_DOCUMENT, BLOG_POOL_DOCUMENT } from "@/test/support/pool-documents";
import { AWS_PROVIDER_BASE_VERSION, PROVIDER_ARGUMENT_VERSIONS, providerArgumentsUsed, providerVersionConstraint } from "./provider-versions";
import { renderTerraform } from "./render-terraform";

const mainOf = (doc: Parameters<typeof renderTerraform>[0]) => renderTerraform(doc).files.find((f) => f.path === "main.tf")?.content ?? "";

describe("the provider version an export asks for", () => {
  it("is the base 5.x release when the design uses no newer argument (the blog seed)", () => {
    expect(mainOf(BLOG_POOL_DOCUMENT)).toContain(`version = ">= ${AWS_PROVIDER_BASE_VERSION}"`);
  });

  it("is the newest first-version among the arguments used (the kitchen sink: advanced_security_additional_flows)", () => {
    const main = mainOf(MAXIMAL_POOL_DOCUMENT);
    const used = providerArgumentsUsed(main).map((e) => e.argument);
    expect(used).toEqual(expect.arrayContaining(["user_pool_tier", "sign_in_policy", "advanced_security_additional_flows", "managed_login_version"]));
    expect(main).toContain('version = ">= 5.98.0"');
  });

  it("never asks for 6.x, which a team on 5.x would be refused for nothing", () => {
    for (const doc of [BLOG_POOL_DOCUMENT, MAXIMAL_POOL_DOCUMENT, ...listPresets().map(presetExampleDocument)]) expect(mainOf(doc)).not.toMatch(/version\s*=\s*">= 6/u);
  });

  it("counts an argument only inside its own resource type", () => {
    const hcl = 'resource "aws_cognito_user_pool_client" "c" {\n  user_pool_tier = "PLUS"\n}\n';
    expect(providerVersionConstraint(hcl)).toBe(`>= ${AWS_PROVIDER_BASE_VERSION}`);
  });

  it("read off the nodes (the export's path) is what the scan of the printed file finds", () => {
    const versionIn = (main: string) => /version = "(>= [\d.]+)"/u.exec(main)?.[1];
    for (const doc of [BLOG_POOL_DOCUMENT, MAXIMAL_POOL_DOCUMENT]) expect(versionIn(mainOf(doc))).toBe(providerVersionConstraint(mainOf(doc)));
    fc.assert(
      fc.property(poolDocumentArbitrary(), (doc) => {
        const main = mainOf(doc);
        expect(versionIn(main)).toBe(providerVersionConstraint(main));
      }),
      { numRuns: 60 },
    );
  });

  it("cites a public source for every entry", () => {
    for (const entry of PROVIDER_ARGUMENT_VERSIONS) expect(entry.source).toMatch(/^https:\/\/github\.com\/hashicorp\/terraform-provider-aws\//u);
  });
});
