/**
 * Document paths in the editor's words: `spec.passwordPolicy.minimumLength` → "Password policy > Minimum length".
 * Built from the editor's own section titles ({@link EDITOR_SECTIONS}) and field labels ({@link FIELD_HELP}), so
 * the plan, the Problems panel and review comments name a setting exactly as the editor shows it. The API path
 * stays available as secondary text (`apiPath`).
 */
import { RESOURCE_NOUN } from "@/components/plan-view/format";
import { CUSTOM_DOMAIN_ADDRESS, parseAddress } from "@/lib/cognito/plan/addresses";
import { type PathSegment as PlanSegment, parsePath } from "@/lib/cognito/plan/paths";
import type { ResourceType } from "@/lib/cognito/plan/types";
import { toFieldName } from "@/lib/cognito/spec/diagnostics";
import { describeEnumValue } from "./enum-labels";
import { EDITOR_SECTIONS, sectionOf } from "./field-errors";
import { FIELD_HELP } from "./field-help";

export interface FieldLabel {
  /** "Password policy > Minimum length". */
  label: string;
  /** The path as the API and the document write it. */
  apiPath: string;
}

/** Lists of the document whose items the editor shows under a name, and the noun of an unnamed item. */
const ITEM_NOUN: Readonly<Record<string, string>> = {
  "spec.clients": "Client",
  "spec.groups": "Group",
  "spec.terms": "Terms document",
  "spec.managedLoginBranding": "Style",
  "spec.uiCustomizations": "Customization",
  "spec.identityProviders": "Provider",
  "spec.resourceServers": "Resource server",
  "spec.schemaAttributes": "Attribute",
  "spec.resourceServers.*.scopes": "Scope",
  "spec.accountRecoverySetting.recoveryMechanisms": "Method",
};

/** Where a plan resource's attribute paths start in the document. */
const RESOURCE_PREFIX: Readonly<Record<ResourceType, string>> = {
  userPool: "spec",
  mfaConfig: "spec",
  appClient: "spec.clients.*",
  resourceServer: "spec.resourceServers.*",
  identityProvider: "spec.identityProviders.*",
  group: "spec.groups.*",
  domain: "spec.domain",
  riskConfiguration: "spec.riskConfiguration",
  logDelivery: "spec.logDeliveryConfiguration",
  terms: "spec.terms.*",
  managedLoginBranding: "spec.managedLoginBranding.*",
  uiCustomization: "spec.uiCustomizations.*",
};

/** `minimumLength` → "Minimum length": the fallback for a field the editor has no label for. */
export function humaniseKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/gu, "$1 $2")
    .replace(/[_-]+/gu, " ")
    .trim()
    .toLowerCase();
  return words === "" ? key : `${words[0].toUpperCase()}${words.slice(1)}`;
}

type Segment = string | { index: number } | { key: string };

/** Labels of a field name's parts, with list items named by their key or position. */
function labelParts(segments: readonly Segment[], itemNames?: (listPattern: string, index: number) => string | undefined): string[] {
  const parts: string[] = [];
  let pattern = "";
  for (const segment of segments) {
    if (typeof segment === "string") {
      pattern = pattern === "" ? segment : `${pattern}.${segment}`;
      const meta = FIELD_HELP[pattern];
      if (meta) parts.push(meta.label);
      else if (!["spec", "metadata"].includes(pattern) && !(pattern.includes(".") && isObjectPrefix(pattern))) parts.push(humaniseKey(segment));
      continue;
    }
    const noun = ITEM_NOUN[pattern];
    const name = "key" in segment ? segment.key : (itemNames?.(pattern, segment.index) ?? (noun ? `${noun} ${segment.index + 1}` : `item ${segment.index + 1}`));
    parts.push(name);
    pattern = `${pattern}.*`;
  }
  return parts;
}

/** True when some labelled field lies below this prefix: an intermediate object (`spec.passwordPolicy`), not a field. */
function isObjectPrefix(pattern: string): boolean {
  const prefix = `${pattern}.`;
  return Object.keys(FIELD_HELP).some((k) => k.startsWith(prefix));
}

function sectionTitle(fieldName: string): string {
  const id = sectionOf(fieldName);
  return EDITOR_SECTIONS.find((s) => s.id === id)?.title ?? "Pool";
}

function join(parts: readonly string[]): string {
  const out: string[] = [];
  for (const p of parts) if (out[out.length - 1] !== p) out.push(p);
  return out.join(" > ");
}

function fieldSegments(fieldName: string): Segment[] {
  return fieldName.split(".").map((s) => (/^\d+$/u.test(s) ? { index: Number(s) } : s));
}

/**
 * The editor's label of a document path (`spec.clients[0].callbackUrls[1]`), led by its section:
 * "App clients > web > Callback URLs > item 2". `names` gives list items their names (a client's name).
 */
export function labelForPath(path: string, names?: (listPattern: string, index: number) => string | undefined): FieldLabel {
  if (path === "") return { label: "The whole pool", apiPath: path };
  const fieldName = toFieldName(path);
  const parts = labelParts(fieldSegments(fieldName), names);
  return { label: join([sectionTitle(fieldName), ...parts]), apiPath: path };
}

/** Item names read from a document, for {@link labelForPath}. */
export function namesFromDocument(doc: unknown): (listPattern: string, index: number) => string | undefined {
  return (listPattern, index) => {
    const list = valueAt(doc, listPattern.replace(/\.\*$/u, ""));
    if (!Array.isArray(list)) return undefined;
    const item: unknown = list[index];
    if (!item || typeof item !== "object") return undefined;
    const record = item as Record<string, unknown>;
    const name = record.name ?? record.providerName ?? record.identifier;
    return typeof name === "string" && name !== "" ? name : undefined;
  };
}

function valueAt(doc: unknown, pattern: string): unknown {
  let current = doc;
  for (const part of pattern.split(".")) {
    if (part === "*" || current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function planSegments(path: string): Segment[] {
  const parsed: PlanSegment[] = parsePath(path) ?? path.split(".");
  return parsed.map((s) => (typeof s === "string" ? s : { key: s.key }));
}

/**
 * The label of a plan attribute (a path relative to its resource, `passwordPolicy.minimumLength`). For the
 * pool and its MFA configuration the section leads ("Password policy > Minimum length"); inside a client, a
 * group or a provider the card already names the resource, so the field's label is enough.
 */
export function labelForPlanPath(type: ResourceType, path: string): FieldLabel {
  if (path === "") return { label: "The whole resource", apiPath: path };
  if (type === "userPool" && path === "name") return { label: "Pool > Pool name", apiPath: path };
  const prefix = RESOURCE_PREFIX[type];
  const prefixSegments = fieldSegments(prefix.replace(/\*/gu, "0"));
  const segments = planSegments(path);
  const parts = labelParts([...prefixSegments, ...segments]).slice(labelParts(prefixSegments).length);
  const fieldName = `${prefix.replace(/\*/gu, "0")}.${segments.filter((s): s is string => typeof s === "string").join(".")}`;
  const label = type === "userPool" || type === "mfaConfig" ? join([sectionTitle(fieldName), ...parts]) : join(parts);
  return { label, apiPath: path };
}

/**
 * The console's words for a value of a plan attribute (`explicitAuthFlows`, `["ALLOW_USER_SRP_AUTH"]` on an app
 * client → "Sign in with secure remote password (SRP)"), from the editor's own table; undefined for values that
 * read the same, or free text.
 */
export function describePlanValue(type: ResourceType, path: string, value: unknown): string | undefined {
  if (value === undefined || path === "") return undefined;
  const segments = planSegments(path).map((s) => (typeof s === "string" ? s : "0"));
  return describeEnumValue(`${RESOURCE_PREFIX[type].replace(/\*/gu, "0")}.${segments.join(".")}`, value);
}

// The pool and its MFA configuration have no noun in an address label; the others are the plan's nouns.
// The pool's own threat protection settings (no key) read "Threat protection settings", a client's own name the client after it.
const ADDRESS_NOUN: Readonly<Record<ResourceType, string>> = { ...RESOURCE_NOUN, userPool: "", mfaConfig: "" };

/**
 * The label of a plan field as review comments name it (`app_client["web"] callbackUrls`):
 * "App client web > Callback URLs".
 */
export function labelForPlanField(field: string): FieldLabel {
  const space = field.indexOf(" ");
  const address = space < 0 ? field : field.slice(0, space);
  const path = space < 0 ? "" : field.slice(space + 1);
  const resourceOf = parseAddress(address);
  if (!resourceOf) return { label: field, apiPath: field };
  const { type, key } = resourceOf;
  const attribute = labelForPlanPath(type, path).label;
  if (address === CUSTOM_DOMAIN_ADDRESS) return { label: join(["Custom domain", labelForPlanPath(type, path).label].filter((p) => p !== "")), apiPath: field };
  const noun = ADDRESS_NOUN[type];
  const resource = noun === "" ? "" : `${noun}${key ? ` ${key}` : ""}`;
  return { label: join([resource, attribute].filter((p) => p !== "")), apiPath: field };
}

