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
import { NameAllocator, clientDefaultsInlined, emptyListWarnings, compactOrUndefined, describeError } from "../common";
import { toTarget } from "../shape-walk";
import type { ExportResult } from "../types";
import { CFN_GROUP, CFN_IDENTITY_PROVIDER, type NoEchoParameter, groupProperties, identityProviderProperties, noEchoParameters } from "./groups-idps";
import { CfnRef } from "./intrinsics";
import { riskLogsResources } from "./risk-logs";
import { writeYaml } from "../fast-yaml";
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
  "passwordPolicy",
  "signInPolicy",
  "softwareTokenMfaConfiguration",
  "emailMfaConfiguration",
  "webAuthnConfiguration",
  "riskConfiguration",
  "logDeliveryConfiguration",
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

  // MFA factors are one list in CloudFormation (EnabledMfas); SMS MFA is implied by an SMS configuration.
  const mfaOn = spec.mfaConfiguration === "ON" || spec.mfaConfiguration === "OPTIONAL";
  const enabled: string[] = [];
  if (spec.softwareTokenMfaConfiguration?.enabled) enabled.push("SOFTWARE_TOKEN_MFA");
  else if (spec.softwareTokenMfaConfiguration)
    diagnostics.push(
      warning("spec.softwareTokenMfaConfiguration.enabled", "written-as-absent", "TOTP MFA switched off is written by leaving SOFTWARE_TOKEN_MFA out of EnabledMfas; it reads back as unset"),
    );
  if (spec.smsConfiguration && mfaOn) enabled.push("SMS_MFA");
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
    if (webAuthn.relyingPartyId === undefined && webAuthn.userVerification === undefined)
      diagnostics.push(warning("spec.webAuthnConfiguration", "written-as-absent", "an empty webAuthnConfiguration has no CloudFormation property; it reads back as unset"));
  }
  return properties;
}

function render(doc: PoolDocument): ExportResult {
  const spec = doc.spec;
  const diagnostics: Diagnostic[] = [...clientDefaultsInlined(spec, "CloudFormation"), ...emptyListWarnings(spec, "a CloudFormation template")];
  const ids = new NameAllocator("pascal", ["UserPool", "UserPoolDomain"]);
  const pool = new CfnRef("UserPool");
  const resources: Record<string, unknown> = {
    // Retain: deleting or replacing the stack must never delete the pool and every user in it
    // (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUserPool.html: replacing a pool deletes every user in it).
    UserPool: { Type: CFN_TYPES.pool, DeletionPolicy: "Retain", UpdateReplacePolicy: "Retain", Properties: poolProperties(doc, diagnostics) },
  };

  const serverIds = new Map<string, string>();
  for (const server of spec.resourceServers ?? []) {
    const id = ids.allocate(`${server.name} ResourceServer`, "ResourceServer");
    serverIds.set(server.identifier, id);
    const target = toTarget(resourceServerSchema, server, CFN_RESOURCE_SERVER_NAMING) as Record<string, unknown>;
    resources[id] = { Type: CFN_TYPES.resourceServer, Properties: { UserPoolId: pool, ...target } };
  }

  if (spec.domain) {
    const { domain, certificateArn, managedLoginVersion } = spec.domain;
    resources.UserPoolDomain = {
      Type: CFN_TYPES.domain,
      Properties: {
        UserPoolId: pool,
        Domain: domain,
        ...(certificateArn ? { CustomDomainConfig: { CertificateArn: certificateArn } } : {}),
        ...(managedLoginVersion !== undefined ? { ManagedLoginVersion: managedLoginVersion } : {}),
      },
    };
  }

  const providerIds = new Map<string, string>();
  const parameters: NoEchoParameter[] = [];
  for (const provider of spec.identityProviders ?? []) {
    const id = ids.allocate(`${provider.providerName} IdentityProvider`, "IdentityProvider");
    providerIds.set(provider.providerName, id);
    const parameterId = () => ids.allocate(`${provider.providerName} ${provider.providerType === "SignInWithApple" ? "PrivateKey" : "ClientSecret"}`, "ProviderSecret");
    resources[id] = { Type: CFN_IDENTITY_PROVIDER, Properties: identityProviderProperties(provider, pool, parameterId, parameters) };
  }

  const clientIds = new Map<string, string>();
  (spec.clients ?? []).forEach((raw, i) => {
    const client = { ...effectiveClient(spec, raw) };
    if (client.refreshTokenValidity === 0) {
      // CloudFormation's schema requires 1 or more; AWS treats 0 as its default (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PasswordPolicyType.html).
      diagnostics.push(warning(`spec.clients[${i}].refreshTokenValidity`, "not-expressible", "CloudFormation does not accept RefreshTokenValidity 0 (AWS's default of 30 days); it is left out"));
      delete client.refreshTokenValidity;
    }
    const id = ids.allocate(`${client.name} Client`, "Client");
    clientIds.set(client.name, id);
    // Custom scopes must exist before a client lists them (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html): depend on their servers.
    const dependsOn = [
      ...new Set(
        (client.allowedOAuthScopes ?? []).flatMap((scope) => (spec.resourceServers ?? []).filter((s) => scope.startsWith(`${s.identifier}/`)).map((s) => serverIds.get(s.identifier) ?? "")),
      ),
    ].filter(Boolean);
    // Identity providers before the clients that list them (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html).
    for (const name of client.supportedIdentityProviders ?? []) {
      const providerId = providerIds.get(name);
      if (providerId && !dependsOn.includes(providerId)) dependsOn.push(providerId);
    }
    const target = toTarget(appClientSchema, client, CFN_CLIENT_NAMING) as Record<string, unknown>;
    resources[id] = { Type: CFN_TYPES.client, ...(dependsOn.length ? { DependsOn: dependsOn } : {}), Properties: { UserPoolId: pool, ...target } };
  });

  for (const group of spec.groups ?? []) resources[ids.allocate(`${group.name} Group`, "Group")] = { Type: CFN_GROUP, Properties: groupProperties(group, pool) };
  Object.assign(resources, riskLogsResources(spec, pool, clientIds, ids, diagnostics));

  // Branding names its client by reference (a client of the document) or by the name written (one it does not hold).
  const clientRef = (name: string) => (clientIds.has(name) ? new CfnRef(clientIds.get(name) ?? "") : name);
  for (const style of spec.managedLoginBranding ?? [])
    resources[ids.allocate(`${style.clientName} ManagedLoginBranding`, "ManagedLoginBranding")] = { Type: CFN_MANAGED_LOGIN_BRANDING, Properties: managedLoginBrandingProperties(style, pool, clientRef(style.clientName)) };
  (spec.uiCustomizations ?? []).forEach((customization, i) => {
    resources[ids.allocate(`${customization.clientName} UICustomization`, "UICustomization")] = {
      Type: CFN_UI_CUSTOMIZATION,
      // SetUICustomization: "Your user pool must have a domain" (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUICustomization.html).
      ...(spec.domain ? { DependsOn: ["UserPoolDomain"] } : {}),
      Properties: uiCustomizationProperties(customization, i, pool, clientRef(customization.clientName), diagnostics),
    };
  });

  const parameterSection = noEchoParameters(parameters);
  const template = {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: `Cognito user pool "${doc.metadata.name}", exported by Cognito Studio`,
    Metadata: { [STUDIO_METADATA]: compactOrUndefined({ Region: spec.region, Labels: doc.metadata.labels }) },
    ...(parameterSection ? { Parameters: parameterSection } : {}),
    Resources: resources,
  };
  // CloudFormation reads YAML 1.1: `MfaConfiguration: ON` unquoted would arrive as `true` and fail the stack.
  const content = writeYaml(template, { represent: (value) => (value instanceof CfnRef ? `!Ref ${value.logicalId}` : undefined) });
  return { files: [{ path: "template.yaml", content }], diagnostics };
}

/** Renders `doc` as a CloudFormation YAML template (`template.yaml`). Never throws. */
export function renderCloudFormation(doc: PoolDocument): ExportResult {
  try {
    return render(doc);
  } catch (cause) {
    return { files: [], diagnostics: [{ severity: "error", path: "", code: "internal-error", message: `the CloudFormation export failed: ${describeError(cause)}` }] };
  }
}
