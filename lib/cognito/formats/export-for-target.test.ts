import { describe, expect, it } from "vitest";
import { exportPoolDocument } from "./index";
import { exportForTarget } from "./export-for-target";
import { BLOG_POOL_DOCUMENT } from "@/test/support/pool-documents";

const prod = {
  name: "prod",
  region: "eu-west-1",
  userPoolId: "eu-west-1_Prod12345",
  environmentValues: { clients: { "web-app": { callbackUrls: ["https://prod.example.com/callback"] } }, domain: "blog-prod-auth" },
};

describe("exportForTarget", () => {
  it("uses the target's values and Region instead of the design's", () => {
    const { document, replaced } = exportForTarget(BLOG_POOL_DOCUMENT, prod);
    expect(document.spec.region).toBe("eu-west-1");
    expect(document.spec.clients?.[0]?.callbackUrls).toEqual(["https://prod.example.com/callback"]);
    expect(document.spec.domain?.domain).toBe("blog-prod-auth");
    expect(replaced).toEqual(['spec.clients["web-app"].callbackUrls', "spec.domain.domain", "spec.region"]);
    // The design itself is untouched.
    expect(BLOG_POOL_DOCUMENT.spec.region).toBe("eu-central-1");
    const main = exportPoolDocument(document, "terraform").files[0]?.content ?? "";
    expect(main).toContain('"https://prod.example.com/callback"');
    expect(main).not.toContain("https://app.example.com/callback");
  });

  it("adds import blocks for the pool and the clients with the live ids", () => {
    const { document, options } = exportForTarget(BLOG_POOL_DOCUMENT, prod, { userPoolId: prod.userPoolId, clientIds: { "web-app": "abc123client" } });
    const result = exportPoolDocument(document, "terraform", options);
    const imports = result.files.find((f) => f.path === "imports.tf")?.content ?? "";
    expect(imports).toContain('id = "eu-west-1_Prod12345"');
    expect(imports).toContain('id = "eu-west-1_Prod12345/abc123client"');
    expect(imports).toContain('id = "eu-west-1_Prod12345|https://api.example.com"');
    expect(imports).toContain('id = "blog-prod-auth"');
    expect(result.diagnostics.filter((d) => d.code === "no-live-id")).toEqual([]);
  });

  it("with only the pool id (live ids unreadable), imports the pool and says the clients will be created", () => {
    const { document, options } = exportForTarget(BLOG_POOL_DOCUMENT, prod);
    const result = exportPoolDocument(document, "terraform", options);
    expect(result.files.find((f) => f.path === "imports.tf")?.content).toContain('id = "eu-west-1_Prod12345"');
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: "no-live-id", path: "spec.clients[0]" }));
  });

  it("a target with no pool yet gets no import blocks", () => {
    const { options } = exportForTarget(BLOG_POOL_DOCUMENT, { ...prod, userPoolId: null });
    expect(options).toEqual({});
    expect(exportPoolDocument(BLOG_POOL_DOCUMENT, "terraform", options).files.map((f) => f.path)).toEqual(["main.tf"]);
  });
});
