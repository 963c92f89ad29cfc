/**
 * The tasks of a plan: one builder per resource type, in a table. Every entry that is not a noop gives
 * tasks sharing one step, so the steps of an apply are the plan's entries, in the plan's order.
 */
import type { Plan, ResourceChange, ResourceType } from "../../plan/types";
import type { ApplyStep } from "../types";
import { appClientTasks } from "./app-client";
import { managedLoginBrandingTasks, uiCustomizationTasks } from "./branding";
import { domainTasks } from "./domain";
import { groupTasks } from "./group";
import { identityProviderTasks } from "./identity-provider";
import { mfaConfigTasks, poolTasks } from "./pool";
import { resourceServerTasks } from "./resource-server";
import { logDeliveryTasks, riskConfigurationTasks } from "./risk-logs";
import { termsTasks } from "./terms";
import type { Task, TaskBuilder, TaskContext } from "./task";

export { PHASES, type Phase, type Task, type TaskContext } from "./task";

const TASK_BUILDERS: { [T in ResourceType]: TaskBuilder<T> } = {
  userPool: poolTasks,
  mfaConfig: mfaConfigTasks,
  resourceServer: resourceServerTasks,
  identityProvider: identityProviderTasks,
  appClient: appClientTasks,
  group: groupTasks,
  terms: termsTasks,
  domain: domainTasks,
  riskConfiguration: riskConfigurationTasks,
  logDelivery: logDeliveryTasks,
  managedLoginBranding: managedLoginBrandingTasks,
  uiCustomization: uiCustomizationTasks,
};

function tasksOf(entry: ResourceChange, ctx: TaskContext): Task[] {
  const build = TASK_BUILDERS[entry.type] as TaskBuilder<ResourceType>;
  return build(entry, ctx);
}

/** Every task of the plan, entry by entry. */
export function buildTasks(plan: Plan, ctx: TaskContext): Task[] {
  return plan.entries.flatMap((entry) => (entry.action === "noop" ? [] : tasksOf(entry, ctx)));
}

/** The steps of the tasks, each once, in the order of their entries. */
export function stepsOf(tasks: readonly Task[]): ApplyStep[] {
  return [...new Set(tasks.map((t) => t.step))];
}
