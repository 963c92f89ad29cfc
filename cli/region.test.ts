/**
 * Commands that call AWS with a design that names no Region: the Region comes from --region, the pool id, or
 * AWS_REGION; without any, the command stops before calling AWS and says what to supply. A --region that
 * contradicts the document's spec.region is refused.
 */
import { describe, expect, test } from "vitest";
import type { PoolDocument } from "../lib/cognito/spec/document-schema";
import { regionOf } from "./cognito-target";
import { UsageError } from "./io";
import { runCli } from "./main";
import { memoryIo } from "@/test/support/cli-io";

const regionFree = `apiVersion: cognito-studio.dev/v1
kind: UserPool
metadata: { name: shop }
spec:
  clients:
    - name: web
      allowedOAuthFlowsUserPoolClient: true
      allowedOAuthFlows: [code]
      allowedOAuthScopes: [openid]
      callbackUrls: [https://app.example.com/cb]
  domain: { domain: shop-auth }
`;

const doc = (region?: string): PoolDocument => ({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "shop" }, spec: region ? { region } : {} });

describe("regionOf", () => {
  test("the document's Region, else --region, else the pool id's, else AWS_REGION, else AWS_DEFAULT_REGION", () => {
    expect(regionOf(memoryIo({ env: { AWS_REGION: "us-east-1" } }), doc("eu-west-1"), undefined)).toBe("eu-west-1");
    expect(regionOf(memoryIo({ env: { AWS_REGION: "us-east-1" } }), doc(), "ap-south-1", "eu-north-1_Abc")).toBe("ap-south-1");
    expect(regionOf(memoryIo({ env: { AWS_REGION: "us-east-1" } }), doc(), undefined, "eu-north-1_Abc")).toBe("eu-north-1");
    expect(regionOf(memoryIo({ env: { AWS_REGION: "us-east-1", AWS_DEFAULT_REGION: "us-west-2" } }), doc(), undefined)).toBe("us-east-1");
    expect(regionOf(memoryIo({ env: { AWS_DEFAULT_REGION: "us-west-2" } }), doc(), undefined)).toBe("us-west-2");
  });

  test("none anywhere: a usage error naming what to supply", () => {
    expect(() => regionOf(memoryIo(), doc(), undefined)).toThrow(new UsageError("the document names no Region (spec.region); give --region REGION or set AWS_REGION"));
  });

  test("a --region that is no Region code, or contradicts spec.region, is refused", () => {
    expect(() => regionOf(memoryIo(), doc(), "Ireland")).toThrow(/--region must be an AWS Region code like eu-west-1; got "Ireland"/u);
    expect(() => regionOf(memoryIo(), doc("eu-west-1"), "us-east-1")).toThrow(/--region us-east-1 differs from the document's spec.region eu-west-1/u);
    expect(regionOf(memoryIo(), doc("eu-west-1"), "eu-west-1")).toBe("eu-west-1");
  });
});

describe("commands with a design that names no Region", () => {
  test("connect writes the endpoints in the --region given", async () => {
    const io = memoryIo({ files: { "pool.yaml": regionFree } });
    expect(await runCli(["connect", "pool.yaml", "--client", "web", "--region", "ap-southeast-2"], io)).toBe(0);
    expect(io.out()).toMatch(/^token: +https:\/\/shop-auth\.auth\.ap-southeast-2\.amazoncognito\.com\/oauth2\/token$/mu);
  });

  test("connect takes AWS_REGION when there is no --region", async () => {
    const io = memoryIo({ files: { "pool.yaml": regionFree }, env: { AWS_REGION: "eu-central-1" } });
    expect(await runCli(["connect", "pool.yaml", "--client", "web"], io)).toBe(0);
    expect(io.out()).toContain("https://cognito-idp.eu-central-1.amazonaws.com/");
  });

  test("connect, apply, plan and preflight without any Region stop with exit 2 and say what to give", async () => {
    for (const args of [
      ["connect", "pool.yaml", "--client", "web"],
      ["apply", "pool.yaml", "--create", "--yes"],
      ["plan", "pool.yaml", "--user-pool-id", "shop_Abc123"],
      ["preflight", "pool.yaml"],
    ]) {
      const io = memoryIo({ files: { "pool.yaml": regionFree } });
      expect(await runCli(args, io), args.join(" ")).toBe(2);
      expect(io.err(), args.join(" ")).toContain("the document names no Region (spec.region); give --region REGION or set AWS_REGION");
    }
  });

  test("validate accepts the design: a Region is not required to exist", async () => {
    const io = memoryIo({ files: { "pool.yaml": regionFree } });
    expect(await runCli(["validate", "pool.yaml"], io)).toBe(0);
  });
});
