/**
 * CloudFormation for branding:
 * - `AWS::Cognito::ManagedLoginBranding` (UserPoolId, ClientId, UseCognitoProvidedValues, Settings, Assets:
 *   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-managedloginbranding.html);
 * - `AWS::Cognito::UserPoolUICustomizationAttachment` (UserPoolId, ClientId, CSS:
 *   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpooluicustomizationattachment.html).
 *   It has no logo property: a classic customization's logo cannot be exported (a warning says so).
 */
import { ALL_CLIENTS, type ManagedLoginBrandingSpec, type UiCustomizationSpec } from "../../spec/branding-schema";
import { type Diagnostic, warning } from "../../spec/diagnostics";

export const CFN_MANAGED_LOGIN_BRANDING = "AWS::Cognito::ManagedLoginBranding";
export const CFN_UI_CUSTOMIZATION = "AWS::Cognito::UserPoolUICustomizationAttachment";

export function managedLoginBrandingProperties(style: ManagedLoginBrandingSpec, pool: unknown, clientId: unknown): Record<string, unknown> {
  return {
    UserPoolId: pool,
    ClientId: clientId,
    ...(style.useCognitoProvidedValues !== undefined ? { UseCognitoProvidedValues: style.useCognitoProvidedValues } : {}),
    ...(style.settings !== undefined ? { Settings: style.settings } : {}),
    ...(style.assets !== undefined
      ? {
          Assets: style.assets.map((a) => ({
            Category: a.category,
            ColorMode: a.colorMode,
            Extension: a.extension,
            Bytes: a.bytes,
            ...(a.resourceId !== undefined ? { ResourceId: a.resourceId } : {}),
          })),
        }
      : {}),
  };
}

export function uiCustomizationProperties(customization: UiCustomizationSpec, index: number, pool: unknown, clientId: unknown, diagnostics: Diagnostic[]): Record<string, unknown> {
  if (customization.imageFile !== undefined)
    diagnostics.push(
      warning(
        `spec.uiCustomizations[${index}].imageFile`,
        "not-expressible",
        `${CFN_UI_CUSTOMIZATION} has no logo property (only CSS); the logo of "${customization.clientName}" is not exported: set it in the console or with SetUICustomization`,
      ),
    );
  return { UserPoolId: pool, ClientId: customization.clientName === ALL_CLIENTS ? ALL_CLIENTS : clientId, ...(customization.css !== undefined ? { CSS: customization.css } : {}) };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The client a branding resource names, as the document writes it: the `ClientName` of the template's client
 * it refers to (`!Ref WebClient`), `ALL`, or the text written (a client id from elsewhere, which the document's
 * rules then report as an unknown client).
 */
export function brandingClientName(raw: unknown, clientNames: ReadonlyMap<string, string>): string | undefined {
  if (typeof raw === "string") return raw;
  if (isObject(raw) && typeof raw.Ref === "string") return clientNames.get(raw.Ref) ?? raw.Ref;
  return undefined;
}

/** `AWS::Cognito::ManagedLoginBranding` properties (evaluated, without UserPoolId) → a document style. */
export function managedLoginBrandingFromProperties(properties: Json, clientName: string | undefined, where: string, diagnostics: Diagnostic[]): Json {
  const { ClientId: _client, UseCognitoProvidedValues, Settings, Assets, ReturnMergedResources, ...other } = properties;
  for (const key of Object.keys(other)) diagnostics.push(warning("spec.managedLoginBranding", "not-in-model", `${where}.${key} has no place in the pool model and was not imported`));
  if (ReturnMergedResources !== undefined) diagnostics.push(warning("spec.managedLoginBranding", "not-in-model", `${where}.ReturnMergedResources only shapes CloudFormation's read of the style; it was not imported`));
  const assets = Array.isArray(Assets)
    ? Assets.map((a) => (isObject(a) ? Object.fromEntries(Object.entries({ category: a.Category, colorMode: a.ColorMode, extension: a.Extension, bytes: a.Bytes, resourceId: a.ResourceId }).filter(([, v]) => v !== undefined)) : a))
    : Assets;
  return Object.fromEntries(
    Object.entries({ clientName, useCognitoProvidedValues: UseCognitoProvidedValues, settings: Settings, assets }).filter(([, v]) => v !== undefined),
  );
}

/** `AWS::Cognito::UserPoolUICustomizationAttachment` properties → a document customization (it has no logo). */
export function uiCustomizationFromProperties(properties: Json, clientName: string | undefined, where: string, diagnostics: Diagnostic[]): Json {
  const { ClientId: _client, CSS, ...other } = properties;
  for (const key of Object.keys(other)) diagnostics.push(warning("spec.uiCustomizations", "not-in-model", `${where}.${key} has no place in the pool model and was not imported`));
  return Object.fromEntries(Object.entries({ clientName, css: CSS }).filter(([, v]) => v !== undefined));
}
