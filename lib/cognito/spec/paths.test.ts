import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAddress, addressOf } from "../plan/addresses";
import { formatPath, parsePath, toFieldName, type PathSegment } from "./paths";

describe("the one path notation", () => {
  it.each<[string, PathSegment[]]>([
    ["spec.clients[0].callbackUrls[1]", ["spec", "clients", 0, "callbackUrls", 1]],
    ['schemaAttributes["custom:tier"].mutable', ["schemaAttributes", { key: "custom:tier" }, "mutable"]],
    ['scopes["read"]', ["scopes", { key: "read" }]],
    ['spec.clients["web"].callbackUrls', ["spec", "clients", { key: "web" }, "callbackUrls"]],
    ['spec.identityProviders[1].providerDetails["authorize scopes"]', ["spec", "identityProviders", 1, "providerDetails", "authorize scopes"]],
    ["", []],
  ])("%s reads as its segments and is written back the same", (path, segments) => {
    expect(parsePath(path)).toEqual(segments);
    expect(formatPath(segments)).toBe(path);
  });

  it.each(["spec..x", ".spec", "spec.clients[web]", "spec[0", 'x["unterminated]'])("%s is not a path", (path) => {
    expect(parsePath(path)).toBeUndefined();
  });

  it("form field names come from the one converter", () => {
    expect(toFieldName("spec.clients[0].callbackUrls[1]")).toBe("spec.clients.0.callbackUrls.1");
    expect(toFieldName('spec.userPoolTags["cost center"]')).toBe("spec.userPoolTags.cost center");
  });

  it("any segments round-trip", () => {
    const segment = fc.oneof(fc.constantFrom("spec", "clients", "scopes", "name", "x_1"), fc.nat(99), fc.string().map((key) => ({ key })));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        // A key is only a keyed element after a keyed list; elsewhere it reads back as a field of that name.
        const expected = segments.map((s, i) => (typeof s === "object" && !["clients", "scopes"].includes(String(segments[i - 1])) ? s.key : s));
        expect(parsePath(formatPath(segments))).toEqual(expected);
      }),
    );
  });

  it("addresses read back as the type and key they were built from", () => {
    expect(parseAddress(addressOf("appClient", 'we"b'))).toEqual({ type: "appClient", key: 'we"b' });
    expect(parseAddress(addressOf("domain", "auth"))).toEqual({ type: "domain", key: "" });
    expect(parseAddress("app_client")).toBeUndefined();
    // Threat protection settings: the pool's own have no key, a client's are keyed by its name.
    expect(addressOf("riskConfiguration", "")).toBe("risk_configuration");
    expect(parseAddress("risk_configuration")).toEqual({ type: "riskConfiguration", key: "" });
    expect(parseAddress(addressOf("riskConfiguration", "web"))).toEqual({ type: "riskConfiguration", key: "web" });
    expect(parseAddress('risk_configuration[""]')).toBeUndefined();
    expect(parseAddress(addressOf("logDelivery"))).toEqual({ type: "logDelivery", key: "" });
    expect(parseAddress("nothing[\"x\"]")).toBeUndefined();
  });
});
