/**
 * Branding of the sign-in pages (branding-schema.ts):
 * - a style or customization names a client of the document (or ALL, for a classic customization), once;
 * - Cognito's default style comes without settings and assets
 *   (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateManagedLoginBranding.html);
 * - one image per asset category and colour mode, of a file type the category takes;
 * - classic CSS uses only the classes AWS allows (classic-css.ts);
 * - each form shows only on domains of its version: managed login styles on version 2, classic
 *   customizations on version 1 (https://docs.aws.amazon.com/cognito/latest/developerguide/managed-login-branding.html).
 */
import { ALL_CLIENTS, ASSET_EXTENSIONS_BY_CATEGORY } from "../branding-schema";
import { checkClassicCss } from "../classic-css";
import { type Diagnostic, error, warning } from "../diagnostics";
import { type Rule, at, duplicateIndexes } from "./rule";

const SEE_CLIENTS = "name one of this pool's app clients";

export const brandingRule: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const styles = ctx.spec.managedLoginBranding ?? [];
  const classic = ctx.spec.uiCustomizations ?? [];
  const clients = ctx.spec.clients === undefined ? undefined : new Set(ctx.spec.clients.map((c) => c.name));
  const version = ctx.spec.domain?.managedLoginVersion;

  for (const i of duplicateIndexes(styles, (s) => s.clientName))
    out.push(error(at(ctx, "managedLoginBranding", i, "clientName"), "duplicate-branding-client", `app client "${styles[i]!.clientName}" already has a style above; a client has one style`));
  for (const i of duplicateIndexes(classic, (c) => c.clientName))
    out.push(error(at(ctx, "uiCustomizations", i, "clientName"), "duplicate-ui-customization-client", `"${classic[i]!.clientName}" already has a customization above; give each client one`));

  styles.forEach((style, i) => {
    if (clients && !clients.has(style.clientName))
      out.push(error(at(ctx, "managedLoginBranding", i, "clientName"), "branding-unknown-client", `there is no app client "${style.clientName}"; ${SEE_CLIENTS}`));
    if (style.useCognitoProvidedValues && (style.settings !== undefined || style.assets !== undefined))
      out.push(error(at(ctx, "managedLoginBranding", i, "useCognitoProvidedValues"), "branding-defaults-with-values", "Cognito's default style cannot be combined with your own settings or images; turn it off or remove them"));
    const assets = style.assets ?? [];
    for (const j of duplicateIndexes(assets, (a) => `${a.category}/${a.colorMode}`))
      out.push(error(at(ctx, "managedLoginBranding", i, "assets", j, "colorMode"), "branding-duplicate-asset", `there is already a ${assets[j]!.category} image for ${assets[j]!.colorMode} mode; keep one`));
    assets.forEach((asset, j) => {
      const allowed = ASSET_EXTENSIONS_BY_CATEGORY[asset.category];
      if (!allowed.includes(asset.extension))
        out.push(error(at(ctx, "managedLoginBranding", i, "assets", j, "extension"), "branding-asset-type", `a ${asset.category} image must be ${allowed.join(" or ")}, not ${asset.extension}`));
    });
    if (version === 1)
      out.push(warning(at(ctx, "managedLoginBranding", i), "branding-needs-managed-login", "the domain uses the hosted UI (classic): managed login styles show only when the domain's branding version is managed login"));
  });

  classic.forEach((customization, i) => {
    if (customization.clientName !== ALL_CLIENTS && clients && !clients.has(customization.clientName))
      out.push(error(at(ctx, "uiCustomizations", i, "clientName"), "ui-customization-unknown-client", `there is no app client "${customization.clientName}"; ${SEE_CLIENTS}, or ALL for every client`));
    for (const problem of checkClassicCss(customization.css ?? ""))
      out.push(error(at(ctx, "uiCustomizations", i, "css"), "ui-customization-css", `line ${problem.line}: ${problem.message}`));
    if (version === 2)
      out.push(warning(at(ctx, "uiCustomizations", i), "ui-customization-needs-classic", "the domain uses managed login: the hosted UI (classic) customization shows only when the domain's branding version is the hosted UI (classic)"));
  });
  if (classic.length > 0 && ctx.spec.domain === undefined)
    out.push(warning(at(ctx, "uiCustomizations"), "ui-customization-needs-domain", "the hosted UI (classic) customization needs a domain; add one (AWS refuses it without)"));
  return out;
};
