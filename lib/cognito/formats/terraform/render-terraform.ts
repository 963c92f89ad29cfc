/**
 * Exports a pool document as plain Terraform (hashicorp/aws provider): `aws_cognito_user_pool` (with its MFA
 * settings), `aws_cognito_resource_server`, `aws_cognito_user_pool_domain`, `aws_cognito_user_pool_client`,
 * `aws_cognito_identity_provider` and `aws_cognito_user_group` (groups-idps.ts; provider secrets are sensitive
 * variables),
 * in the style of the Terraform blog post ("AWS Cognito Setup with Terraform") and laid out as `terraform fmt` would. Argument names come from
 * the Terraform AWS provider docs (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool
 * and its siblings). Never throws; what Terraform cannot express is a warning.
 *
 * Choices that avoid the AWS provider's known perpetual diffs (each is marked `PERPETUAL DIFF` below):
 * 1. String and Number schema attributes always carry their constraints block.
 * 2. (No longer needed: token validity units are written only as the document sets them; see clientResource.)
 * 3. Verification messages go only in `verification_message_template`, never the legacy top-level arguments.
 * 4. `software_token_mfa_configuration { enabled = false }` is not written while MFA is off.
 */
import { type AppClientSpec, appClientSettingsSchema } from "../../spec/client-schema";
import { type Diagnostic, warning } from "../../spec/diagnostics";
import type { PoolDocument } from "../../spec/document-schema";
import { domainSchema } from "../../spec/domain-schema";
import { type PoolSpec, poolSpecSchema } from "../../spec/pool-schema";
import { type ResourceServerSpec, resourceServerSchema } from "../../spec/resource-server-schema";
import { STANDARD_ATTRIBUTES, type SchemaAttributeSpec } from "../../spec/schema-attribute-schema";
import { effectiveClient } from "../../spec/client-defaults";
import { NameAllocator, clientDefaultsInlined, emptyListWarnings, describeError, loneCustomDomainWarnings, terraformSmsMfaWarnings } from "../common";
import { toTarget } from "../shape-walk";
import type { ExportResult, ExportedFile } from "../types";
import { type SensitiveVariable, groupResource, identityProviderResource, sensitiveVariableNodes } from "./groups-idps";
import { logDeliveryResources, riskConfigurationResources } from "./risk-logs";
import { emptyAssetsWarnings, managedLoginBrandingResource, managedLoginBrandingVersionWarning, uiCustomizationResource } from "./branding";
import { providerVersionConstraintOfNodes } from "./provider-versions";
import { HclExpression, type HclNode, type HclValue, attr, blank, block, comment, expr, quote, renderHcl } from "./hcl";
import {
  TF_CLIENT_NAMING,
  TF_DOMAIN_NAMING,
  TF_POOL_NAMING,
  TF_RESOURCE_SERVER_NAMING,
  TF_TYPES,
  standardStringDefaults,
} from "./naming";

export interface TerraformExportOptions {
  /**
   * Per-environment values (region, each client's callback and logout URLs, the domain) become input
   * variables declared in `variables.tf`, defaulting to the document's values.
   */
  variables?: boolean;
  /**
   * Ids of the live pool this document describes: `import {}` blocks (imports.tf) adopt the existing
   * resources instead of creating new ones. `clients` maps client name → client id.
   */
  liveIds?: { userPoolId: string; clients?: Readonly<Record<string, string>> };
}


const POOL = `${TF_TYPES.pool}.this`;

/**
 * Target-shape JSON (hcl2json's shape: blocks are lists of objects) → HCL nodes: attributes, then maps, then
 * blocks. (Plain loops: the export calls this for each of 1,000 clients and their blocks.)
 */
function toNodes(value: Record<string, unknown>, first: readonly HclNode[] = []): HclNode[] {
  const body: HclNode[] = first.slice();
  let maps: HclNode[] | undefined;
  let blocks: HclNode[] | undefined;
  for (const key in value) {
    const v = value[key];
    if (v === undefined || !Object.hasOwn(value, key)) continue;
    if (isBlockList(v)) {
      blocks ??= [];
      for (const item of v) blocks.push(blank, block(key, [], toNodes(item)));
    } else if (v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof HclExpression)) {
      maps ??= [];
      maps.push(blank, attr(key, v as HclValue));
    } else body.push(attr(key, v as HclValue));
  }
  if (maps) for (const node of maps) body.push(node);
  if (blocks) for (const node of blocks) body.push(node);
  let start = 0;
  while (body[start]?.kind === "blank") start++;
  return start === 0 ? body : body.slice(start);
}

/** A non-empty list of objects: hcl2json's shape of repeated blocks. */
function isBlockList(v: unknown): v is Record<string, unknown>[] {
  if (!Array.isArray(v) || v.length === 0) return false;
  for (const item of v) if (item === null || typeof item !== "object" || Array.isArray(item)) return false;
  return true;
}

function resource(type: string, label: string, body: readonly HclNode[]): HclNode {
  return block("resource", [type, label], body);
}

interface Context {
  doc: PoolDocument;
  spec: PoolSpec;
  options: TerraformExportOptions;
  diagnostics: Diagnostic[];
  variables: { name: string; type: string; description: string; value: HclValue }[];
  /** Provider secrets: `sensitive`, no default (supplied at apply time). */
  secretVariables: SensitiveVariable[];
  resourceServerLabels: Map<string, string>;
  providerLabels: Map<string, string>;
  /** The resource servers' scopes by their full names (scopeOwners). */
  scopeOwners: Map<string, ScopeOwner>;
}

function variable(ctx: Context, name: string, type: string, description: string, value: HclValue): HclValue {
  ctx.variables.push({ name, type, description, value });
  return expr(`var.${name}`);
}

function schemaAttributeTarget(attribute: SchemaAttributeSpec): Record<string, unknown> {
  const target = toTarget(poolSpecSchema.shape.schemaAttributes.unwrap().element, attribute, TF_POOL_NAMING, ["schemaAttributes"]) as Record<string, unknown>;
  const standard = Object.hasOwn(STANDARD_ATTRIBUTES, attribute.name);
  // PERPETUAL DIFF 1: without `string_attribute_constraints` / `number_attribute_constraints` the provider plans
  // to replace the pool on every run (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool, "schema" note). Custom
  // attributes get an empty block; standard ones get AWS's documented defaults, which is what AWS stores.
  if (attribute.attributeDataType === "String" && !attribute.stringAttributeConstraints) {
    const defaults = standard ? standardStringDefaults(attribute.name) : undefined;
    target.string_attribute_constraints = [defaults ? { min_length: defaults.minLength, max_length: defaults.maxLength } : {}];
  }
  if (attribute.attributeDataType === "Number" && !attribute.numberAttributeConstraints) target.number_attribute_constraints = [{}];
  return target;
}

function poolResource(ctx: Context): HclNode {
  const { spec } = ctx;
  const rest: Record<string, unknown> = { ...spec };
  for (const key of ["region", "clients", "resourceServers", "domain", "customDomain", "clientDefaults", "schemaAttributes", "softwareTokenMfaConfiguration", "smsMfaConfiguration", "groups", "identityProviders", "terms", "riskConfiguration", "logDeliveryConfiguration", "managedLoginBranding", "uiCustomizations"]) delete rest[key];
  ctx.diagnostics.push(...terraformSmsMfaWarnings(spec, "Terraform"));
  // No 6.x release has it either: `web_authn_configuration` holds `relying_party_id` and `user_verification` only;
  // `factor_configuration` is proposed in https://github.com/hashicorp/terraform-provider-aws/pull/48388, not merged.
  if (spec.webAuthnConfiguration?.factorConfiguration !== undefined) {
    ctx.diagnostics.push(
      warning(
        "spec.webAuthnConfiguration.factorConfiguration",
        "not-expressible",
        "the Terraform AWS provider's web_authn_configuration has no factor configuration in the provider docs this exporter follows (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool#web_authn_configuration): passkeys as MFA are not exported",
      ),
    );
    const { factorConfiguration: _factor, ...webAuthn } = spec.webAuthnConfiguration;
    rest.webAuthnConfiguration = Object.keys(webAuthn).length > 0 ? webAuthn : undefined;
  }
  if (spec.lambdaConfig?.inboundFederation) {
    ctx.diagnostics.push(
      warning(
        "spec.lambdaConfig.inboundFederation",
        "not-expressible",
        "the Terraform AWS provider's lambda_config has no inbound federation trigger (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool); it is not exported",
      ),
    );
    const { inboundFederation: _omitted, ...lambda } = spec.lambdaConfig;
    void _omitted;
    rest.lambdaConfig = lambda;
  }
  const target = toTarget(poolSpecSchema, rest, TF_POOL_NAMING) as Record<string, unknown>;
  if (spec.schemaAttributes) target.schema = spec.schemaAttributes.map(schemaAttributeTarget);
  const software = spec.softwareTokenMfaConfiguration;
  if (software) {
    // PERPETUAL DIFF 4: "To disable software token MFA … the software_token_mfa_configuration configuration block
    // must be fully removed" while MFA is off (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool).
    if (!software.enabled && (spec.mfaConfiguration ?? "OFF") === "OFF") {
      ctx.diagnostics.push(
        warning(
          "spec.softwareTokenMfaConfiguration.enabled",
          "written-as-absent",
          "TOTP MFA switched off is written by leaving out software_token_mfa_configuration (the provider requires that while MFA is OFF); it reads back as unset",
        ),
      );
    } else target.software_token_mfa_configuration = [{ enabled: software.enabled }];
  }
  const name = ctx.doc.metadata.name;
  return resource(TF_TYPES.pool, "this", toNodes(target, [attr("name", name)]));
}

function resourceServerResource(ctx: Context, server: ResourceServerSpec, label: string): HclNode {
  const target = toTarget(resourceServerSchema, server, TF_RESOURCE_SERVER_NAMING) as Record<string, unknown>;
  const { identifier, name, ...blocks } = target;
  return resource(TF_TYPES.resourceServer, label, toNodes(blocks, [attr("identifier", identifier as string), attr("name", name as string), attr("user_pool_id", expr(`${POOL}.id`))]));
}

/** The labels of the pool's domain resources: `this` for `spec.domain`, `custom` for `spec.customDomain`. */
const DOMAIN_LABELS = { domain: "this", customDomain: "custom" } as const;

/** The label of the domain resource that is a custom domain (it needs a DNS record), if any. */
function customDomainLabel(spec: PoolSpec): string | undefined {
  if (spec.customDomain) return DOMAIN_LABELS.customDomain;
  return spec.domain?.certificateArn !== undefined ? DOMAIN_LABELS.domain : undefined;
}

function domainResource(ctx: Context, slot: keyof typeof DOMAIN_LABELS): HclNode | undefined {
  const domain = ctx.spec[slot];
  if (!domain) return undefined;
  const target = toTarget(domainSchema, domain, TF_DOMAIN_NAMING) as Record<string, unknown>;
  if (ctx.options.variables && slot === "domain")
    target.domain = variable(ctx, "domain", "string", "Domain prefix (or fully-qualified custom domain) of the hosted sign-in pages.", domain.domain);
  if (ctx.options.variables && slot === "customDomain")
    target.domain = variable(ctx, "custom_domain", "string", "Custom domain of the hosted sign-in pages, beside the prefix domain.", domain.domain);
  // managed_login_version is an argument of the provider's domain resource since 5.x (not yet in the
  // provider docs of the 5.100 release this exporter follows); it is written only when the document sets it.
  return resource(TF_TYPES.domain, DOMAIN_LABELS[slot], [
    ...toNodes(target, []),
    attr("user_pool_id", expr(`${POOL}.id`)),
    blank,
    // As in the blog post's Terraform: a new domain is created before the old one is destroyed.
    block("lifecycle", [], [attr("create_before_destroy", true)]),
  ]);
}

/**
 * `allowed_oauth_scopes` with references to the resource servers, so Terraform creates the scopes before the
 * client (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html: custom scopes must exist before a client lists them, or the call fails with ScopeDoesNotExistException). A run of all of one
 * server's scopes, in its order, becomes `scope_identifiers` (as in the blog post's Terraform); single scopes become
 * `"${aws_cognito_resource_server.x.identifier}/name"`. List order is kept.
 */
export function scopesValue(scopes: readonly string[], servers: readonly ResourceServerSpec[], labels: ReadonlyMap<string, string>): HclValue {
  return scopesValueOf(scopes, scopeOwners(servers), labels);
}

/** A scope's server and its name there; `all` is every scope of that server, in its order, as clients list them. */
interface ScopeOwner {
  server: ResourceServerSpec;
  scopeName: string;
  all: readonly string[];
}

/**
 * Each `identifier/name` of the servers' scopes → its server (the first server that has it, as a scan in
 * order would find), worked out once per export rather than once per scope of each of 1,000 clients.
 */
function scopeOwners(servers: readonly ResourceServerSpec[]): Map<string, ScopeOwner> {
  const owners = new Map<string, ScopeOwner>();
  for (const server of servers) {
    const all = (server.scopes ?? []).map((s) => `${server.identifier}/${s.name}`);
    (server.scopes ?? []).forEach((s, i) => {
      if (!owners.has(all[i])) owners.set(all[i], { server, scopeName: s.name, all });
    });
  }
  return owners;
}

type ScopeSegment = { literal: string[] } | { reference: string };

function scopesValueOf(scopes: readonly string[], owners: ReadonlyMap<string, ScopeOwner>, labels: ReadonlyMap<string, string>): HclValue {
  const segments: ScopeSegment[] = [];
  for (let i = 0; i < scopes.length; ) {
    const found = owners.get(scopes[i]);
    if (!found) {
      pushLiteral(segments, quote(scopes[i]));
      i++;
      continue;
    }
    const label = labels.get(found.server.identifier) ?? "";
    const { all } = found;
    let whole = all[0] === scopes[i];
    for (let k = 0; whole && k < all.length; k++) whole = scopes[i + k] === all[k];
    if (whole) {
      segments.push({ reference: `${TF_TYPES.resourceServer}.${label}.scope_identifiers` });
      i += all.length;
    } else {
      pushLiteral(segments, `"\${${TF_TYPES.resourceServer}.${label}.identifier}/${quote(found.scopeName).slice(1, -1)}"`);
      i++;
    }
  }
  const parts = segments.map((s) => ("reference" in s ? s.reference : `[${s.literal.join(", ")}]`));
  if (segments.length === 1 && "literal" in segments[0]) return expr(parts[0]);
  return expr(parts.length === 1 ? parts[0] : `concat(${parts.join(", ")})`);
}

function pushLiteral(segments: ScopeSegment[], item: string): void {
  const last = segments[segments.length - 1];
  if (last && "literal" in last) last.literal.push(item);
  else segments.push({ literal: [item] });
}

function clientResource(ctx: Context, client: AppClientSpec, label: string, index: number): HclNode {
  const effective = effectiveClient(ctx.spec, client);
  const { name, ...settings } = effective;
  if (settings.refreshTokenRotation) {
    ctx.diagnostics.push(
      warning(
        `spec.clients[${index}].refreshTokenRotation`,
        "not-expressible",
        `client "${name}": refresh token rotation is not an argument of aws_cognito_user_pool_client in the provider docs this exporter follows (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool_client); it is not exported`,
      ),
    );
    delete settings.refreshTokenRotation;
  }
  const target = toTarget(appClientSettingsSchema, settings, TF_CLIENT_NAMING) as Record<string, unknown>;
  // Token validity units: only those the document sets. The provider gives each absent unit its default (access
  // and ID tokens in hours, refresh tokens in days) and keeps an absent block absent when AWS reports those defaults
  // (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool_client#token_validity_units),
  // so writing the defaults out would only make the file say more than the design.
  if (settings.allowedOAuthScopes) target.allowed_oauth_scopes = scopesValueOf(settings.allowedOAuthScopes, ctx.scopeOwners, ctx.resourceServerLabels);
  if (ctx.options.variables) {
    if (settings.callbackUrls) target.callback_urls = variable(ctx, `${label}_callback_urls`, "list(string)", `Callback URLs of the app client "${name}".`, settings.callbackUrls);
    if (settings.logoutUrls) target.logout_urls = variable(ctx, `${label}_logout_urls`, "list(string)", `Sign-out URLs of the app client "${name}".`, settings.logoutUrls);
  }
  const body = toNodes(target, [attr("name", name), attr("user_pool_id", expr(`${POOL}.id`))]);
  // The providers a client lists must exist first (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html: SupportedIdentityProviders names the IdPs configured in the pool).
  const providers = (settings.supportedIdentityProviders ?? []).flatMap((p) => (ctx.providerLabels.has(p) ? [`${TF_TYPES.identityProvider}.${ctx.providerLabels.get(p)}`] : []));
  if (providers.length > 0) body.push(blank, attr("depends_on", expr(`[${providers.join(", ")}]`)));
  return resource(TF_TYPES.client, label, body);
}

function variablesFile(ctx: Context): string {
  const nodes: HclNode[] = sensitiveVariableNodes(ctx.secretVariables);
  for (const v of ctx.variables) {
    if (nodes.length) nodes.push(blank);
    nodes.push(block("variable", [v.name], [attr("type", expr(v.type)), attr("description", v.description), attr("default", v.value)]));
  }
  return renderHcl(nodes);
}

function importsFile(ctx: Context, labels: { clients: Map<string, string>; servers: Map<string, string>; groups: Map<string, string> }): string {
  const live = ctx.options.liveIds;
  if (!live) return "";
  // Import ids: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool#import (pool id; pool/client; pool|identifier; the domain string).
  const imports: { to: string; id: string }[] = [{ to: POOL, id: live.userPoolId }];
  for (const server of ctx.spec.resourceServers ?? [])
    imports.push({ to: `${TF_TYPES.resourceServer}.${labels.servers.get(server.identifier)}`, id: `${live.userPoolId}|${server.identifier}` });
  if (ctx.spec.domain) imports.push({ to: `${TF_TYPES.domain}.${DOMAIN_LABELS.domain}`, id: ctx.spec.domain.domain });
  if (ctx.spec.customDomain) imports.push({ to: `${TF_TYPES.domain}.${DOMAIN_LABELS.customDomain}`, id: ctx.spec.customDomain.domain });
  // aws_cognito_identity_provider: "user_pool_id:provider_name"; aws_cognito_user_group: "user_pool_id/name".
  for (const provider of ctx.spec.identityProviders ?? [])
    imports.push({ to: `${TF_TYPES.identityProvider}.${ctx.providerLabels.get(provider.providerName)}`, id: `${live.userPoolId}:${provider.providerName}` });
  for (const group of ctx.spec.groups ?? []) imports.push({ to: `${TF_TYPES.group}.${labels.groups.get(group.name)}`, id: `${live.userPoolId}/${group.name}` });
  (ctx.spec.clients ?? []).forEach((client, i) => {
    const id = live.clients?.[client.name];
    if (id) imports.push({ to: `${TF_TYPES.client}.${labels.clients.get(client.name)}`, id: `${live.userPoolId}/${id}` });
    else
      ctx.diagnostics.push(
        warning(`spec.clients[${i}]`, "no-live-id", `client "${client.name}" has no live client id, so it gets no import block and Terraform will create it`),
      );
  });
  const nodes: HclNode[] = [comment("Adopts the existing resources into Terraform state instead of creating new ones (Terraform >= 1.5)."), blank];
  imports.forEach((i, n) => {
    if (n > 0) nodes.push(blank);
    nodes.push(block("import", [], [attr("to", expr(i.to)), attr("id", i.id)]));
  });
  return renderHcl(nodes);
}

function render(doc: PoolDocument, options: TerraformExportOptions): ExportResult {
  const spec = doc.spec;
  const ctx: Context = { doc, spec, options, diagnostics: [], variables: [], secretVariables: [], resourceServerLabels: new Map(), providerLabels: new Map(), scopeOwners: scopeOwners(spec.resourceServers ?? []) };
  ctx.diagnostics.push(...clientDefaultsInlined(spec, "Plain Terraform"), ...emptyListWarnings(spec, "Terraform"), ...loneCustomDomainWarnings(spec, "Terraform"));
  // The AWS provider (5.100) has no resource for terms documents (https://registry.terraform.io/providers/hashicorp/aws/latest/docs).
  if (spec.terms?.length)
    ctx.diagnostics.push(warning("spec.terms", "not-expressible", "the Terraform AWS provider has no resource for terms documents (terms of use, privacy policy); they are not exported: create them with the AWS CLI (aws cognito-idp create-terms) or CloudFormation (AWS::Cognito::Terms)"));
  if (doc.metadata.labels && Object.keys(doc.metadata.labels).length > 0)
    ctx.diagnostics.push(warning("metadata.labels", "not-expressible", "Terraform has no place for the document's labels; they are not exported (tags are spec.userPoolTags)"));

  const serverNames = new NameAllocator("snake");
  for (const server of spec.resourceServers ?? []) ctx.resourceServerLabels.set(server.identifier, serverNames.allocate(server.name, "resource_server"));
  const clientNames = new NameAllocator("snake");
  const clientLabels = new Map<string, string>();
  for (const client of spec.clients ?? []) clientLabels.set(client.name, clientNames.allocate(client.name, "client"));
  const providerNames = new NameAllocator("snake");
  for (const provider of spec.identityProviders ?? []) ctx.providerLabels.set(provider.providerName, providerNames.allocate(provider.providerName, "identity_provider"));
  const groupNames = new NameAllocator("snake");
  const groupLabels = new Map<string, string>();
  for (const group of spec.groups ?? []) groupLabels.set(group.name, groupNames.allocate(group.name, "group"));

  // The provider block first, so `region` is the first variable, as it is the first thing main.tf says.
  const provider = providerBlock(ctx, spec.region, options.variables === true);
  const nodes: HclNode[] = [poolResource(ctx)];
  for (const server of spec.resourceServers ?? []) nodes.push(blank, resourceServerResource(ctx, server, ctx.resourceServerLabels.get(server.identifier) ?? "resource_server"));
  for (const slot of ["domain", "customDomain"] as const) {
    const domain = domainResource(ctx, slot);
    if (domain) nodes.push(blank, domain);
  }
  nodes.push(...customDomainDnsNodes(ctx));
  for (const provider of spec.identityProviders ?? [])
    nodes.push(blank, identityProviderResource(provider, ctx.providerLabels.get(provider.providerName) ?? "identity_provider", expr(`${POOL}.id`), ctx.secretVariables));
  (spec.clients ?? []).forEach((client, i) => nodes.push(blank, clientResource(ctx, client, clientLabels.get(client.name) ?? "client", i)));
  for (const group of spec.groups ?? []) nodes.push(blank, groupResource(group, groupLabels.get(group.name) ?? "group", expr(`${POOL}.id`)));
  for (const risk of riskConfigurationResources(spec, clientLabels, new NameAllocator("snake"), POOL, toNodes, ctx.diagnostics)) nodes.push(blank, risk);
  for (const logs of logDeliveryResources(spec, POOL, toNodes, ctx.diagnostics)) nodes.push(blank, logs);
  nodes.push(...brandingNodes(ctx, clientLabels, spec.domain !== undefined || spec.customDomain !== undefined));

  // The provider floor is read off the resources as written: the lowest release that accepts all of them.
  const version = providerVersionConstraintOfNodes(nodes);
  const head: HclNode[] = [
    comment(`User pool "${doc.metadata.name}", exported by Cognito Studio.`),
    blank,
    block("terraform", [], [block("required_providers", [], [attr("aws", { source: "hashicorp/aws", version })])]),
    blank,
    ...provider,
  ];
  const files: ExportedFile[] = [{ path: "main.tf", content: renderHcl([...head, ...nodes]) }];
  if (ctx.variables.length > 0 || ctx.secretVariables.length > 0) files.push({ path: "variables.tf", content: variablesFile(ctx) });
  if (options.liveIds) files.push({ path: "imports.tf", content: importsFile(ctx, { clients: clientLabels, servers: ctx.resourceServerLabels, groups: groupLabels }) });
  return { files, diagnostics: ctx.diagnostics };
}

/** Managed login styles and classic customizations, each naming its client's resource. */
function brandingNodes(ctx: Context, clientLabels: ReadonlyMap<string, string>, hasDomain: boolean): HclNode[] {
  const clientId = (name: string) => {
    const label = clientLabels.get(name);
    return label ? expr(`${TF_TYPES.client}.${label}.id`) : name;
  };
  const styleNames = new NameAllocator("snake");
  const customizationNames = new NameAllocator("snake");
  const nodes: HclNode[] = [];
  for (const style of ctx.spec.managedLoginBranding ?? [])
    nodes.push(blank, managedLoginBrandingResource(style, styleNames.allocate(style.clientName, "branding"), expr(`${POOL}.id`), clientId));
  for (const customization of ctx.spec.uiCustomizations ?? [])
    nodes.push(blank, uiCustomizationResource(customization, customizationNames.allocate(customization.clientName.toLowerCase(), "ui"), expr(`${POOL}.id`), clientId, hasDomain ? `${TF_TYPES.domain}.this` : undefined));
  ctx.diagnostics.push(...managedLoginBrandingVersionWarning(ctx.spec.managedLoginBranding?.length ?? 0), ...emptyAssetsWarnings(ctx.spec.managedLoginBranding ?? []));
  return nodes;
}

/**
 * What a custom domain needs beyond Cognito: a DNS alias to its CloudFront distribution. The distribution is an
 * output; the Route 53 alias record is written as in the provider's own example
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool_domain), opt-in:
 * it is created only when `route53_zone_id` names the hosted zone (other DNS: a CNAME to the output).
 */
function customDomainDnsNodes(ctx: Context): HclNode[] {
  const label = customDomainLabel(ctx.spec);
  if (!label) return [];
  const domain = `${TF_TYPES.domain}.${label}`;
  const name = (label === DOMAIN_LABELS.customDomain ? ctx.spec.customDomain : ctx.spec.domain)?.domain ?? "";
  const zone = variable(ctx, "route53_zone_id", "string", `Route 53 hosted zone of ${name}: set it to create the alias record; leave null and point a CNAME at the custom_domain_cloudfront_distribution output in your own DNS.`, null);
  return [
    blank,
    resource("aws_route53_record", "custom_domain", [
      attr("count", expr("var.route53_zone_id == null ? 0 : 1")),
      attr("zone_id", zone),
      attr("name", expr(`${domain}.domain`)),
      attr("type", "A"),
      blank,
      block("alias", [], [
        attr("name", expr(`${domain}.cloudfront_distribution`)),
        attr("zone_id", expr(`${domain}.cloudfront_distribution_zone_id`)),
        attr("evaluate_target_health", false),
      ]),
    ]),
    blank,
    block("output", ["custom_domain_cloudfront_distribution"], [
      attr("description", `The CloudFront distribution ${name} must point at: a Route 53 alias (A) record, or a CNAME in other DNS.`),
      attr("value", expr(`${domain}.cloudfront_distribution`)),
    ]),
  ];
}

/**
 * The `provider "aws"` block with the design's Region (a variable with `variables`). A design without a Region
 * gets none: the Region then comes from the provider's configuration (AWS_REGION, a profile, or a provider
 * block of the calling root module), as the Terraform AWS provider documents.
 */
function providerBlock(ctx: Context, region: string | undefined, variables: boolean): HclNode[] {
  if (region === undefined) return [comment("No provider region: the design names no Region; the aws provider's configuration gives it."), blank];
  return [block("provider", ["aws"], [attr("region", variables ? variable(ctx, "region", "string", "AWS Region of the user pool.", region) : region)]), blank];
}

/** Renders `doc` as Terraform files (main.tf, plus variables.tf / imports.tf when asked). Never throws. */
export function renderTerraform(doc: PoolDocument, options: TerraformExportOptions = {}): ExportResult {
  try {
    return render(doc, options);
  } catch (cause) {
    return { files: [], diagnostics: [{ severity: "error", path: "", code: "internal-error", message: `the Terraform export failed: ${describeError(cause)}` }] };
  }
}
