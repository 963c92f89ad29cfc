/**
 * Reading a pool's branding: each app client's managed login style (`DescribeManagedLoginBrandingByClient`)
 * and the classic hosted UI customizations (`GetUICustomization` for ALL and for each client). A client whose
 * Get answers the ALL customization has none of its own
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUICustomization.html).
 *
 * Read only when asked (`readLivePool`'s `branding`, or a desired document that manages it): it costs one or
 * two calls per client.
 */
import type { CognitoPort } from "./port";
import { ALL_CLIENTS, type ManagedLoginBrandingSpec, type UiCustomizationSpec } from "../spec/branding-schema";
import type { PoolDocument } from "../spec/document-schema";
import { brandingFromApi, uiCustomizationFromApi } from "./mapping-branding";

export interface LiveBranding {
  managedLoginBranding: ManagedLoginBrandingSpec[];
  uiCustomizations: UiCustomizationSpec[];
  /** The style id of each client that has a style, by client name (Update and Delete name the style by id). */
  styleIds: Record<string, string>;
}

export interface BrandingReadScope {
  managedLogin: boolean;
  classic: boolean;
}

/** What to read: everything when asked, else what the desired document manages. */
export function brandingReadScope(desired: PoolDocument | undefined, all: boolean | undefined): BrandingReadScope {
  return {
    managedLogin: all === true || desired?.spec.managedLoginBranding !== undefined,
    classic: all === true || desired?.spec.uiCustomizations !== undefined,
  };
}

export async function readLiveBranding(
  port: CognitoPort,
  userPoolId: string,
  clients: readonly { ClientId?: string; ClientName?: string }[],
  scope: BrandingReadScope,
  desired: PoolDocument | undefined,
  map: <T, R>(items: readonly T[], fn: (item: T) => Promise<R>) => Promise<R[]>,
): Promise<LiveBranding> {
  const named = clients.filter((c): c is { ClientId: string; ClientName: string } => Boolean(c.ClientId && c.ClientName));
  const out: LiveBranding = { managedLoginBranding: [], uiCustomizations: [], styleIds: {} };
  if (scope.managedLogin) {
    const styles = await map(named, (c) => port.describeManagedLoginBrandingByClient(userPoolId, c.ClientId));
    styles.forEach((style, i) => {
      const client = named[i]!;
      if (!style) return;
      out.managedLoginBranding.push(brandingFromApi(client.ClientName, style));
      if (style.ManagedLoginBrandingId) out.styleIds[client.ClientName] = style.ManagedLoginBrandingId;
    });
  }
  if (scope.classic) {
    const wanted = new Map((desired?.spec.uiCustomizations ?? []).map((c) => [c.clientName, c]));
    const all = await port.getUICustomization(userPoolId, ALL_CLIENTS);
    const pooled = uiCustomizationFromApi(ALL_CLIENTS, all, wanted.get(ALL_CLIENTS));
    if (pooled) out.uiCustomizations.push(pooled);
    const answers = await map(named, (c) => port.getUICustomization(userPoolId, c.ClientId));
    answers.forEach((answer, i) => {
      const client = named[i]!;
      // An answer for ALL (or for no client) is the pool's default, not the client's own.
      if (!answer.ClientId || answer.ClientId === ALL_CLIENTS) return;
      const own = uiCustomizationFromApi(client.ClientName, answer, wanted.get(client.ClientName));
      if (own) out.uiCustomizations.push(own);
    });
  }
  return out;
}
