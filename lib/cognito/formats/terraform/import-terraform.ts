/**
 * Imports a Terraform configuration (one or several files) as pool drafts: each `aws_cognito_user_pool`
 * instance (after `count` / `for_each`) becomes one {@link ImportedPool} with the clients, resource servers,
 * domain, groups and identity providers whose `user_pool_id` refers to it; a `module` block calling
 * `mineiros-io/cognito-user-pool/aws` becomes one too. What cannot be evaluated is a named gap (an unresolved
 * input) at the field it feeds; what the model cannot hold is a warning with file and line. Never throws.
 */
import { appClientSettingsSchema } from "../../spec/client-schema";
import { type Diagnostic, error, warning } from "../../spec/diagnostics";
import { POOL_API_VERSION, POOL_KIND } from "../../spec/document-schema";
import { domainSchema } from "../../spec/domain-schema";
import { poolSpecSchema } from "../../spec/pool-schema";
import { resourceServerSchema } from "../../spec/resource-server-schema";
import { STANDARD_ATTRIBUTES } from "../../spec/schema-attribute-schema";
import { describeError } from "../common";
import type { ImportFilesResult, ImportRequest, ImportedPool } from "../types";
import { groupFromBody, identityProviderFromBody, takeProviderSecret } from "./groups-idps";
import { PoolRef, Unknown, type Value, isObject } from "./hcl-values";
import { expressionText } from "./import-gaps";
import { clientLabelOf, logDeliveryFromBody, riskSettingsFromBody } from "./risk-logs";
import { managedLoginBrandingFromBody, uiCustomizationFromBody } from "./branding";
import { MINEIROS_SOURCES, moduleDraft } from "./import-module";
import { TF_CLIENT_NAMING, TF_DOMAIN_NAMING, TF_POOL_NAMING, TF_RESOURCE_SERVER_NAMING, TF_TYPES, standardStringDefaults } from "./naming";
import { PoolBuilder, finishPool, lineOf, placeRepetition, providerRegion } from "./pool-builder";
import { type TfConfig, readTerraformConfig } from "./terraform-config";
import { type Instance, TerraformScope } from "./terraform-scope";

type Json = Record<string, unknown>;

const POOL_DOCUMENT_ONLY_KEYS = [
  "clients",
  "resource_servers",
  "domain",
  "custom_domain",
  "client_defaults",
  "groups",
  "identity_providers",
  "terms",
  "sms_mfa_configuration",
  "risk_configuration",
  "log_delivery_configuration",
  "managed_login_branding",
  "ui_customizations",
];


// Risk configurations and branding last: they name clients read before them.
const CHILD_TYPES = [
  TF_TYPES.resourceServer,
  TF_TYPES.domain,
  TF_TYPES.client,
  TF_TYPES.group,
  TF_TYPES.identityProvider,
  TF_TYPES.riskConfiguration,
  TF_TYPES.logDelivery,
  TF_TYPES.managedLoginBranding,
  TF_TYPES.uiCustomization,
] as const;

/**
 * Undoes the exporter's perpetual-diff guard (render-terraform.ts, PERPETUAL DIFF 1): an empty constraints
 * block and a standard attribute's documented default constraints mean the same as no constraints.
 */
function normaliseSchemaAttribute(attribute: unknown): unknown {
  if (!isObject(attribute as Value)) return attribute;
  const out = { ...(attribute as Json) };
  for (const key of ["stringAttributeConstraints", "numberAttributeConstraints"]) {
    const c = out[key];
    if (c !== null && typeof c === "object" && !Array.isArray(c) && Object.keys(c).length === 0) delete out[key];
  }
  const name = typeof out.name === "string" ? out.name : "";
  const constraints = out.stringAttributeConstraints as Json | undefined;
  if (Object.hasOwn(STANDARD_ATTRIBUTES, name) && out.attributeDataType === "String" && constraints && typeof constraints === "object") {
    const defaults = standardStringDefaults(name);
    if (constraints.minLength === defaults.minLength && constraints.maxLength === defaults.maxLength && Object.keys(constraints).length === 2) delete out.stringAttributeConstraints;
  }
  return out;
}

function readPoolBody(b: PoolBuilder, instance: Instance): { name: unknown; region: unknown; spec: Json } {
  const body = b.body(instance);
  const { name, region, schema, email_verification_message, email_verification_subject, sms_verification_message, ...rest } = body;
  // The document's own fields that are resources of their own in Terraform, never arguments of the pool.
  for (const key of POOL_DOCUMENT_ONLY_KEYS) {
    if (key in rest) {
      b.warn("not-in-model", `${instance.address}.${key} is not an argument of ${TF_TYPES.pool}; it was not imported (${instance.resource.file} line ${lineOf(instance.resource, [key])})`);
      delete rest[key];
    }
  }
  const spec = b.convert(poolSpecSchema, rest, TF_POOL_NAMING, instance);
  // The legacy top-level message arguments are the same settings as verification_message_template's.
  const legacy = { emailMessage: email_verification_message, emailSubject: email_verification_subject, smsMessage: sms_verification_message };
  if (Object.values(legacy).some((v) => v !== undefined)) {
    const current = spec.verificationMessageTemplate;
    const template: Json = { ...(current !== null && typeof current === "object" && !Array.isArray(current) ? (current as Json) : {}) };
    for (const [key, value] of Object.entries(legacy)) if (value !== undefined && template[key] === undefined) template[key] = value;
    spec.verificationMessageTemplate = template;
  }
  if (schema !== undefined) {
    const attributes = b.convert(poolSpecSchema.pick({ schemaAttributes: true }), { schema }, TF_POOL_NAMING, instance).schemaAttributes;
    spec.schemaAttributes = Array.isArray(attributes) ? attributes.map(normaliseSchemaAttribute) : attributes;
  }
  return { name, region, spec };
}

type Child = { instance: Instance; type: (typeof CHILD_TYPES)[number] };

function buildChildren(b: PoolBuilder, children: Child[]) {
  const resourceServers: unknown[] = [];
  const clients: unknown[] = [];
  const groups: unknown[] = [];
  const identityProviders: unknown[] = [];
  const domains: unknown[] = [];
  const clientNames = new Map<string, unknown>();
  const risk: { pool?: Json; clients: Json[] } = { clients: [] };
  const extras: ExtraParts = { managedLoginBranding: [], uiCustomizations: [] };
  for (const { instance, type } of children) {
    const where = `${instance.address} (${instance.resource.file} line ${lineOf(instance.resource, [])})`;
    if (type === TF_TYPES.identityProvider) {
      // The secret comes out before evaluation: a sensitive variable has no value to read, and is no gap.
      const descriptions = new Map([...b.config.variables].map(([n, v]) => [n, v.description]));
      const { body: withoutSecret, secretRef } = takeProviderSecret(instance.resource.body, descriptions, where, b.diagnostics);
      const body = b.body(instance, withoutSecret);
      identityProviders.push(identityProviderFromBody(body, secretRef, where, b.diagnostics));
      placeRepetition(b, instance, `spec.identityProviders[${identityProviders.length - 1}]`);
      continue;
    }
    if (type === TF_TYPES.riskConfiguration) {
      readRiskConfiguration(b, instance, where, clientNames, risk);
      continue;
    }
    if (type === TF_TYPES.logDelivery || type === TF_TYPES.managedLoginBranding || type === TF_TYPES.uiCustomization) {
      readExtra(b, instance, type, where, clientNames, extras);
      continue;
    }
    const body = b.body(instance);
    delete body.user_pool_id;
    if (type === TF_TYPES.resourceServer) {
      resourceServers.push(b.convert(resourceServerSchema, body, TF_RESOURCE_SERVER_NAMING, instance));
      placeRepetition(b, instance, `spec.resourceServers[${resourceServers.length - 1}]`);
    } else if (type === TF_TYPES.domain) {
      domains.push({ instance, value: b.convert(domainSchema, body, TF_DOMAIN_NAMING, instance) });
      if (domains.length === 1) placeRepetition(b, instance, "spec.domain");
    } else if (type === TF_TYPES.group) {
      groups.push(groupFromBody(body, where, b.diagnostics));
      placeRepetition(b, instance, `spec.groups[${groups.length - 1}]`);
    } else {
      const { name, ...settings } = body;
      clientNames.set(instance.resource.label, name);
      clients.push({ name, ...b.convert(appClientSettingsSchema, settings, TF_CLIENT_NAMING, instance) });
      placeRepetition(b, instance, `spec.clients[${clients.length - 1}]`);
    }
  }
  // A pool has one prefix domain and one custom domain: the first goes to `domain` unless it is the custom one
  // beside a prefix domain (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolType.html).
  const found = domains as { instance: Instance; value: Json }[];
  if (found.length > 2) {
    const rest = found.slice(2);
    b.warn("several-domains", `a user pool has one prefix domain and one custom domain; ${found[0].instance.address} and ${found[1].instance.address} were imported, not ${rest.map((d) => `${d.instance.address} (${d.instance.resource.file} line ${lineOf(d.instance.resource, [])})`).join(", ")}`);
  }
  const isCustom = (d: { value: Json } | undefined) => d?.value.certificateArn !== undefined;
  const [first, second] = found.length === 2 && isCustom(found[0]) && !isCustom(found[1]) ? [found[1], found[0]] : found;
  if (second) placeRepetition(b, second.instance, "spec.customDomain");
  const riskConfiguration = risk.pool !== undefined || risk.clients.length > 0 ? { ...(risk.pool ?? {}), ...(risk.clients.length ? { clients: risk.clients } : {}) } : undefined;
  return { resourceServers, clients, groups, identityProviders, domain: first?.value, customDomain: second?.value, riskConfiguration, ...extras };
}

/** Log delivery and branding, read after the clients they name. */
type ExtraParts = { logDeliveryConfiguration?: Json; managedLoginBranding: Json[]; uiCustomizations: Json[] };

function readExtra(b: PoolBuilder, instance: Instance, type: typeof TF_TYPES.logDelivery | typeof TF_TYPES.managedLoginBranding | typeof TF_TYPES.uiCustomization, where: string, clientNames: ReadonlyMap<string, unknown>, extras: ExtraParts): void {
  const rawClientId = instance.resource.body.client_id;
  const { client_id: _client, ...raw } = instance.resource.body;
  const body = b.body(instance, raw);
  delete body.user_pool_id;
  if (type === TF_TYPES.logDelivery) {
    if (extras.logDeliveryConfiguration !== undefined) b.warn("repeated-block", `${where}: a pool has one log delivery configuration; only the first was imported`);
    else extras.logDeliveryConfiguration = logDeliveryFromBody(body, instance.address, b.diagnostics);
    return;
  }
  // The client: the name of the file's client resource it refers to, else the value written (the document's rules name an unknown one).
  const label = clientLabelOf(rawClientId);
  const clientName = rawClientId === undefined ? undefined : ((label !== undefined ? clientNames.get(label) : undefined) ?? b.body(instance, { client_id: rawClientId }).client_id);
  const ctx = { where, diagnostics: b.diagnostics, isGap: (v: unknown) => b.gaps.gapOf(v) !== undefined };
  if (type === TF_TYPES.managedLoginBranding) {
    extras.managedLoginBranding.push(managedLoginBrandingFromBody(body, clientName, ctx));
    placeRepetition(b, instance, `spec.managedLoginBranding[${extras.managedLoginBranding.length - 1}]`);
  } else {
    extras.uiCustomizations.push(uiCustomizationFromBody(body, clientName, ctx));
    placeRepetition(b, instance, `spec.uiCustomizations[${extras.uiCustomizations.length - 1}]`);
  }
}

/** One `aws_cognito_risk_configuration`: the pool's (no client_id) or a client's, named by the client it refers to. */
function readRiskConfiguration(b: PoolBuilder, instance: Instance, where: string, clientNames: ReadonlyMap<string, unknown>, risk: { pool?: Json; clients: Json[] }): void {
  const rawClientId = instance.resource.body.client_id;
  const { client_id: _client, ...raw } = instance.resource.body;
  const body = b.body(instance, raw);
  delete body.user_pool_id;
  const settings = riskSettingsFromBody(body, instance.address, b.diagnostics) as Json;
  if (rawClientId === undefined) {
    if (risk.pool !== undefined) b.warn("repeated-block", `${where}: the pool has one risk configuration without client_id; only the first was imported`);
    else risk.pool = settings;
    return;
  }
  const label = clientLabelOf(rawClientId);
  const name = label === undefined ? undefined : clientNames.get(label);
  if (name === undefined) {
    b.warn("not-in-model", `${where}: client_id = ${expressionText(rawClientId)} names no app client of these files; its threat protection settings were not imported`);
    return;
  }
  risk.clients.push({ clientName: name, ...settings });
}

function buildPool(scope: TerraformScope, config: TfConfig, pool: Instance, children: Child[], request: ImportRequest, extra: Diagnostic[]): ImportedPool {
  const b = new PoolBuilder(scope, config);
  b.diagnostics.push(...extra);
  placeRepetition(b, pool, "");
  const { name, region: poolRegion, spec } = readPoolBody(b, pool);
  const region = poolRegion ?? providerRegion(b, pool);
  const known = region !== undefined && !b.gaps.gapOf(region) ? region : undefined;
  const chosenRegion = known ?? request.region ?? region;
  const parts = buildChildren(b, children);
  const draft: Json = {
    apiVersion: POOL_API_VERSION,
    kind: POOL_KIND,
    metadata: { name },
    spec: {
      ...(chosenRegion !== undefined ? { region: chosenRegion } : {}),
      ...spec,
      ...(parts.resourceServers.length ? { resourceServers: parts.resourceServers } : {}),
      ...(parts.domain ? { domain: parts.domain } : {}),
      ...(parts.customDomain ? { customDomain: parts.customDomain } : {}),
      ...(parts.clients.length ? { clients: parts.clients } : {}),
      ...(parts.groups.length ? { groups: parts.groups } : {}),
      ...(parts.identityProviders.length ? { identityProviders: parts.identityProviders } : {}),
      ...(parts.riskConfiguration ? { riskConfiguration: parts.riskConfiguration } : {}),
      ...(parts.logDeliveryConfiguration ? { logDeliveryConfiguration: parts.logDeliveryConfiguration } : {}),
      ...(parts.managedLoginBranding.length ? { managedLoginBranding: parts.managedLoginBranding } : {}),
      ...(parts.uiCustomizations.length ? { uiCustomizations: parts.uiCustomizations } : {}),
    },
  };
  if (name === undefined) delete (draft.metadata as Json).name;
  return finishPool(pool.address, draft, b, config);
}

/** The pool a child's `user_pool_id` refers to, when it is one of the files' pools. */
function poolOf(scope: TerraformScope, instance: Instance): string | Unknown | undefined {
  const value = scope.evaluateBody({ user_pool_id: instance.resource.body.user_pool_id }, instance.bindings);
  const id = isObject(value) ? value.user_pool_id : undefined;
  if (id instanceof PoolRef) return id.address;
  if (id instanceof Unknown) return id;
  return undefined;
}

async function importConfiguration(request: ImportRequest): Promise<ImportFilesResult> {
  const config = await readTerraformConfig(request.files, { variableFiles: request.variableFiles, variables: request.variables });
  const diagnostics: Diagnostic[] = [...config.diagnostics];
  const scope = new TerraformScope(config);
  const resources = [...config.resources].sort((a, b) => a.order - b.order);

  const poolInstances = resources.filter((r) => r.type === TF_TYPES.pool).flatMap((r) => scope.instances(r));
  const modules = config.modules.filter((m) => MINEIROS_SOURCES.some((s) => typeof m.body.source === "string" && s.test(m.body.source)));
  for (const m of config.modules.filter((x) => !modules.includes(x)))
    diagnostics.push(warning("", "not-in-model", `module.${m.label} (${m.file} line ${m.block?.line ?? 1}) calls ${String(m.body.source)}, which the importer does not read (it reads ${TF_TYPES.pool} resources and the mineiros-io/cognito-user-pool/aws module)`));

  const childrenByPool = new Map<string, Child[]>(poolInstances.map((p) => [p.address, []]));
  const onlyPool = poolInstances.length === 1 && modules.length === 0 ? poolInstances[0].address : undefined;
  for (const type of CHILD_TYPES) {
    for (const resource of resources.filter((r) => r.type === type)) {
      for (const instance of scope.instances(resource)) {
        const target = poolOf(scope, instance);
        const where = `${instance.address} (${resource.file} line ${lineOf(resource, [])})`;
        if (typeof target === "string" && childrenByPool.has(target)) {
          childrenByPool.get(target)?.push({ instance, type });
        } else if (onlyPool) {
          const said = expressionText(resource.body.user_pool_id);
          childrenByPool.get(onlyPool)?.push({ instance, type });
          diagnostics.push(warning("", "pool-assumed", `${where}: user_pool_id = ${said} does not name a pool of these files; it was read as part of ${onlyPool}, the only one`));
        } else {
          diagnostics.push(warning("", "no-pool", `${where}: user_pool_id = ${expressionText(resource.body.user_pool_id)} names no pool of these files; it was not imported`));
        }
      }
    }
  }
  // Other resources, named so nothing is dropped silently.
  const known = new Set<string>(Object.values(TF_TYPES));
  for (const r of resources.filter((x) => !known.has(x.type)))
    diagnostics.push(warning("", "not-in-model", `resource ${r.type}.${r.label} (${r.file} line ${r.block?.line ?? 1}) is not part of the pool model; it was not imported`));
  for (const p of config.providers.filter((x) => x.name !== "aws")) diagnostics.push(warning("", "not-in-model", `provider "${p.name}" (${p.file} line ${p.line}) is not part of the pool model`));
  // Credentials, endpoints and roles are how Terraform reaches AWS; default_tags / ignore_tags change the pool's tags.
  for (const p of config.providers.filter((x) => x.name === "aws"))
    for (const key of ["default_tags", "ignore_tags"].filter((k) => k in p.body))
      diagnostics.push(warning("", "not-in-model", `provider "aws" (${p.file} line ${p.line}): ${key} is not imported into the pool's tags; add the tags to the pool if it should carry them`));

  let pools: ImportedPool[] = [
    ...poolInstances.map((p) => buildPool(scope, config, p, childrenByPool.get(p.address) ?? [], request, [])),
    ...modules.flatMap((m) => scope.instances(m).map((instance) => moduleDraft(scope, config, instance, request))),
  ];
  diagnostics.push(...scope.diagnostics);
  if (pools.length === 0 && !diagnostics.some((d) => d.code === "unparsable"))
    diagnostics.push(error("", "no-user-pool", `${request.files.map((f) => f.path).join(", ") || "the input"} has no resource "${TF_TYPES.pool}" and no mineiros-io/cognito-user-pool/aws module; nothing to import`));
  if (request.pool !== undefined && pools.length > 0) {
    const chosen = pools.filter((p) => p.address === request.pool || p.name === request.pool);
    if (chosen.length === 0)
      diagnostics.push(error("", "no-such-pool", `no pool "${request.pool}" in the files; they hold ${pools.map((p) => `${p.address}${p.name ? ` ("${p.name}")` : ""}`).join(", ")}`));
    pools = chosen;
  }
  return { sourceKind: "terraform", pools, diagnostics };
}

/** Imports Terraform files as pool drafts (see the module comment). Never throws; the promise never rejects. */
export async function importTerraformFiles(request: ImportRequest): Promise<ImportFilesResult> {
  try {
    return await importConfiguration(request);
  } catch (cause) {
    return { sourceKind: "terraform", pools: [], diagnostics: [error("", "internal-error", `the Terraform import failed: ${describeError(cause)}`)] };
  }
}
