/**
 * Builds one pool's draft from a template: the `AWS::Cognito::UserPool` and the clients, resource servers,
 * domain, groups and identity providers whose `UserPoolId` refers to it. Properties are evaluated first
 * (evaluate.ts); values the import cannot know travel as placeholders through the property conversion and
 * come out as the document fields they feed, each an error saying what to supply.
 */
import { appClientSchema } from "../../spec/client-schema";
import { type Diagnostic, error, warning } from "../../spec/diagnostics";
import { POOL_API_VERSION, POOL_KIND } from "../../spec/document-schema";
import { poolSpecSchema } from "../../spec/pool-schema";
import { resourceServerSchema } from "../../spec/resource-server-schema";
import { validatePoolDocument } from "../../spec/validate";
import { SECRET_DETAIL_KEYS } from "../../spec/identity-provider-schema";
import { STANDARD_ATTRIBUTES } from "../../spec/schema-attribute-schema";
import { compactOrUndefined } from "../common";
import { type ShapeNaming, fromTarget } from "../shape-walk";
import type { ImportedPool, UnresolvedInput } from "../types";
import type { Evaluator } from "./evaluate";
import { type Gap, describeRemedy, isUnresolved } from "./gaps";
import { CFN_LOG_DELIVERY, CFN_RISK_CONFIGURATION, attachmentTarget, logDeliveryFromProperties, riskSettingsFromProperties } from "./risk-logs";
import { CFN_MANAGED_LOGIN_BRANDING, CFN_UI_CUSTOMIZATION, brandingClientName, managedLoginBrandingFromProperties, uiCustomizationFromProperties } from "./branding";
import { CFN_GROUP, CFN_IDENTITY_PROVIDER, groupFromProperties, identityProviderFromProperties, takeProviderSecret } from "./groups-idps";
import { CFN_TERMS, termsFromProperties } from "./terms";
import { CFN_CLIENT_NAMING, CFN_POOL_NAMING, CFN_RESOURCE_SERVER_NAMING, CFN_TYPES } from "./naming";
import { type FoundGap, Placeholders } from "./placeholders";
import type { TemplateSource } from "./template-source";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** Resource attributes that say how CloudFormation manages a resource, not what it is. */
const RESOURCE_ATTRIBUTES = new Set(["Type", "Properties", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "Condition", "CreationPolicy", "UpdatePolicy"]);

/** The pool keys that are not CloudFormation properties but spec keys a hand-written template might carry. */
const SPEC_ONLY_KEYS = [
  "Region",
  "Clients",
  "ResourceServers",
  "Domain",
  "CustomDomain",
  "ClientDefaults",
  "Groups",
  "IdentityProviders",
  "Terms",
  "PasswordPolicy",
  "SignInPolicy",
  "SoftwareTokenMfaConfiguration",
  "SmsMfaConfiguration",
  "EmailMfaConfiguration",
  "WebAuthnConfiguration",
  "RiskConfiguration",
  "LogDeliveryConfiguration",
  "ManagedLoginBranding",
  "UiCustomizations",
];

export interface PoolInput {
  source: TemplateSource;
  evaluator: Evaluator;
  poolId: string;
  address: string;
  pool: Json;
  /** The pool's other resources; `attachedWithoutRef` when the template's only pool took one whose `UserPoolId` names no pool of the template. */
  children: { id: string; resource: Json; attachedWithoutRef: boolean }[];
  /** The template's parameters and their descriptions (a provider secret given by a parameter becomes a reference to it). */
  parameterDescriptions: ReadonlyMap<string, unknown>;
  /** From the studio's own Metadata, else the request. */
  region?: string;
  labels?: unknown;
  /** Gaps deciding a resource's Condition: the resource was imported as if the condition held. */
  conditionGaps: { id: string; gaps: readonly Gap[] }[];
  /** SAM functions whose Cognito event sets one of this pool's triggers. */
  samTriggers: { functionId: string; trigger: string; path: (string | number)[] }[];
}

class PoolImporter {
  readonly diagnostics: Diagnostic[] = [];
  readonly placeholders = new Placeholders();
  /** Gaps that feed no single field (a whole Properties block, a Condition), still listed as inputs to supply. */
  readonly unplacedGaps: { path: (string | number)[]; gaps: readonly Gap[] }[] = [];
  /** Fields the import already reported with an error of its own (the schema's generic finding there is left out). */
  readonly reportedFields: string[] = [];
  constructor(readonly input: PoolInput) {
    for (const { id, gaps } of input.conditionGaps) this.unplacedGaps.push({ path: ["Resources", id, "Condition"], gaps });
  }

  warn(code: string, message: string) {
    this.diagnostics.push(warning("", code, message));
  }

  /** Evaluated properties with each unknown value as a placeholder. */
  evaluate(value: unknown, path: (string | number)[]): Json {
    const evaluated = this.input.evaluator.value(value, path);
    if (isUnresolved(evaluated)) {
      this.unplacedGaps.push({ path, gaps: evaluated.gaps });
      this.warn("unresolved-properties", `${path.join(".")} as a whole depends on ${evaluated.gaps.map((g) => g.name).join(", ")}; none of it was imported (${describeRemedy(evaluated.gaps)})`);
    }
    const substituted = this.placeholders.substitute(evaluated);
    return isObject(substituted) ? substituted : {};
  }

  convert(schema: Parameters<typeof fromTarget>[0], value: Json, naming: ShapeNaming, where: string): Json {
    return fromTarget(schema, value, { naming, diagnostics: this.diagnostics, where }) as Json;
  }

  childProperties(id: string, resource: Json): Json {
    const { UserPoolId: _pool, ...rest } = isObject(resource.Properties) ? resource.Properties : {};
    return this.evaluate(rest, ["Resources", id, "Properties"]);
  }
}

function readPool(im: PoolImporter, raw: Json): { name: unknown; spec: Json } {
  const id = im.input.poolId;
  const where = `Resources.${id}.Properties`;
  const properties = im.evaluate(raw, ["Resources", id, "Properties"]);
  for (const { functionId, trigger, path } of im.input.samTriggers) {
    const lambdaConfig = isObject(properties.LambdaConfig) ? properties.LambdaConfig : {};
    // SAM sets the trigger to the function's ARN when it expands the template.
    const arn = im.input.evaluator.value({ "Fn::GetAtt": [functionId, "Arn"] }, path);
    properties.LambdaConfig = { ...lambdaConfig, [trigger]: im.placeholders.substitute(arn) };
  }
  const { UserPoolName, Policies, EnabledMfas, EmailAuthenticationMessage, EmailAuthenticationSubject, WebAuthnRelyingPartyID, WebAuthnUserVerification, WebAuthnFactorConfiguration, EmailVerificationMessage, EmailVerificationSubject, SmsVerificationMessage, ...rest } =
    properties;
  for (const key of SPEC_ONLY_KEYS) {
    if (key in rest) {
      im.warn("not-in-model", `${where}.${key} is not a property of ${CFN_TYPES.pool}; it was not imported`);
      delete rest[key];
    }
  }
  const spec = im.convert(poolSpecSchema, rest, CFN_POOL_NAMING, where);
  completeAttributeTypes(im, spec, where);
  if (im.placeholders.holds(Policies)) spec.passwordPolicy = Policies;
  if (isObject(Policies)) {
    const { PasswordPolicy, SignInPolicy, ...other } = Policies;
    for (const key of Object.keys(other)) im.warn("not-in-model", `${where}.Policies.${key} has no place in the pool model and was not imported`);
    if (PasswordPolicy !== undefined) spec.passwordPolicy = fromTarget(poolSpecSchema.shape.passwordPolicy, PasswordPolicy, { naming: CFN_POOL_NAMING, diagnostics: im.diagnostics, where: `${where}.Policies.PasswordPolicy` }, ["passwordPolicy"]);
    if (SignInPolicy !== undefined) spec.signInPolicy = fromTarget(poolSpecSchema.shape.signInPolicy, SignInPolicy, { naming: CFN_POOL_NAMING, diagnostics: im.diagnostics, where: `${where}.Policies.SignInPolicy` }, ["signInPolicy"]);
  }
  const mfaList = Array.isArray(EnabledMfas) ? EnabledMfas : EnabledMfas === undefined ? [] : [EnabledMfas];
  // An MFA factor the import cannot know: the TOTP switch is the field it may feed.
  const unknownFactor = mfaList.find((f) => im.placeholders.holds(f));
  if (unknownFactor !== undefined) spec.softwareTokenMfaConfiguration = { enabled: unknownFactor };
  const mfas = mfaList.filter((f) => !im.placeholders.holds(f)).map(String);
  for (const factor of mfas) {
    if (factor === "SMS_MFA") spec.smsMfaConfiguration = { enabled: true };
    else if (!["SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP"].includes(factor)) im.warn("not-in-model", `${where}.EnabledMfas lists ${factor}, which the pool model does not know`);
  }
  if (mfas.includes("SOFTWARE_TOKEN_MFA")) spec.softwareTokenMfaConfiguration = { enabled: true };
  if (mfas.includes("EMAIL_OTP") || EmailAuthenticationMessage !== undefined || EmailAuthenticationSubject !== undefined)
    spec.emailMfaConfiguration = compactOrUndefined({ message: EmailAuthenticationMessage, subject: EmailAuthenticationSubject }) ?? {};
  const webAuthn = compactOrUndefined({ relyingPartyId: WebAuthnRelyingPartyID, userVerification: WebAuthnUserVerification, factorConfiguration: WebAuthnFactorConfiguration });
  if (webAuthn) spec.webAuthnConfiguration = webAuthn;
  // The top-level verification messages are the same settings as VerificationMessageTemplate's.
  const legacy = { emailMessage: EmailVerificationMessage, emailSubject: EmailVerificationSubject, smsMessage: SmsVerificationMessage };
  if (Object.values(legacy).some((v) => v !== undefined)) {
    const template = { ...(isObject(spec.verificationMessageTemplate) ? spec.verificationMessageTemplate : {}) };
    for (const [key, value] of Object.entries(legacy)) if (value !== undefined && template[key] === undefined) template[key] = value;
    spec.verificationMessageTemplate = template;
  }
  return { name: UserPoolName, spec };
}

function readChildren(im: PoolImporter) {
  const termsResources: { id: string; resource: Json }[] = [];
  const out = {
    resourceServers: [] as Json[],
    clients: [] as Json[],
    domains: [] as Json[],
    groups: [] as Json[],
    identityProviders: [] as Json[],
    managedLoginBranding: [] as Json[],
    uiCustomizations: [] as Json[],
    terms: [] as Json[],
    riskConfiguration: undefined as Json | undefined,
    logDelivery: undefined as Json | undefined,
  };
  const clientNames = new Map<string, string>();
  const attachments: { id: string; resource: Json; where: string }[] = [];
  const branding: { id: string; resource: Json }[] = [];
  for (const { id, resource, attachedWithoutRef } of im.input.children) {
    for (const key of Object.keys(resource)) if (!RESOURCE_ATTRIBUTES.has(key)) im.warn("not-in-model", `Resources.${id}.${key} is not a resource attribute the importer knows; it was not imported`);
    const where = `Resources.${id}.Properties`;
    if (attachedWithoutRef) im.warn("other-pool", `${where}.UserPoolId does not refer to the template's user pool ${im.input.poolId}; imported as part of it anyway`);
    if (resource.Type === CFN_TYPES.resourceServer) out.resourceServers.push(im.convert(resourceServerSchema, im.childProperties(id, resource), CFN_RESOURCE_SERVER_NAMING, where));
    else if (resource.Type === CFN_TYPES.client) {
      const client = im.convert(appClientSchema, im.childProperties(id, resource), CFN_CLIENT_NAMING, where);
      // CDK leaves ClientName out unless asked; the model needs a name, and the logical id is the one the template gives.
      if (client.name === undefined) {
        im.warn("no-client-name", `${where}.ClientName is not set; the logical id ${id} is used as the client name`);
        client.name = id;
      }
      if (typeof client.name === "string") clientNames.set(id, client.name);
      out.clients.push(client);
    } else if (resource.Type === CFN_TERMS) termsResources.push({ id, resource });
    else if (resource.Type === CFN_MANAGED_LOGIN_BRANDING || resource.Type === CFN_UI_CUSTOMIZATION) branding.push({ id, resource });
    else if (resource.Type === CFN_RISK_CONFIGURATION) attachments.push({ id, resource, where });
    else if (resource.Type === CFN_LOG_DELIVERY) {
      if (out.logDelivery !== undefined) im.warn("repeated-block", `Resources.${id} is a second log delivery configuration of the pool; only the first was imported`);
      else out.logDelivery = logDeliveryFromProperties(im.childProperties(id, resource), where, im.diagnostics);
    }
    else if (resource.Type === CFN_GROUP) out.groups.push(groupFromProperties(im.childProperties(id, resource), where, im.diagnostics));
    else if (resource.Type === CFN_IDENTITY_PROVIDER) {
      // The secret comes out before intrinsics are evaluated: a parameter holding it is a reference, never a value.
      const raw = secretExpressionsEvaluated(im, id, isObject(resource.Properties) ? resource.Properties : {});
      const { properties, secretRef } = takeProviderSecret(raw, im.input.parameterDescriptions, where, im.diagnostics);
      out.identityProviders.push(identityProviderFromProperties(im.childProperties(id, { ...resource, Properties: properties }), secretRef, where, im.diagnostics));
    } else if (resource.Type === CFN_TYPES.domain) {
      const { Domain, CustomDomainConfig, ManagedLoginVersion, ...other } = im.childProperties(id, resource);
      for (const key of Object.keys(other)) im.warn("not-in-model", `${where}.${key} has no place in the pool model and was not imported`);
      const certificateArn = isObject(CustomDomainConfig) ? CustomDomainConfig.CertificateArn : undefined;
      if (out.domains.length === 2) im.warn("several-domains", `Resources.${id} is a third user pool domain of ${im.input.poolId}; it was not imported (a pool has one prefix domain and one custom domain)`);
      out.domains.push(compactOrUndefined({ domain: Domain, certificateArn, managedLoginVersion: ManagedLoginVersion }) ?? {});
    }
  }
  out.riskConfiguration = readRiskAttachments(im, attachments, clientNames);
  // After every client: a terms resource names its client by logical id.
  for (const { id, resource } of termsResources) {
    const raw = isObject(resource.Properties) ? resource.Properties.ClientId : undefined;
    const terms = termsFromProperties(id, raw, im.childProperties(id, resource), clientNames, im.diagnostics);
    if (terms) out.terms.push(terms);
  }
  // After every client: a style names its client by reference, and the document by the client's name.
  for (const { id, resource } of branding) {
    const where = `Resources.${id}.Properties`;
    const clientName = brandingClientName(isObject(resource.Properties) ? resource.Properties.ClientId : undefined, clientNames);
    const properties = im.childProperties(id, resource);
    if (resource.Type === CFN_MANAGED_LOGIN_BRANDING) out.managedLoginBranding.push(managedLoginBrandingFromProperties(properties, clientName, where, im.diagnostics));
    else out.uiCustomizations.push(uiCustomizationFromProperties(properties, clientName, where, im.diagnostics));
  }
  return out;
}

/** Risk configuration attachments after the clients they name: `ClientId: ALL` is the pool's, `!Ref Client` a client's own. */
function readRiskAttachments(im: PoolImporter, attachments: { id: string; resource: Json; where: string }[], clientNames: ReadonlyMap<string, unknown>): Json | undefined {
  if (attachments.length === 0) return undefined;
  let pool: Json | undefined;
  const clients: Json[] = [];
  for (const { id, resource, where } of attachments) {
    const rawClientId = isObject(resource.Properties) ? resource.Properties.ClientId : undefined;
    const target = attachmentTarget(rawClientId);
    const settings = riskSettingsFromProperties(im.childProperties(id, resource), where, im.diagnostics);
    const name = target && "clientLogicalId" in target ? clientNames.get(target.clientLogicalId) : undefined;
    if (target && "pool" in target) {
      if (pool !== undefined) im.warn("repeated-block", `Resources.${id} is a second risk configuration with ClientId ALL; only the first was imported`);
      else pool = settings;
    } else if (name !== undefined) clients.push({ clientName: name, ...settings });
    else im.warn("not-in-model", `${where}.ClientId names no app client of the template (use ALL or !Ref to a client); its threat protection settings were not imported`);
  }
  return { ...(pool ?? {}), ...(clients.length ? { clients } : {}) };
}

/**
 * A provider secret written as an expression (`!Sub "{{resolve:secretsmanager:${Env}/google}}"`) is evaluated,
 * so the dynamic reference it makes is read as one; a plain `Ref` to a parameter stays as written.
 */
function secretExpressionsEvaluated(im: PoolImporter, id: string, properties: Json): Json {
  const details = properties.ProviderDetails;
  if (!isObject(details)) return properties;
  const out: Json = { ...details };
  for (const key of SECRET_DETAIL_KEYS) {
    const value = details[key];
    if (!isObject(value) || (typeof value.Ref === "string" && im.input.parameterDescriptions.has(value.Ref))) continue;
    const evaluated = im.input.evaluator.secretValue(value, ["Resources", id, "Properties", "ProviderDetails", key]);
    if (typeof evaluated === "string") out[key] = evaluated;
  }
  return { ...properties, ProviderDetails: out };
}

/**
 * A Schema entry without AttributeDataType (CloudFormation does not require the property). A standard attribute
 * has a fixed type (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html),
 * which Cognito takes when none is given, so the import writes that type. A custom attribute has no default:
 * Cognito refuses it ("Invalid AttributeDataType input"), so the import leaves the type unset and says so at the
 * field, for a person to choose.
 */
function completeAttributeTypes(im: PoolImporter, spec: Json, where: string) {
  const attributes: unknown[] = Array.isArray(spec.schemaAttributes) ? spec.schemaAttributes : [];
  attributes.forEach((attribute, i) => {
    if (!isObject(attribute) || attribute.attributeDataType !== undefined || typeof attribute.name !== "string" || im.placeholders.holds(attribute.name)) return;
    const standard = Object.hasOwn(STANDARD_ATTRIBUTES, attribute.name) ? STANDARD_ATTRIBUTES[attribute.name] : undefined;
    if (standard) {
      attribute.attributeDataType = standard;
      return;
    }
    const field = `spec.schemaAttributes[${i}].attributeDataType`;
    im.reportedFields.push(field);
    im.diagnostics.push(
      error(field, "attribute-type-missing", `${where}.Schema[${i}] (the custom attribute ${attribute.name}) has no AttributeDataType, and Cognito refuses a custom attribute without one: choose String, Number, DateTime or Boolean`),
    );
  });
}

/** `Resources.Web.Properties.CallbackURLs[0] …` → that path's line, to prefix the message with `template.yaml line 31:`. */
function withLine(source: TemplateSource, d: Diagnostic): Diagnostic {
  const match = /^Resources(?:\.[\w-]+|\[\d+\])+/u.exec(d.message);
  if (!match) return d;
  const path = [...match[0].matchAll(/\.([\w-]+)|\[(\d+)\]/gu)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
  const line = source.locate(["Resources", ...path])?.line;
  return line ? { ...d, message: `${source.file} line ${line}: ${d.message}` } : d;
}

function unresolvedInputs(source: TemplateSource, found: readonly FoundGap[], unplaced: PoolImporter["unplacedGaps"]): UnresolvedInput[] {
  const byName = new Map<string, UnresolvedInput>();
  const add = (gap: Gap, field: string | undefined, usedAt: number | undefined) => {
    let input = byName.get(gap.name);
    if (!input) {
      const line = gap.line ?? usedAt;
      input = { name: gap.name, kind: gap.kind, suppliable: gap.suppliable, file: source.file, ...(line ? { line } : {}), ...(gap.type ? { type: gap.type } : {}), ...(gap.description ?? gap.why ? { description: gap.description ?? gap.why } : {}), fields: [] };
      byName.set(gap.name, input);
    }
    if (field && !input.fields.includes(field)) input.fields.push(field);
  };
  for (const { field, unresolved } of found) {
    const usedAt = unresolved.at ? source.locate(unresolved.at)?.line : undefined;
    for (const gap of unresolved.gaps) add(gap, field, usedAt);
  }
  for (const { path, gaps } of unplaced) for (const gap of gaps) add(gap, undefined, source.locate(path)?.line);
  return [...byName.values()];
}

function gapDiagnostic(source: TemplateSource, { field, unresolved, item }: FoundGap): Diagnostic {
  const location = unresolved.at ? source.locate(unresolved.at) : undefined;
  const what = item === undefined ? "set" : `item ${item + 1} of the list (not in the draft) set`;
  const from = location ? `${what} from ${location.source ?? "an expression"} in ${source.file} line ${location.line}` : `${what} in ${source.file} from a value the import cannot know`;
  return error(field, "unresolved-input", `${from}; ${describeRemedy(unresolved.gaps)}`);
}

const isUnder = (path: string, field: string) => path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);

/** One pool of a template as a draft, its gaps and what the model cannot hold. Never throws. */
export function importPool(input: PoolInput): ImportedPool {
  const im = new PoolImporter(input);
  const { source, poolId } = input;
  for (const key of Object.keys(input.pool)) if (!RESOURCE_ATTRIBUTES.has(key)) im.warn("not-in-model", `Resources.${poolId}.${key} is not a resource attribute the importer knows; it was not imported`);
  const { name: poolName, spec } = readPool(im, isObject(input.pool.Properties) ? input.pool.Properties : {});
  let name = poolName;
  if (name === undefined) {
    im.warn("no-pool-name", `Resources.${poolId}.Properties.UserPoolName is not set (CloudFormation would generate one); the logical id ${poolId} is used as the pool name`);
    name = poolId;
  }
  const { resourceServers, clients, domains, groups, identityProviders, managedLoginBranding, uiCustomizations, terms, riskConfiguration, logDelivery } = readChildren(im);
  for (const { id, gaps } of input.conditionGaps)
    im.warn("condition-unresolved", `Resources.${id}.Condition depends on ${gaps.map((g) => g.name).join(", ")}; ${id} was imported as if the condition held (${describeRemedy(gaps)} to decide)`);

  const draft: Json = {
    apiVersion: POOL_API_VERSION,
    kind: POOL_KIND,
    metadata: { name, ...(isObject(input.labels) ? { labels: input.labels } : {}) },
    spec: {
      ...(input.region !== undefined ? { region: input.region } : {}),
      ...spec,
      ...(resourceServers.length ? { resourceServers } : {}),
      ...placeDomains(domains),
      ...(clients.length ? { clients } : {}),
      ...(groups.length ? { groups } : {}),
      ...(identityProviders.length ? { identityProviders } : {}),
      ...(riskConfiguration ? { riskConfiguration } : {}),
      ...(logDelivery ? { logDeliveryConfiguration: logDelivery } : {}),
      ...(terms.length ? { terms } : {}),
      ...(managedLoginBranding.length ? { managedLoginBranding } : {}),
      ...(uiCustomizations.length ? { uiCustomizations } : {}),
    },
  };
  const found = im.placeholders.extract(draft);
  const diagnostics = im.diagnostics.map((d) => withLine(source, d));
  diagnostics.push(...found.map((f) => gapDiagnostic(source, f)));
  const covered = [...found.map((f) => f.field), ...im.reportedFields];
  // A template never states its Region; that is no error: a design may name none, and plan and apply take the target's.
  // The schema's own findings, except "required" where the import already said what to supply.
  // Validation builds the document anew and never changes its input, so the draft itself is checked (under a
  // stand-in name when it has none) rather than a deep copy of a thousand clients.
  const metadata = draft.metadata as Json;
  const checked = metadata.name == null ? { ...draft, metadata: { ...metadata, name: "unresolved" } } : draft;
  const validation = validatePoolDocument(checked);
  diagnostics.push(...validation.diagnostics.filter((d) => !covered.some((field) => isUnder(d.path, field))));
  // `checked` is the draft itself when the draft names its pool; a draft without a name has no document.
  const document = found.length === 0 && metadata.name != null ? validation.document : undefined;
  return {
    address: input.address,
    ...(typeof metadata.name === "string" ? { name: metadata.name } : {}),
    draft,
    ...(document ? { document } : {}),
    unresolved: unresolvedInputs(source, found, im.unplacedGaps),
    diagnostics,
  };
}

/**
 * A pool has one prefix domain and one custom domain (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolType.html):
 * the first domain goes to `domain` unless it is the custom one beside a prefix domain, which goes to `customDomain`.
 */
function placeDomains(domains: readonly Json[]): { domain?: Json; customDomain?: Json } {
  const isCustom = (d: Json | undefined) => d?.certificateArn !== undefined;
  const [first, second] = domains.length >= 2 && isCustom(domains[0]) && !isCustom(domains[1]) ? [domains[1], domains[0]] : domains;
  return { ...(first ? { domain: first } : {}), ...(second ? { customDomain: second } : {}) };
}
