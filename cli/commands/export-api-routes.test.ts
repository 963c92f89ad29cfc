import { describe, expect, test } from "vitest";
import { BLOG_POOL_DOCUMENT } from "@/test/support/pool-documents";
import { memoryIo } from "@/test/support/cli-io";
import { serialisePoolDocument } from "../../lib/cognito/spec/document";
import { runCli } from "../main";

// BLOG_POOL_DOCUMENT has one resource server, https://api.example.com, with the scope read.
const SEED = serialisePoolDocument(BLOG_POOL_DOCUMENT, "yaml");
const ROUTES = `routes:
  - { method: GET, path: /posts, scopes: [https://api.example.com/read] }
  - { method: POST, path: "/posts/{id}", scopes: [https://api.example.com/read] }
`;

describe("cognito-studio export --api-routes", () => {
  test("--to terraform adds api-gateway.tf with the authorizer on the pool", async () => {
    const io = memoryIo({ files: { "pool.yaml": SEED, "routes.yaml": ROUTES } });
    expect(await runCli(["export", "pool.yaml", "--to", "terraform", "--api-routes", "routes.yaml", "--out", "tf"], io)).toBe(0);
    expect([...io.files.keys()].filter((f) => f.startsWith("tf/")).sort()).toEqual(["tf/api-gateway.tf", "tf/main.tf"]);
    const api = io.files.get("tf/api-gateway.tf") ?? "";
    expect(api).toContain("provider_arns   = [aws_cognito_user_pool.this.arn]");
    expect(api).toContain('resource "aws_api_gateway_method" "post_posts_id" {');
  });

  test("--to cloudformation adds the API to the template; a JSON routes file reads too", async () => {
    const json = JSON.stringify({ name: "blog-api", routes: [{ method: "GET", path: "/posts", scopes: ["https://api.example.com/read"] }] });
    const io = memoryIo({ files: { "pool.yaml": SEED, "routes.json": json } });
    expect(await runCli(["export", "pool.yaml", "--to", "cloudformation", "--api-routes", "routes.json"], io)).toBe(0);
    expect(io.out()).toContain("Type: AWS::ApiGateway::Authorizer");
    expect(io.out()).toContain("Name: blog-api");
  });

  test("routes with an unknown scope exit 1 with the route's path and nothing exported", async () => {
    const io = memoryIo({ files: { "pool.yaml": SEED, "routes.yaml": ROUTES.replace(/read\] \}\n$/u, "write] }\n") } });
    expect(await runCli(["export", "pool.yaml", "--to", "terraform", "--api-routes", "routes.yaml"], io)).toBe(1);
    expect(io.err()).toContain("routes.yaml: error routes[1].scopes[0] (unknown-scope): https://api.example.com/write is not a scope of this design");
    expect(io.err()).toContain("nothing exported");
    expect(io.out()).toBe("");
  });

  test("an unreadable routes file exits 1 (not YAML) or 2 (missing); a format without API resources is a usage error", async () => {
    const io = memoryIo({ files: { "pool.yaml": SEED, "bad.yaml": "routes: [" } });
    expect(await runCli(["export", "pool.yaml", "--to", "terraform", "--api-routes", "bad.yaml"], io)).toBe(1);
    expect(await runCli(["export", "pool.yaml", "--to", "terraform", "--api-routes", "missing.yaml"], io)).toBe(2);
    expect(await runCli(["export", "pool.yaml", "--to", "openmcf", "--api-routes", "bad.yaml"], io)).toBe(2);
    expect(io.err()).toContain("--api-routes applies to --to terraform, terraform-module, cloudformation only");
  });

  test("the usage names the option", async () => {
    const io = memoryIo();
    await runCli(["export", "--help"], io);
    expect(io.out() + io.err()).toContain("--api-routes FILE");
  });
});
