/**
 * OpenMCF `AwsCognitoUserPool` manifest → native {@link PoolDocument}.
 *
 * Three layers, each with diagnostics whose paths point into the OpenMCF manifest:
 * 1. the manifest's shape (schema.ts: strict, so an unknown field is an error naming it);
 * 2. OpenMCF's own CEL rules (rules.ts);
 * 3. the native validator on the mapped document, its paths translated back (paths.ts).
 * The mapping keeps every field OpenMCF has (its `AwsCognitoUserPoolSpec`, github.com/plantonhq/planton, apis/dev/planton/provider/aws/awscognitouserpool/v1/);
 * what the native model cannot hold is a warning naming it. Never throws.
 */
import { type Diagnostic, error, hasErrors, joinPath, warning } from "../../spec/diagnostics";
import { parseDocumentTextFast } from "../fast-yaml";
import { POOL_API_VERSION, POOL_KIND } from "../../spec/document-schema";
import { validatePoolDocument } from "../../spec/validate";
import { diagnosticsFromZodIssues } from "../../spec/zod-issues";
import type { ImportResult } from "../types";
import { METADATA_LABEL_FIELDS, METADATA_LABEL_PREFIX, splitPath, toOpenMcfPath } from "./paths";
import { placeholderArn, type ReferencedArn, settingOfReference } from "./references";
import { checkOpenMcfRules } from "./rules";
import {
  OPENMCF_API_VERSION,
  OPENMCF_KIND,
  OPENMCF_LAMBDA_TRIGGERS,
  type OpenMcfClient,
  type OpenMcfManifest,
  type OpenMcfSchemaAttribute,
  PLANTON_API_VERSION,
  type StringValueOrRef,
  openMcfManifestSchema,
} from "./schema";

type Obj = Record<string, unknown>;

/** Drops keys whose value is undefined, so mapped objects deep-equal parsed ones. */
function compact<T extends Obj>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

/** Proto3 strings have no presence: "" is the same as unset. */
function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

/** protojson reads `null` as "field unset"; YAML writes an empty value (`field:`) as null. */
function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value as Obj)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, dropNulls(v)]),
    );
  return value;
}

export interface MappedOpenMcf {
  /** The native document (not yet validated). */
  document: Obj;
  /** Warnings naming what the native model cannot hold; paths point into the OpenMCF manifest. */
  diagnostics: Diagnostic[];
}

/**
 * Maps a shape-valid OpenMCF manifest to a native document, field by field, without validating the result.
 * Used by {@link parseOpenMcf} and by the renderer's round-trip check.
 */
export function mapOpenMcfToNative(manifest: OpenMcfManifest): MappedOpenMcf {
  const diagnostics: Diagnostic[] = [];
  const region = manifest.spec.region ?? "us-east-1";
  /** A literal, or a reference's per-environment placeholder (references.ts). */
  const literal = (ref: StringValueOrRef | undefined, path: string, kind: ReferencedArn, trigger?: string): string | undefined => {
    if (ref === undefined) return undefined;
    if (typeof ref === "string") return ref;
    if ("value" in ref) return ref.value;
    const r = ref.valueFrom;
    const placeholder = placeholderArn(kind, r.name, region);
    diagnostics.push(
      warning(
        joinPath(path, "valueFrom"),
        "openmcf-reference-per-environment",
        `a reference to ${r.kind ?? "another resource"} ${JSON.stringify(r.name)}${r.fieldPath ? ` (${r.fieldPath})` : ""} differs per environment: the design holds the placeholder ${placeholder}, named after it; give each target its own value on the target's page ("${settingOfReference(kind, trigger)}" under Per-environment settings) or with --values`,
      ),
    );
    return placeholder;
  };

  const m = manifest.metadata;
  const labels: Record<string, string> = { ...m.labels };
  for (const field of METADATA_LABEL_FIELDS) {
    const value = nonEmpty(m[field]);
    if (value !== undefined) labels[`${METADATA_LABEL_PREFIX}${field}`] = value;
  }
  for (const field of ["annotations", "tags", "relationships"] as const) {
    const value = m[field];
    if (value !== undefined && Object.keys(value).length > 0)
      diagnostics.push(
        warning(joinPath("metadata", field), "openmcf-field-not-held", `metadata.${field} is OpenMCF bookkeeping the native document has no place for; it is not imported`),
      );
  }
  if (manifest.status !== undefined)
    diagnostics.push(warning("status", "openmcf-field-not-held", "status holds the outputs of a past deployment, not configuration; it is not imported"));

  const s = manifest.spec;
  const email = s.emailConfiguration;
  const triggers = s.lambdaConfig;
  const spec = compact({
    region: s.region,
    usernameAttributes: s.usernameAttributes,
    aliasAttributes: s.aliasAttributes,
    // OpenMCF spec.proto, field 4 (username_case_sensitive): the IaC modules always send
    // `username_configuration { case_sensitive = <value> }`, so an unset value deploys a case-insensitive pool.
    usernameConfiguration: { caseSensitive: s.usernameCaseSensitive ?? false },
    autoVerifiedAttributes: s.autoVerifiedAttributes,
    passwordPolicy: s.passwordPolicy && compact({ ...s.passwordPolicy }),
    mfaConfiguration: nonEmpty(s.mfaConfiguration),
    softwareTokenMfaConfiguration: s.softwareTokenMfaEnabled === undefined ? undefined : { enabled: s.softwareTokenMfaEnabled },
    emailConfiguration:
      email &&
      compact({
        emailSendingAccount: nonEmpty(email.emailSendingAccount),
        sourceArn: nonEmpty(literal(email.sourceArn, "spec.emailConfiguration.sourceArn", "sesIdentity")),
        from: nonEmpty(email.fromEmailAddress),
        replyToEmailAddress: nonEmpty(email.replyToEmailAddress),
        configurationSet: nonEmpty(email.configurationSet),
      }),
    adminCreateUserConfig: s.allowAdminCreateUserOnly === undefined ? undefined : { allowAdminCreateUserOnly: s.allowAdminCreateUserOnly },
    // An empty list is the proto's "unset"; the native setting needs 1–2 mechanisms.
    accountRecoverySetting: s.accountRecoveryMechanisms?.length
      ? { recoveryMechanisms: s.accountRecoveryMechanisms.map((r) => ({ name: r.name, priority: r.priority })) }
      : undefined,
    lambdaConfig:
      triggers &&
      compact(Object.fromEntries(OPENMCF_LAMBDA_TRIGGERS.map((t) => [t, nonEmpty(literal(triggers[t], joinPath("spec.lambdaConfig", t), "lambda", t))]))),
    schemaAttributes: s.customAttributes?.map((a, i) => mapAttribute(a, joinPath("spec.customAttributes", i), diagnostics)),
    deletionProtection: s.deletionProtection === undefined ? undefined : s.deletionProtection ? "ACTIVE" : "INACTIVE",
    // `clients` is required by the schema; the renderer's round-trip check maps manifests without it too.
    clients: s.clients?.map(mapClient),
    domain: s.domain && compact({ domain: s.domain.domain, certificateArn: nonEmpty(literal(s.domain.certificateArn, "spec.domain.certificateArn", "acmCertificate")) }),
  });

  const metadata = compact({ name: m.name, labels: Object.keys(labels).length > 0 ? labels : undefined });
  return { document: { apiVersion: POOL_API_VERSION, kind: POOL_KIND, metadata, spec }, diagnostics };
}

/**
 * `customAttributes[]` → `schemaAttributes[]`. A name like `email` configures the standard attribute in both
 * (Cognito adds `custom:` only to names that are not standard). The modules emit string constraints only for
 * String attributes and number constraints only for Number ones (the component's IaC modules, schema attribute).
 */
function mapAttribute(a: OpenMcfSchemaAttribute, path: string, diagnostics: Diagnostic[]): Obj {
  const bounds = (type: string, min: string | undefined, max: string | undefined, minKey: string, maxKey: string, minName: string, maxName: string) => {
    const lo = nonEmpty(min);
    const hi = nonEmpty(max);
    if (lo === undefined && hi === undefined) return undefined;
    if (a.attributeDataType !== type) {
      for (const [name, v] of [[minName, lo], [maxName, hi]] as const)
        if (v !== undefined)
          diagnostics.push(
            warning(joinPath(path, name), "openmcf-field-ignored", `${name} applies only to ${type} attributes; OpenMCF ignores it on a ${a.attributeDataType} attribute, so it is not imported`),
          );
      return undefined;
    }
    return compact({ [minKey]: lo, [maxKey]: hi });
  };
  return compact({
    name: a.name,
    attributeDataType: a.attributeDataType,
    mutable: a.mutable,
    required: a.required,
    stringAttributeConstraints: bounds("String", a.stringMinLength, a.stringMaxLength, "minLength", "maxLength", "stringMinLength", "stringMaxLength"),
    numberAttributeConstraints: bounds("Number", a.numberMinValue, a.numberMaxValue, "minValue", "maxValue", "numberMinValue", "numberMaxValue"),
  });
}

/**
 * `clients[]`. Token validities are in minutes (access, ID) and days (refresh); 0 means unset. When any is set the
 * modules send all three units (the component's IaC modules, app client).
 */
function mapClient(c: OpenMcfClient): Obj {
  const positive = (v: number | undefined) => (v !== undefined && v > 0 ? v : undefined);
  const access = positive(c.accessTokenValidityMinutes);
  const id = positive(c.idTokenValidityMinutes);
  const refresh = positive(c.refreshTokenValidityDays);
  const anyValidity = access !== undefined || id !== undefined || refresh !== undefined;
  return compact({
    name: c.name,
    generateSecret: c.generateSecret,
    allowedOAuthFlowsUserPoolClient: c.allowedOauthFlowsUserPoolClient,
    allowedOAuthFlows: c.allowedOauthFlows,
    allowedOAuthScopes: c.allowedOauthScopes,
    callbackUrls: c.callbackUrls,
    logoutUrls: c.logoutUrls,
    defaultRedirectUri: nonEmpty(c.defaultRedirectUri),
    supportedIdentityProviders: c.supportedIdentityProviders,
    explicitAuthFlows: c.explicitAuthFlows,
    accessTokenValidity: access,
    idTokenValidity: id,
    refreshTokenValidity: refresh,
    tokenValidityUnits: anyValidity ? { accessToken: "minutes", idToken: "minutes", refreshToken: "days" } : undefined,
    enableTokenRevocation: c.enableTokenRevocation,
    preventUserExistenceErrors: nonEmpty(c.preventUserExistenceErrors),
  });
}

function valueAtPath(root: unknown, path: string): unknown {
  let current = root;
  for (const key of splitPath(path)) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** Preset manifests hold `${name}` and `<aws-region>` until OpenMCF fills them in. */
const PLACEHOLDER = /\$\{[^}]*\}|<[a-z][\w-]*>/u;

function under(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`);
}

/** Reads an OpenMCF manifest (an object, or YAML/JSON text) into a native pool document. Never throws. */
export function parseOpenMcf(input: unknown, fileName?: string): ImportResult {
  try {
    let value = input;
    if (typeof input === "string") {
      const parsed = parseDocumentTextFast(input, fileName);
      if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics, sourceKind: "openmcf" };
      value = parsed.value;
    }
    return { ...parseOpenMcfValue(dropNulls(value)), sourceKind: "openmcf" };
  } catch (cause) {
    return {
      diagnostics: [error("", "internal-error", `the OpenMCF importer failed unexpectedly (${cause instanceof Error ? cause.message : String(cause)}); please report this`)],
      sourceKind: "openmcf",
    };
  }
}

function parseOpenMcfValue(value: unknown): ImportResult {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return { diagnostics: [error("", "not-a-document", `an OpenMCF manifest must be an object with apiVersion "${OPENMCF_API_VERSION}" (or "${PLANTON_API_VERSION}"), kind "${OPENMCF_KIND}", metadata and spec`)] };

  const shape = openMcfManifestSchema.safeParse(value);
  if (!shape.success) return { diagnostics: diagnosticsFromZodIssues(shape.error.issues, openMcfManifestSchema, value, "") };
  const manifest = shape.data;

  const ruleErrors = checkOpenMcfRules(manifest.spec);
  const mapped = mapOpenMcfToNative(manifest);
  const validation = validatePoolDocument(mapped.document);
  const native = validation.diagnostics
    .map((d) => {
      const path = toOpenMcfPath(d.path);
      const found = valueAtPath(manifest, path);
      const hint = typeof found === "string" && PLACEHOLDER.test(found) ? ` (${JSON.stringify(found)} looks like a preset placeholder that was not filled in)` : "";
      return { ...d, path, message: `${d.message}${hint}` };
    })
    // OpenMCF's own rule already reported this field; the native one would say the same again.
    .filter((d) => !ruleErrors.some((r) => under(d.path, r.path)));

  const diagnostics = [...ruleErrors, ...mapped.diagnostics, ...native];
  return validation.document && !hasErrors(ruleErrors) ? { document: validation.document, diagnostics } : { diagnostics };
}
