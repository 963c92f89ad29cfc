/**
 * Terraform for threat protection settings and log delivery (hashicorp/aws provider).
 * - `aws_cognito_risk_configuration` (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_risk_configuration):
 *   one for the pool (no `client_id`) and one per client with settings of its own (`client_id` = the client's
 *   `id`); the blocks are the spec's members in snake_case. A pool-level configuration with no settings is AWS's
 *   default and is not written (the resource needs at least one block).
 *   The provider requires both bodies of a notification template (`html_body` and `text_body`, found by
 *   `terraform validate` against 5.100; the API takes either): a template with one body is left out, with a warning.
 * - Log delivery: `aws_cognito_log_delivery_configuration`
 *   (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_log_delivery_configuration):
 *   `user_pool_id` and one `log_configurations` block per entry (`event_source`, `log_level` and one destination
 *   block). It came with hashicorp/aws 6.5.0 (https://github.com/hashicorp/terraform-provider-aws/blob/main/CHANGELOG.md,
 *   "6.5.0 (July 24, 2025)"), so a file that writes it asks for that provider (provider-versions.ts), as managed
 *   login branding asks for 6.13.0. The resource needs at least one block: a design that exports no logs
 *   (`logConfigurations: []`) is not written, with a warning.
 * Render and import share the naming, so what one writes the other reads.
 */
import { type Diagnostic, warning } from "../../spec/diagnostics";
import { logDeliveryConfigurationSchema } from "../../spec/log-delivery-schema";
import { riskSettingsSchema, type RiskSettingsSpec } from "../../spec/risk-configuration-schema";
import type { PoolSpec } from "../../spec/pool-schema";
import type { NameAllocator } from "../common";
import { fromTarget, toTarget } from "../shape-walk";
import { type HclNode, attr, block, expr } from "./hcl";
import { TF_TYPES } from "./naming";
import { tableNaming } from "./naming";

export const TF_RISK_NAMING = tableNaming({});
/** `log_configurations` blocks; the other names are the spec's in snake_case (`cloud_watch_logs_configuration`). */
export const TF_LOG_DELIVERY_NAMING = tableNaming({});

type ToNodes = (value: Record<string, unknown>, first?: readonly HclNode[]) => HclNode[];

function settingsOnly(settings: RiskSettingsSpec): RiskSettingsSpec {
  const { compromisedCredentialsRiskConfiguration, accountTakeoverRiskConfiguration, riskExceptionConfiguration } = settings;
  return { compromisedCredentialsRiskConfiguration, accountTakeoverRiskConfiguration, riskExceptionConfiguration };
}

const NOTIFY_EMAILS = ["blockEmail", "noActionEmail", "mfaEmail"] as const;

/** The settings without the notification templates Terraform cannot hold (one body only), each named in a warning. */
function withoutHalfTemplates(settings: RiskSettingsSpec, path: string, diagnostics: Diagnostic[]): RiskSettingsSpec {
  const notify = settings.accountTakeoverRiskConfiguration?.notifyConfiguration;
  if (!notify) return settings;
  const kept = { ...notify };
  for (const email of NOTIFY_EMAILS) {
    const template = kept[email];
    if (template === undefined || (template.htmlBody !== undefined && template.textBody !== undefined)) continue;
    delete kept[email];
    diagnostics.push(warning(`${path}.accountTakeoverRiskConfiguration.notifyConfiguration.${email}`, "not-expressible", "aws_cognito_risk_configuration needs both an HTML and a plain-text body in a notification template; this one has one, so it is not exported"));
  }
  return { ...settings, accountTakeoverRiskConfiguration: { ...settings.accountTakeoverRiskConfiguration!, notifyConfiguration: kept } };
}

/**
 * The provider requires `notify_configuration` in `account_takeover_risk_configuration` (found by `terraform
 * validate` against 5.100: "Insufficient notify_configuration blocks"; the API makes it optional,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AccountTakeoverRiskConfigurationType.html):
 * account takeover settings without one are left out, with a warning.
 */
function withoutBareTakeover(settings: RiskSettingsSpec, path: string, diagnostics: Diagnostic[]): RiskSettingsSpec {
  const takeover = settings.accountTakeoverRiskConfiguration;
  if (!takeover || takeover.notifyConfiguration !== undefined) return settings;
  diagnostics.push(warning(`${path}.accountTakeoverRiskConfiguration`, "not-expressible", "aws_cognito_risk_configuration needs a notification configuration (its sender's source ARN) in the account takeover settings; these have none, so they are not exported"));
  const { accountTakeoverRiskConfiguration: _takeover, ...rest } = settings;
  return rest;
}

/** What the provider can hold of one configuration's settings, each loss named in a warning. */
function expressibleSettings(settings: RiskSettingsSpec, path: string, diagnostics: Diagnostic[]): RiskSettingsSpec {
  return withoutBareTakeover(withoutHalfTemplates(settingsOnly(settings), path, diagnostics), path, diagnostics);
}

function hasSettings(settings: RiskSettingsSpec): boolean {
  return Object.values(settingsOnly(settings)).some((v) => v !== undefined);
}

/** The risk configuration resources of a pool, each preceded by nothing (the caller separates them). */
export function riskConfigurationResources(spec: PoolSpec, clientLabels: ReadonlyMap<string, string>, names: NameAllocator, poolRef: string, toNodes: ToNodes, diagnostics: Diagnostic[]): HclNode[] {
  const risk = spec.riskConfiguration;
  if (!risk) return [];
  const nodes: HclNode[] = [];
  const resource = (label: string, settings: RiskSettingsSpec, clientLabel?: string) => {
    const target = toTarget(riskSettingsSchema, settings, TF_RISK_NAMING) as Record<string, unknown>;
    const first = [attr("user_pool_id", expr(`${poolRef}.id`)), ...(clientLabel ? [attr("client_id", expr(`${TF_TYPES.client}.${clientLabel}.id`))] : [])];
    nodes.push(block("resource", [TF_TYPES.riskConfiguration, label], toNodes(target, first)));
  };
  const poolSettings = expressibleSettings(risk, "spec.riskConfiguration", diagnostics);
  if (hasSettings(poolSettings)) resource(names.allocate("pool", "risk_configuration"), poolSettings);
  else if (hasSettings(risk)) diagnostics.push(warning("spec.riskConfiguration", "not-expressible", "none of the pool's threat protection settings can be written for aws_cognito_risk_configuration (see the warnings above); the resource is left out"));
  else if ((risk.clients ?? []).length === 0)
    diagnostics.push(warning("spec.riskConfiguration", "not-expressible", "the pool's threat protection settings are all AWS's defaults; aws_cognito_risk_configuration needs at least one setting, so none is written"));
  for (const [index, client] of (risk.clients ?? []).entries()) {
    const clientLabel = clientLabels.get(client.clientName);
    if (clientLabel === undefined) {
      diagnostics.push(warning(`spec.riskConfiguration.clients[${index}].clientName`, "not-expressible", `app client "${client.clientName}" is not in this design; its threat protection settings are not exported`));
      continue;
    }
    const settings = expressibleSettings(client, `spec.riskConfiguration.clients[${index}]`, diagnostics);
    if (!hasSettings(settings)) {
      diagnostics.push(warning(`spec.riskConfiguration.clients[${index}]`, "not-expressible", `app client "${client.clientName}" has threat protection settings of its own with nothing Terraform can hold in them; it needs at least one block, so they are not exported`));
      continue;
    }
    resource(names.allocate(`${client.clientName}`, "risk_configuration"), settings, clientLabel);
  }
  return nodes;
}

/** The pool's `aws_cognito_log_delivery_configuration`, if the design manages log delivery and Terraform can hold it. */
export function logDeliveryResources(spec: PoolSpec, poolRef: string, toNodes: ToNodes, diagnostics: Diagnostic[]): HclNode[] {
  const logs = spec.logDeliveryConfiguration;
  if (logs === undefined) return [];
  if (logs.logConfigurations.length === 0) {
    diagnostics.push(
      warning(
        "spec.logDeliveryConfiguration",
        "not-expressible",
        "aws_cognito_log_delivery_configuration needs at least one log configuration; a design that exports no logs is not written: leave log delivery unmanaged in the file, or turn it off in the studio",
      ),
    );
    return [];
  }
  const target = toTarget(logDeliveryConfigurationSchema, logs, TF_LOG_DELIVERY_NAMING) as Record<string, unknown>;
  diagnostics.push(
    warning("spec.logDeliveryConfiguration", "provider-6-only", `log delivery needs ${TF_TYPES.logDelivery}, which came with the 6.x aws provider (6.5.0); the file requires that provider version`),
  );
  return [block("resource", [TF_TYPES.logDelivery, "this"], toNodes(target, [attr("user_pool_id", expr(`${poolRef}.id`))]))];
}

// ---- import ----

type Body = Record<string, unknown>;
const CLIENT_REF = new RegExp(`^\\$\\{${TF_TYPES.client}\\.([\\w-]+)(?:\\[[^\\]]*\\])?\\.id\\}$`, "u");

/** The client label a raw `client_id` refers to (`aws_cognito_user_pool_client.web.id`), if it is such a reference. */
export function clientLabelOf(rawClientId: unknown): string | undefined {
  return typeof rawClientId === "string" ? CLIENT_REF.exec(rawClientId)?.[1] : undefined;
}

/** A risk configuration body (evaluated, without user_pool_id and client_id) → the spec's settings. */
export function riskSettingsFromBody(body: Body, where: string, diagnostics: Diagnostic[]): RiskSettingsSpec {
  return (fromTarget(riskSettingsSchema, body, { naming: TF_RISK_NAMING, diagnostics, where }) ?? {}) as RiskSettingsSpec;
}

/** An `aws_cognito_log_delivery_configuration` body (evaluated, without user_pool_id) → the spec's log delivery. */
export function logDeliveryFromBody(body: Body, where: string, diagnostics: Diagnostic[]): Record<string, unknown> {
  const { log_configurations, ...rest } = body;
  const converted = fromTarget(logDeliveryConfigurationSchema, { ...rest, log_configurations: log_configurations ?? [] }, { naming: TF_LOG_DELIVERY_NAMING, diagnostics, where });
  return (converted ?? { logConfigurations: [] }) as Record<string, unknown>;
}
