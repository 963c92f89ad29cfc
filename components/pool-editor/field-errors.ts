/**
 * Where diagnostics go in the editor: a diagnostic's document path (`spec.clients[0].callbackUrls[1]`) becomes
 * a react-hook-form field name (`spec.clients.0.callbackUrls.1`) with the spec's `toFieldName`; a field shows
 * its own messages and those of its items. Tags and labels are rows in the form, so their keys are mapped to
 * row indexes. Each field name belongs to one editor section, for the per-section counts.
 */
import type { FieldError, FieldErrors } from "react-hook-form";
import { type Diagnostic, toFieldName } from "@/lib/cognito/spec/diagnostics";
import type { PoolFormValues, RecordRow } from "./form-values";

/** Fields that are records in the document and rows (`[{ key, value }]`) in the form. */
export const RECORD_FIELDS = ["metadata.labels", "spec.userPoolTags"] as const;

function getAt(value: unknown, name: string): unknown {
  let current = value;
  for (const part of name.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function rowsAt(values: PoolFormValues | undefined, field: string): RecordRow[] {
  const rows = getAt(values, field);
  return Array.isArray(rows) ? (rows as RecordRow[]) : [];
}

/** The form field name of a document path; record keys become `<row>.value`. */
export function fieldNameForPath(path: string, values?: PoolFormValues): string {
  const name = toFieldName(path);
  for (const field of RECORD_FIELDS) {
    if (!name.startsWith(`${field}.`)) continue;
    const key = name.slice(field.length + 1);
    const row = rowsAt(values, field).findIndex((r) => r.key === key);
    return row >= 0 ? `${field}.${row}.value` : field;
  }
  return name;
}

export interface FieldMessages {
  errors: string[];
  warnings: string[];
}

/** Diagnostics by field name, for quick lookup by the fields on screen. */
export type DiagnosticIndex = ReadonlyMap<string, readonly Diagnostic[]>;

export function indexDiagnostics(diagnostics: readonly Diagnostic[], values?: PoolFormValues): DiagnosticIndex {
  const index = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const name = fieldNameForPath(d.path, values);
    index.set(name, [...(index.get(name) ?? []), d]);
  }
  return index;
}

/** Messages of a field and of everything below it (a list field shows its items' messages). */
export function messagesFor(index: DiagnosticIndex, name: string): FieldMessages {
  const out: FieldMessages = { errors: [], warnings: [] };
  for (const [field, diagnostics] of index) {
    if (field !== name && !field.startsWith(`${name}.`)) continue;
    for (const d of diagnostics) (d.severity === "error" ? out.errors : out.warnings).push(d.message);
  }
  return out;
}

/** Moves zod errors keyed by record key (`spec.userPoolTags.env`) onto the form's rows (`spec.userPoolTags.0.value`). */
export function remapRecordErrors(errors: FieldErrors, values: PoolFormValues): FieldErrors {
  let out = errors;
  for (const field of RECORD_FIELDS) {
    const [head, tail] = field.split(".") as [string, string];
    const parent = (out as Record<string, Record<string, unknown> | undefined>)[head];
    const byKey = parent?.[tail] as Record<string, FieldError> | undefined;
    if (!byKey || typeof byKey !== "object" || "message" in byKey) continue;
    const rows = rowsAt(values, field);
    const remapped: ({ key?: FieldError; value?: FieldError } | undefined)[] = rows.map((row) => {
      const e = byKey[row.key];
      if (!e) return undefined;
      return row.key === "" || !/\S/u.test(row.key) ? { key: e } : { value: e };
    });
    out = { ...out, [head]: { ...parent, [tail]: remapped } } as FieldErrors;
  }
  return out;
}

/** Server field errors (keyed by document path or field name) as `[fieldName, message]` pairs for `setError`. */
export function serverErrorEntries(serverErrors: Readonly<Record<string, readonly string[]>> | undefined, values?: PoolFormValues): [string, string][] {
  if (!serverErrors) return [];
  return Object.entries(serverErrors)
    .filter(([, messages]) => messages.length > 0)
    .map(([path, messages]) => [fieldNameForPath(path, values) || "root", messages.join(" ")]);
}

export interface EditorSection {
  id: string;
  title: string;
  /** Field-name prefixes of the section; the longest matching prefix wins. */
  prefixes: readonly string[];
}

export const EDITOR_SECTIONS: readonly EditorSection[] = [
  { id: "general", title: "Pool", prefixes: ["metadata", "spec.region"] },
  { id: "sign-in", title: "Sign-in", prefixes: ["spec.usernameAttributes", "spec.aliasAttributes", "spec.usernameConfiguration", "spec.signInPolicy", "spec.webAuthnConfiguration"] },
  { id: "password-policy", title: "Password policy", prefixes: ["spec.passwordPolicy"] },
  { id: "mfa", title: "MFA", prefixes: ["spec.mfaConfiguration", "spec.softwareTokenMfaConfiguration", "spec.smsMfaConfiguration", "spec.emailMfaConfiguration", "spec.smsAuthenticationMessage", "spec.webAuthnConfiguration.factorConfiguration"] },
  { id: "sign-up", title: "Sign-up and verification", prefixes: ["spec.autoVerifiedAttributes", "spec.userAttributeUpdateSettings", "spec.adminCreateUserConfig"] },
  { id: "account-recovery", title: "Account recovery", prefixes: ["spec.accountRecoverySetting"] },
  { id: "messages", title: "Messages", prefixes: ["spec.emailConfiguration", "spec.smsConfiguration", "spec.verificationMessageTemplate", "spec.adminCreateUserConfig.inviteMessageTemplate"] },
  { id: "attributes", title: "Attributes", prefixes: ["spec.schemaAttributes"] },
  { id: "triggers", title: "Triggers", prefixes: ["spec.lambdaConfig"] },
  { id: "advanced", title: "Advanced", prefixes: ["spec.deletionProtection", "spec.userPoolAddOns", "spec.deviceConfiguration", "spec.userPoolTags", "spec.userPoolTier"] },
  { id: "identity-providers", title: "Sign-in providers", prefixes: ["spec.identityProviders"] },
  { id: "app-clients", title: "App clients", prefixes: ["spec.clients", "spec.clientDefaults"] },
  { id: "terms", title: "Terms documents", prefixes: ["spec.terms"] },
  { id: "resource-servers", title: "Resource servers", prefixes: ["spec.resourceServers"] },
  { id: "groups", title: "Groups", prefixes: ["spec.groups"] },
  { id: "domain", title: "Domain", prefixes: ["spec.domain", "spec.customDomain"] },
  { id: "threat-protection", title: "Threat protection", prefixes: ["spec.riskConfiguration"] },
  { id: "log-streaming", title: "Log streaming", prefixes: ["spec.logDeliveryConfiguration"] },
  { id: "branding", title: "Branding", prefixes: ["spec.managedLoginBranding", "spec.uiCustomizations"] },
];

/** The section a field belongs to ("general" for document-level paths). */
export function sectionOf(fieldName: string): string {
  let best = { id: "general", length: -1 };
  for (const section of EDITOR_SECTIONS)
    for (const prefix of section.prefixes)
      if ((fieldName === prefix || fieldName.startsWith(`${prefix}.`)) && prefix.length > best.length) best = { id: section.id, length: prefix.length };
  return best.id;
}

/** Error and warning counts per section. */
export function countBySection(index: DiagnosticIndex): Record<string, { errors: number; warnings: number }> {
  const out: Record<string, { errors: number; warnings: number }> = {};
  for (const [name, diagnostics] of index) {
    const counts = (out[sectionOf(name)] ??= { errors: 0, warnings: 0 });
    for (const d of diagnostics) {
      if (d.severity === "error") counts.errors++;
      else counts.warnings++;
    }
  }
  return out;
}

/** `spec.clients.12.callbackUrls.0` → 12. */
export function clientIndexOf(fieldName: string): number | undefined {
  const match = /^spec\.clients\.(\d+)(\.|$)/u.exec(fieldName);
  return match ? Number(match[1]) : undefined;
}
