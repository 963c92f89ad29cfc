import { describe, expect, it } from "vitest";
import { removeProviderSecrets } from "./provider-secrets";
import { validatePoolSpec } from "./validate";

const codesAt = (spec: Record<string, unknown>) => validatePoolSpec({ region: "eu-west-1", ...spec }).map((d) => `${d.path} ${d.code}`);

describe("group schema (CreateGroupRequest: GroupNameType, PrecedenceType, ArnType)", () => {
  it("accepts a complete group", () => {
    expect(codesAt({ groups: [{ name: "admins", description: "Admins", precedence: 0, roleArn: "arn:aws:iam::123456789012:role/admins" }] })).toEqual([]);
  });
  it.each([
    [{ name: "has space" }, "spec.groups[0].name"],
    [{ name: "x".repeat(129) }, "spec.groups[0].name"],
    [{ name: "a", precedence: -1 }, "spec.groups[0].precedence"],
    [{ name: "a", precedence: 2 ** 31 }, "spec.groups[0].precedence"],
    [{ name: "a", roleArn: "arn:aws:lambda:eu-west-1:123456789012:function:f" }, "spec.groups[0].roleArn"],
    [{ name: "a", description: "d".repeat(2049) }, "spec.groups[0].description"],
  ])("rejects %j at its field", (group, path) => {
    expect(codesAt({ groups: [group] }).map((s) => s.split(" ")[0])).toContain(path);
  });
});

describe("identity provider schema (ProviderNameTypeV2, IdpIdentifierType)", () => {
  const base = { providerType: "SAML", providerDetails: { MetadataURL: "https://idp.example.com/m" } };
  it.each([
    ["_corp", "spec.identityProviders[0].providerName"],
    ["ab", "spec.identityProviders[0].providerName"],
    ["x".repeat(33), "spec.identityProviders[0].providerName"],
  ])("rejects the name %s", (providerName, path) => {
    expect(codesAt({ identityProviders: [{ ...base, providerName }] }).map((s) => s.split(" ")[0])).toContain(path);
  });
  it("rejects an identifier with a slash and more than 50 identifiers", () => {
    expect(codesAt({ identityProviders: [{ ...base, providerName: "Corp", idpIdentifiers: ["a/b"] }] }).map((s) => s.split(" ")[0])).toContain("spec.identityProviders[0].idpIdentifiers[0]");
    const many = Array.from({ length: 51 }, (_, i) => `id${i}`);
    expect(codesAt({ identityProviders: [{ ...base, providerName: "Corp", idpIdentifiers: many }] }).map((s) => s.split(" ")[0])).toContain("spec.identityProviders[0].idpIdentifiers");
  });
  it("rejects a secret value in place of a reference name", () => {
    const provider = { providerName: "Google", providerType: "Google", providerDetails: { client_id: "c", authorize_scopes: "openid" }, secretRef: { source: "env", name: "not a name!" } };
    expect(codesAt({ identityProviders: [provider] }).map((s) => s.split(" ")[0])).toContain("spec.identityProviders[0].secretRef.name");
  });
});

describe("removeProviderSecrets", () => {
  const doc = {
    spec: {
      identityProviders: [
        { providerName: "Google", providerDetails: { client_id: "c", client_secret: "GOCSPX-very-secret" } },
        { providerName: "SignInWithApple", providerDetails: { private_key: "-----BEGIN PRIVATE KEY-----x" } },
        { providerName: "Corp", providerDetails: { MetadataURL: "https://idp.example.com/m" } },
      ],
    },
  };
  it("removes client_secret and private_key, says where, and leaves the input untouched", () => {
    const before = JSON.stringify(doc);
    const { document, removed } = removeProviderSecrets(doc);
    expect(JSON.stringify(document)).not.toContain("very-secret");
    expect(JSON.stringify(document)).not.toContain("BEGIN PRIVATE KEY");
    expect(document.spec.identityProviders[0]?.providerDetails).toEqual({ client_id: "c" });
    expect(removed.map((d) => d.path)).toEqual(["spec.identityProviders[0].providerDetails.client_secret", "spec.identityProviders[1].providerDetails.private_key"]);
    expect(JSON.stringify(doc)).toBe(before);
  });
  it("returns the same object when there is nothing to remove", () => {
    const clean = { spec: { identityProviders: [doc.spec.identityProviders[2]] } };
    expect(removeProviderSecrets(clean).document).toBe(clean);
    expect(removeProviderSecrets({ spec: "not an object" }).removed).toEqual([]);
  });
});
