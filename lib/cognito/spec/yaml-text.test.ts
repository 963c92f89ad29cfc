import { describe, expect, it } from "vitest";
import fc from "fast-check";
import YAML from "yaml";
import { parsePoolDocumentText, serialisePoolDocument } from "./document";
import type { PoolDocument } from "./document-schema";
import { hasPyYaml, loadWithPyYaml } from "@/test/support/pyyaml";
import { isAmbiguousYamlString, stringifyYaml } from "./yaml-text";

const doc = (mfaConfiguration: "ON" | "OFF" | "OPTIONAL", labels: Record<string, string> = {}): PoolDocument => ({
  apiVersion: "cognito-studio.dev/v1",
  kind: "UserPool",
  metadata: { name: "orders", labels },
  spec: { region: "eu-west-1", mfaConfiguration, softwareTokenMfaConfiguration: { enabled: mfaConfiguration !== "OFF" } },
});

describe("isAmbiguousYamlString", () => {
  it.each([
    // YAML 1.1 booleans (PyYAML, Go yaml.v2), in every spelling the 1.1 spec lists.
    "ON", "On", "on", "OFF", "off", "YES", "Yes", "yes", "NO", "no", "Y", "y", "N", "n", "true", "False",
    // Nulls, numbers and dates in YAML 1.1 or 1.2.
    "null", "NULL", "~", "", "12", "012", "0o14", "0x1F", "1e3", ".5", "-.inf", "1:20", "1_000", "2024-01-01",
    // A bare exponent looks like a word, but the `yaml` package's YAML 1.1 reader takes it as a float (NaN).
    "e0", "E5", "e-3",
    // YAML 1.1 merge key and value indicator; syntax that would not read back as the same string.
    "<<", "=", "a: b", "# note", " padded",
  ])("%j is quoted", (value) => {
    expect(isAmbiguousYamlString(value)).toBe(true);
  });

  it.each(["OPTIONAL", "ENFORCED", "hardened-production", "email", "Null-island", "arn:aws:iam::123456789012:role/sms", "https://app.example.com/cb", "api/read", "Code {####}", "line one\nline two"])(
    "%j stays plain",
    (value) => {
      expect(isAmbiguousYamlString(value)).toBe(false);
    },
  );
});

describe("stringifyYaml", () => {
  it("quotes ambiguous keys and values, and nothing else", () => {
    expect(stringifyYaml({ mfa: "ON", on: "yes", tier: "PLUS", created: "2024-01-01", n: 1 })).toBe(
      'mfa: "ON"\n"on": "yes"\ntier: PLUS\ncreated: "2024-01-01"\n"n": 1\n',
    );
  });
});

describe("serialisePoolDocument(doc, \"yaml\")", () => {
  it("writes mfaConfiguration ON and OFF double-quoted", () => {
    expect(serialisePoolDocument(doc("ON"), "yaml")).toContain('\n  mfaConfiguration: "ON"\n');
    expect(serialisePoolDocument(doc("OFF"), "yaml")).toContain('\n  mfaConfiguration: "OFF"\n');
    expect(serialisePoolDocument(doc("OPTIONAL"), "yaml")).toContain("\n  mfaConfiguration: OPTIONAL\n");
  });

  it("reads back equal with the studio's own parser", () => {
    const original = doc("ON", { on: "no", created: "2024-01-01" });
    expect(parsePoolDocumentText(serialisePoolDocument(original, "yaml")).document).toEqual(original);
  });

  it.skipIf(!hasPyYaml)("is read by PyYAML (YAML 1.1) with mfaConfiguration as the string ON/OFF", () => {
    for (const mfa of ["ON", "OFF"] as const) {
      const loaded = loadWithPyYaml(serialisePoolDocument(doc(mfa), "yaml")) as { spec: { mfaConfiguration: unknown } };
      expect(loaded.spec.mfaConfiguration).toBe(mfa);
    }
  });

  it.skipIf(!hasPyYaml)("is read by PyYAML exactly as by the YAML 1.2 parser, labels with 1.1 booleans and dates included", () => {
    const original = doc("ON", { on: "no", y: "Off", created: "2024-01-01", port: "1:20", big: "1_000" });
    const text = serialisePoolDocument(original, "yaml");
    expect(loadWithPyYaml(text)).toEqual(original);
    expect(YAML.parse(text)).toEqual(original);
  });
});

describe("stringifyYaml on arbitrary strings", () => {
  // Guards the fast path in isAmbiguousYamlString: whatever it skips must still read back as the same
  // string under both YAML versions.
  it("reads back as the same string in YAML 1.1 and 1.2", () => {
    const text = fc.oneof(fc.string(), fc.stringMatching(/^[A-Za-z_/][\w:/#. -]{0,12}$/u), fc.constantFrom("https://x.example/cb", "arn:aws:iam::1:role/r", "a: b", "x #y", "y", "On"));
    fc.assert(
      fc.property(text, (value) => {
        const yaml = stringifyYaml({ value });
        for (const version of ["1.1", "1.2"] as const) expect(YAML.parse(yaml, { version })).toEqual({ value });
      }),
      { numRuns: 500 },
    );
  });
});
