import { expect, test } from "vitest";
import { copyFields, getField, parseFieldPath } from "./field-paths";

test("parses the diagnostic path notation and refuses anything else", () => {
  expect(parseFieldPath("metadata.name")).toEqual(["metadata", "name"]);
  expect(parseFieldPath("spec.clients[12].callbackUrls[0]")).toEqual(["spec", "clients", 12, "callbackUrls", 0]);
  expect(parseFieldPath('spec.identityProviders[0].providerDetails["authorize_scopes"]')).toEqual(["spec", "identityProviders", 0, "providerDetails", "authorize_scopes"]);
  expect(parseFieldPath("spec..name")).toBeUndefined();
  expect(parseFieldPath("spec.clients[x]")).toBeUndefined();
  expect(parseFieldPath("")).toEqual([]);
});

test("copies only the named fields and keeps every other edit of the target", () => {
  const target = { metadata: { name: "draft" }, spec: { clients: [{ name: "edited", callbackUrls: ["https://a.example.com"] }], mfaConfiguration: "ON" } };
  const source = { metadata: { name: "shop-users-prod" }, spec: { clients: [{ name: "web", callbackUrls: ["https://b.example.com"] }], mfaConfiguration: "OFF", region: "eu-west-1" } };
  const { document, written, skipped } = copyFields(target, source, ["metadata.name", "spec.clients[0].callbackUrls", "spec.region"]);
  expect(document).toEqual({ metadata: { name: "shop-users-prod" }, spec: { clients: [{ name: "edited", callbackUrls: ["https://b.example.com"] }], mfaConfiguration: "ON", region: "eu-west-1" } });
  expect(written).toEqual(["metadata.name", "spec.clients[0].callbackUrls", "spec.region"]);
  expect(skipped).toEqual([]);
  expect(target.metadata.name).toBe("draft");
});

test("skips a field whose array item is gone; removes a field the source no longer sets", () => {
  const target = { spec: { clients: [], domain: { domain: "old" } } };
  const source = { spec: { clients: [{ name: "web" }] } };
  const { document, written, skipped } = copyFields(target, source, ["spec.clients[0].name", "spec.domain.domain"]);
  expect(skipped).toEqual(["spec.clients[0].name"]);
  expect(written).toEqual(["spec.domain.domain"]);
  expect(getField(document, ["spec", "domain"])).toEqual({});
  expect(getField(document, ["spec", "clients"])).toEqual([]);
});
