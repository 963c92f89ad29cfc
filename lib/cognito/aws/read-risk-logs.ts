/**
 * Reads a live pool's threat protection settings and log delivery into the spec's shape.
 *
 * - Log delivery (GetLogDeliveryConfiguration) is read for every pool; an empty list is "no logs exported".
 * - Threat protection settings (DescribeRiskConfiguration) are read on the Plus feature plan, or when the design
 *   manages them: other plans cannot have them ("your user pool must be on the Plus tier",
 *   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetRiskConfiguration.html).
 *   The pool's, then each client's: a client without settings of its own is answered with the pool's, whose
 *   `ClientId` is absent (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RiskConfigurationType.html),
 *   so only answers that name the client are its own.
 */
import type { UserPoolClientType, UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import type { CognitoPort } from "../apply/port";
import type { LogDeliveryConfigurationSpec } from "../spec/log-delivery-schema";
import type { ClientRiskConfigurationSpec, RiskConfigurationSpec } from "../spec/risk-configuration-schema";
import { logDeliveryFromApi, riskSettingsFromApi } from "./mapping-risk-logs";

export interface LiveRiskAndLogs {
  riskConfiguration?: RiskConfigurationSpec;
  logDeliveryConfiguration: LogDeliveryConfigurationSpec;
}

export async function readRiskAndLogs(
  port: CognitoPort,
  pool: UserPoolType,
  clients: readonly UserPoolClientType[],
  mapLimited: <T, R>(items: readonly T[], fn: (item: T) => Promise<R>) => Promise<R[]>,
  desiredManagesRisk = false,
): Promise<LiveRiskAndLogs> {
  const userPoolId = pool.Id ?? "";
  const logs = logDeliveryFromApi(await port.getLogDeliveryConfiguration(userPoolId));
  // On another plan only when the design manages the settings (then the plan needs to know what is there).
  if (pool.UserPoolTier !== "PLUS" && !desiredManagesRisk) return { logDeliveryConfiguration: logs };
  const own = riskSettingsFromApi(await port.describeRiskConfiguration(userPoolId));
  const answers = await mapLimited(clients, async (c) => ({ client: c, answer: await port.describeRiskConfiguration(userPoolId, c.ClientId) }));
  const clientSettings: ClientRiskConfigurationSpec[] = answers
    .filter(({ client, answer }) => answer.ClientId !== undefined && answer.ClientId === client.ClientId)
    .map(({ client, answer }) => ({ clientName: client.ClientName ?? "", ...riskSettingsFromApi(answer) }));
  return { riskConfiguration: { ...own, clients: clientSettings }, logDeliveryConfiguration: logs };
}

/**
 * What the read keeps for the comparison with `desired`: a setting the desired document does not manage and that
 * holds nothing (no logs, AWS's default threat protection settings) is left out, so a pull stays small.
 */
export function keepRiskAndLogs(live: LiveRiskAndLogs, desired: { riskConfiguration?: unknown; logDeliveryConfiguration?: unknown } | undefined): Partial<LiveRiskAndLogs> {
  const out: Partial<LiveRiskAndLogs> = {};
  const risk = live.riskConfiguration;
  const riskEmpty = risk === undefined || (Object.keys(risk).every((k) => k === "clients") && (risk.clients ?? []).length === 0);
  if (risk !== undefined && (!riskEmpty || desired?.riskConfiguration !== undefined)) out.riskConfiguration = risk;
  if (live.logDeliveryConfiguration.logConfigurations.length > 0 || desired?.logDeliveryConfiguration !== undefined) out.logDeliveryConfiguration = live.logDeliveryConfiguration;
  return out;
}
