/**
 * A prefix domain and a custom domain on one pool, through apply against moto, read back and planned again.
 * moto 5.2 names only one domain per pool and forgets certificates and managed login versions;
 * test/support/moto_ext/domains.py keeps them, modelled from the API reference
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolDomain.html,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolType.html).
 */
import { DescribeUserPoolCommand, DescribeUserPoolDomainCommand } from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, test } from "vitest";
import { useMotoCognito } from "@/test/support/moto-cognito";
import { readLivePool } from "../aws/read-live-pool";
import type { PoolDocument } from "../spec/document-schema";
import { validatePoolDocument } from "../spec/validate";
import { planAgainstLive, planAndApply } from "../../../test/support/apply-testing";

const REGION = "eu-west-1";
const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/shop-auth";
const moto = useMotoCognito(REGION);

let counter = 0;
function doc(spec: Partial<PoolDocument["spec"]>): PoolDocument {
  counter++;
  return { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: `domains-${counter}` }, spec: { region: REGION, ...spec } };
}

async function changes(d: PoolDocument, id: string): Promise<string[]> {
  const plan = await planAgainstLive(moto.port, d, id);
  expect(plan.errors).toEqual([]);
  return plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action}`);
}

describe("a prefix domain and a custom domain", () => {
  test("both are created with their own managed login version, read back into their slots, and plan as no change", async () => {
    const n = counter + 1;
    const design = doc({ domain: { domain: `shop-${n}`, managedLoginVersion: 2 }, customDomain: { domain: `auth${n}.shop.test`, certificateArn: CERT, managedLoginVersion: 1 } });
    expect(validatePoolDocument(design).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const { plan, result } = await planAndApply(moto.port, design);
    expect(plan.entries.map((e) => `${e.address} ${e.action}`)).toEqual(expect.arrayContaining(["domain create", "custom_domain create"]));
    expect(result.ok).toBe(true);
    const id = result.userPoolId!;
    const pool = (await moto.sdk.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool!;
    expect([pool.Domain, pool.CustomDomain]).toEqual([`shop-${n}`, `auth${n}.shop.test`]);
    const custom = (await moto.sdk.send(new DescribeUserPoolDomainCommand({ Domain: `auth${n}.shop.test` }))).DomainDescription!;
    expect(custom.CustomDomainConfig?.CertificateArn).toBe(CERT);
    expect(await changes(design, id)).toEqual([]);

    // The live read names the custom domain's CloudFront distribution: the target of its DNS alias.
    const live = await readLivePool(moto.port, id, { desired: design });
    expect(live.live.domainCloudFrontTarget).toBe(custom.CloudFrontDistribution);
    expect(live.document.spec.customDomain).toEqual({ domain: `auth${n}.shop.test`, certificateArn: CERT, managedLoginVersion: 1 });

    // Managed login changes in place on the custom domain alone.
    const v2 = { ...design, spec: { ...design.spec, customDomain: { ...design.spec.customDomain!, managedLoginVersion: 2 as const } } };
    expect(await changes(v2, id)).toEqual(["custom_domain update"]);
    expect((await planAndApply(moto.port, v2, id)).result.ok).toBe(true);
    expect((await moto.sdk.send(new DescribeUserPoolDomainCommand({ Domain: `auth${n}.shop.test` }))).DomainDescription?.ManagedLoginVersion).toBe(2);
    expect(await changes(v2, id)).toEqual([]);
  });

  test("a custom domain that was the pool's only domain moves beside a new prefix domain without being recreated", async () => {
    const n = counter + 1;
    const single = doc({ domain: { domain: `login${n}.shop.test`, certificateArn: CERT } });
    const first = await planAndApply(moto.port, single);
    expect(first.result.ok).toBe(true);
    const id = first.result.userPoolId!;
    expect(await changes(single, id)).toEqual([]);
    const both: PoolDocument = { ...single, spec: { ...single.spec, domain: { domain: `login-${n}` }, customDomain: { domain: `login${n}.shop.test`, certificateArn: CERT } } };
    expect(await changes(both, id)).toEqual(["domain create"]);
    expect((await planAndApply(moto.port, both, id)).result.ok).toBe(true);
    expect(await changes(both, id)).toEqual([]);

    // Both are live, each in its own slot of DescribeUserPool.
    const pool = (await moto.sdk.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool!;
    expect([pool.Domain, pool.CustomDomain]).toEqual([`login-${n}`, `login${n}.shop.test`]);
  });
});
