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
