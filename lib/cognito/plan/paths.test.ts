import { describe, expect, it } from "vitest";
import { canonicalKey, diffValues, type RawChange, sameValue } from "./diff";
import { setAtPath } from "../../../test/support/apply-plan-to-document";
import { formatPath, formatPattern, parsePath } from "./paths";

describe("attribute paths", () => {
  it.each([
    [["passwordPolicy", "minimumLength"], "passwordPolicy.minimumLength"],
    [["schemaAttributes", { key: "tier" }, "mutable"], 'schemaAttributes["tier"].mutable'],
    [["scopes", { key: 'we"ird.key' }], 'scopes["we\\"ird.key"]'],
  ] as const)("formats and parses %j", (segments, text) => {
    expect(formatPath(segments)).toBe(text);
    expect(parsePath(text)).toEqual(segments);
  });

  it("formats a pattern with keys as [*] and rejects malformed paths", () => {
    expect(formatPattern(["schemaAttributes", { key: "tier" }, "attributeDataType"])).toBe("schemaAttributes[*].attributeDataType");
    expect(parsePath("a..b")).toBeUndefined();
    expect(parsePath('a["x"')).toBeUndefined();
  });

  it("sets, creates and removes values, matching keyed list elements by key and pruning empty objects", () => {
    const doc: Record<string, unknown> = { schemaAttributes: [{ name: "a", attributeDataType: "String" }], passwordPolicy: { minimumLength: 8 } };
    setAtPath(doc, ["schemaAttributes", { key: "a" }, "mutable"], false);
    setAtPath(doc, ["schemaAttributes", { key: "b" }], { name: "b", attributeDataType: "Number" });
    setAtPath(doc, ["passwordPolicy", "minimumLength"], undefined);
    setAtPath(doc, ["deviceConfiguration", "challengeRequiredOnNewDevice"], true);
    expect(doc).toEqual({
      schemaAttributes: [
        { name: "a", attributeDataType: "String", mutable: false },
        { name: "b", attributeDataType: "Number" },
      ],
      deviceConfiguration: { challengeRequiredOnNewDevice: true },
    });
    setAtPath(doc, ["schemaAttributes", { key: "a" }], undefined);
    expect(doc.schemaAttributes).toEqual([{ name: "b", attributeDataType: "Number" }]);
  });
});

describe("value diff", () => {
  it("treats plain lists as sets and objects by key order-free", () => {
    expect(sameValue(["a", "b"], ["b", "a"])).toBe(true);
    expect(sameValue(["a", "a"], ["a"])).toBe(false);
    expect(sameValue({ x: 1, y: [2, 1] }, { y: [1, 2], x: 1 })).toBe(true);
    expect(canonicalKey({ b: 1, a: undefined })).toBe('{"b":1}');
  });

  it("ignores unset desired fields in managed mode and lists removals in exact mode", () => {
    const managed: RawChange[] = [];
    diffValues({ a: 1, b: { c: 2 } }, { b: {} }, { mode: "managed" }, managed);
    expect(managed).toEqual([]);
    const exact: RawChange[] = [];
    diffValues({ a: 1, b: { c: 2 } }, { b: {} }, { mode: "exact" }, exact);
    expect(exact).toEqual([
      { segments: ["b", "c"], before: 2, after: undefined },
      { segments: ["a"], before: 1, after: undefined },
    ]);
  });
});
