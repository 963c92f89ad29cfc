/**
 * The pool's settings the overview lists beside its picture, in the console's words (pure, no React): feature plan,
 * threat protection, log delivery, domains, MFA and passkeys. Only what the design says; a setting it does not
 * manage says so rather than guessing the live pool. The CloudFront distribution a custom domain's DNS points at
 * exists only once the domain is applied, so it is named as that (Connect shows it from a target's live pool).
 */
import { CLOUDFRONT_HOSTED_ZONE_ID, customDomainDns } from "@/lib/cognito/connect";
import type { DomainSpec, LogConfigurationSpec, PoolDocument, RiskSettingsSpec } from "@/lib/cognito/spec";
import { labelForEnum } from "@/components/pool-editor/enum-labels";

export interface SettingsRow {
  /** What the row is about ("Threat protection"). */
  term: string;
  /** One line each. */
  details: string[];
}

const TIERS: Record<string, string> = { LITE: "Lite", ESSENTIALS: "Essentials", PLUS: "Plus" };

function featurePlan(doc: PoolDocument): SettingsRow {
  const tier = doc.spec.userPoolTier;
  return { term: "Feature plan", details: [tier ? (TIERS[tier] ?? tier) : "Essentials (AWS's default; not set in this design)"] };
}

function riskLine(settings: RiskSettingsSpec): string | undefined {
  const parts: string[] = [];
  const compromised = settings.compromisedCredentialsRiskConfiguration?.actions.eventAction;
  if (compromised) parts.push(`compromised credentials: ${labelForEnum("spec.riskConfiguration.compromisedCredentialsRiskConfiguration.actions.eventAction", compromised)}`);
  const actions = settings.accountTakeoverRiskConfiguration?.actions;
  for (const [level, words] of [["highAction", "high"], ["mediumAction", "medium"], ["lowAction", "low"]] as const) {
    const action = actions?.[level]?.eventAction;
    if (action) parts.push(`${words} risk: ${labelForEnum(`spec.riskConfiguration.accountTakeoverRiskConfiguration.actions.${level}.eventAction`, action)}`);
  }
  const blocked = settings.riskExceptionConfiguration?.blockedIPRangeList?.length ?? 0;
  const allowed = settings.riskExceptionConfiguration?.skippedIPRangeList?.length ?? 0;
  if (blocked > 0) parts.push(`${blocked} IP range${blocked === 1 ? "" : "s"} always blocked`);
  if (allowed > 0) parts.push(`${allowed} IP range${allowed === 1 ? "" : "s"} always allowed`);
  return parts.length > 0 ? parts.join(" · ") : undefined;
}

function threatProtection(doc: PoolDocument): SettingsRow {
  const addOns = doc.spec.userPoolAddOns;
  const mode = addOns?.advancedSecurityMode;
  const details = [mode ? labelForEnum("spec.userPoolAddOns.advancedSecurityMode", mode) : "Off (AWS's default; not set in this design)"];
  const custom = addOns?.advancedSecurityAdditionalFlows?.customAuthMode;
  if (custom) details.push(`Custom authentication: ${labelForEnum("spec.userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode", custom)}`);
  const risk = doc.spec.riskConfiguration;
  if (risk) {
    const pool = riskLine(risk);
    details.push(`Pool settings: ${pool ?? "AWS's defaults"}`);
    for (const client of risk.clients ?? []) details.push(`App client ${client.clientName}: ${riskLine(client) ?? "AWS's defaults"}`);
  }
  return { term: "Threat protection", details };
}

function destination(c: LogConfigurationSpec): string {
  if (c.cloudWatchLogsConfiguration) return `CloudWatch Logs ${c.cloudWatchLogsConfiguration.logGroupArn ?? "(log group not set)"}`;
  if (c.s3Configuration) return `Amazon S3 ${c.s3Configuration.bucketArn ?? "(bucket not set)"}`;
  if (c.firehoseConfiguration) return `Amazon Data Firehose ${c.firehoseConfiguration.streamArn ?? "(stream not set)"}`;
  return "no destination";
}

function logDelivery(doc: PoolDocument): SettingsRow {
  const logs = doc.spec.logDeliveryConfiguration;
  if (logs === undefined) return { term: "Log delivery", details: ["Not managed by this design"] };
  if (logs.logConfigurations.length === 0) return { term: "Log delivery", details: ["No logs exported"] };
  return {
    term: "Log delivery",
    details: logs.logConfigurations.map(
      (c) =>
        `${labelForEnum("spec.logDeliveryConfiguration.logConfigurations.0.eventSource", c.eventSource)} (${labelForEnum("spec.logDeliveryConfiguration.logConfigurations.0.logLevel", c.logLevel)}) → ${destination(c)}`,
    ),
  };
}

function pagesOf(d: DomainSpec): string {
  return d.managedLoginVersion === 2 ? "managed login" : d.managedLoginVersion === 1 ? "hosted UI (classic)" : "hosted sign-in pages";
}

function domains(doc: PoolDocument): SettingsRow {
  const details: string[] = [];
  const region = doc.spec.region ?? "<the target's Region>";
  for (const d of [doc.spec.domain, doc.spec.customDomain]) {
    if (!d) continue;
    if (d.domain.includes(".")) details.push(`Custom domain https://${d.domain} (${pagesOf(d)})`);
    else details.push(`Prefix domain https://${d.domain}.auth.${region}.amazoncognito.com (${pagesOf(d)})`);
  }
  const dns = customDomainDns(doc);
  if (dns)
    details.push(`DNS for ${dns.domain}: an alias (A) record, or a CNAME, to its CloudFront distribution (hosted zone ${CLOUDFRONT_HOSTED_ZONE_ID}); Connect shows the distribution once applied to a target`);
  return { term: "Domains", details: details.length > 0 ? details : ["No domain: no hosted sign-in pages"] };
}

function mfa(doc: PoolDocument): SettingsRow {
  const s = doc.spec;
  const factors: string[] = [];
  if (s.softwareTokenMfaConfiguration?.enabled) factors.push("Authenticator apps");
  if (s.smsMfaConfiguration?.enabled) factors.push("SMS messages");
  if (s.emailMfaConfiguration) factors.push("Email messages");
  if (s.webAuthnConfiguration?.factorConfiguration === "MULTI_FACTOR_WITH_USER_VERIFICATION") factors.push("Passkeys with user verification");
  const level = s.mfaConfiguration ? labelForEnum("spec.mfaConfiguration", s.mfaConfiguration) : "No MFA (AWS's default; not set in this design)";
  return { term: "MFA", details: [level, factors.length > 0 ? `Methods: ${factors.join(", ")}` : "Methods: none turned on"] };
}

function passkeys(doc: PoolDocument): SettingsRow | undefined {
  const w = doc.spec.webAuthnConfiguration;
  const firstFactor = doc.spec.signInPolicy?.allowedFirstAuthFactors?.includes("WEB_AUTHN") === true;
  if (!w && !firstFactor) return undefined;
  const details = [firstFactor ? "Offered at sign-in (choice-based sign-in)" : "Not offered at sign-in (no WEB_AUTHN first factor)"];
  details.push(`User verification: ${w?.userVerification ? labelForEnum("spec.webAuthnConfiguration.userVerification", w.userVerification) : "Preferred (AWS's default)"}`);
  if (w?.relyingPartyId) details.push(`Relying party: ${w.relyingPartyId}`);
  details.push(labelForEnum("spec.webAuthnConfiguration.factorConfiguration", w?.factorConfiguration ?? "SINGLE_FACTOR"));
  return { term: "Passkeys", details };
}

/** The rows, in the order the overview lists them. */
export function summarizePoolSettings(doc: PoolDocument): SettingsRow[] {
  const rows = [featurePlan(doc), threatProtection(doc), logDelivery(doc), domains(doc), mfa(doc), passkeys(doc)];
  return rows.filter((r): r is SettingsRow => r !== undefined);
}
