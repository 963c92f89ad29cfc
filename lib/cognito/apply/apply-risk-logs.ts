/**
 * The calls of threat protection settings and log delivery, for the plan's `risk_configuration…` and
 * `log_delivery` entries. Both run last: after the pool (whose feature plan and threat protection mode they
 * need) and after the clients (whose ids a client's own settings name).
 * SetRiskConfiguration and SetLogDeliveryConfiguration replace the whole configuration they name
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetRiskConfiguration.html,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetLogDeliveryConfiguration.html),
 * so each call sends the desired settings whole; a client whose own settings go is sent with no settings, which
 * makes it use the pool's again.
 */
import { logConfigurationsToApi, setRiskConfigurationInput } from "../aws/mapping-risk-logs";
import { poolRiskSettings } from "../plan/plan-risk-logs";
import type { ResourceChange } from "../plan/types";
import type { PoolDocument } from "../spec/document-schema";
import type { CognitoPort } from "./port";

export interface RiskLogsContext {
  port: CognitoPort;
  desired: PoolDocument;
  poolId: () => string;
  /** The id of a client by name, once it exists (created by this apply or live). */
  clientId: (name: string) => string | undefined;
}

/** The run of one entry; undefined for an entry of another type or one with nothing to do. */
export function riskLogsRun(entry: Pick<ResourceChange, "type" | "address" | "key" | "action">, ctx: RiskLogsContext): (() => Promise<void>) | undefined {
  if (entry.action === "noop") return undefined;
  const { port, desired } = ctx;
  if (entry.type === "logDelivery") {
    const logs = desired.spec.logDeliveryConfiguration;
    return logs ? () => port.setLogDeliveryConfiguration(ctx.poolId(), logConfigurationsToApi(logs)) : undefined;
  }
  if (entry.type !== "riskConfiguration") return undefined;
  const risk = desired.spec.riskConfiguration;
  if (entry.address === "risk_configuration") {
    const settings = poolRiskSettings(risk);
    return settings ? () => port.setRiskConfiguration(setRiskConfigurationInput(ctx.poolId(), settings)) : undefined;
  }
  const own = entry.action === "delete" ? {} : risk?.clients?.find((c) => c.clientName === entry.key);
  if (own === undefined) return undefined;
  return async () => {
    const clientId = ctx.clientId(entry.key);
    if (clientId === undefined) throw Object.assign(new Error(`app client ${JSON.stringify(entry.key)} does not exist, so its threat protection settings cannot be set`), { name: "ResourceNotFoundException" });
    await port.setRiskConfiguration(setRiskConfigurationInput(ctx.poolId(), own, clientId));
  };
}

/** The entries a new pool needs: every setting the desired document manages, as creates. */
export function riskLogsCreates(desired: PoolDocument): Pick<ResourceChange, "type" | "address" | "key" | "action">[] {
  const out: Pick<ResourceChange, "type" | "address" | "key" | "action">[] = [];
  const risk = desired.spec.riskConfiguration;
  if (risk) {
    out.push({ type: "riskConfiguration", address: "risk_configuration", key: "risk_configuration", action: "create" });
    for (const c of risk.clients ?? []) out.push({ type: "riskConfiguration", address: `risk_configuration[${JSON.stringify(c.clientName)}]`, key: c.clientName, action: "create" });
  }
  if (desired.spec.logDeliveryConfiguration) out.push({ type: "logDelivery", address: "log_delivery", key: "log_delivery", action: "create" });
  return out;
}
