/**
 * Terraform for branding:
 * - `aws_cognito_managed_login_branding` (client_id, user_pool_id, use_cognito_provided_values, settings as a
 *   JSON string, one `asset` block per image: bytes, category, color_mode, extension, resource_id). The resource
 *   exists only in provider 6.x (https://github.com/hashicorp/terraform-provider-aws/pull/43817); the export's
 *   provider floor rises with it (provider-versions.ts) and a warning says so.
 * - `aws_cognito_user_pool_ui_customization` (user_pool_id, client_id, css, image_file as base64), which needs
 *   the pool's domain first (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool_ui_customization).
 * The import reads both back: the client by the `aws_cognito_user_pool_client` it refers to (or the text written),
 * a customization without `client_id` as `ALL`, the settings from their JSON text.
 */
import { ALL_CLIENTS, type ManagedLoginBrandingSpec, type UiCustomizationSpec } from "../../spec/branding-schema";
import { type Diagnostic, warning } from "../../spec/diagnostics";
import { type HclNode, type HclValue, attr, block, expr, quote } from "./hcl";
import { TF_TYPES } from "./naming";

export const TF_MANAGED_LOGIN_BRANDING = TF_TYPES.managedLoginBranding;
export const TF_UI_CUSTOMIZATION = TF_TYPES.uiCustomization;

/** `aws_cognito_user_pool_client.<label>.id` of a client of the document, or its name when it is not one. */
export type ClientIdOf = (clientName: string) => HclValue;

/**
 * A JSON value as an HCL literal, laid out like JSON. Text goes through HCL quoting, since JSON's own escapes
 * are not all HCL's (`\b`, `\f`) and `${` or `%{` in HCL text starts a template (the generated settings found it).
 */
function hclLiteral(value: unknown): string {
  if (typeof value === "string") return quote(value);
  if (Array.isArray(value)) return `[${value.map(hclLiteral).join(",")}]`;
  if (value !== null && typeof value === "object") return `{${Object.entries(value).map(([k, v]) => `${quote(k)}:${hclLiteral(v)}`).join(",")}}`;
  return JSON.stringify(value);
}

export function managedLoginBrandingResource(style: ManagedLoginBrandingSpec, label: string, poolId: HclValue, clientId: ClientIdOf): HclNode {
  const body: HclNode[] = [attr("user_pool_id", poolId), attr("client_id", clientId(style.clientName))];
  if (style.useCognitoProvidedValues !== undefined) body.push(attr("use_cognito_provided_values", style.useCognitoProvidedValues));
  if (style.settings !== undefined) body.push(attr("settings", expr(`jsonencode(${hclLiteral(style.settings)})`)));
  for (const asset of style.assets ?? []) {
    const fields: HclNode[] = [attr("category", asset.category), attr("color_mode", asset.colorMode), attr("extension", asset.extension), attr("bytes", asset.bytes)];
    if (asset.resourceId !== undefined) fields.push(attr("resource_id", asset.resourceId));
    body.push(block("asset", [], fields));
  }
  return block("resource", [TF_MANAGED_LOGIN_BRANDING, label], body);
}

export function uiCustomizationResource(customization: UiCustomizationSpec, label: string, poolId: HclValue, clientId: ClientIdOf, dependsOnDomain: string | undefined): HclNode {
  const body: HclNode[] = [attr("user_pool_id", poolId)];
  if (customization.clientName !== ALL_CLIENTS) body.push(attr("client_id", clientId(customization.clientName)));
  if (customization.css !== undefined) body.push(attr("css", customization.css));
  if (customization.imageFile !== undefined) body.push(attr("image_file", customization.imageFile));
  if (dependsOnDomain) body.push(attr("depends_on", [expr(dependsOnDomain)]));
  return block("resource", [TF_UI_CUSTOMIZATION, label], body);
}

/** An empty image list ("this style has no images") is written as no asset blocks, which reads back as not set. */
export function emptyAssetsWarnings(styles: readonly ManagedLoginBrandingSpec[]): Diagnostic[] {
  return styles.flatMap((style, i) =>
    style.assets?.length === 0
      ? [warning(`spec.managedLoginBranding[${i}].assets`, "written-as-absent", `the style of "${style.clientName}" has an empty image list; Terraform writes it as no asset blocks, which reads back as images not set`)]
      : [],
  );
}

/** The warning of a file that uses the 6.x-only resource. */
export function managedLoginBrandingVersionWarning(count: number): Diagnostic[] {
  if (count === 0) return [];
  return [
    warning(
      "spec.managedLoginBranding",
      "provider-6-only",
      `${count === 1 ? "the managed login style needs" : `the ${count} managed login styles need`} ${TF_MANAGED_LOGIN_BRANDING}, which only the 6.x aws provider has (https://github.com/hashicorp/terraform-provider-aws/pull/43817); the file requires that provider version`,
    ),
  ];
}

// ---- import ----

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** What the importer knows of the file around one branding resource. */
export interface BrandingImportContext {
  /** `where` of the resource in messages: its address, file and line. */
  where: string;
  diagnostics: Diagnostic[];
  /** Whether a value is an importer's gap marker (an input it could not evaluate): kept as it is. */
  isGap: (value: unknown) => boolean;
}

/** Arguments of the body the model has no place for, each named in a warning. */
function warnOthers(other: Json, path: string, ctx: BrandingImportContext): void {
  for (const key of Object.keys(other)) ctx.diagnostics.push(warning(path, "not-in-model", `${ctx.where}: ${key} has no place in the pool model and was not imported`));
}

/** `settings` is JSON text (jsonencode(...) or a heredoc); anything else is kept for the schema to report. */
function settingsFromText(value: unknown, ctx: BrandingImportContext): unknown {
  if (typeof value !== "string" || ctx.isGap(value)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    ctx.diagnostics.push(warning("spec.managedLoginBranding", "not-imported", `${ctx.where}: settings is not JSON text (write it with jsonencode(...)); it was not imported`));
    return undefined;
  }
}

const compact = (value: Json): Json => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

/** An `aws_cognito_managed_login_branding` body (evaluated, without user_pool_id and client_id) → a document style. */
export function managedLoginBrandingFromBody(body: Json, clientName: unknown, ctx: BrandingImportContext): Json {
  const { use_cognito_provided_values, settings, asset, ...other } = body;
  warnOthers(other, "spec.managedLoginBranding", ctx);
  const assets = Array.isArray(asset)
    ? asset.map((a: unknown) => {
        if (!isJson(a)) return a;
        const { category, color_mode, extension, bytes, resource_id, ...rest } = a;
        warnOthers(rest, "spec.managedLoginBranding", ctx);
        return compact({ category, colorMode: color_mode, extension, bytes, resourceId: resource_id });
      })
    : asset;
  return compact({ clientName, useCognitoProvidedValues: use_cognito_provided_values, settings: settingsFromText(settings, ctx), assets });
}

/** An `aws_cognito_user_pool_ui_customization` body (evaluated, without user_pool_id and client_id) → a document customization. */
export function uiCustomizationFromBody(body: Json, clientName: unknown, ctx: BrandingImportContext): Json {
  const { css, image_file, ...other } = body;
  warnOthers(other, "spec.uiCustomizations", ctx);
  return compact({ clientName: clientName ?? ALL_CLIENTS, css, imageFile: image_file });
}
