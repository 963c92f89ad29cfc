import { describe, expect, test } from "vitest";
import { MAX_ASSET_BYTES } from "./branding-schema";
import { CLASSIC_CSS_SELECTORS, checkClassicCss } from "./classic-css";
import type { PoolDocument } from "./document-schema";
import { validatePoolDocument } from "./validate";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGPgLLoMRwzEcQASchThTOT9gwAAAABJRU5ErkJggg==";

function doc(spec: Partial<PoolDocument["spec"]>): PoolDocument {
  return { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "brand" }, spec: { clients: [{ name: "web" }], ...spec } };
}

const codes = (d: PoolDocument) => validatePoolDocument(d).diagnostics.map((x) => `${x.severity} ${x.code} ${x.path}`);

describe("managed login branding", () => {
  test("a typed style with pass-through settings and an image is valid", () => {
    const d = doc({
      managedLoginBranding: [
        {
          clientName: "web",
          settings: { components: { pageBackground: { lightMode: { color: "ffffffff" } } }, somethingNew: { nested: [1, "two", null] } },
          assets: [{ category: "FORM_LOGO", colorMode: "LIGHT", extension: "PNG", bytes: PNG }],
        },
      ],
    });
    expect(codes(d)).toEqual([]);
  });

  test.each([
    ["a colour that is not 8 hex digits", { settings: { components: { pageBackground: { lightMode: { color: "#fff" } } } } }, "spec.managedLoginBranding[0].settings.components.pageBackground.lightMode.color"],
    ["a form position outside START/CENTER/END", { settings: { categories: { form: { location: { horizontal: "LEFT" } } } } }, "spec.managedLoginBranding[0].settings.categories.form.location.horizontal"],
    ["an image that is not base64", { assets: [{ category: "FORM_LOGO", colorMode: "LIGHT", extension: "PNG", bytes: "not base64!" }] }, "spec.managedLoginBranding[0].assets[0].bytes"],
    ["an unknown asset category", { assets: [{ category: "HEADER", colorMode: "LIGHT", extension: "PNG", bytes: PNG }] }, "spec.managedLoginBranding[0].assets[0].category"],
  ])("%s is an error at its field", (_name, style, path) => {
    const found = validatePoolDocument(doc({ managedLoginBranding: [{ clientName: "web", ...style } as never] })).diagnostics;
    expect(found.map((x) => x.path)).toContain(path);
    expect(found.every((x) => x.severity === "error")).toBe(true);
  });

  test("an image over the API's 1,000,000 bytes is refused with the limit in the message", () => {
    const big = "A".repeat(Math.ceil((MAX_ASSET_BYTES + 3) / 3) * 4);
    const found = validatePoolDocument(doc({ managedLoginBranding: [{ clientName: "web", assets: [{ category: "PAGE_BACKGROUND", colorMode: "DARK", extension: "JPEG", bytes: big }] }] })).diagnostics;
    expect(found).toEqual([expect.objectContaining({ path: "spec.managedLoginBranding[0].assets[0].bytes", message: expect.stringContaining("1,000,000 bytes") })]);
  });

  test("cross-field rules: unknown client, defaults with values, duplicate image, favicon type, one style per client", () => {
    const d = doc({
      managedLoginBranding: [
        { clientName: "web", useCognitoProvidedValues: true, settings: {} },
        { clientName: "web" },
        {
          clientName: "mobile",
          assets: [
            { category: "FAVICON_ICO", colorMode: "LIGHT", extension: "PNG", bytes: PNG },
            { category: "FAVICON_ICO", colorMode: "LIGHT", extension: "ICO", bytes: PNG },
          ],
        },
      ],
    });
    expect(codes(d).sort()).toEqual(
      [
        "error branding-defaults-with-values spec.managedLoginBranding[0].useCognitoProvidedValues",
        "error duplicate-branding-client spec.managedLoginBranding[1].clientName",
        "error branding-unknown-client spec.managedLoginBranding[2].clientName",
        "error branding-duplicate-asset spec.managedLoginBranding[2].assets[1].colorMode",
        "error branding-asset-type spec.managedLoginBranding[2].assets[0].extension",
      ].sort(),
    );
  });

  test("a style on a domain of the classic hosted UI is a warning", () => {
    expect(codes(doc({ domain: { domain: "brand-auth", managedLoginVersion: 1 }, managedLoginBranding: [{ clientName: "web", useCognitoProvidedValues: true }] }))).toEqual([
      "warning branding-needs-managed-login spec.managedLoginBranding[0]",
    ]);
  });
});

describe("classic hosted UI customization", () => {
  test("every allowed class passes; comments and whitespace are fine", () => {
    const css = CLASSIC_CSS_SELECTORS.map((s) => `/* ${s} */\n${s} {\n  color: #123;\n}`).join("\n");
    expect(checkClassicCss(css)).toEqual([]);
  });

  test.each([
    [".submitButton-customizable { color: red }\nbody { margin: 0 }", [{ line: 2, selector: "body" }]],
    [".logo-customizable, .nav { width: 10px }", [{ line: 1, selector: ".nav" }]],
    [".label-customizable { color: red", [{ line: 1, selector: "{" }]],
    [".label-customizable { color: red } }", [{ line: 1, selector: "}" }]],
  ])("%j is refused at its line", (css, expected) => {
    expect(checkClassicCss(css)).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  test("rules: unknown client, CSS class, no domain, managed login domain", () => {
    const d = doc({
      domain: { domain: "brand-auth", managedLoginVersion: 2 },
      uiCustomizations: [
        { clientName: "ALL", css: "h1 { color: red }" },
        { clientName: "mobile" },
      ],
    });
    expect(codes(d).sort()).toEqual(
      [
        "error ui-customization-css spec.uiCustomizations[0].css",
        "error ui-customization-unknown-client spec.uiCustomizations[1].clientName",
        "warning ui-customization-needs-classic spec.uiCustomizations[0]",
        "warning ui-customization-needs-classic spec.uiCustomizations[1]",
      ].sort(),
    );
    expect(codes(doc({ uiCustomizations: [{ clientName: "ALL", css: "" }] }))).toEqual(["warning ui-customization-needs-domain spec.uiCustomizations"]);
  });
});

test("settings that are not JSON (a function, infinity, nesting past 16) are refused at settings", () => {
  let deep: Record<string, unknown> = {};
  const root = deep;
  for (let i = 0; i < 20; i++) deep = (deep.next = {}) as Record<string, unknown>;
  for (const settings of [{ f: () => 1 }, { n: Number.POSITIVE_INFINITY }, root]) {
    const found = validatePoolDocument(doc({ managedLoginBranding: [{ clientName: "web", settings: settings as never }] })).diagnostics;
    expect(found.map((x) => x.path)).toEqual(["spec.managedLoginBranding[0].settings"]);
  }
});
