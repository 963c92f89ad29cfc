/**
 * How a pool talks to users: email and SMS delivery and the message templates
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html, CreateUserPool `EmailConfiguration`, `SmsConfiguration`,
 * `VerificationMessageTemplate`, `AdminCreateUserConfig.InviteMessageTemplate`).
 */
import { z } from "zod";
import {
  arnSchema,
  emailAddressSchema,
  emailCodeMessageSchema,
  emailInviteMessageSchema,
  emailLinkMessageSchema,
  emailSubjectSchema,
  longStringSchema,
  smsCodeMessageSchema,
  smsInviteMessageSchema,
} from "./primitives";

/** `EmailConfigurationType`. DEVELOPER needs `sourceArn` (rules/email-configuration.ts). */
export const emailConfigurationSchema = z.strictObject({
  emailSendingAccount: z.enum(["COGNITO_DEFAULT", "DEVELOPER"]).optional(),
  /** ARN of a verified SES identity. */
  sourceArn: arnSchema.optional(),
  /** Sender address or `Name <address>` (Smithy `From`). */
  from: longStringSchema.optional(),
  replyToEmailAddress: emailAddressSchema.optional(),
  /** `SESConfigurationSet`: 1–64 of letters, digits, `_` and `-`. */
  configurationSet: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-zA-Z0-9_-]+$/u, { error: "may contain only letters, digits, _ and -" })
    .optional(),
});

/** `SmsConfigurationType`: the IAM role Cognito assumes to publish SMS through SNS. */
export const smsConfigurationSchema = z.strictObject({
  snsCallerArn: arnSchema,
  externalId: longStringSchema.optional(),
  /** `RegionCodeType`: len 5–32. */
  snsRegion: z.string().min(5).max(32).optional(),
});

/** `VerificationMessageTemplateType`. */
export const verificationMessageTemplateSchema = z.strictObject({
  smsMessage: smsCodeMessageSchema.optional(),
  emailMessage: emailCodeMessageSchema.optional(),
  emailSubject: emailSubjectSchema.optional(),
  emailMessageByLink: emailLinkMessageSchema.optional(),
  emailSubjectByLink: emailSubjectSchema.optional(),
  defaultEmailOption: z.enum(["CONFIRM_WITH_LINK", "CONFIRM_WITH_CODE"]).optional(),
});

/** `MessageTemplateType` (invitation of admin-created users). */
export const inviteMessageTemplateSchema = z.strictObject({
  smsMessage: smsInviteMessageSchema.optional(),
  emailMessage: emailInviteMessageSchema.optional(),
  emailSubject: emailSubjectSchema.optional(),
});

/** `AdminCreateUserConfigType` (without the retired `UnusedAccountValidityDays`). */
export const adminCreateUserConfigSchema = z.strictObject({
  /** true = only administrators create users (self sign-up off). */
  allowAdminCreateUserOnly: z.boolean().optional(),
  inviteMessageTemplate: inviteMessageTemplateSchema.optional(),
});

/** `EmailMfaConfigType` (Essentials tier or higher). */
export const emailMfaConfigurationSchema = z.strictObject({
  message: emailCodeMessageSchema.optional(),
  subject: emailSubjectSchema.optional(),
});

