/**
 * Imports Terraform HCL (aws_cognito_user_pool, _client, resource_server, user_pool_domain, aws_cognito_user_group,
 * aws_cognito_identity_provider) into a pool
 * document. Parsing is `@cdktf/hcl2json`'s (a WebAssembly build of HashiCorp's HCL parser), which is
 * asynchronous, so this parser is async too. Never throws (the promise never rejects); whatever the file
 * holds that the model cannot is a warning naming it.
 */
import { parse as parseHcl } from "@cdktf/hcl2json";
import { appClientSettingsSchema } from "../../spec/client-schema";
import { type Diagnostic, error, warning } from "../../spec/diagnostics";
import { POOL_API_VERSION, POOL_KIND } from "../../spec/document-schema";
import { domainSchema } from "../../spec/domain-schema";
import { poolSpecSchema } from "../../spec/pool-schema";
import { resourceServerSchema } from "../../spec/resource-server-schema";
import { STANDARD_ATTRIBUTES } from "../../spec/schema-attribute-schema";
import { describeError, finishImport } from "../common";
import { fromTarget } from "../shape-walk";
import type { ImportResult } from "../types";
import { type ExpressionScope, POOL_REFERENCE, evaluateTemplate, resolveBody } from "./expressions";
import { groupFromBody, identityProviderFromBody, takeProviderSecret } from "./groups-idps";
import { TF_CLIENT_NAMING, TF_DOMAIN_NAMING, TF_POOL_NAMING, TF_RESOURCE_SERVER_NAMING, TF_TYPES, standardStringDefaults } from "./naming";

type Body = Record<string, unknown>;
type Json = Record<string, unknown>;

/** Terraform meta-arguments: how Terraform manages a resource, not what the resource is. */
const META_ARGUMENTS = ["lifecycle", "depends_on", "provider"];

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Where each `resource "TYPE" "LABEL"` header sits in the text (one pass; hcl2json loses the file's order). */
function resourcePositions(text: string): Map<string, number> {
  const positions = new Map<string, number>();
  for (const match of text.matchAll(/resource\s+"([^"]+)"\s+"([^"]+)"/gu)) {
    const key = `${match[1]}.${match[2]}`;
    if (!positions.has(key)) positions.set(key, match.index);
  }
  return positions;
}

/**
 * `resource.TYPE.LABEL` is a list of bodies in hcl2json's output, keyed (and so sorted) by label; the file's
 * order is restored from the header positions, since the document's lists (clients, resource servers) keep it.
 */
function resourcesOf(json: Json, type: string, positions: ReadonlyMap<string, number>): [string, Body][] {
  const resources = isObject(json.resource) ? json.resource : {};
  const byLabel = isObject(resources[type]) ? resources[type] : {};
  const position = (label: string) => positions.get(`${type}.${label}`) ?? Number.MAX_SAFE_INTEGER;
  return Object.entries(byLabel)
    .flatMap(([label, bodies]) => (Array.isArray(bodies) && isObject(bodies[0]) ? [[label, bodies[0] as Body] as [string, Body]] : []))
    .sort((a, b) => position(a[0]) - position(b[0]));
}

function takeFirst(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

class Importer {
  readonly diagnostics: Diagnostic[] = [];
  scope: ExpressionScope = { variables: new Map(), resourceServers: new Map(), poolLabels: new Set() };

  warn(code: string, message: string) {
    this.diagnostics.push(warning("", code, message));
  }

  resolve(body: Body, where: string): Body {
    return resolveBody(body, this.scope, (path, expression) =>
      this.warn("unresolved-expression", `${where}.${path} = ${expression} cannot be evaluated by the importer (it reads var.* defaults, resource server references, concat/tolist/toset and literals); the argument was not imported`),
    );
  }

  /** Drops meta-arguments silently and `count` / `for_each` with a warning (one pool per document). */
  stripMeta(body: Body, where: string): Body {
    const out = { ...body };
    for (const key of META_ARGUMENTS) delete out[key];
    for (const key of ["count", "for_each"]) {
      if (key in out) {
        this.warn("not-in-model", `${where}.${key} is not supported: the document describes exactly one of each resource; it was read once`);
        delete out[key];
      }
    }
    return out;
  }

  convert(schema: Parameters<typeof fromTarget>[0], value: Body, naming: Parameters<typeof fromTarget>[2]["naming"], where: string): Json {
    const diagnostics: Diagnostic[] = [];
    const result = fromTarget(schema, value, { naming, diagnostics, where }) as Json;
    this.diagnostics.push(...diagnostics);
    return result;
  }
}

function readVariables(json: Json): Map<string, unknown> {
  const variables = new Map<string, unknown>();
  if (!isObject(json.variable)) return variables;
  for (const [name, bodies] of Object.entries(json.variable)) {
    const body = takeFirst(bodies);
    if (isObject(body) && "default" in body) variables.set(name, body.default);
  }
  return variables;
}

function readPool(im: Importer, label: string, raw: Body): { name?: unknown; region?: unknown; spec: Json } {
  const where = `${TF_TYPES.pool}.${label}`;
  const body = im.resolve(im.stripMeta(raw, where), where);
  const { name, region, schema, email_verification_message, email_verification_subject, sms_verification_message, ...rest } = body;
  // Pool-level parts of the model that are separate resources in Terraform.
  for (const key of ["clients", "resource_servers", "domain", "client_defaults"]) {
    if (key in rest) {
      im.warn("not-in-model", `${where}.${key} is not an argument of ${TF_TYPES.pool}; it was not imported`);
      delete rest[key];
    }
  }
  const spec = im.convert(poolSpecSchema, rest, TF_POOL_NAMING, where);
  // The legacy top-level message arguments are the same settings as verification_message_template's.
  const legacy = { emailMessage: email_verification_message, emailSubject: email_verification_subject, smsMessage: sms_verification_message };
  if (Object.values(legacy).some((v) => v !== undefined)) {
    const template = { ...(isObject(spec.verificationMessageTemplate) ? spec.verificationMessageTemplate : {}) };
    for (const [key, value] of Object.entries(legacy)) if (value !== undefined && template[key] === undefined) template[key] = value;
    spec.verificationMessageTemplate = template;
  }
  if (schema !== undefined) {
    const attributes = im.convert(poolSpecSchema.pick({ schemaAttributes: true }), { schema }, TF_POOL_NAMING, where).schemaAttributes;
    if (Array.isArray(attributes)) spec.schemaAttributes = attributes.map(normaliseSchemaAttribute);
  }
  return { name, region, spec };
}

/**
 * Undoes the exporter's perpetual-diff guard (render-terraform.ts, PERPETUAL DIFF 1): an empty constraints
 * block and a standard attribute's documented default constraints mean the same as no constraints.
 */
function normaliseSchemaAttribute(attribute: unknown): unknown {
  if (!isObject(attribute)) return attribute;
  const out = { ...attribute };
  for (const key of ["stringAttributeConstraints", "numberAttributeConstraints"]) {
    if (isObject(out[key]) && Object.keys(out[key]).length === 0) delete out[key];
  }
  const name = typeof out.name === "string" ? out.name : "";
  const constraints = out.stringAttributeConstraints;
  if (Object.hasOwn(STANDARD_ATTRIBUTES, name) && out.attributeDataType === "String" && isObject(constraints)) {
    const defaults = standardStringDefaults(name);
    if (constraints.minLength === defaults.minLength && constraints.maxLength === defaults.maxLength && Object.keys(constraints).length === 2) delete out.stringAttributeConstraints;
  }
  return out;
}

function checkPoolReference(im: Importer, body: Body, where: string) {
  if (body.user_pool_id !== POOL_REFERENCE && body.user_pool_id !== undefined && typeof body.user_pool_id !== "string")
    im.warn("other-pool", `${where}.user_pool_id does not refer to the file's user pool`);
}

async function importTerraform(text: string, fileName: string): Promise<ImportResult> {
  let json: Json;
  try {
    json = (await parseHcl(fileName, text)) as Json;
  } catch (cause) {
    return { diagnostics: [error("", "unparsable", `${fileName} is not valid HCL: ${describeError(cause).replace(/^parse config: /u, "")}`)] };
  }
  const im = new Importer();
  const positions = resourcePositions(text);
  const pools = resourcesOf(json, TF_TYPES.pool, positions);
  if (pools.length === 0) return { diagnostics: [error("", "no-user-pool", `${fileName} has no resource "${TF_TYPES.pool}"; nothing to import`)] };
  if (pools.length > 1) im.warn("several-pools", `${fileName} has ${pools.length} user pools; only "${pools[0][0]}" was imported`);
  const [poolLabel, poolBody] = pools[0];

  const servers = resourcesOf(json, TF_TYPES.resourceServer, positions);
  const serverScope = new Map<string, { identifier: string; scopes: string[] }>();
  const baseScope: ExpressionScope = { variables: readVariables(json), resourceServers: new Map(), poolLabels: new Set([poolLabel]) };
  for (const [label, body] of servers) {
    // Identifiers and scope names first, so clients can refer to them.
    try {
      const identifier = evaluateTemplate(String(body.identifier ?? ""), baseScope);
      const scopes = (Array.isArray(body.scope) ? body.scope : []).map((s) => (isObject(s) ? evaluateTemplate(String(s.scope_name ?? ""), baseScope) : ""));
      if (typeof identifier === "string") serverScope.set(label, { identifier, scopes: scopes.map(String) });
    } catch {
      // Reported when the server's body is resolved below.
    }
  }
  im.scope = { ...baseScope, resourceServers: serverScope };

  const { name, region: poolRegion, spec } = readPool(im, poolLabel, poolBody);
  const provider = takeFirst(isObject(json.provider) ? json.provider.aws : undefined);
  const providerRegion = isObject(provider) ? im.resolve({ region: provider.region }, "provider.aws").region : undefined;
  const region = poolRegion ?? providerRegion;
  if (region === undefined)
    im.diagnostics.push(error("spec.region", "no-region", `${fileName} sets no region (neither provider "aws" nor the user pool has region = "..."); add one`));

  const resourceServers = servers.map(([label, raw]) => {
    const where = `${TF_TYPES.resourceServer}.${label}`;
    const body = im.resolve(im.stripMeta(raw, where), where);
    checkPoolReference(im, body, where);
    delete body.user_pool_id;
    return im.convert(resourceServerSchema, body, TF_RESOURCE_SERVER_NAMING, where);
  });

  const domains = resourcesOf(json, TF_TYPES.domain, positions);
  if (domains.length > 1) im.warn("several-domains", `${fileName} has ${domains.length} domains; a user pool has one, only "${domains[0][0]}" was imported`);
  const domain = domains.slice(0, 1).map(([label, raw]) => {
    const where = `${TF_TYPES.domain}.${label}`;
    const body = im.resolve(im.stripMeta(raw, where), where);
    checkPoolReference(im, body, where);
    delete body.user_pool_id;
    return im.convert(domainSchema, body, TF_DOMAIN_NAMING, where);
  })[0];

  const clients = resourcesOf(json, TF_TYPES.client, positions).map(([label, raw]) => {
    const where = `${TF_TYPES.client}.${label}`;
    const body = im.resolve(im.stripMeta(raw, where), where);
    checkPoolReference(im, body, where);
    const { name: clientName, user_pool_id: _pool, ...settings } = body;
    void _pool;
    return { name: clientName, ...im.convert(appClientSettingsSchema, settings, TF_CLIENT_NAMING, where) };
  });

  const groups = resourcesOf(json, TF_TYPES.group, positions).map(([label, raw]) => {
    const where = `${TF_TYPES.group}.${label}`;
    const body = im.resolve(im.stripMeta(raw, where), where);
    checkPoolReference(im, body, where);
    return groupFromBody(body, where, im.diagnostics);
  });
  const descriptions = new Map<string, unknown>();
  for (const [name, bodies] of Object.entries(isObject(json.variable) ? json.variable : {})) {
    const body = takeFirst(bodies);
    if (isObject(body)) descriptions.set(name, body.description);
  }
  const identityProviders = resourcesOf(json, TF_TYPES.identityProvider, positions).map(([label, raw]) => {
    const where = `${TF_TYPES.identityProvider}.${label}`;
    // The secret comes out before expressions are resolved: a sensitive variable has no default to read.
    const { body: withoutSecret, secretRef } = takeProviderSecret(im.stripMeta(raw, where), descriptions, where, im.diagnostics);
    const body = im.resolve(withoutSecret, where);
    checkPoolReference(im, body, where);
    return identityProviderFromBody(body, secretRef, where, im.diagnostics);
  });

  // Everything else in the file, named so nothing is dropped silently.
  const known = new Set<string>(Object.values(TF_TYPES));
  for (const [type, byLabel] of Object.entries(isObject(json.resource) ? json.resource : {})) {
    if (known.has(type)) continue;
    for (const label of Object.keys(isObject(byLabel) ? byLabel : {})) im.warn("not-in-model", `resource ${type}.${label} is not part of the pool model; it was not imported`);
  }
  for (const key of Object.keys(json)) {
    if (key === "resource" || key === "variable" || key === "terraform") continue;
    if (key === "provider") {
      for (const p of Object.keys(isObject(json.provider) ? json.provider : {})) if (p !== "aws") im.warn("not-in-model", `provider "${p}" is not part of the pool model`);
      continue;
    }
    const blocks = key === "import" ? "import blocks (live ids are not part of the document)" : `${key} blocks`;
    im.warn("not-in-model", `${fileName}: ${blocks} are not part of the pool model; they were not imported`);
  }

  const document = {
    apiVersion: POOL_API_VERSION,
    kind: POOL_KIND,
    metadata: { name },
    spec: {
      region,
      ...spec,
      ...(resourceServers.length ? { resourceServers } : {}),
      ...(domain ? { domain } : {}),
      ...(clients.length ? { clients } : {}),
      ...(groups.length ? { groups } : {}),
      ...(identityProviders.length ? { identityProviders } : {}),
    },
  };
  return finishImport(document, im.diagnostics);
}

/**
 * Reads Terraform HCL text (one file, or several concatenated, e.g. the CLI's `# ==> main.tf <==` output)
 * into a pool document. Async because the HCL parser is WebAssembly.
 */
export async function parseTerraform(text: string, fileName = "main.tf"): Promise<ImportResult> {
  try {
    return { ...(await importTerraform(text, fileName)), sourceKind: "terraform" };
  } catch (cause) {
    return { diagnostics: [error("", "internal-error", `the Terraform import failed: ${describeError(cause)}`)], sourceKind: "terraform" };
  }
}
