/**
 * Exports a pool document as a CloudFormation template in YAML: `AWS::Cognito::UserPool`, `UserPoolClient`,
 * `UserPoolResourceServer`, `UserPoolDomain`, `UserPoolIdentityProvider` and `UserPoolGroup` (groups-idps.ts:
 * provider secrets are dynamic references or NoEcho parameters). Property names follow the resource schemas cfn-lint ships;
 * the integration test runs cfn-lint on every preset's export. Never throws; what CloudFormation cannot
 * express is a warning.
 */
import { appClientSchema } from "../../spec/client-schema";
import { type Diagnostic, warning } from "../../spec/diagnostics";
import type { PoolDocument } from "../../spec/document-schema";
import { poolSpecSchema } from "../../spec/pool-schema";
import { resourceServerSchema } from "../../spec/resource-server-schema";
import { effectiveClient } from "../../spec/client-defaults";
import { CFN_MANAGED_LOGIN_BRANDING, CFN_UI_CUSTOMIZATION, managedLoginBrandingProperties, uiCustomizationProperties } from "./branding";
import { NameAllocator, clientDefaultsInlined, emptyListWarnings, loneCustomDomainWarnings, compactOrUndefined, describeError } from "../common";
import { toTarget } from "../shape-walk";
import type { ExportResult } from "../types";
import { CFN_GROUP, CFN_IDENTITY_PROVIDER, type NoEchoParameter, groupProperties, identityProviderProperties, noEchoParameters } from "./groups-idps";
import { CfnGetAtt, CfnRef } from "./intrinsics";
import type { ApiAuthorizer } from "../../api-authorizer/api-routes-schema";
import { renderCloudFormationApi } from "../../api-authorizer/render-cloudformation-api";
import { riskLogsResources } from "./risk-logs";
import { writeYaml } from "../fast-yaml";
import { CFN_TERMS, termsProperties } from "./terms";
import { CFN_CLIENT_NAMING, CFN_POOL_NAMING, CFN_RESOURCE_SERVER_NAMING, CFN_TYPES, STUDIO_METADATA } from "./naming";

/** CloudFormation caps `WebAuthnRelyingPartyID` at 63 characters (the API allows 127). */
const CFN_RELYING_PARTY_ID_MAX = 63;

/** The pool's own keys CloudFormation spells differently; the generic mapping skips them. */
const SPECIAL_POOL_KEYS = [
  "region",
  "clients",
  "resourceServers",
  "domain",
  "clientDefaults",
  "groups",
  "identityProviders",
  "terms",
  "passwordPolicy",
  "signInPolicy",
  "softwareTokenMfaConfiguration",
  "smsMfaConfiguration",
  "emailMfaConfiguration",
  "webAuthnConfiguration",
  "riskConfiguration",
  "logDeliveryConfiguration",
  "customDomain",
  // Resources of their own (AWS::Cognito::ManagedLoginBranding, UserPoolUICustomizationAttachment): cfn-lint
  // found them written as UserPool properties too (E3002).
  "managedLoginBranding",
  "uiCustomizations",
];

function poolProperties(doc: PoolDocument, diagnostics: Diagnostic[]): Record<string, unknown> {
  const spec = doc.spec;
  const rest: Record<string, unknown> = { ...spec };
  for (const key of SPECIAL_POOL_KEYS) delete rest[key];
  const properties: Record<string, unknown> = { UserPoolName: doc.metadata.name, ...(toTarget(poolSpecSchema, rest, CFN_POOL_NAMING) as Record<string, unknown>) };
  const policies = compactOrUndefined({
    PasswordPolicy: toTarget(poolSpecSchema.shape.passwordPolicy, spec.passwordPolicy, CFN_POOL_NAMING),
    SignInPolicy: toTarget(poolSpecSchema.shape.signInPolicy, spec.signInPolicy, CFN_POOL_NAMING),
  });
  if (policies) properties.Policies = policies;

  // MFA factors are one list in CloudFormation (EnabledMfas), SMS MFA among them (SMS_MFA, with its SmsConfiguration).
  const enabled: string[] = [];
  if (spec.softwareTokenMfaConfiguration?.enabled) enabled.push("SOFTWARE_TOKEN_MFA");
  else if (spec.softwareTokenMfaConfiguration)
    diagnostics.push(
      warning("spec.softwareTokenMfaConfiguration.enabled", "written-as-absent", "TOTP MFA switched off is written by leaving SOFTWARE_TOKEN_MFA out of EnabledMfas; it reads back as unset"),
    );
  if (spec.smsMfaConfiguration?.enabled) enabled.push("SMS_MFA");
  else if (spec.smsMfaConfiguration)
    diagnostics.push(warning("spec.smsMfaConfiguration.enabled", "written-as-absent", "SMS MFA switched off is written by leaving SMS_MFA out of EnabledMfas; it reads back as unset"));
  if (spec.emailMfaConfiguration) {
    enabled.push("EMAIL_OTP");
    if (spec.emailMfaConfiguration.message) properties.EmailAuthenticationMessage = spec.emailMfaConfiguration.message;
    if (spec.emailMfaConfiguration.subject) properties.EmailAuthenticationSubject = spec.emailMfaConfiguration.subject;
  }
  if (enabled.length > 0) properties.EnabledMfas = enabled;

  const webAuthn = spec.webAuthnConfiguration;
  if (webAuthn) {
    if (webAuthn.relyingPartyId !== undefined) {
      if (webAuthn.relyingPartyId.length > CFN_RELYING_PARTY_ID_MAX)
        diagnostics.push(
          warning("spec.webAuthnConfiguration.relyingPartyId", "not-expressible", `CloudFormation allows at most ${CFN_RELYING_PARTY_ID_MAX} characters in WebAuthnRelyingPartyID; it is not exported`),
        );
      else properties.WebAuthnRelyingPartyID = webAuthn.relyingPartyId;
    }
    if (webAuthn.userVerification !== undefined) properties.WebAuthnUserVerification = webAuthn.userVerification;
    if (webAuthn.factorConfiguration !== undefined) properties.WebAuthnFactorConfiguration = webAuthn.factorConfiguration;
    if (webAuthn.relyingPartyId === undefined && webAuthn.userVerification === undefined && webAuthn.factorConfiguration === undefined)
      diagnostics.push(warning("spec.webAuthnConfiguration", "written-as-absent", "an empty webAuthnConfiguration has no CloudFormation property; it reads back as unset"));
  }
  return properties;
}

/** What the renderers of one template share: the ids they allocate and the references between resources. */
interface RenderContext {
  spec: PoolDocument["spec"];
  ids: NameAllocator;
  pool: CfnRef;
  resources: Record<string, unknown>;
  diagnostics: Diagnostic[];
  serverIds: Map<string, string>;
  providerIds: Map<string, string>;
  clientIds: Map<string, string>;
  parameters: NoEchoParameter[];
  dns?: ReturnType<typeof customDomainDns>;
}

function renderResourceServers(ctx: RenderContext): void {
  for (const server of ctx.spec.resourceServers ?? []) {
    const id = ctx.ids.allocate(`${server.name} ResourceServer`, "ResourceServer");
    ctx.serverIds.set(server.identifier, id);
    const target = toTarget(resourceServerSchema, server, CFN_RESOURCE_SERVER_NAMING) as Record<string, unknown>;
    ctx.resources[id] = { Type: CFN_TYPES.resourceServer, Properties: { UserPoolId: ctx.pool, ...target } };
  }
}

const DOMAIN_IDS = { domain: "UserPoolDomain", customDomain: "UserPoolCustomDomain" } as const;

function renderDomains(ctx: RenderContext): void {
  const { spec } = ctx;
  for (const slot of ["domain", "customDomain"] as const) {
    const spec_ = spec[slot];
    if (!spec_) continue;
    const { domain, certificateArn, managedLoginVersion } = spec_;
    ctx.resources[DOMAIN_IDS[slot]] = {
      Type: CFN_TYPES.domain,
      Properties: {
        UserPoolId: ctx.pool,
        Domain: domain,
        ...(certificateArn ? { CustomDomainConfig: { CertificateArn: certificateArn } } : {}),
        ...(managedLoginVersion !== undefined ? { ManagedLoginVersion: managedLoginVersion } : {}),
      },
    };
  }
  const customSlot = spec.customDomain ? "customDomain" : spec.domain?.certificateArn !== undefined ? "domain" : undefined;
  ctx.dns = customSlot ? customDomainDns(DOMAIN_IDS[customSlot], spec[customSlot]?.domain ?? "") : undefined;
  if (ctx.dns) Object.assign(ctx.resources, ctx.dns.resources);
}

function renderIdentityProviders(ctx: RenderContext): void {
  const { ids } = ctx;
  for (const provider of ctx.spec.identityProviders ?? []) {
    const id = ids.allocate(`${provider.providerName} IdentityProvider`, "IdentityProvider");
    ctx.providerIds.set(provider.providerName, id);
    const parameterId = () => ids.allocate(`${provider.providerName} ${provider.providerType === "SignInWithApple" ? "PrivateKey" : "ClientSecret"}`, "ProviderSecret");
    ctx.resources[id] = { Type: CFN_IDENTITY_PROVIDER, Properties: identityProviderProperties(provider, ctx.pool, parameterId, ctx.parameters) };
  }
}

/** The resources a client must come after: the servers of its custom scopes and the providers it lists. */
function clientDependencies(ctx: RenderContext, client: ReturnType<typeof effectiveClient>): string[] {
  // Custom scopes must exist before a client lists them (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html): depend on their servers.
  const dependsOn = [
    ...new Set(
      (client.allowedOAuthScopes ?? []).flatMap((scope) => (ctx.spec.resourceServers ?? []).filter((s) => scope.startsWith(`${s.identifier}/`)).map((s) => ctx.serverIds.get(s.identifier) ?? "")),
    ),
  ].filter(Boolean);
  // Identity providers before the clients that list them (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html).
  for (const name of client.supportedIdentityProviders ?? []) {
    const providerId = ctx.providerIds.get(name);
    if (providerId && !dependsOn.includes(providerId)) dependsOn.push(providerId);
  }
  return dependsOn;
}

function renderClients(ctx: RenderContext): void {
  (ctx.spec.clients ?? []).forEach((raw, i) => {
    const client = { ...effectiveClient(ctx.spec, raw) };
    if (client.refreshTokenValidity === 0) {
      // CloudFormation's schema requires 1 or more; AWS treats 0 as its default (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PasswordPolicyType.html).
      ctx.diagnostics.push(warning(`spec.clients[${i}].refreshTokenValidity`, "not-expressible", "CloudFormation does not accept RefreshTokenValidity 0 (AWS's default of 30 days); it is left out"));
      delete client.refreshTokenValidity;
    }
    const id = ctx.ids.allocate(`${client.name} Client`, "Client");
    ctx.clientIds.set(client.name, id);
    const dependsOn = clientDependencies(ctx, client);
    const target = toTarget(appClientSchema, client, CFN_CLIENT_NAMING) as Record<string, unknown>;
    ctx.resources[id] = { Type: CFN_TYPES.client, ...(dependsOn.length ? { DependsOn: dependsOn } : {}), Properties: { UserPoolId: ctx.pool, ...target } };
  });
}

function renderGroups(ctx: RenderContext): void {
  for (const group of ctx.spec.groups ?? []) ctx.resources[ctx.ids.allocate(`${group.name} Group`, "Group")] = { Type: CFN_GROUP, Properties: groupProperties(group, ctx.pool) };
}

function renderRiskLogs(ctx: RenderContext): void {
  Object.assign(ctx.resources, riskLogsResources(ctx.spec, ctx.pool, ctx.clientIds, ctx.ids, ctx.diagnostics));
}

function renderTerms(ctx: RenderContext): void {
  (ctx.spec.terms ?? []).forEach((terms, i) => {
    const clientId = ctx.clientIds.get(terms.client);
    if (clientId === undefined) {
      ctx.diagnostics.push(warning(`spec.terms[${i}].client`, "not-expressible", `app client "${terms.client}" is not in the template (clients are not managed here); its ${terms.name} is not exported`));
      return;
    }
    ctx.resources[ctx.ids.allocate(`${terms.client} ${terms.name}`, "Terms")] = { Type: CFN_TERMS, Properties: termsProperties(terms, ctx.pool, clientId) };
  });
}

function renderBranding(ctx: RenderContext): void {
  const { spec, ids, pool, resources } = ctx;
  // Branding names its client by reference (a client of the document) or by the name written (one it does not hold).
  const clientRef = (name: string) => (ctx.clientIds.has(name) ? new CfnRef(ctx.clientIds.get(name) ?? "") : name);
  for (const style of spec.managedLoginBranding ?? [])
    resources[ids.allocate(`${style.clientName} ManagedLoginBranding`, "ManagedLoginBranding")] = { Type: CFN_MANAGED_LOGIN_BRANDING, Properties: managedLoginBrandingProperties(style, pool, clientRef(style.clientName)) };
  (spec.uiCustomizations ?? []).forEach((customization, i) => {
    resources[ids.allocate(`${customization.clientName} UICustomization`, "UICustomization")] = {
      Type: CFN_UI_CUSTOMIZATION,
      // SetUICustomization: "Your user pool must have a domain" (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUICustomization.html).
      ...(spec.domain ? { DependsOn: ["UserPoolDomain"] } : {}),
      Properties: uiCustomizationProperties(customization, i, pool, clientRef(customization.clientName), ctx.diagnostics),
    };
  });
}

/**
 * One renderer per resource kind, in template order: names are allocated in this order, and a renderer may
 * reference the ids of those before it (clients depend on servers and providers; terms, risk and branding
 * name their clients).
 */
const RESOURCE_RENDERERS: ReadonlyArray<(ctx: RenderContext) => void> = [
  renderResourceServers,
  renderDomains,
  renderIdentityProviders,
  renderClients,
  renderGroups,
  renderRiskLogs,
  renderTerms,
  renderBranding,
];

/** Options of the CloudFormation export: the API in front of a resource server, added to the template (opt-in). */
export interface CloudFormationExportOptions {
  api?: ApiAuthorizer;
}

function render(doc: PoolDocument, options: CloudFormationExportOptions): ExportResult {
  const spec = doc.spec;
  const diagnostics: Diagnostic[] = [...clientDefaultsInlined(spec, "CloudFormation"), ...emptyListWarnings(spec, "a CloudFormation template"), ...loneCustomDomainWarnings(spec, "CloudFormation")];
  const ids = new NameAllocator("pascal", ["UserPool", "UserPoolDomain", "UserPoolCustomDomain", "CustomDomainRecord"]);
  const pool = new CfnRef("UserPool");
  const resources: Record<string, unknown> = {
    // Retain: deleting or replacing the stack must never delete the pool and every user in it
    // (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUserPool.html: replacing a pool deletes every user in it).
    UserPool: { Type: CFN_TYPES.pool, DeletionPolicy: "Retain", UpdateReplacePolicy: "Retain", Properties: poolProperties(doc, diagnostics) },
  };
  const ctx: RenderContext = { spec, ids, pool, resources, diagnostics, serverIds: new Map(), providerIds: new Map(), clientIds: new Map(), parameters: [] };
  for (const renderKind of RESOURCE_RENDERERS) renderKind(ctx);
  const api = options.api ? renderCloudFormationApi(options.api, ids, "UserPool") : undefined;
  Object.assign(resources, api?.resources);

  const { dns } = ctx;
  const outputs = dns || api ? { ...dns?.outputs, ...api?.outputs } : undefined;
  const parameterSection = noEchoParameters(ctx.parameters);
  const template = {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: `Cognito user pool "${doc.metadata.name}", exported by Cognito Studio`,
    Metadata: { [STUDIO_METADATA]: compactOrUndefined({ Region: spec.region, Labels: doc.metadata.labels }) },
    ...(parameterSection || dns ? { Parameters: { ...parameterSection, ...dns?.parameters } } : {}),
    ...(dns ? { Conditions: dns.conditions } : {}),
    Resources: resources,
    ...(outputs ? { Outputs: outputs } : {}),
  };
  // CloudFormation reads YAML 1.1: `MfaConfiguration: ON` unquoted would arrive as `true` and fail the stack.
  const content = writeYaml(template, { represent: writeIntrinsic });
  return { files: [{ path: "template.yaml", content }], diagnostics };
}

/**
 * What a custom domain needs beyond Cognito: a DNS alias to its CloudFront distribution (`CloudFrontDistribution`,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-userpooldomain.html) as an
 * output, and a Route 53 alias record created only when the HostedZoneId parameter names the zone. CloudFront's
 * own hosted zone id for alias targets is Z2FDTNDATAQYW2
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-route53-recordset-aliastarget.html).
 */
function customDomainDns(domainId: string, name: string) {
  const distribution = new CfnGetAtt(domainId, "CloudFrontDistribution");
  return {
    parameters: {
      HostedZoneId: {
        Type: "String",
        Default: "",
        Description: `Route 53 hosted zone of ${name}: set it to create the alias record; leave empty and point a CNAME at the CustomDomainCloudFrontDistribution output in your own DNS.`,
      },
    },
    conditions: { HasHostedZone: { "Fn::Not": [{ "Fn::Equals": [new CfnRef("HostedZoneId"), ""] }] } },
    resources: {
      CustomDomainRecord: {
        Type: "AWS::Route53::RecordSet",
        Condition: "HasHostedZone",
        Properties: {
          HostedZoneId: new CfnRef("HostedZoneId"),
          Name: name,
          Type: "A",
          AliasTarget: { DNSName: distribution, HostedZoneId: "Z2FDTNDATAQYW2", EvaluateTargetHealth: false },
        },
      },
    },
    outputs: {
      CustomDomainCloudFrontDistribution: {
        Description: `The CloudFront distribution ${name} must point at: a Route 53 alias (A) record, or a CNAME in other DNS.`,
        Value: distribution,
      },
    },
  };
}

/** Renders `doc` as a CloudFormation YAML template (`template.yaml`). Never throws. */
export function renderCloudFormation(doc: PoolDocument, options: CloudFormationExportOptions = {}): ExportResult {
  try {
    return render(doc, options);
  } catch (cause) {
    return { files: [], diagnostics: [{ severity: "error", path: "", code: "internal-error", message: `the CloudFormation export failed: ${describeError(cause)}` }] };
  }
}

/** The short forms the template writes: `!Ref X` and `!GetAtt X.Attribute`. */
function writeIntrinsic(value: object): string | undefined {
  if (value instanceof CfnRef) return `!Ref ${value.logicalId}`;
  if (value instanceof CfnGetAtt) return `!GetAtt ${value.logicalId}.${value.attribute}`;
  return undefined;
}
