/**
 * Terms documents against moto extended with CreateTerms, UpdateTerms, DescribeTerms, ListTerms and DeleteTerms
 * (test/support/moto_ext/terms.py). moto 5.2 has none of them: their behaviour here is modelled from the API
 * reference (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateTerms.html and
 * the pages of the other four), not observed on AWS; input is checked against the vendored API model.
 *
 * The round trip: a pool with two clients and terms documents is created, read back equal (re-plan empty),
 * changed (links edited, a document moved to another client, one deleted, a client replaced) and re-planned empty.
 */
import { DescribeTermsCommand, ListTermsCommand, UpdateTermsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { expect, test } from "vitest";
import { planAgainstLive, planAndApply } from "../../../test/support/apply-testing";
import { useMotoCognito } from "@/test/support/moto-cognito";
import { readLivePool } from "../aws/read-live-pool";
import type { PoolDocument } from "../spec/document-schema";
import { validatePoolDocument } from "../spec/validate";

const REGION = "eu-west-1";
const moto = useMotoCognito(REGION);

function document(): PoolDocument {
  return {
    apiVersion: "cognito-studio.dev/v1",
    kind: "UserPool",
    metadata: { name: "terms-pool" },
    spec: {
      region: REGION,
      clients: [
        { name: "web", generateSecret: false },
        { name: "mobile", generateSecret: false },
      ],
      terms: [
        { client: "web", name: "terms-of-use", links: { "cognito:default": "https://shop.test/terms", "cognito:french": "https://shop.test/fr/conditions" } },
        { client: "web", name: "privacy-policy", links: { "cognito:default": "https://shop.test/privacy" } },
        { client: "mobile", name: "terms-of-use", links: { "cognito:default": "https://shop.test/terms" } },
      ],
    },
  };
}

const actions = (plan: { entries: { address: string; action: string }[] }) =>
  Object.fromEntries(plan.entries.filter((e) => e.address.startsWith("terms[")).map((e) => [e.address, e.action]));

let poolId = "";

test("a pool's terms documents are created for their clients and read back as written (re-plan empty)", async () => {
  const desired = document();
  expect(validatePoolDocument(desired).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const { plan, result } = await planAndApply(moto.port, desired);
  expect(actions(plan)).toEqual({
    'terms["mobile/terms-of-use"]': "create",
    'terms["web/privacy-policy"]': "create",
    'terms["web/terms-of-use"]': "create",
  });
  expect(result.ok, JSON.stringify(result.steps)).toBe(true);
  poolId = result.userPoolId ?? "";

  const live = await readLivePool(moto.port, poolId, { desired });
  expect(live.document.spec.terms).toEqual([
    { client: "mobile", name: "terms-of-use", links: { "cognito:default": "https://shop.test/terms" } },
    { client: "web", name: "privacy-policy", links: { "cognito:default": "https://shop.test/privacy" } },
    { client: "web", name: "terms-of-use", links: { "cognito:default": "https://shop.test/terms", "cognito:french": "https://shop.test/fr/conditions" } },
  ]);
  const listed = await moto.sdk.send(new ListTermsCommand({ UserPoolId: poolId }));
  expect(listed.Terms?.map((t) => [t.TermsName, t.Enforcement]).sort()).toEqual([
    ["privacy-policy", "NONE"],
    ["terms-of-use", "NONE"],
    ["terms-of-use", "NONE"],
  ]);
  const again = await planAgainstLive(moto.port, desired, poolId);
  expect(again.hasChanges, JSON.stringify(again.entries.filter((e) => e.action !== "noop"))).toBe(false);
});

test("links change in place; a document moved to another client is deleted and created; the live ids say so", async () => {
  const desired = document();
  desired.spec.terms = [
    { client: "web", name: "terms-of-use", links: { "cognito:default": "https://shop.test/terms-v2" } },
    { client: "web", name: "privacy-policy", links: { "cognito:default": "https://shop.test/privacy" } },
    { client: "mobile", name: "privacy-policy", links: { "cognito:default": "https://shop.test/privacy" } },
  ];
  const before = await readLivePool(moto.port, poolId, { desired });
  const webTermsId = (before.raw.terms ?? []).find((t) => t.TermsName === "terms-of-use" && t.Links?.["cognito:french"])?.TermsId;
  const { plan, result } = await planAndApply(moto.port, desired, poolId);
  expect(actions(plan)).toEqual({
    'terms["mobile/privacy-policy"]': "create",
    'terms["mobile/terms-of-use"]': "delete",
    'terms["web/privacy-policy"]': "noop",
    'terms["web/terms-of-use"]': "update",
  });
  expect(result.ok, JSON.stringify(result.steps)).toBe(true);
  const described = await moto.sdk.send(new DescribeTermsCommand({ UserPoolId: poolId, TermsId: webTermsId }));
  expect(described.Terms?.Links).toEqual({ "cognito:default": "https://shop.test/terms-v2" });
  const again = await planAgainstLive(moto.port, desired, poolId);
  expect(again.hasChanges).toBe(false);
});

test("a replaced client's documents are created again for its new id", async () => {
  const desired = document();
  desired.spec.clients = [
    { name: "web", generateSecret: true },
    { name: "mobile", generateSecret: false },
  ];
  desired.spec.terms = [{ client: "web", name: "terms-of-use", links: { "cognito:default": "https://shop.test/terms" } }];
  const { plan, result } = await planAndApply(moto.port, desired, poolId, true);
  const entry = plan.entries.find((e) => e.address === 'terms["web/terms-of-use"]');
  expect(entry?.action).toBe("replace");
  expect(entry?.reasons[0]?.rule).toBe("terms.client");
  expect(result.ok, JSON.stringify(result.steps)).toBe(true);
  const live = await readLivePool(moto.port, poolId, { desired });
  expect(live.document.spec.terms).toEqual(desired.spec.terms);
  expect(live.raw.terms?.[0]?.ClientId).toBe(live.live.clientIds.web);
  expect((await planAgainstLive(moto.port, desired, poolId)).hasChanges).toBe(false);
});

test("the extension refuses what the API refuses: a second document of a name, a name outside the model", async () => {
  const live = await readLivePool(moto.port, poolId);
  const clientId = live.live.clientIds.web ?? "";
  await expect(
    moto.port.createTerms({ UserPoolId: poolId, ClientId: clientId, TermsName: "terms-of-use", TermsSource: "LINK", Enforcement: "NONE", Links: { "cognito:default": "https://x.test" } }),
  ).rejects.toMatchObject({ name: "TermsExistsException" });
  await expect(
    moto.port.createTerms({ UserPoolId: poolId, ClientId: clientId, TermsName: "cookie-policy", TermsSource: "LINK", Enforcement: "NONE", Links: { "cognito:default": "https://x.test" } }),
  ).rejects.toMatchObject({ name: "InvalidParameterException" });
  await expect(
    moto.port.createTerms({ UserPoolId: poolId, ClientId: clientId, TermsName: "privacy-policy", TermsSource: "LINK", Enforcement: "NONE", Links: { "cognito:klingon": "https://x.test" } }),
  ).rejects.toMatchObject({ name: "InvalidParameterException" });
  await expect(
    moto.sdk.send(new UpdateTermsCommand({ UserPoolId: poolId, TermsId: "00000000-0000-4000-8000-000000000000", Links: { "cognito:default": "https://x.test" } })),
  ).rejects.toMatchObject({ name: "ResourceNotFoundException" });
});
