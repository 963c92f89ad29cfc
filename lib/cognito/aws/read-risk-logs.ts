/**
 * Reads a live pool's threat protection settings and log delivery into the spec's shape.
 *
 * - Compared with a design (plan, apply, drift): each is read only when the design manages it, so a design that
 *   leaves them alone needs no permission for GetLogDeliveryConfiguration / DescribeRiskConfiguration and works
 *   against endpoints that lack them. A managed one that cannot be read fails the read, as any other call does.
 * - A pull (no design): log delivery, and on the Plus feature plan the threat protection settings (other plans
 *   cannot have them: "your user pool must be on the Plus tier",
 *   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetRiskConfiguration.html);
 *   what cannot be read is left out (not managed), and what holds nothing too, so a pull stays small.
 * - A client's own settings: DescribeRiskConfiguration with its ClientId answers the pool's settings, without a
 *   ClientId, when the client has none of its own
 *   (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RiskConfigurationType.html),
 *   so only answers that name the client are its own.
 */
import type { UserPoolClientType, UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import type { CognitoPort } from "./port";
import type { LogDeliveryConfigurationSpec } from "../spec/log-delivery-schema";
import type { PoolSpec } from "../spec/pool-schema";
import type { ClientRiskConfigurationSpec, RiskConfigurationSpec } from "../spec/risk-configuration-schema";
import { logDeliveryFromApi, riskSettingsFromApi } from "./mapping-risk-logs";

export interface LiveRiskAndLogs {
  riskConfiguration?: RiskConfigurationSpec;
  logDeliveryConfiguration?: LogDeliveryConfigurationSpec;
}

type MapLimited = <T, R>(items: readonly T[], fn: (item: T) => Promise<R>) => Promise<R[]>;

async function readRisk(port: CognitoPort, userPoolId: string, clients: readonly UserPoolClientType[], mapLimited: MapLimited): Promise<RiskConfigurationSpec> {
  const own = riskSettingsFromApi(await port.describeRiskConfiguration(userPoolId));
  const answers = await mapLimited(clients, async (c) => ({ client: c, answer: await port.describeRiskConfiguration(userPoolId, c.ClientId) }));
  const clientSettings: ClientRiskConfigurationSpec[] = answers
    .filter(({ client, answer }) => answer.ClientId !== undefined && answer.ClientId === client.ClientId)
    .map(({ client, answer }) => ({ clientName: client.ClientName ?? "", ...riskSettingsFromApi(answer) }));
  return { ...own, clients: clientSettings };
}

const isEmptyRisk = (risk: RiskConfigurationSpec) => Object.keys(risk).every((k) => k === "clients") && (risk.clients ?? []).length === 0;

/** What a pull may leave out: a call it may not make, or an operation the endpoint lacks. */
async function optional<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch {
    return undefined;
  }
}

export async function readRiskAndLogs(port: CognitoPort, pool: UserPoolType, clients: readonly UserPoolClientType[], mapLimited: MapLimited, desired: PoolSpec | undefined): Promise<LiveRiskAndLogs> {
  const userPoolId = pool.Id ?? "";
  const readLogs = async () => logDeliveryFromApi(await port.getLogDeliveryConfiguration(userPoolId));
  const out: LiveRiskAndLogs = {};
  if (desired !== undefined) {
    if (desired.logDeliveryConfiguration !== undefined) out.logDeliveryConfiguration = await readLogs();
    if (desired.riskConfiguration !== undefined) out.riskConfiguration = await readRisk(port, userPoolId, clients, mapLimited);
    return out;
  }
  const logs = await optional(readLogs);
  if (logs && logs.logConfigurations.length > 0) out.logDeliveryConfiguration = logs;
  if (pool.UserPoolTier === "PLUS") {
    const risk = await optional(() => readRisk(port, userPoolId, clients, mapLimited));
    if (risk && !isEmptyRisk(risk)) out.riskConfiguration = risk;
  }
  return out;
}
