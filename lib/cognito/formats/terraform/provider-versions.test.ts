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

  it("never asks for 6.x for designs without 6.x resources, which a team on 5.x would be refused for nothing", () => {
    for (const doc of [BLOG_POOL_DOCUMENT, MAXIMAL_POOL_DOCUMENT, ...listPresets().map(presetExampleDocument)]) expect(mainOf(doc)).not.toMatch(/version\s*=\s*">= 6/u);
  });

  it("is 6.5.0 when the design manages log delivery, and the higher 6.13.0 when it has managed login styles too", () => {
    const logs = { logConfigurations: [{ eventSource: "userNotification" as const, logLevel: "ERROR" as const, cloudWatchLogsConfiguration: { logGroupArn: "arn:aws:logs:eu-west-1:123456789012:log-group:cognito" } }] };
    const withLogs = { ...BLOG_POOL_DOCUMENT, spec: { ...BLOG_POOL_DOCUMENT.spec, logDeliveryConfiguration: logs } };
    expect(mainOf(withLogs)).toContain('resource "aws_cognito_log_delivery_configuration" "this"');
    expect(mainOf(withLogs)).toContain('version = ">= 6.5.0"');
    const style = { clientName: "web", useCognitoProvidedValues: true };
    const withBoth = { ...withLogs, spec: { ...withLogs.spec, clients: [{ name: "web" }], managedLoginBranding: [style] } };
    expect(mainOf(withBoth)).toContain('version = ">= 6.13.0"');
  });

  it("stays on 5.x when the design exports no logs: the resource needs a log configuration, so it is not written", () => {
    const doc = { ...BLOG_POOL_DOCUMENT, spec: { ...BLOG_POOL_DOCUMENT.spec, logDeliveryConfiguration: { logConfigurations: [] } } };
    const exported = renderTerraform(doc);
    expect(exported.files[0]?.content).not.toContain("aws_cognito_log_delivery_configuration");
    expect(exported.files[0]?.content).not.toMatch(/version\s*=\s*">= 6/u);
    expect(exported.diagnostics.filter((d) => d.path === "spec.logDeliveryConfiguration").map((d) => d.code)).toEqual(["not-expressible"]);
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
