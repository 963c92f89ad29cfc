/**
 * Branding between the document and the API: managed login styles
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateManagedLoginBranding.html)
 * and classic hosted UI customizations
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUICustomization.html).
 *
 * Images travel as base64 in the document and as bytes in the SDK (its blob members are Uint8Array).
 */
import type { AssetType, CreateManagedLoginBrandingRequest, ManagedLoginBrandingType, UICustomizationType } from "@aws-sdk/client-cognito-identity-provider";
type SettingsDocument = NonNullable<CreateManagedLoginBrandingRequest["Settings"]>;
import { ALL_CLIENTS, type BrandingAsset, type ManagedLoginBrandingSpec, type UiCustomizationSpec } from "../spec/branding-schema";

const toBytes = (base64: string): Uint8Array => Uint8Array.from(Buffer.from(base64, "base64"));
const toBase64 = (bytes: Uint8Array | undefined): string => Buffer.from(bytes ?? new Uint8Array()).toString("base64");

export function assetInput(asset: BrandingAsset): AssetType {
  return {
    Category: asset.category,
    ColorMode: asset.colorMode,
    Extension: asset.extension,
    Bytes: toBytes(asset.bytes),
    ...(asset.resourceId ? { ResourceId: asset.resourceId } : {}),
  };
}

function assetFromApi(asset: AssetType): BrandingAsset {
  return {
    category: asset.Category as BrandingAsset["category"],
    colorMode: asset.ColorMode as BrandingAsset["colorMode"],
    extension: asset.Extension as BrandingAsset["extension"],
    bytes: toBase64(asset.Bytes),
    ...(asset.ResourceId ? { resourceId: asset.ResourceId } : {}),
  };
}

/**
 * The members of a Create or Update request. A style that names neither settings nor assets nor Cognito's
 * defaults is sent as Cognito's defaults: an Update keeps what it is not sent, so an empty request would
 * change nothing.
 */
export function brandingInput(style: ManagedLoginBrandingSpec): { UseCognitoProvidedValues: boolean; Settings?: SettingsDocument; Assets?: AssetType[] } {
  if (style.useCognitoProvidedValues || (style.settings === undefined && style.assets === undefined)) return { UseCognitoProvidedValues: true };
  return {
    UseCognitoProvidedValues: false,
    // An Update keeps members it is not sent: both are sent, so the style is exactly the document's.
    Settings: (style.settings ?? {}) as SettingsDocument,
    Assets: (style.assets ?? []).map(assetInput),
  };
}

/** A described style as the document writes it (clientName given by the caller, who knows the client). */
export function brandingFromApi(clientName: string, style: ManagedLoginBrandingType): ManagedLoginBrandingSpec {
  const out: ManagedLoginBrandingSpec = { clientName };
  if (style.UseCognitoProvidedValues) out.useCognitoProvidedValues = true;
  const settings = style.Settings as Record<string, unknown> | undefined;
  if (settings !== undefined && settings !== null && Object.keys(settings).length > 0) out.settings = settings as ManagedLoginBrandingSpec["settings"];
  if (style.Assets && style.Assets.length > 0) out.assets = style.Assets.map(assetFromApi);
  return out;
}

export function uiCustomizationInput(userPoolId: string, clientId: string, customization: UiCustomizationSpec): { UserPoolId: string; ClientId: string; CSS?: string; ImageFile?: Uint8Array } {
  return {
    UserPoolId: userPoolId,
    ClientId: clientId,
    ...(customization.css !== undefined ? { CSS: customization.css } : {}),
    ...(customization.imageFile ? { ImageFile: toBytes(customization.imageFile) } : {}),
  };
}

/**
 * A customization as the document writes it. The logo cannot be read back (Get answers an ImageUrl, not the
 * file): when AWS has one and the desired document names one, the desired file stands in for it.
 */
export function uiCustomizationFromApi(clientName: string, answer: UICustomizationType, desired: UiCustomizationSpec | undefined): UiCustomizationSpec | undefined {
  if (answer.CSS === undefined && !answer.ImageUrl) return undefined;
  const out: UiCustomizationSpec = { clientName };
  if (answer.CSS !== undefined && answer.CSS !== "") out.css = answer.CSS;
  if (answer.ImageUrl && desired?.imageFile) out.imageFile = desired.imageFile;
  return out;
}

export { ALL_CLIENTS };
