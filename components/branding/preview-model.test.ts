import { describe, expect, test } from "vitest";
import { assetUrl, cssColor, previewModel } from "./preview-model";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGPgLLoMRwzEcQASchThTOT9gwAAAABJRU5ErkJggg==";

describe("previewModel", () => {
  test("unset settings give Cognito's default look in each mode", () => {
    expect(previewModel(undefined, undefined, "light")).toMatchObject({ mode: "light", pageBackground: "#f2f8fd", buttonBackground: "#0972d3", horizontal: "CENTER", vertical: "CENTER", formRadius: 8 });
    expect(previewModel(undefined, undefined, "dark")).toMatchObject({ mode: "dark", pageBackground: "#0f1b2a" });
  });

  test("the typed settings are read from a document or from the form (numbers and booleans as text)", () => {
    const settings = {
      categories: { form: { location: { horizontal: "START", vertical: "END" } } },
      components: {
        pageBackground: { lightMode: { color: "fde68aff" }, darkMode: { color: "1e293bff" } },
        primaryButton: { lightMode: { defaults: { backgroundColor: "b91c1cff", textColor: "ffffffff" } } },
        form: { borderRadius: "16", logo: { enabled: "true", location: "END", position: "BOTTOM" } },
      },
    };
    const assets = [{ category: "FORM_LOGO", colorMode: "DYNAMIC", extension: "PNG", bytes: PNG }];
    const light = previewModel(settings, assets, "light");
    expect(light).toMatchObject({ pageBackground: "#fde68aff", buttonBackground: "#b91c1cff", horizontal: "START", vertical: "END", formRadius: 16, logo: { place: "END", position: "BOTTOM" } });
    const dark = previewModel(settings, assets, "dark");
    expect(dark.pageBackground).toBe("#1e293bff");
    expect(dark.buttonBackground).toBe("#539fe5"); // no dark-mode button colour set: Cognito's
    expect(dark.logo?.src).toBe(`data:image/png;base64,${PNG}`); // a browser-adaptive image serves both modes
  });

  test("a style fixed to one scheme shows it whatever the preview asks, and says so", () => {
    const model = previewModel({ categories: { global: { colorSchemeMode: "DARK" } } }, undefined, "light");
    expect(model).toMatchObject({ mode: "dark", forcedMode: "dark" });
  });

  test("Cognito's default style ignores the settings and images the form still holds", () => {
    const model = previewModel({ components: { pageBackground: { lightMode: { color: "000000ff" } } } }, [{ category: "FORM_LOGO", colorMode: "LIGHT", extension: "PNG", bytes: PNG }], "light", true);
    expect(model.pageBackground).toBe("#f2f8fd");
    expect(model.logo).toBeUndefined();
  });

  test("a disabled logo is not drawn; colours that are not 8 hex digits fall back", () => {
    const model = previewModel({ components: { form: { logo: { enabled: false } }, pageBackground: { lightMode: { color: "red" } } } }, [{ category: "FORM_LOGO", colorMode: "LIGHT", extension: "PNG", bytes: PNG }], "light");
    expect(model.logo).toBeUndefined();
    expect(model.pageBackground).toBe("#f2f8fd");
    expect(cssColor("0972d3")).toBeUndefined();
  });

  test("an image of the other mode or of an unknown type is not used", () => {
    expect(assetUrl([{ category: "PAGE_BACKGROUND", colorMode: "DARK", extension: "PNG", bytes: PNG }], "PAGE_BACKGROUND", "light")).toBeUndefined();
    expect(assetUrl([{ category: "PAGE_BACKGROUND", colorMode: "LIGHT", extension: "BMP", bytes: PNG }], "PAGE_BACKGROUND", "light")).toBeUndefined();
  });
});
