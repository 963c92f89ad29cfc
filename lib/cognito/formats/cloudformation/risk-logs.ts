/**
 * CloudFormation for threat protection settings and log delivery:
 * - `AWS::Cognito::UserPoolRiskConfigurationAttachment`
 *   (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpoolriskconfigurationattachment.html):
 *   `ClientId: ALL` for the pool's settings, `ClientId: !Ref <client>` for a client's own;
 * - `AWS::Cognito::LogDeliveryConfiguration`
 *   (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-logdeliveryconfiguration.html).
 * Property names are the API's (PascalCase of the spec's), so the shared naming needs no overrides.
 */
import { type Diagnostic, warning } from "../../spec/diagnostics";
import { logDeliveryConfigurationSchema } from "../../spec/log-delivery-schema";
import type { PoolSpec } from "../../spec/pool-schema";
import { riskSettingsSchema, type RiskSettingsSpec } from "../../spec/risk-configuration-schema";
import type { NameAllocator } from "../common";
import { type ShapeNaming, fromTarget, pascalCase, toTarget } from "../shape-walk";
import { CfnRef } from "./intrinsics";

export const CFN_RISK_CONFIGURATION = "AWS::Cognito::UserPoolRiskConfigurationAttachment";
export const CFN_LOG_DELIVERY = "AWS::Cognito::LogDeliveryConfiguration";
/** The ClientId of the pool's own settings ("ALL" applies them to every client without settings of its own). */
export const CFN_ALL_CLIENTS = "ALL";

const NAMING: ShapeNaming = { objectsAsBlocks: false, targetName: (_path, key) => pascalCase(key) };

function settingsOnly(settings: RiskSettingsSpec): RiskSettingsSpec {
  const { compromisedCredentialsRiskConfiguration, accountTakeoverRiskConfiguration, riskExceptionConfiguration } = settings;
  return { compromisedCredentialsRiskConfiguration, accountTakeoverRiskConfiguration, riskExceptionConfiguration };
}

/** The resources of both settings, by logical id. */
export function riskLogsResources(spec: PoolSpec, pool: CfnRef, clientIds: ReadonlyMap<string, string>, ids: NameAllocator, diagnostics: Diagnostic[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const risk = spec.riskConfiguration;
  if (risk) {
    const attachment = (settings: RiskSettingsSpec, clientId: unknown, dependsOn?: string) => ({
      Type: CFN_RISK_CONFIGURATION,
      ...(dependsOn ? { DependsOn: [dependsOn] } : {}),
      Properties: { UserPoolId: pool, ClientId: clientId, ...(toTarget(riskSettingsSchema, settingsOnly(settings), NAMING) as Record<string, unknown>) },
    });
    out[ids.allocate("RiskConfiguration", "RiskConfiguration")] = attachment(risk, CFN_ALL_CLIENTS);
    for (const [index, client] of (risk.clients ?? []).entries()) {
      const clientLogicalId = clientIds.get(client.clientName);
      if (clientLogicalId === undefined) {
        diagnostics.push(warning(`spec.riskConfiguration.clients[${index}].clientName`, "not-expressible", `app client "${client.clientName}" is not in this design; its threat protection settings are not exported`));
        continue;
      }
      out[ids.allocate(`${client.clientName} RiskConfiguration`, "RiskConfiguration")] = attachment(client, new CfnRef(clientLogicalId));
    }
  }
  const logs = spec.logDeliveryConfiguration;
  if (logs) out[ids.allocate("LogDeliveryConfiguration", "LogDeliveryConfiguration")] = { Type: CFN_LOG_DELIVERY, Properties: { UserPoolId: pool, ...(toTarget(logDeliveryConfigurationSchema, logs, NAMING) as Record<string, unknown>) } };
  return out;
}

// ---- import ----

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** Which configuration an attachment's raw ClientId names: the pool's ("ALL"), a client's logical id, or neither. */
export function attachmentTarget(rawClientId: unknown): { pool: true } | { clientLogicalId: string } | undefined {
  if (rawClientId === CFN_ALL_CLIENTS) return { pool: true };
  if (isObject(rawClientId) && typeof rawClientId.Ref === "string") return { clientLogicalId: rawClientId.Ref };
  return undefined;
}

export function riskSettingsFromProperties(properties: Json, where: string, diagnostics: Diagnostic[]): Json {
  const { UserPoolId: _pool, ClientId: _client, ...rest } = properties;
  return (fromTarget(riskSettingsSchema, rest, { naming: NAMING, diagnostics, where }) ?? {}) as Json;
}

export function logDeliveryFromProperties(properties: Json, where: string, diagnostics: Diagnostic[]): Json {
  const { UserPoolId: _pool, ...rest } = properties;
  return (fromTarget(logDeliveryConfigurationSchema, rest, { naming: NAMING, diagnostics, where }) ?? { logConfigurations: [] }) as Json;
}
