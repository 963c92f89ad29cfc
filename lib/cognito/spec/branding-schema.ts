/**
 * Branding of the sign-in pages, in the two forms Cognito has:
 *
 * - **Managed login branding** (Smithy `CreateManagedLoginBrandingRequest` / `UpdateManagedLoginBrandingRequest`,
 *   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateManagedLoginBranding.html):
 *   one style per app client ("Each style is linked to an app client until you delete it"), for domains on
 *   managed login (version 2). A style is `Settings` (a JSON document), `Assets` (images) or
 *   `UseCognitoProvidedValues` (Cognito's default style; then Settings and Assets must be omitted).
 * - **Classic hosted UI customization** (`SetUICustomizationRequest`,
 *   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUICustomization.html):
 *   CSS and a logo for domains on the hosted UI (classic, version 1), per client or for every client (`ALL`).
 *
 * The Settings document is kept small: the settings people change (colour scheme, page background, form
 * position and logo, primary button colours) are typed; every other key passes through as JSON checked for shape.
 */
import { z } from "zod";
import { groupDigits } from "./group-digits";

/** `AssetCategoryType` (Smithy enum). */
export const ASSET_CATEGORIES = [
  "FAVICON_ICO",
  "FAVICON_SVG",
  "EMAIL_GRAPHIC",
  "SMS_GRAPHIC",
  "AUTH_APP_GRAPHIC",
  "PASSWORD_GRAPHIC",
  "PASSKEY_GRAPHIC",
  "PAGE_HEADER_LOGO",
  "PAGE_HEADER_BACKGROUND",
  "PAGE_FOOTER_LOGO",
  "PAGE_FOOTER_BACKGROUND",
  "PAGE_BACKGROUND",
  "FORM_BACKGROUND",
  "FORM_LOGO",
  "IDP_BUTTON_ICON",
] as const;
export type AssetCategory = (typeof ASSET_CATEGORIES)[number];

/** `ColorSchemeModeType`. */
export const COLOR_MODES = ["LIGHT", "DARK", "DYNAMIC"] as const;
/** `AssetExtensionType`. */
export const ASSET_EXTENSIONS = ["ICO", "JPEG", "PNG", "SVG", "WEBP"] as const;

/**
 * The file types each asset category takes. The API's enum allows any extension for any category; the branding
 * editor's page lists what each image is for (https://docs.aws.amazon.com/cognito/latest/developerguide/managed-login-brandingeditor.html):
 * the two favicons are named by their type, every other image is a picture file.
 */
export const ASSET_EXTENSIONS_BY_CATEGORY: Readonly<Record<AssetCategory, readonly (typeof ASSET_EXTENSIONS)[number][]>> = {
  FAVICON_ICO: ["ICO"],
  FAVICON_SVG: ["SVG"],
  ...Object.fromEntries(
    ASSET_CATEGORIES.filter((c) => !c.startsWith("FAVICON_")).map((c) => [c, ["JPEG", "PNG", "SVG", "WEBP"] as const]),
  ),
} as unknown as Record<AssetCategory, readonly (typeof ASSET_EXTENSIONS)[number][]>;

/** Smithy `AssetBytesType`: a blob of at most 1,000,000 bytes. */
export const MAX_ASSET_BYTES = 1_000_000;
/** Smithy `AssetListType`: at most 40 assets. */
export const MAX_ASSETS = 40;
/** Smithy `CSSType` and `ImageFileType`: at most 131,072 characters / bytes. */
export const MAX_CSS_LENGTH = 131_072;
export const MAX_CLASSIC_LOGO_BYTES = 131_072;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/u;

/** The number of bytes a base64 text decodes to. */
export function base64Size(text: string): number {
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

function base64Schema(maxBytes: number, what: string) {
  return z
    .string()
    .min(1, { error: `${what} is empty; choose an image file` })
    .regex(BASE64, { error: `${what} must be the file's bytes in base64` })
    .refine((text) => base64Size(text) <= maxBytes, {
      error: `${what} is larger than ${groupDigits(maxBytes)} bytes; choose a smaller file`,
    });
}

export const brandingAssetSchema = z.strictObject({
  category: z.enum(ASSET_CATEGORIES),
  colorMode: z.enum(COLOR_MODES),
  extension: z.enum(ASSET_EXTENSIONS),
  /** The image, base64. */
  bytes: base64Schema(MAX_ASSET_BYTES, "the image"),
  /** Smithy `ResourceIdType`: 1–40 of letters, digits, `_`, `-` and spaces. */
  resourceId: z.string().min(1).max(40).regex(/^[\w\- ]+$/u, { error: "must be letters, digits, spaces, - or _" }).optional(),
});
export type BrandingAsset = z.infer<typeof brandingAssetSchema>;

/** Nesting deeper than this is refused: the branding editor's documents are a few levels deep. */
const MAX_JSON_DEPTH = 16;

/** A JSON value (what Smithy's `Document` type carries): text, finite numbers, booleans, null, lists, plain objects. */
export function isJsonValue(value: unknown, depth = 0): boolean {
  if (depth > MAX_JSON_DEPTH) return false;
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isJsonValue(v, depth + 1));
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every((v) => isJsonValue(v, depth + 1));
  return false;
}

/** Colours in the branding document are 8 hex digits, red-green-blue-alpha (`0972d3ff`). */
export const brandingColorSchema = z
  .string()
  .regex(/^[0-9a-fA-F]{8}$/u, { error: "must be 8 hex digits: red, green, blue and opacity, like 0972d3ff" });

const modeColors = <T extends z.ZodRawShape>(shape: T) => z.looseObject({ lightMode: z.looseObject(shape).optional(), darkMode: z.looseObject(shape).optional() });
const PLACE = z.enum(["START", "CENTER", "END"]);

/**
 * The typed part of the Settings document (the keys the branding editor writes:
 * https://docs.aws.amazon.com/cognito/latest/developerguide/managed-login-brandingeditor.html). Every object
 * is loose: keys not named here pass through as JSON.
 */
export const brandingSettingsSchema = z.looseObject({
  categories: z
    .looseObject({
      global: z.looseObject({ colorSchemeMode: z.enum(COLOR_MODES).optional() }).optional(),
      form: z.looseObject({ location: z.looseObject({ horizontal: PLACE.optional(), vertical: PLACE.optional() }).optional() }).optional(),
    })
    .optional(),
  components: z
    .looseObject({
      pageBackground: z
        .looseObject({
          image: z.looseObject({ enabled: z.boolean().optional() }).optional(),
          lightMode: z.looseObject({ color: brandingColorSchema.optional() }).optional(),
          darkMode: z.looseObject({ color: brandingColorSchema.optional() }).optional(),
        })
        .optional(),
      form: z
        .looseObject({
          borderRadius: z.number().min(0).max(100).optional(),
          logo: z.looseObject({ enabled: z.boolean().optional(), location: PLACE.optional(), position: z.enum(["TOP", "BOTTOM"]).optional() }).optional(),
          lightMode: z.looseObject({ backgroundColor: brandingColorSchema.optional(), borderColor: brandingColorSchema.optional() }).optional(),
          darkMode: z.looseObject({ backgroundColor: brandingColorSchema.optional(), borderColor: brandingColorSchema.optional() }).optional(),
        })
        .optional(),
      primaryButton: modeColors({
        defaults: z.looseObject({ backgroundColor: brandingColorSchema.optional(), textColor: brandingColorSchema.optional() }).optional(),
      }).optional(),
    })
    .optional(),
}).refine((settings) => isJsonValue(settings), {
  error: `must hold only JSON: text, numbers, true or false, null, lists and objects, nested at most ${MAX_JSON_DEPTH} deep`,
});
export type BrandingSettings = z.infer<typeof brandingSettingsSchema>;

/** One managed login style: the style of one app client, named by the client's `name` in this document. */
export const managedLoginBrandingSchema = z.strictObject({
  clientName: z.string().min(1).max(128),
  /** Cognito's default style; Settings and Assets must then be left out [M CreateManagedLoginBrandingRequest.UseCognitoProvidedValues]. */
  useCognitoProvidedValues: z.boolean().optional(),
  settings: brandingSettingsSchema.optional(),
  assets: z.array(brandingAssetSchema).max(MAX_ASSETS).optional(),
});
export type ManagedLoginBrandingSpec = z.infer<typeof managedLoginBrandingSchema>;

/** The classic hosted UI's customization for every client without its own. */
export const ALL_CLIENTS = "ALL";

export const uiCustomizationSchema = z.strictObject({
  /** A client's `name` in this document, or `ALL` for every client without its own customization. */
  clientName: z.string().min(1).max(128),
  css: z.string().max(MAX_CSS_LENGTH).optional(),
  /** The logo, base64 (PNG or JPEG; https://docs.aws.amazon.com/cognito/latest/developerguide/hosted-ui-classic-branding.html). */
  imageFile: base64Schema(MAX_CLASSIC_LOGO_BYTES, "the logo").optional(),
});
export type UiCustomizationSpec = z.infer<typeof uiCustomizationSchema>;
