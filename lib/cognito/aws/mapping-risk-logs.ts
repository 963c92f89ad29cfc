/**
 * Threat protection settings and log delivery between the spec (camelCase) and the API (PascalCase), driven by
 * the spec's schemas like the rest of mapping.ts. `LastModifiedDate`, `UserPoolId` and `ClientId` of an answer
 * are not settings and are dropped.
 */
import type { LogConfigurationType, RiskConfigurationType, SetRiskConfigurationRequest } from "@aws-sdk/client-cognito-identity-provider";
import { logDeliveryConfigurationSchema, type LogDeliveryConfigurationSpec } from "../spec/log-delivery-schema";
import { riskSettingsSchema, type RiskSettingsSpec } from "../spec/risk-configuration-schema";
import { fromApiShape, toApiShape } from "./mapping";

export function riskSettingsFromApi(answer: RiskConfigurationType): RiskSettingsSpec {
  return (fromApiShape(answer, riskSettingsSchema) ?? {}) as RiskSettingsSpec;
}

/** SetRiskConfiguration for the pool (no `clientId`) or one client; settings left out go back to AWS's defaults. */
export function setRiskConfigurationInput(userPoolId: string, settings: RiskSettingsSpec, clientId?: string): SetRiskConfigurationRequest {
  const { clientName: _name, clients: _clients, ...own } = settings as RiskSettingsSpec & { clientName?: string; clients?: unknown };
  return {
    UserPoolId: userPoolId,
    ...(clientId !== undefined ? { ClientId: clientId } : {}),
    ...(toApiShape(own, riskSettingsSchema) as Omit<SetRiskConfigurationRequest, "UserPoolId">),
  };
}

export function logDeliveryFromApi(list: LogConfigurationType[]): LogDeliveryConfigurationSpec {
  return (fromApiShape({ LogConfigurations: list }, logDeliveryConfigurationSchema) ?? { logConfigurations: [] }) as LogDeliveryConfigurationSpec;
}

export function logConfigurationsToApi(spec: LogDeliveryConfigurationSpec): LogConfigurationType[] {
  return (toApiShape(spec, logDeliveryConfigurationSchema) as { LogConfigurations: LogConfigurationType[] }).LogConfigurations;
}
