/**
 * The fast YAML path (fast-yaml.ts): the direct printer's text reads back as the same value in the `yaml`
 * package (YAML 1.2 and 1.1), js-yaml and PyYAML, for any plain data with any Unicode text; it prints what the
 * `yaml` writer printed for the studio's documents; and the fast reader gives way to the `yaml` path for
 * what it might read differently.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { stringifyYaml } from "../spec/yaml-text";
import { parseDocumentTextFast, readYamlFast, writeYaml } from "./fast-yaml";
import { BLOG_POOL_DOCUMENT, MAXIMAL_POOL_DOCUMENT } from "@/test/support/pool-documents";
import { loadWithPyYaml } from "@/test/support/pyyaml";

/** Strings a person could type, and the awkward ones: YAML's indicators, line breaks, separators, controls. */
const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: fc.constantFrom("a", " ", ":", "#", "-", "?", "'", '"', "\n", "\t", "\r", "\\", "!", "&", "*", "|", ">", "%", "@", "`", "{", "[", ",", "~", "\u0085", "\u2028", "\uFEFF", "\u007F", "0", "1", ".", "e", "x", "o"), maxLength: 8 }),
  fc.constantFrom("ON", "off", "y", "No", "null", "~", "1e3", "0x1F", "0o17", "1:20", "1_000", "2024-01-01", "e0", "<<", "=", ".inf", "-.NaN", "+1", "010", ""),
);
const leafValue = fc.oneof(text, fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)), fc.constant(null));
const plainData = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, leafValue, tie("list"), tie("map")),
  list: fc.array(tie("value"), { maxLength: 4 }),
  map: fc.dictionary(text, tie("value"), { maxKeys: 4 }),
})).value;

describe("writeYaml", () => {
  it("reads back as the same value in the yaml package (1.2 and 1.1) and in js-yaml", () => {
    fc.assert(
      fc.property(plainData, (value) => {
        const written = writeYaml(value);
        const expected = JSON.parse(JSON.stringify(value)) as unknown;
        expect(YAML.parse(written)).toEqual(expected);
        expect(YAML.parse(written, { version: "1.1" })).toEqual(expected);
        expect(readYamlFast(written)?.value).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it("reads back as the same value in PyYAML (YAML 1.1)", () => {
    // One PyYAML process for many values: each is a key of one document.
    const values = fc.sample(plainData, { numRuns: 300, seed: 7 });
    const written = writeYaml(Object.fromEntries(values.map((v, i) => [`v${i}`, v])));
    const read = loadWithPyYaml(written) as Record<string, unknown>;
    values.forEach((value, i) => expect(read[`v${i}`], `value ${i}: ${JSON.stringify(value)}`).toEqual(JSON.parse(JSON.stringify(value))));
  });

  it("prints the studio's documents exactly as the yaml writer did", () => {
    for (const doc of [MAXIMAL_POOL_DOCUMENT, BLOG_POOL_DOCUMENT]) expect(writeYaml(doc)).toBe(stringifyYaml(doc));
  });

  it("quotes what a YAML 1.1 reader would take as another type, and leaves words plain", () => {
    expect(writeYaml({ mfa: "ON", on: "yes", tier: "PLUS", created: "2024-01-01", port: "0755", url: "https://a.example.com/cb" })).toBe(
      'mfa: "ON"\n"on": "yes"\ntier: PLUS\ncreated: "2024-01-01"\nport: "0755"\nurl: https://a.example.com/cb\n',
    );
  });

  it("leaves undefined out, writes empty collections inline and a header as comments", () => {
    expect(writeYaml({ a: undefined, b: [], c: {}, d: { e: undefined } }, { header: " one\n\n two" })).toBe("# one\n\n# two\n\nb: []\nc: {}\nd: {}\n");
  });

  it("writes a caller's own values through represent", () => {
    class Ref {
      constructor(readonly id: string) {}
    }
    expect(writeYaml({ pool: new Ref("UserPool"), list: [new Ref("A")] }, { represent: (v) => (v instanceof Ref ? `!Ref ${v.id}` : undefined) })).toBe(
      "pool: !Ref UserPool\nlist:\n  - !Ref A\n",
    );
  });
});

describe("parseDocumentTextFast", () => {
  it("reads what the yaml package reads", () => {
    expect(parseDocumentTextFast("a: 1\nb: [x, 'y']\nc: ON\n")).toEqual({ value: { a: 1, b: ["x", "y"], c: "ON" }, diagnostics: [] });
  });

  it("leaves errors, aliases, several documents and empty text to the yaml path, with its line and column", () => {
    const broken = parseDocumentTextFast("a: 1\nb: [\n");
    expect(broken.diagnostics[0]?.message).toMatch(/YAML is not valid at line \d+, column \d+/u);
    expect(readYamlFast("a: &x [1]\nb: *x\n")).toBeUndefined();
    expect(parseDocumentTextFast("a: &x [1]\nb: *x\n").value).toEqual({ a: [1], b: [1] });
    expect(parseDocumentTextFast("a: 1\n---\nb: 2\n").diagnostics[0]?.message).toMatch(/exactly one document/u);
    expect(parseDocumentTextFast("  \n").diagnostics[0]?.code).toBe("empty-document");
  });

  it("refuses a repeated key on the spec path, as the yaml package does", () => {
    expect(readYamlFast("a: 1\na: 2\n")).toBeUndefined();
    expect(readYamlFast("a: 1\na: 2\n", { repeatedKeys: true })?.value).toEqual({ a: 2 });
    expect(parseDocumentTextFast("a: 1\na: 2\n").diagnostics).toHaveLength(1);
  });
});
