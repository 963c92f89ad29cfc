/**
 * Threat protection settings and log delivery, for the plan's `risk_configuration…` and `log_delivery`
 * entries. Both run last (the riskLogs phase): after the pool (whose feature plan and threat protection mode
 * they need) and after the clients (whose ids a client's own settings name).
 * SetRiskConfiguration and SetLogDeliveryConfiguration replace the whole configuration they name
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetRiskConfiguration.html,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetLogDeliveryConfiguration.html),
 * so each call sends the entry's value whole; a client whose own settings go is sent with no settings, which
 * makes it use the pool's again.
 */
import { logConfigurationsToApi, setRiskConfigurationInput } from "../../aws/mapping-risk-logs";
import { POOL_RISK_KEY } from "../../plan/plan-risk-logs";
import type { RiskSettingsSpec } from "../../spec/risk-configuration-schema";
import { GONE_WITH_POOL, type TaskBuilder, type TaskContext, stepTasks, valueOf } from "./task";

/** Sends a client's own settings; the client exists by now (live, or created in the clients phase). */
async function setClientRisk(ctx: TaskContext, clientName: string, settings: RiskSettingsSpec): Promise<void> {
  const clientId = ctx.liveClients.get(clientName)?.ClientId;
  if (clientId === undefined) {
    throw Object.assign(new Error(`app client ${JSON.stringify(clientName)} does not exist, so its threat protection settings cannot be set`), { name: "ResourceNotFoundException" });
  }
  await ctx.port.setRiskConfiguration(setRiskConfigurationInput(ctx.poolId(), settings, clientId));
}

export const riskConfigurationTasks: TaskBuilder<"riskConfiguration"> = (entry, ctx) => {
  const pool = entry.key === POOL_RISK_KEY;
  if (entry.action === "delete") {
    if (ctx.poolReplaced) return stepTasks(entry, GONE_WITH_POOL);
    if (pool) return stepTasks(entry, ["riskLogs", () => ctx.port.setRiskConfiguration(setRiskConfigurationInput(ctx.poolId(), {}))]);
    // A client deleted in this apply took its settings with it: nothing is left to reset.
    return stepTasks(entry, ["riskLogs", () => (ctx.liveClients.has(entry.key) ? setClientRisk(ctx, entry.key, {}) : Promise.resolve())]);
  }
  const settings = valueOf(entry);
  return stepTasks(entry, ["riskLogs", () => (pool ? ctx.port.setRiskConfiguration(setRiskConfigurationInput(ctx.poolId(), settings)) : setClientRisk(ctx, entry.key, settings))]);
};

/** Turning every log off is an update to an empty list; a delete only comes with a replaced pool. */
export const logDeliveryTasks: TaskBuilder<"logDelivery"> = (entry, ctx) => {
  if (entry.action === "delete") return stepTasks(entry, ctx.poolReplaced ? GONE_WITH_POOL : ["riskLogs", () => ctx.port.setLogDeliveryConfiguration(ctx.poolId(), [])]);
  const logs = valueOf(entry);
  return stepTasks(entry, ["riskLogs", () => ctx.port.setLogDeliveryConfiguration(ctx.poolId(), logConfigurationsToApi(logs))]);
};
