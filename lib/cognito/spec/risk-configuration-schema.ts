/**
 * Threat protection settings: Smithy `SetRiskConfigurationRequest` / `RiskConfigurationType`
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetRiskConfiguration.html).
 *
 * `riskConfiguration` holds the pool's settings (SetRiskConfiguration without ClientId) and, under `clients`,
 * the settings of app clients that do not use the pool's (SetRiskConfiguration with ClientId, the client named
 * by its name in this document). Unset = not managed. A part left out is AWS's default: SetRiskConfiguration
 * replaces the whole configuration of the pool or client it names.
 * Threat protection needs the Plus feature plan and a threat protection mode (rules/risk-configuration.ts).
 */
import { z } from "zod";
import { arnSchema, EMAIL_SUBJECT_PATTERN, longStringSchema } from "./primitives";
import { cidrSchema } from "./cidr";

/** `EventFilterType`: the sign-in events compromised-credentials detection watches (AWS default: all). */
export const RISK_EVENT_FILTERS = ["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"] as const;
/** `CompromisedCredentialsEventActionType`. */
export const COMPROMISED_CREDENTIALS_ACTIONS = ["BLOCK", "NO_ACTION"] as const;
/** `AccountTakeoverEventActionType`: allow, MFA if configured, MFA required, block. */
export const ACCOUNT_TAKEOVER_ACTIONS = ["NO_ACTION", "MFA_IF_CONFIGURED", "MFA_REQUIRED", "BLOCK"] as const;
/** The risk levels adaptive authentication assesses, as `AccountTakeoverActionsType` names their actions. */
export const RISK_LEVEL_ACTIONS = ["lowAction", "mediumAction", "highAction"] as const;
/** The three notification templates of `NotifyConfigurationType`. */
export const NOTIFY_EMAILS = ["blockEmail", "noActionEmail", "mfaEmail"] as const;

export const compromisedCredentialsRiskConfigurationSchema = z.strictObject({
  /** `EventFiltersType`; unset = every event. */
  eventFilter: z.array(z.enum(RISK_EVENT_FILTERS)).max(3).optional(),
  actions: z.strictObject({ eventAction: z.enum(COMPROMISED_CREDENTIALS_ACTIONS) }),
});

/** `AccountTakeoverActionType`: what happens at one risk level, and whether the user is told. */
export const accountTakeoverActionSchema = z.strictObject({
  notify: z.boolean(),
  eventAction: z.enum(ACCOUNT_TAKEOVER_ACTIONS),
});

/** `EmailNotificationBodyType`: 6–20000 printable characters. */
const notifyBodySchema = z
  .string()
  .min(6)
  .max(20000)
  .regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]+$/u, { error: "may contain only printable characters" });

/** `NotifyEmailType`: one notification template. */
export const notifyEmailSchema = z.strictObject({
  /** `EmailNotificationSubjectType`: 1–140 printable characters. */
  subject: z.string().min(1).max(140).regex(EMAIL_SUBJECT_PATTERN, { error: "may contain only printable characters" }),
  htmlBody: notifyBodySchema.optional(),
  textBody: notifyBodySchema.optional(),
});

/** `NotifyConfigurationType`: who sends the notification e-mails (through SES) and their templates. */
export const notifyConfigurationSchema = z.strictObject({
  /** `StringType`: an SES-verified address or one of a verified domain. */
  from: longStringSchema.optional(),
  /** `StringType`: `admin@example.com` or `Administrator <admin@example.com>`. */
  replyTo: longStringSchema.optional(),
  /** The SES identity whose sending authorization lets Cognito send for `from`. */
  sourceArn: arnSchema,
  blockEmail: notifyEmailSchema.optional(),
  noActionEmail: notifyEmailSchema.optional(),
  mfaEmail: notifyEmailSchema.optional(),
});

export const accountTakeoverRiskConfigurationSchema = z.strictObject({
  notifyConfiguration: notifyConfigurationSchema.optional(),
  actions: z.strictObject({
    lowAction: accountTakeoverActionSchema.optional(),
    mediumAction: accountTakeoverActionSchema.optional(),
    highAction: accountTakeoverActionSchema.optional(),
  }),
});

/** `RiskExceptionConfigurationType`: IP ranges always blocked and always allowed, 0–200 CIDR blocks each. */
export const riskExceptionConfigurationSchema = z.strictObject({
  blockedIPRangeList: z.array(cidrSchema).max(200).optional(),
  skippedIPRangeList: z.array(cidrSchema).max(200).optional(),
});

/** The three parts of one risk configuration (the pool's or one client's). */
export const riskSettingsSchema = z.strictObject({
  compromisedCredentialsRiskConfiguration: compromisedCredentialsRiskConfigurationSchema.optional(),
  accountTakeoverRiskConfiguration: accountTakeoverRiskConfigurationSchema.optional(),
  riskExceptionConfiguration: riskExceptionConfigurationSchema.optional(),
});

/** One app client's own settings; `clientName` names a client of `spec.clients`. */
export const clientRiskConfigurationSchema = riskSettingsSchema.extend({
  clientName: z.string().min(1).max(128),
});

export const riskConfigurationSchema = riskSettingsSchema.extend({
  /** Clients with settings of their own; a client not listed uses the pool's. Unset = not managed. */
  clients: z.array(clientRiskConfigurationSchema).optional(),
});

export type RiskSettingsSpec = z.infer<typeof riskSettingsSchema>;
export type ClientRiskConfigurationSpec = z.infer<typeof clientRiskConfigurationSchema>;
export type RiskConfigurationSpec = z.infer<typeof riskConfigurationSchema>;
export type AccountTakeoverActionSpec = z.infer<typeof accountTakeoverActionSchema>;
export type NotifyEmailSpec = z.infer<typeof notifyEmailSchema>;
