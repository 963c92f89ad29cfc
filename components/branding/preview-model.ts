/**
 * What the managed login sign-in page looks like for a style's settings and images, in one colour mode: the
 * handful of settings the studio types (branding-schema.ts), with Cognito's default look where the style leaves
 * them unset. The studio draws the page itself from this (nothing is fetched); it is a likeness for review, not
 * Cognito's own rendering.
 *
 * Values may come from the editor's form (numbers and booleans as text) or from a document: both are read.
 */
export type PreviewMode = "light" | "dark";
export type Place = "START" | "CENTER" | "END";

export interface PreviewModel {
  mode: PreviewMode;
  /** The style's colour scheme forces light or dark whatever the browser asks. */
  forcedMode?: PreviewMode;
  pageBackground: string;
  pageBackgroundImage?: string;
  formBackground: string;
  formBackgroundImage?: string;
  formBorder: string;
  formRadius: number;
  text: string;
  mutedText: string;
  buttonBackground: string;
  buttonText: string;
  horizontal: Place;
  vertical: Place;
  logo?: { src: string; place: Place; position: "TOP" | "BOTTOM" };
  headerLogo?: string;
}

/** Cognito's default look, by mode (approximate: the managed login default style's colours). */
const DEFAULTS: Record<PreviewMode, Pick<PreviewModel, "pageBackground" | "formBackground" | "formBorder" | "text" | "mutedText" | "buttonBackground" | "buttonText">> = {
  light: { pageBackground: "#f2f8fd", formBackground: "#ffffff", formBorder: "#c6c6cd", text: "#0f141a", mutedText: "#656871", buttonBackground: "#0972d3", buttonText: "#ffffff" },
  dark: { pageBackground: "#0f1b2a", formBackground: "#161d26", formBorder: "#424650", text: "#e9ebed", mutedText: "#a4a4ad", buttonBackground: "#539fe5", buttonText: "#0f141a" },
};

const MIME: Record<string, string> = { PNG: "image/png", JPEG: "image/jpeg", SVG: "image/svg+xml", WEBP: "image/webp", ICO: "image/x-icon" };

function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object" || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** `0972d3ff` → `#0972d3ff` (CSS reads 8-digit hex); anything else → undefined. */
export function cssColor(value: unknown): string | undefined {
  return typeof value === "string" && /^[0-9a-fA-F]{8}$/u.test(value) ? `#${value}` : undefined;
}

const place = (value: unknown, fallback: Place): Place => (value === "START" || value === "CENTER" || value === "END" ? value : fallback);
const yes = (value: unknown) => value === true || value === "true";
const no = (value: unknown) => value === false || value === "false";

interface AssetLike {
  category?: unknown;
  colorMode?: unknown;
  extension?: unknown;
  bytes?: unknown;
}

/** The data URL of the image of `category` for `mode`: that mode's own first, else the browser-adaptive one. */
export function assetUrl(assets: unknown, category: string, mode: PreviewMode): string | undefined {
  if (!Array.isArray(assets)) return undefined;
  const list = assets as AssetLike[];
  const wanted = mode === "light" ? "LIGHT" : "DARK";
  const found = list.find((a) => a.category === category && a.colorMode === wanted) ?? list.find((a) => a.category === category && a.colorMode === "DYNAMIC");
  if (!found || typeof found.bytes !== "string" || found.bytes === "" || typeof found.extension !== "string") return undefined;
  const mime = MIME[found.extension];
  return mime ? `data:${mime};base64,${found.bytes}` : undefined;
}

export function previewModel(settings: unknown, assets: unknown, mode: PreviewMode, useCognitoProvidedValues = false): PreviewModel {
  const s = useCognitoProvidedValues ? undefined : settings;
  const scheme = at(s, "categories", "global", "colorSchemeMode");
  const forcedMode: PreviewMode | undefined = scheme === "LIGHT" ? "light" : scheme === "DARK" ? "dark" : undefined;
  const shown = forcedMode ?? mode;
  const key = shown === "light" ? "lightMode" : "darkMode";
  const d = DEFAULTS[shown];
  const images = useCognitoProvidedValues ? undefined : assets;
  const radius = Number(at(s, "components", "form", "borderRadius"));
  const logoEnabled = !no(at(s, "components", "form", "logo", "enabled"));
  const logoSrc = assetUrl(images, "FORM_LOGO", shown);
  const position = at(s, "components", "form", "logo", "position");
  const model: PreviewModel = {
    mode: shown,
    pageBackground: cssColor(at(s, "components", "pageBackground", key, "color")) ?? d.pageBackground,
    formBackground: cssColor(at(s, "components", "form", key, "backgroundColor")) ?? d.formBackground,
    formBorder: cssColor(at(s, "components", "form", key, "borderColor")) ?? d.formBorder,
    formRadius: Number.isFinite(radius) && radius >= 0 ? Math.min(radius, 100) : 8,
    text: d.text,
    mutedText: d.mutedText,
    buttonBackground: cssColor(at(s, "components", "primaryButton", key, "defaults", "backgroundColor")) ?? d.buttonBackground,
    buttonText: cssColor(at(s, "components", "primaryButton", key, "defaults", "textColor")) ?? d.buttonText,
    horizontal: place(at(s, "categories", "form", "location", "horizontal"), "CENTER"),
    vertical: place(at(s, "categories", "form", "location", "vertical"), "CENTER"),
  };
  if (forcedMode) model.forcedMode = forcedMode;
  const pageImage = at(s, "components", "pageBackground", "image", "enabled");
  const background = assetUrl(images, "PAGE_BACKGROUND", shown);
  if (background && !no(pageImage)) model.pageBackgroundImage = background;
  else if (yes(pageImage) && background) model.pageBackgroundImage = background;
  const formImage = assetUrl(images, "FORM_BACKGROUND", shown);
  if (formImage) model.formBackgroundImage = formImage;
  if (logoEnabled && logoSrc) model.logo = { src: logoSrc, place: place(at(s, "components", "form", "logo", "location"), "CENTER"), position: position === "BOTTOM" ? "BOTTOM" : "TOP" };
  const header = assetUrl(images, "PAGE_HEADER_LOGO", shown);
  if (header) model.headerLogo = header;
  return model;
}
