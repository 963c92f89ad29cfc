/**
 * Security flags of the pool settings set by their own calls: threat protection settings (SetRiskConfiguration),
 * log delivery (SetLogDeliveryConfiguration) and the MFA factors beside MFA itself (SetUserPoolMfaConfig).
 * One row per rule, each citing the public page it rests on; `security.ts` calls them for an existing pool.
 *
 * What "before" and "after" mean follows security.ts: in place, a setting the desired side leaves unset keeps
 * its value (not managed); on a replaced pool it is gone (the new pool has only what the document sets). A
 * threat protection configuration the document manages is compared whole: SetRiskConfiguration replaces it, so
 * a part left out is no longer set (plan-risk-logs.ts). An app client without settings of its own uses the pool's.
 *
 * Not flagged on purpose: branding (managed login styles, classic CSS and logo) and terms documents change what
 * users see, not who gets in.
 */
import type { LogConfigurationSpec } from "../spec/log-delivery-schema";
import { ACCOUNT_TAKEOVER_ACTIONS, RISK_EVENT_FILTERS, RISK_LEVEL_ACTIONS, type RiskConfigurationSpec, type RiskSettingsSpec } from "../spec/risk-configuration-schema";
import type { PoolSpec } from "../spec/pool-schema";
import { addressOf } from "./addresses";
import { poolRiskSettings } from "./plan-risk-logs";
import type { SecurityChange, SecurityChangeCode } from "./types";

type Mode = "update" | "recreate";

/** The two sides of the pool's settings a rule compares. */
export interface SettingSides {
  before: PoolSpec;
  after: PoolSpec;
  mode: Mode;
}

/** One threat protection configuration compared: the pool's, or an app client's effective one. */
interface RiskPair {
  address: string;
  before: RiskSettingsSpec;
  after: RiskSettingsSpec;
}

export interface SettingSecurityRule {
  code: SecurityChangeCode;
  /** The public page the rule rests on. */
  source: string;
  flags: (sides: SettingSides) => SecurityChange[];
}

function flag(code: SecurityChangeCode, address: string, path: string, message: string, before: unknown, after: unknown): SecurityChange {
  return { code, address, path, message, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
}

/** The effective value of a pool field after the plan: unset keeps it in place, and is gone on a replaced pool. */
function afterOf<K extends keyof PoolSpec>(s: SettingSides, key: K): PoolSpec[K] {
  return s.after[key] ?? (s.mode === "update" ? s.before[key] : undefined);
}

/** The settings an app client works with: its own when it has some, else the pool's. */
function effectiveRisk(risk: RiskConfigurationSpec | undefined, clientName: string): RiskSettingsSpec {
  return risk?.clients?.find((c) => c.clientName === clientName) ?? poolRiskSettings(risk) ?? {};
}

/** Every threat protection configuration the plan changes, as before/after pairs (none when not managed in place). */
export function riskPairs(s: SettingSides): RiskPair[] {
  const had = s.before.riskConfiguration;
  if (had === undefined || (s.mode === "update" && s.after.riskConfiguration === undefined)) return [];
  const want = s.after.riskConfiguration ?? {};
  // In place, a document that does not list clients leaves their own settings as they are.
  const wantClients = want.clients ?? (s.mode === "update" ? had.clients : undefined);
  const next: RiskConfigurationSpec = { ...want, ...(wantClients ? { clients: wantClients } : {}) };
  const pairs: RiskPair[] = [{ address: addressOf("riskConfiguration"), before: poolRiskSettings(had) ?? {}, after: poolRiskSettings(next) ?? {} }];
  const clientsAfter = s.after.clients === undefined ? undefined : new Set(s.after.clients.map((c) => c.name));
  const names = new Set([...(had.clients ?? []), ...(next.clients ?? [])].map((c) => c.clientName));
  for (const name of [...names].sort()) {
    // A client deleted by the plan takes its settings with it: nothing left to weaken.
    if (clientsAfter !== undefined && !clientsAfter.has(name)) continue;
    pairs.push({ address: addressOf("riskConfiguration", name), before: effectiveRisk(had, name), after: effectiveRisk(next, name) });
  }
  return pairs;
}

const TAKEOVER_STRENGTH: Readonly<Record<string, number>> = Object.fromEntries(ACCOUNT_TAKEOVER_ACTIONS.map((a, i) => [a, i]));
const LEVEL_WORDS: Readonly<Record<(typeof RISK_LEVEL_ACTIONS)[number], string>> = { lowAction: "low", mediumAction: "medium", highAction: "high" };
const shown = (v: unknown) => (v === undefined ? "not set" : String(v));

function compromisedCredentialsFlags(p: RiskPair): SecurityChange[] {
  const path = "compromisedCredentialsRiskConfiguration";
  const b = p.before.compromisedCredentialsRiskConfiguration;
  const a = p.after.compromisedCredentialsRiskConfiguration;
  const out: SecurityChange[] = [];
  if (b?.actions?.eventAction === "BLOCK" && a?.actions?.eventAction !== "BLOCK")
    out.push(
      flag("threat-protection-lowered", p.address, `${path}.actions.eventAction`, `sign-ins with compromised credentials are no longer blocked (now ${a === undefined ? "no compromised-credentials action is set" : shown(a.actions?.eventAction)})`, "BLOCK", a?.actions?.eventAction),
    );
  if (b !== undefined && a !== undefined) {
    // Unset EventFilter = every event (RISK_EVENT_FILTERS).
    const watched = (f: readonly string[] | undefined) => new Set(f ?? RISK_EVENT_FILTERS);
    const dropped = [...watched(b.eventFilter)].filter((e) => !watched(a.eventFilter).has(e));
    if (dropped.length > 0)
      out.push(flag("threat-protection-lowered", p.address, `${path}.eventFilter`, `compromised credentials are no longer checked at ${dropped.join(", ")}`, b.eventFilter ?? [...RISK_EVENT_FILTERS], a.eventFilter ?? [...RISK_EVENT_FILTERS]));
  }
  return out;
}

function adaptiveActionFlags(p: RiskPair): SecurityChange[] {
  const out: SecurityChange[] = [];
  for (const level of RISK_LEVEL_ACTIONS) {
    const b = p.before.accountTakeoverRiskConfiguration?.actions?.[level]?.eventAction;
    const a = p.after.accountTakeoverRiskConfiguration?.actions?.[level]?.eventAction;
    // An action no longer set takes none: the weakest, like NO_ACTION.
    if (b !== undefined && (TAKEOVER_STRENGTH[a ?? "NO_ACTION"] ?? 0) < (TAKEOVER_STRENGTH[b] ?? 0))
      out.push(
        flag("threat-protection-lowered", p.address, `accountTakeoverRiskConfiguration.actions.${level}.eventAction`, `adaptive authentication at ${LEVEL_WORDS[level]} risk is lowered from ${b} to ${shown(a)}`, b, a),
      );
  }
  return out;
}

function ipListFlags(p: RiskPair): SecurityChange[] {
  const out: SecurityChange[] = [];
  const b = p.before.riskExceptionConfiguration;
  const a = p.after.riskExceptionConfiguration;
  const unblocked = (b?.blockedIPRangeList ?? []).filter((r) => !(a?.blockedIPRangeList ?? []).includes(r));
  if (unblocked.length > 0)
    out.push(flag("threat-protection-lowered", p.address, "riskExceptionConfiguration.blockedIPRangeList", `IP ranges no longer always blocked: ${unblocked.join(", ")}`, b?.blockedIPRangeList, a?.blockedIPRangeList));
  const skipped = (a?.skippedIPRangeList ?? []).filter((r) => !(b?.skippedIPRangeList ?? []).includes(r));
  if (skipped.length > 0)
    out.push(flag("threat-protection-lowered", p.address, "riskExceptionConfiguration.skippedIPRangeList", `IP ranges added to the always-allow list (threat protection skips them): ${skipped.join(", ")}`, b?.skippedIPRangeList, a?.skippedIPRangeList));
  return out;
}

const destinationOf = (c: LogConfigurationSpec) =>
  c.cloudWatchLogsConfiguration?.logGroupArn ?? c.s3Configuration?.bucketArn ?? c.firehoseConfiguration?.streamArn ?? "its destination";

function authEventLogFlags(s: SettingSides): SecurityChange[] {
  const authEvents = (list: readonly LogConfigurationSpec[] | undefined) => list?.find((c) => c.eventSource === "userAuthEvents");
  const b = authEvents(s.before.logDeliveryConfiguration?.logConfigurations);
  const a = authEvents(afterOf(s, "logDeliveryConfiguration")?.logConfigurations);
  if (b === undefined || a !== undefined) return [];
  return [flag("auth-event-logs-removed", addressOf("logDelivery"), "logConfigurations", `user authentication event logs (threat protection) are no longer exported to ${destinationOf(b)}`, "userAuthEvents", undefined)];
}

/** The MFA setting after the plan (unset on a replaced pool is AWS's default, OFF). */
const mfaAfter = (s: SettingSides) => afterOf(s, "mfaConfiguration") ?? "OFF";

function smsFactorFlags(s: SettingSides): SecurityChange[] {
  const mfa = mfaAfter(s);
  if (mfa === "OFF" || s.before.smsMfaConfiguration?.enabled !== true || afterOf(s, "smsMfaConfiguration")?.enabled === true) return [];
  return [flag("mfa-weakened", addressOf("mfaConfig"), "smsMfaConfiguration.enabled", `SMS MFA is turned off while MFA is ${mfa}: users whose second factor is SMS lose it`, true, false)];
}

function emailFactorFlags(s: SettingSides): SecurityChange[] {
  const mfa = mfaAfter(s);
  if (mfa === "OFF" || s.before.emailMfaConfiguration === undefined || afterOf(s, "emailMfaConfiguration") !== undefined) return [];
  return [flag("mfa-weakened", addressOf("mfaConfig"), "emailMfaConfiguration", `email MFA is turned off while MFA is ${mfa}: users whose second factor is email lose it`, "on", "off")];
}

const perRiskPair = (check: (p: RiskPair) => SecurityChange[]) => (s: SettingSides) => riskPairs(s).flatMap(check);

const API = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference";

/** The rules, in the order their flags are listed. */
export const SETTING_SECURITY_RULES: readonly SettingSecurityRule[] = [
  // CompromisedCredentialsActionsType.EventAction BLOCK or NO_ACTION; EventFilter unset = every event.
  { code: "threat-protection-lowered", source: `${API}/API_CompromisedCredentialsRiskConfigurationType.html`, flags: perRiskPair(compromisedCredentialsFlags) },
  // AccountTakeoverActionType.EventAction per risk level: BLOCK, MFA_REQUIRED, MFA_IF_CONFIGURED, NO_ACTION.
  { code: "threat-protection-lowered", source: `${API}/API_AccountTakeoverActionType.html`, flags: perRiskPair(adaptiveActionFlags) },
  // BlockedIPRangeList: "always blocked"; SkippedIPRangeList: "always allowed", threat protection skips them.
  { code: "threat-protection-lowered", source: `${API}/API_RiskExceptionConfigurationType.html`, flags: perRiskPair(ipListFlags) },
  // EventSource userAuthEvents: the threat protection user activity logs (Plus feature plan).
  { code: "auth-event-logs-removed", source: `${API}/API_LogConfigurationType.html`, flags: authEventLogFlags },
  // SmsMfaConfiguration sent = SMS MFA on; left out = off.
  { code: "mfa-weakened", source: `${API}/API_SetUserPoolMfaConfig.html`, flags: smsFactorFlags },
  // EmailMfaConfiguration sent = email MFA on; left out = off.
  { code: "mfa-weakened", source: `${API}/API_EmailMfaConfigType.html`, flags: emailFactorFlags },
];

/** Flags of the settings above for an existing pool changed in place or replaced. */
export function settingSecurityChanges(before: PoolSpec, after: PoolSpec, mode: Mode): SecurityChange[] {
  const sides: SettingSides = { before, after, mode };
  return SETTING_SECURITY_RULES.flatMap((rule) => rule.flags(sides));
}
