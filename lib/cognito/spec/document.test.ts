import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toFieldName } from "./diagnostics";
import { detectDocumentKind } from "./document-kinds";
import { parsePoolDocumentText, serialisePoolDocument } from "./document";
import { poolDocumentJsonSchema } from "./json-schema";
import { poolDocumentArbitrary } from "@/test/support/pool-arbitraries";
import { validatePoolDocument, validatePoolSpec } from "./validate";

describe("parsePoolDocumentText", () => {
  it.each([
    ["spec:\n  region: [unclosed\n", undefined, /YAML is not valid at line 3, column 1/],
    ['{"a": 1,}', "pool.json", /JSON is not valid at line 1, column 9/],
    ["a: 1\na: 2\n", undefined, /line 2, column 1/],
    ["   \n", undefined, /is empty/],
  ])("gives one clear syntax error for %j", (text, file, message) => {
    const { document, diagnostics } = parsePoolDocumentText(text, file);
    expect(document).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].message).toMatch(message);
    expect(diagnostics[0].message).not.toMatch(/\n\s+at /);
  });

  it("names unknown documents, with the kinds that are accepted", () => {
    const [diagnostic] = parsePoolDocumentText("apiVersion: v1\nkind: Pod\n").diagnostics;
    expect(diagnostic.code).toBe("unknown-document-kind");
    expect(diagnostic.path).toBe("apiVersion");
    expect(diagnostic.message).toContain('apiVersion "v1", kind "Pod"');
    expect(diagnostic.message).toContain('accepted: apiVersion "cognito-studio.dev/v1" with kind "UserPool"; or apiVersion "aws.openmcf.org/v1" with kind "AwsCognitoUserPool"');
  });

  it("detects document kinds", () => {
    expect(detectDocumentKind({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool" })).toBe("native");
    expect(detectDocumentKind({ apiVersion: "aws.openmcf.org/v1", kind: "AwsCognitoUserPool" })).toBe("openmcf");
    expect(detectDocumentKind([1])).toBe("unknown");
  });

  it("keeps YAML 1.2 scalars such as ON as strings", () => {
    const text = "apiVersion: cognito-studio.dev/v1\nkind: UserPool\nmetadata: {name: p}\nspec:\n  region: eu-west-1\n  mfaConfiguration: ON\n  softwareTokenMfaConfiguration: {enabled: true}\n";
    const { document, diagnostics } = parsePoolDocumentText(text);
    expect(diagnostics).toEqual([]);
    expect(document?.spec.mfaConfiguration).toBe("ON");
  });

  it.each(["yaml", "json"] as const)("parse(serialise(doc)) equals doc (%s)", (format) => {
    fc.assert(
      fc.property(poolDocumentArbitrary({ wide: true }), (doc) => {
        const { document } = parsePoolDocumentText(serialisePoolDocument(doc, format), `pool.${format}`);
        expect(document).toEqual(doc);
      }),
      { numRuns: 150 },
    );
  });
});

describe("validatePoolDocument parses once", () => {
  const valid = { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "shop-users" }, spec: {} };

  it("gives the parsed document with the diagnostics, so callers need not parse again", () => {
    const { document, diagnostics } = validatePoolDocument(valid);
    expect(diagnostics).toEqual([]);
    expect(document?.metadata.name).toBe("shop-users");
  });

  it("gives no document when the schema refuses it, with the schema's diagnostics", () => {
    const { document, diagnostics } = validatePoolDocument({ ...valid, metadata: {} });
    expect(document).toBeUndefined();
    expect(diagnostics.map((d) => d.path)).toContain("metadata.name");
  });

  it("gives the document with its cross-field errors when only those fail", () => {
    const spec = { clients: [{ name: "web", callbackUrls: ["https://shop.test/cb"], defaultRedirectUri: "https://other.test/cb" }] };
    const { document, diagnostics } = validatePoolDocument({ ...valid, spec });
    expect(document?.spec.clients?.[0]?.name).toBe("web");
    expect(diagnostics.some((d) => d.severity === "error" && d.path === "spec.clients[0].defaultRedirectUri")).toBe(true);
  });
});

describe("validation never throws or mutates", () => {
  it("arbitrary JSON gives diagnostics, never an exception", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(Array.isArray(validatePoolDocument(value).diagnostics)).toBe(true);
        expect(Array.isArray(validatePoolSpec(value))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("documents with arbitrary values in known places never throw", () => {
    fc.assert(
      fc.property(poolDocumentArbitrary({ wide: true }), fc.jsonValue(), fc.nat(), (doc, junk, pick) => {
        const spec = { ...doc.spec } as Record<string, unknown>;
        const keys = Object.keys(spec);
        spec[keys[pick % keys.length]] = junk;
        const copy = structuredClone(spec);
        validatePoolSpec(spec);
        expect(spec).toEqual(copy);
      }),
      { numRuns: 300 },
    );
  });
});

describe("schema messages", () => {
  it("state the rule and allowed values", () => {
    const d = validatePoolSpec({ region: "eu-west-1", mfaConfiguration: "YES", passwordPolicy: { minimumLength: 3 }, clients: [{ name: "a", allowedOauthFlows: [] }] });
    expect(d).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "spec.mfaConfiguration", message: expect.stringContaining('"OFF", "ON", "OPTIONAL"') }),
        expect.objectContaining({ path: "spec.passwordPolicy.minimumLength", message: expect.stringContaining("between 6 and 99") }),
        expect.objectContaining({ path: "spec.clients[0].allowedOauthFlows", code: "unknown-field", message: expect.stringContaining('did you mean "allowedOAuthFlows"') }),
      ]),
    );
    // A design need not name a Region (it takes its target's); one that does must name a real code.
    expect(validatePoolSpec({})).toEqual([]);
    expect(validatePoolSpec({ region: "Europe" })).toEqual([expect.objectContaining({ path: "spec.region", message: expect.stringContaining("like us-east-1") })]);
  });

  it("converts paths to form field names", () => {
    expect(toFieldName("spec.clients[0].callbackUrls[1]")).toBe("spec.clients.0.callbackUrls.1");
    expect(toFieldName('spec.userPoolTags["cost center"]')).toBe("spec.userPoolTags.cost center");
  });

  it("generates a JSON Schema for the document", () => {
    const schema = poolDocumentJsonSchema();
    expect(schema.$id).toMatch(/^https:/);
    expect(JSON.stringify(schema)).toContain("allowedOAuthFlowsUserPoolClient");
  });
});
