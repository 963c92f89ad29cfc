/**
 * Imports a CloudFormation template (YAML with `!Ref`-style short tags, or JSON) holding Cognito user pool
 * resources into a pool document. `Ref`s to the pool and to parameters with defaults are followed; any other
 * intrinsic function, and every resource or property the model has no place for, is a warning naming it.
 * Never throws.
 */
import { parseDocument } from "yaml";
import { appClientSchema } from "../../spec/client-schema";
import { type Diagnostic, error, warning } from "../../spec/diagnostics";
import { POOL_API_VERSION, POOL_KIND } from "../../spec/document-schema";
import { poolSpecSchema } from "../../spec/pool-schema";
import { resourceServerSchema } from "../../spec/resource-server-schema";
import { compactOrUndefined, describeError, finishImport } from "../common";
import { type ShapeNaming, fromTarget } from "../shape-walk";
import type { ImportResult } from "../types";
import { CFN_GROUP, CFN_IDENTITY_PROVIDER, groupFromProperties, identityProviderFromProperties, takeProviderSecret } from "./groups-idps";
import { CFN_READ_TAGS } from "./intrinsics";
import { CFN_CLIENT_NAMING, CFN_POOL_NAMING, CFN_RESOURCE_SERVER_NAMING, CFN_TYPES, STUDIO_METADATA } from "./naming";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export interface CloudFormationImportOptions {
  /** The Region to use when the template does not record one (a template is region-neutral). */
  region?: string;
  fileName?: string;
}

/** Resource attributes that say how CloudFormation manages a resource, not what it is. */
const RESOURCE_ATTRIBUTES = new Set(["Type", "Properties", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "Condition", "CreationPolicy", "UpdatePolicy"]);

class Importer {
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    private readonly parameters: ReadonlyMap<string, unknown>,
    readonly poolId: string,
  ) {}

  warn(code: string, message: string) {
    this.diagnostics.push(warning("", code, message));
  }

  /** Follows `Ref`s to parameters (their Default) and `Fn::Sub` over them; drops anything else with a warning. */
  resolve(value: unknown, where: string): unknown {
    if (Array.isArray(value)) {
      const items = value.map((v, i) => this.resolve(v, `${where}[${i}]`));
      return items.some((v) => v === undefined) ? undefined : items;
    }
    if (!isObject(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === "Ref" || keys[0].startsWith("Fn::"))) {
      const fn = keys[0];
      const arg = value[fn];
      if (fn === "Ref" && typeof arg === "string" && this.parameters.has(arg)) return this.parameters.get(arg);
      if (fn === "Fn::Sub" && typeof arg === "string") {
        let unresolved = false;
        const out = arg.replace(/\$\{([^}!]+)\}/gu, (_, name: string) => {
          if (this.parameters.has(name)) return String(this.parameters.get(name));
          unresolved = true;
          return "";
        });
        if (!unresolved) return out.replace(/\$\{!/gu, "${");
      }
      this.warn("unresolved-intrinsic", `${where} uses ${fn} ${JSON.stringify(arg)}, which the importer cannot evaluate; the property was not imported`);
      return undefined;
    }
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) {
      const r = this.resolve(v, `${where}.${k}`);
      if (r !== undefined) out[k] = r;
    }
    return out;
  }

  convert(schema: Parameters<typeof fromTarget>[0], value: Json, naming: ShapeNaming, where: string): Json {
    const diagnostics: Diagnostic[] = [];
    const result = fromTarget(schema, value, { naming, diagnostics, where }) as Json;
    this.diagnostics.push(...diagnostics);
    return result;
  }

  /** Properties of a child resource, after checking it belongs to the pool. */
  childProperties(id: string, resource: Json): Json {
    const where = `Resources.${id}.Properties`;
    const { UserPoolId, ...rest } = isObject(resource.Properties) ? resource.Properties : {};
    if (!(isObject(UserPoolId) && UserPoolId.Ref === this.poolId))
      this.warn("other-pool", `${where}.UserPoolId does not refer to the template's user pool ${this.poolId}; imported as part of it anyway`);
    return this.resolve(rest, where) as Json;
  }
}

function readPool(im: Importer, properties: Json): { name: unknown; spec: Json } {
  const where = `Resources.${im.poolId}.Properties`;
  const {
    UserPoolName,
    Policies,
    EnabledMfas,
    EmailAuthenticationMessage,
    EmailAuthenticationSubject,
    WebAuthnRelyingPartyID,
    WebAuthnUserVerification,
    EmailVerificationMessage,
    EmailVerificationSubject,
    SmsVerificationMessage,
    ...rest
  } = im.resolve(properties, where) as Json;
  for (const key of ["Region", "Clients", "ResourceServers", "Domain", "ClientDefaults", "Groups", "IdentityProviders", "PasswordPolicy", "SignInPolicy", "SoftwareTokenMfaConfiguration", "EmailMfaConfiguration", "WebAuthnConfiguration"]) {
    if (key in rest) {
      im.warn("not-in-model", `${where}.${key} is not a property of ${CFN_TYPES.pool}; it was not imported`);
      delete rest[key];
    }
  }
  const spec = im.convert(poolSpecSchema, rest, CFN_POOL_NAMING, where);
  if (isObject(Policies)) {
    const { PasswordPolicy, SignInPolicy, ...other } = Policies;
    for (const key of Object.keys(other)) im.warn("not-in-model", `${where}.Policies.${key} has no place in the pool model and was not imported`);
    if (PasswordPolicy !== undefined) spec.passwordPolicy = fromTarget(poolSpecSchema.shape.passwordPolicy, PasswordPolicy, { naming: CFN_POOL_NAMING, diagnostics: im.diagnostics, where: `${where}.Policies.PasswordPolicy` }, ["passwordPolicy"]);
    if (SignInPolicy !== undefined) spec.signInPolicy = fromTarget(poolSpecSchema.shape.signInPolicy, SignInPolicy, { naming: CFN_POOL_NAMING, diagnostics: im.diagnostics, where: `${where}.Policies.SignInPolicy` }, ["signInPolicy"]);
  }
  const mfas = Array.isArray(EnabledMfas) ? EnabledMfas.map(String) : [];
  for (const factor of mfas) {
    if (factor === "SMS_MFA" && !spec.smsConfiguration) im.warn("not-in-model", `${where}.EnabledMfas lists SMS_MFA without an SmsConfiguration; SMS MFA follows from the SMS configuration in the pool model`);
    else if (!["SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP"].includes(factor)) im.warn("not-in-model", `${where}.EnabledMfas lists ${factor}, which the pool model does not know`);
  }
  if (mfas.includes("SOFTWARE_TOKEN_MFA")) spec.softwareTokenMfaConfiguration = { enabled: true };
  if (mfas.includes("EMAIL_OTP") || EmailAuthenticationMessage !== undefined || EmailAuthenticationSubject !== undefined)
    spec.emailMfaConfiguration = compactOrUndefined({ message: EmailAuthenticationMessage, subject: EmailAuthenticationSubject }) ?? {};
  const webAuthn = compactOrUndefined({ relyingPartyId: WebAuthnRelyingPartyID, userVerification: WebAuthnUserVerification });
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

function readTemplate(text: string, options: CloudFormationImportOptions): ImportResult {
  const fileName = options.fileName ?? "template";
  const parsed = parseDocument(text, { customTags: CFN_READ_TAGS, uniqueKeys: false });
  const first = parsed.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    return { diagnostics: [error("", "unparsable", `${fileName} is not valid YAML or JSON${pos ? ` at line ${pos.line}, column ${pos.col}` : ""}: ${first.message.split("\n")[0]}`)] };
  }
  const template = parsed.toJS({ maxAliasCount: 100 }) as unknown;
  if (!isObject(template) || !isObject(template.Resources)) return { diagnostics: [error("", "not-a-template", `${fileName} is not a CloudFormation template (it has no Resources)`)] };

  const resources = Object.entries(template.Resources).filter((e): e is [string, Json] => isObject(e[1]));
  const pools = resources.filter(([, r]) => r.Type === CFN_TYPES.pool);
  if (pools.length === 0) return { diagnostics: [error("", "no-user-pool", `${fileName} has no ${CFN_TYPES.pool} resource; nothing to import`)] };

  const parameters = new Map<string, unknown>();
  const noEcho = new Map<string, unknown>();
  for (const [name, p] of Object.entries(isObject(template.Parameters) ? template.Parameters : {})) {
    if (isObject(p) && "Default" in p) parameters.set(name, p.Default);
    if (isObject(p) && (p.NoEcho === true || p.NoEcho === "true")) noEcho.set(name, p.Description);
  }

  const [poolId, poolResource] = pools[0];
  const im = new Importer(parameters, poolId);
  if (pools.length > 1) im.warn("several-pools", `${fileName} has ${pools.length} user pools; only ${poolId} was imported`);
  const { name: poolName, spec } = readPool(im, isObject(poolResource.Properties) ? poolResource.Properties : {});

  const studio = isObject(template.Metadata) && isObject(template.Metadata[STUDIO_METADATA]) ? template.Metadata[STUDIO_METADATA] : {};
  const region = typeof studio.Region === "string" ? studio.Region : options.region;
  if (region === undefined)
    im.diagnostics.push(error("spec.region", "no-region", `${fileName} does not record a Region (Metadata.${STUDIO_METADATA}.Region); pass one (cognito-studio import --region)`));
  let name = poolName;
  if (name === undefined) {
    im.warn("no-pool-name", `Resources.${poolId}.Properties.UserPoolName is not set (CloudFormation would generate one); the logical id ${poolId} is used as the pool name`);
    name = poolId;
  }

  const resourceServers: Json[] = [];
  const clients: Json[] = [];
  const domains: Json[] = [];
  const groups: Json[] = [];
  const identityProviders: Json[] = [];
  for (const [id, resource] of resources) {
    for (const key of Object.keys(resource)) if (!RESOURCE_ATTRIBUTES.has(key)) im.warn("not-in-model", `Resources.${id}.${key} is not a resource attribute the importer knows; it was not imported`);
    if (resource.Condition !== undefined) im.warn("not-in-model", `Resources.${id}.Condition is not part of the pool model; ${id} was imported unconditionally`);
    if (id === poolId) continue;
    const where = `Resources.${id}.Properties`;
    if (resource.Type === CFN_TYPES.resourceServer) resourceServers.push(im.convert(resourceServerSchema, im.childProperties(id, resource), CFN_RESOURCE_SERVER_NAMING, where));
    else if (resource.Type === CFN_TYPES.client) clients.push(im.convert(appClientSchema, im.childProperties(id, resource), CFN_CLIENT_NAMING, where));
    else if (resource.Type === CFN_GROUP) groups.push(groupFromProperties(im.childProperties(id, resource), where, im.diagnostics));
    else if (resource.Type === CFN_IDENTITY_PROVIDER) {
      // The secret comes out before intrinsics are resolved: a NoEcho parameter has no default to read.
      const raw = isObject(resource.Properties) ? resource.Properties : {};
      const { properties, secretRef } = takeProviderSecret(raw, noEcho, where, im.diagnostics);
      identityProviders.push(identityProviderFromProperties(im.childProperties(id, { ...resource, Properties: properties }), secretRef, where, im.diagnostics));
    }
    else if (resource.Type === CFN_TYPES.domain) {
      const { Domain, CustomDomainConfig, ManagedLoginVersion, ...other } = im.childProperties(id, resource);
      for (const key of Object.keys(other)) im.warn("not-in-model", `${where}.${key} has no place in the pool model and was not imported`);
      const certificateArn = isObject(CustomDomainConfig) ? CustomDomainConfig.CertificateArn : undefined;
      domains.push(compactOrUndefined({ domain: Domain, certificateArn, managedLoginVersion: ManagedLoginVersion }) ?? {});
    } else im.warn("not-in-model", `Resources.${id} (${String(resource.Type)}) is not part of the pool model; it was not imported`);
  }
  if (domains.length > 1) im.warn("several-domains", `${fileName} has ${domains.length} user pool domains; only the first was imported`);
  for (const key of Object.keys(template)) {
    if (["AWSTemplateFormatVersion", "Description", "Resources", "Parameters", "Metadata"].includes(key)) continue;
    im.warn("not-in-model", `${fileName}: the template's ${key} section is not part of the pool model; it was not imported`);
  }

  const document = {
    apiVersion: POOL_API_VERSION,
    kind: POOL_KIND,
    metadata: { name, ...(isObject(studio.Labels) ? { labels: studio.Labels } : {}) },
    spec: {
      region,
      ...spec,
      ...(resourceServers.length ? { resourceServers } : {}),
      ...(domains.length ? { domain: domains[0] } : {}),
      ...(clients.length ? { clients } : {}),
      ...(groups.length ? { groups } : {}),
      ...(identityProviders.length ? { identityProviders } : {}),
    },
  };
  return finishImport(document, im.diagnostics);
}

/** Reads a CloudFormation template (YAML or JSON) into a pool document. Never throws. */
export function parseCloudFormation(text: string, options: CloudFormationImportOptions = {}): ImportResult {
  try {
    return { ...readTemplate(text, options), sourceKind: "cloudformation" };
  } catch (cause) {
    return { diagnostics: [error("", "internal-error", `the CloudFormation import failed: ${describeError(cause)}`)], sourceKind: "cloudformation" };
  }
}
