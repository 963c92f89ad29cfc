/** Pure helpers of the plan view: labels, tones, grouping and value formatting (no React). */
import type { BadgeTone } from "@/components/ui";
import type { ImpactLevel, Plan, PlanAction, ResourceChange, ResourceType } from "@/lib/cognito/plan";
import { groupDigits } from "@/lib/cognito/spec/group-digits";

export const ACTION_LABEL: Record<PlanAction, string> = {
  create: "create",
  update: "update in place",
  replace: "replace",
  delete: "delete",
  noop: "unchanged",
};

export const ACTION_TONE: Record<PlanAction, BadgeTone> = {
  create: "good",
  update: "info",
  replace: "bad",
  delete: "bad",
  noop: "neutral",
};

/** Groups in the plan's own order (pool, MFA configuration, resource servers, sign-in providers, clients, groups, domain). */
export const RESOURCE_GROUPS: { type: ResourceType; title: string }[] = [
  { type: "userPool", title: "User pool" },
  { type: "mfaConfig", title: "MFA configuration" },
  { type: "resourceServer", title: "Resource servers" },
  { type: "identityProvider", title: "Sign-in providers" },
  { type: "appClient", title: "App clients" },
  { type: "group", title: "Groups" },
  { type: "terms", title: "Terms documents" },
  { type: "domain", title: "Domain" },
  { type: "riskConfiguration", title: "Threat protection" },
  { type: "logDelivery", title: "Log streaming" },
  { type: "managedLoginBranding", title: "Managed login styles" },
  { type: "uiCustomization", title: "Hosted UI (classic) customizations" },
];

export const RESOURCE_NOUN: Record<ResourceType, string> = {
  userPool: "User pool",
  mfaConfig: "MFA configuration",
  resourceServer: "Resource server",
  appClient: "App client",
  identityProvider: "Sign-in provider",
  group: "Group",
  domain: "Domain",
  riskConfiguration: "Threat protection settings",
  logDelivery: "Log streaming",
  terms: "Terms document",
  managedLoginBranding: "Managed login style",
  uiCustomization: "Hosted UI (classic) customization",
};

/** How loud the worst-impact banner is. */
export const IMPACT_TONE: Record<ImpactLevel, "danger" | "warning" | "info" | "none"> = {
  none: "none",
  "in-place": "info",
  "recreates-resources": "warning",
  "destroys-resources": "danger",
  "deletes-users": "danger",
};

export interface EntryGroup {
  type: ResourceType;
  title: string;
  changed: ResourceChange[];
  unchanged: ResourceChange[];
}

/** The plan's entries by resource type, changed ones apart from unchanged ones; empty groups are left out. */
export function groupEntries(plan: Plan): EntryGroup[] {
  return RESOURCE_GROUPS.map(({ type, title }) => {
    const entries = plan.entries.filter((e) => e.type === type);
    return { type, title, changed: entries.filter((e) => e.action !== "noop"), unchanged: entries.filter((e) => e.action === "noop") };
  }).filter((g) => g.changed.length > 0 || g.unchanged.length > 0);
}

/** A value for people: `undefined` → null (shown as "not set"), strings bare, other scalars as JSON, objects pretty JSON. */
export function formatValue(value: unknown): { text: string; multiline: boolean } | null {
  if (value === undefined) return null;
  if (typeof value === "string") return { text: value, multiline: false };
  if (value === null || typeof value !== "object") return { text: String(value), multiline: false };
  try {
    const compact = JSON.stringify(value);
    if (compact.length <= 60) return { text: compact, multiline: false };
    return { text: JSON.stringify(value, null, 2), multiline: true };
  } catch {
    return { text: String(value), multiline: false };
  }
}

function isScalarList(value: unknown): value is (string | number | boolean)[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number" || typeof v === "boolean");
}

/**
 * For two lists of scalars (callback URLs, scopes, auth flows; the plan treats them as sets): which items are
 * only before (removed), only after (added), or on both sides. Undefined when either side is not such a list.
 */
export function listDelta(before: unknown, after: unknown): { removed: string[]; added: string[]; kept: string[] } | undefined {
  const b = before === undefined ? [] : before;
  const a = after === undefined ? [] : after;
  if (!isScalarList(b) || !isScalarList(a) || (before === undefined && after === undefined)) return undefined;
  const bs = b.map(String);
  const as = a.map(String);
  const afterSet = new Set(as);
  const beforeSet = new Set(bs);
  return { removed: bs.filter((v) => !afterSet.has(v)), added: as.filter((v) => !beforeSet.has(v)), kept: bs.filter((v) => afterSet.has(v)) };
}

/** "12,345", the same on the server and in the browser (the core's messages write counts the same way). */
export function formatCount(n: number): string {
  return groupDigits(n);
}
