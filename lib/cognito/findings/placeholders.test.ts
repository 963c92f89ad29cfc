import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { type ClientPreset, type PoolPreset, applyClientPreset, createPoolDocument, getPreset } from "../presets";
import type { PoolDocument } from "../spec/document-schema";
import { findPlaceholders } from "./placeholders";

const base = (): PoolDocument => ({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "shop" }, spec: { region: "eu-west-1" } });

describe("findPlaceholders", () => {
  it("finds the hardened preset's SES identity and From address, at their fields", () => {
    const preset = getPreset("hardened-production") as PoolPreset;
    const doc = createPoolDocument(preset, { name: "shop", region: "eu-west-1" });
    const found = findPlaceholders(doc);
    expect(found.map((d) => d.path)).toEqual(["spec.emailConfiguration.sourceArn", "spec.emailConfiguration.from"]);
    for (const d of found) expect(d).toMatchObject({ severity: "warning", code: "placeholder-value" });
    expect(found[0].message).toMatch(/example domain/u);
  });

  it("finds the machine-to-machine preset's Example API and example.com identifier", () => {
    const preset = getPreset("machine-to-machine") as ClientPreset;
    const { spec } = applyClientPreset(base().spec, preset, { clientName: "worker" });
    const paths = findPlaceholders({ ...base(), spec }).map((d) => d.path);
    expect(paths).toContain("spec.resourceServers[0].name");
    expect(paths).toContain("spec.resourceServers[0].identifier");
    expect(paths).toContain("spec.clients[0].allowedOAuthScopes[0]");
  });

  it.each([
    ["arn:aws:ses:us-east-1:123456789012:identity/mail.shop.io", "spec.emailConfiguration.sourceArn"],
    ["https://app.example.org/callback", "spec.clients[0].callbackUrls[0]"],
    ["https://login.shop.example/cb", "spec.clients[0].callbackUrls[0]"],
  ])("flags %s", (value, path) => {
    const doc = base();
    if (path.includes("sourceArn")) doc.spec.emailConfiguration = { emailSendingAccount: "DEVELOPER", sourceArn: value };
    else doc.spec.clients = [{ name: "web", callbackUrls: [value] }];
    expect(findPlaceholders(doc).map((d) => d.path)).toEqual([path]);
  });

  it.each([
    "https://app.myexample.com/callback",
    "https://example.company.io/callback",
    "arn:aws:ses:eu-west-1:210987654321:identity/shop.io",
    "https://counterexample.dev/cb",
  ])("does not flag real values such as %s", (value) => {
    const doc = base();
    doc.spec.clients = [{ name: "web", callbackUrls: [value] }];
    expect(findPlaceholders(doc)).toEqual([]);
  });

  it("leaves free text alone (a description may say example.com)", () => {
    const doc = base();
    doc.spec.groups = [{ name: "admins", description: "Admins of example.com" }];
    expect(findPlaceholders(doc)).toEqual([]);
  });

  it("never throws on arbitrary JSON", () => {
    fc.assert(fc.property(fc.jsonValue(), fc.jsonValue(), (spec, name) => {
      findPlaceholders({ metadata: { name }, spec } as unknown as PoolDocument);
    }));
  });
});
