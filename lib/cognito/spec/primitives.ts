/**
 * Shared string shapes of the Cognito API model, with the patterns copied from the Smithy model
 * (vendored as `test/fixtures/reference/aws-cognito-identity-provider.smithy.json`; readable in the API
 * reference, https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/). Each schema names the Smithy shape it mirrors.
 *
 * The model's patterns use Java regex syntax; the ones below are the same expressions compiled with the
 * `u` flag so `\p{…}` classes work. `\w` stays ASCII in JS as in Java.
 */
import { z } from "zod";

/** Smithy `ArnType`: len 20–2048 and the generic ARN pattern. */
export const ARN_PATTERN =
  /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/u;

export const arnSchema = z
  .string()
  .min(20)
  .max(2048)
  .regex(ARN_PATTERN, { error: "must be an ARN like arn:aws:service:region:123456789012:resource" });

/** Smithy `UserPoolNameType`, `ClientNameType`, `ResourceServerNameType`: letters, digits, spaces and + = , . @ - _ */
export const FRIENDLY_NAME_PATTERN = /^[\w\s+=,.@-]+$/u;
export const FRIENDLY_NAME_RULE = "letters, digits, spaces and the characters + = , . @ - _";

/** Smithy `StringType`: len 0–131072. */
export const longStringSchema = z.string().max(131072);

/** Smithy `RegionCodeType` (len 5–32); the shape of an AWS Region code like us-east-1 or us-gov-west-1. */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/u;
export const regionSchema = z
  .string()
  .min(5)
  .max(32)
  .regex(REGION_PATTERN, { error: "must be an AWS Region code like us-east-1 or eu-west-2" });

/** Smithy `SmsVerificationMessageType`: len 6–140, must contain the code placeholder {####}. */
export const smsCodeMessageSchema = z
  .string()
  .min(6)
  .max(140)
  .regex(/\{####\}/u, { error: "must contain the code placeholder {####}" });

const MSG_CHARS = String.raw`[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*`;

/** Smithy `EmailVerificationMessageType` / `EmailMfaMessageType`: len 6–20000 with a {####} placeholder. */
export const emailCodeMessageSchema = z
  .string()
  .min(6)
  .max(20000)
  .regex(new RegExp(`^${MSG_CHARS}\\{####\\}${MSG_CHARS}$`, "u"), {
    error: "must contain the code placeholder {####} and only printable characters",
  });

/** Smithy `EmailVerificationMessageByLinkType`: len 6–20000 with a {##link text##} placeholder. */
export const emailLinkMessageSchema = z
  .string()
  .min(6)
  .max(20000)
  .regex(new RegExp(`^${MSG_CHARS}\\{##${MSG_CHARS}##\\}${MSG_CHARS}$`, "u"), {
    error: "must contain the link placeholder {##Click here##} and only printable characters",
  });

/** Smithy `EmailInviteMessageType`: len 6–20000, printable characters. */
export const emailInviteMessageSchema = z
  .string()
  .min(6)
  .max(20000)
  .regex(new RegExp(`^${MSG_CHARS}$`, "u"), { error: "may contain only printable characters" });

/** Smithy `SmsInviteMessageType`: len 6–140 (pattern `^(?s)` accepts anything). */
export const smsInviteMessageSchema = z.string().min(6).max(140);

/** Smithy `EmailVerificationSubjectType` (len 1–140) and `EmailMfaSubjectType` (pattern only; same cap used). */
export const EMAIL_SUBJECT_PATTERN = /^[\p{L}\p{M}\p{S}\p{N}\p{P}\s]+$/u;
export const emailSubjectSchema = z
  .string()
  .min(1)
  .max(140)
  .regex(EMAIL_SUBJECT_PATTERN, { error: "may contain only printable characters" });

/** Smithy `EmailAddressType`: something@something, no spaces. */
export const emailAddressSchema = z
  .string()
  .regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+@[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, {
    error: "must be an email address like name@example.com",
  });

/** Smithy `RedirectUrlType`: len 1–1024, no whitespace. Scheme/host rules are cross-field rules (rules/redirect-uris.ts). */
export const redirectUrlSchema = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, { error: "must be a URL without spaces" });

/** Smithy `ScopeType` and `ResourceServerIdentifierType`: len 1–256, printable ASCII except space, `"` and `\`. */
export const SCOPE_PATTERN = /^[\x21\x23-\x5B\x5D-\x7E]+$/u;
export const scopeSchema = z
  .string()
  .min(1)
  .max(256)
  .regex(SCOPE_PATTERN, { error: "must be printable ASCII without spaces, quotes or backslashes" });

/** Smithy `ResourceServerScopeNameType`: like a scope but also without `/`. */
export const SCOPE_NAME_PATTERN = /^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+$/u;

/** Smithy `TagKeysType` (len 1–128) and `TagValueType` (len 0–256). */
export const tagsSchema = z.record(z.string().min(1).max(128), z.string().max(256));
