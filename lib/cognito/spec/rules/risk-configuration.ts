/**
 * Threat protection settings: where they apply and what they need.
 * - SetRiskConfiguration needs the Plus feature plan ("To activate this setting, your user pool must be on the
 *   Plus tier", https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetRiskConfiguration.html):
 *   another plan is an error, an unset plan (AWS default Essentials) a warning.
 * - The settings act only with threat protection on (`UserPoolAddOns.AdvancedSecurityMode`, set with UpdateUserPool,
 *   same page): off or unset is a warning; audit-only logs risks but takes none of the actions, also a warning.
 * - A client's own settings name a client of the document, once each (ClientId maps the configuration to that
 *   client only, same page).
 * - Notifying users needs a sender (`NotifyConfiguration`, https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AccountTakeoverRiskConfigurationType.html):
 *   without it no e-mail can be sent, a warning.
 */
import type { Diagnostic, PathSegment } from "../diagnostics";
import { error, warning } from "../diagnostics";
import type { RiskSettingsSpec } from "../risk-configuration-schema";
import { RISK_LEVEL_ACTIONS } from "../risk-configuration-schema";
import { type Rule, type RuleContext, at } from "./rule";

const WHAT = "Threat protection settings";

function planAndMode(ctx: RuleContext, path: string, what: string): Diagnostic[] {
  const s = ctx.spec;
  const out: Diagnostic[] = [];
  if (s.userPoolTier === undefined) out.push(warning(path, "risk-plan-unset", `${what} need the Plus feature plan; choose Plus under Advanced > Feature plan (AWS's default is Essentials)`));
  else if (s.userPoolTier !== "PLUS") out.push(error(path, "risk-plan", `${what} need the Plus feature plan, not ${s.userPoolTier === "LITE" ? "Lite" : "Essentials"}; choose Plus under Advanced > Feature plan, or remove these settings`));
  const mode = s.userPoolAddOns?.advancedSecurityMode;
  if (mode === undefined || mode === "OFF")
    out.push(warning(path, "risk-mode-off", `${what} take effect only when threat protection is on; choose Audit only or Full function under Advanced > Threat protection`));
  return out;
}

function settingsProblems(ctx: RuleContext, settings: RiskSettingsSpec, base: PathSegment[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const takeover = settings.accountTakeoverRiskConfiguration;
  if (takeover) {
    const notifies = RISK_LEVEL_ACTIONS.some((level) => takeover.actions[level]?.notify === true);
    if (notifies && takeover.notifyConfiguration === undefined)
      out.push(warning(at(ctx, ...base, "accountTakeoverRiskConfiguration", "notifyConfiguration"), "risk-notify-sender", "Notify users needs a notification sender: give the SES identity ARN (and From address) the e-mails are sent with"));
    if (ctx.spec.userPoolAddOns?.advancedSecurityMode === "AUDIT")
      out.push(warning(at(ctx, ...base, "accountTakeoverRiskConfiguration", "actions"), "risk-mode-audit", "In audit-only mode, Cognito logs risk levels but takes none of these actions; choose Full function under Advanced > Threat protection to enforce them"));
  }
  return out;
}

export const riskConfigurationRule: Rule = (ctx) => {
  const risk = ctx.spec.riskConfiguration;
  if (risk === undefined) return [];
  const out = planAndMode(ctx, at(ctx, "riskConfiguration"), WHAT);
  out.push(...settingsProblems(ctx, risk, ["riskConfiguration"]));
  const clientNames = ctx.spec.clients === undefined ? undefined : new Set(ctx.spec.clients.map((c) => c.name));
  const seen = new Set<string>();
  (risk.clients ?? []).forEach((client, index) => {
    const path = at(ctx, "riskConfiguration", "clients", index, "clientName");
    if (seen.has(client.clientName)) out.push(error(path, "risk-client-duplicate", `App client "${client.clientName}" has threat protection settings more than once; keep one`));
    seen.add(client.clientName);
    if (clientNames !== undefined && !clientNames.has(client.clientName))
      out.push(error(path, "risk-client-unknown", `There is no app client named "${client.clientName}"; choose one of this pool's app clients`));
    out.push(...settingsProblems(ctx, client, ["riskConfiguration", "clients", index]));
  });
  return out;
};
