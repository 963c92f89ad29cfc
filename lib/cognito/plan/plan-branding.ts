/**
 * Planning of the sign-in pages' branding: managed login styles (`managed_login_branding["web"]`, one per
 * app client) and classic hosted UI customizations (`ui_customization["ALL"]` or per client), matched by
 * the client's name.
 *
 * - Unset list = not managed; [] = remove them all (a style is deleted; a classic customization is set
 *   empty, since there is no delete call: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUICustomization.html).
 * - A style changes in place (`UpdateManagedLoginBranding`); a customization is replaced whole by every Set.
 * - A replaced pool takes both along; a replaced or renamed client takes its style along (the new client has
 *   none), so the desired style is created again.
 * - Asset bytes are compared by content and shown as their size and a short digest, never as base64.
 */
import { error, joinPath } from "../spec/diagnostics";
import type { BrandingAsset, ManagedLoginBrandingSpec, UiCustomizationSpec } from "../spec/branding-schema";
import type { PoolDocument } from "../spec/document-schema";
import { type Builder, CASCADE_REASON, entryBuilder, exactChanges, indexByKey, sortedKeys } from "./classify";
import type { Values } from "./resources";
import type { ResourceType } from "./types";
import { groupDigits } from "../spec/group-digits";

const quote = (key: string) => JSON.stringify(key);

/** FNV-1a over the text: a short, stable label for an image in a plan (not a security hash). */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** An image as a plan shows it: its size and digest. */
export function describeImage(base64: string): string {
  const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  const bytes = (base64.length / 4) * 3 - padding;
  return `${groupDigits(bytes)} bytes, #${digest(base64)}`;
}

function assetValues(asset: BrandingAsset): Values {
  const { bytes, ...rest } = asset;
  return { ...rest, image: describeImage(bytes) };
}

/** A style as the plan compares it (asset bytes as their description). */
export function brandingValues(style: ManagedLoginBrandingSpec): Values {
  const { clientName: _name, assets, ...rest } = style;
  return { ...rest, ...(assets ? { assets: assets.map(assetValues) } : {}) } as Values;
}

export function customizationValues(customization: UiCustomizationSpec): Values {
  const { clientName: _name, imageFile, ...rest } = customization;
  return { ...rest, ...(imageFile ? { imageFile: describeImage(imageFile) } : {}) } as Values;
}

interface Family<T extends { clientName: string }> {
  type: ResourceType;
  field: "managedLoginBranding" | "uiCustomizations";
  address: (key: string) => string;
  values: (item: T) => Values;
  noun: string;
}

const FAMILIES = {
  managedLoginBranding: {
    type: "managedLoginBranding",
    field: "managedLoginBranding",
    address: (key: string) => `managed_login_branding[${quote(key)}]`,
    values: brandingValues,
    noun: "managed login style",
  } satisfies Family<ManagedLoginBrandingSpec>,
  uiCustomizations: {
    type: "uiCustomization",
    field: "uiCustomizations",
    address: (key: string) => `ui_customization[${quote(key)}]`,
    values: customizationValues,
    noun: "hosted UI (classic) customization",
  } satisfies Family<UiCustomizationSpec>,
};

/** Clients that are new or recreated by this plan: their live styles go with the old client. */
function recreatedClients(b: Builder): Set<string> {
  return new Set(b.entries.filter((e) => e.type === "appClient" && (e.action === "replace" || e.action === "create")).map((e) => e.key));
}

function planFamily<T extends { clientName: string }>(b: Builder, family: Family<T>, current: PoolDocument | null, desired: PoolDocument, cascade: boolean): void {
  const desiredList = desired.spec[family.field] as T[] | undefined;
  if (desiredList === undefined && !cascade) return;
  const want = indexByKey(desiredList ?? [], (s) => s.clientName, (key, index) =>
    b.errors.push(error(joinPath("spec", family.field, index, "clientName"), `duplicate-${family.type}`, `client ${quote(key)} has more than one ${family.noun}; give each client one`)),
  );
  const have = indexByKey((current?.spec[family.field] as T[] | undefined) ?? [], (s) => s.clientName, () => undefined);
  const fresh = recreatedClients(b);
  const entry = entryBuilder(family.type, family.address);
  for (const key of sortedKeys(want, have)) {
    const w = want.get(key);
    const h = have.get(key);
    const path = joinPath("spec", family.field, (w ?? h)?.index ?? 0);
    if (w && h && !cascade && !fresh.has(key)) {
      const changes = exactChanges(family.type, family.values(h.item), family.values(w.item));
      b.entries.push(entry(key, changes.length > 0 ? "update" : "noop", changes, [], path));
    } else if (w) {
      b.entries.push(entry(key, "create", exactChanges(family.type, undefined, family.values(w.item)), cascade && h ? [CASCADE_REASON] : [], path));
    } else if (h && !cascade && !fresh.has(key)) {
      b.entries.push(entry(key, "delete", exactChanges(family.type, family.values(h.item), undefined), [], path));
    }
  }
}

export function planManagedLoginBranding(b: Builder, current: PoolDocument | null, desired: PoolDocument, cascade: boolean): void {
  planFamily(b, FAMILIES.managedLoginBranding, current, desired, cascade);
}

export function planUiCustomizations(b: Builder, current: PoolDocument | null, desired: PoolDocument, cascade: boolean): void {
  planFamily(b, FAMILIES.uiCustomizations, current, desired, cascade);
}
