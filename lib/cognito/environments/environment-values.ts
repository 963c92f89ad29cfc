/**
 * Per-environment values: what differs between the targets a design is applied to (dev, staging, prod)
 * and so is kept on the target, not in the design. Today: the app clients' callback and logout URLs
 * (by client name) and the hosted domain. The same zod schema serves the targets form, the server
 * action and any importer (ARCHITECTURE.md, "One schema per input").
 */
import { z } from "zod";
import { domainSchema } from "../spec/domain-schema";
import { redirectUrlSchema } from "../spec/primitives";
import { redirectUriProblem } from "../spec/rules/redirect-uris";

/**
 * A redirect URI with the rules of rules/redirect-uris.ts (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html: absolute, no
 * fragment, https except loopback http, or an app scheme), checked here so the form shows them per field.
 */
const redirectUriSchema = redirectUrlSchema.superRefine((url, ctx) => {
  const problem = redirectUriProblem(url);
  if (problem) ctx.addIssue({ code: "custom", message: `${url} ${problem}` });
});

export const environmentClientValuesSchema = z.strictObject({
  /** Replaces the client's `callbackUrls` on this target. Max 100 (https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html "Callback URLs per app client"). */
  callbackUrls: z.array(redirectUriSchema).max(100, { error: "at most 100 callback URLs per app client" }).optional(),
  /** Replaces the client's `logoutUrls` on this target. */
  logoutUrls: z.array(redirectUriSchema).max(100, { error: "at most 100 sign-out URLs per app client" }).optional(),
});

export const environmentValuesSchema = z.strictObject({
  /** Replaces `spec.domain.domain` (a prefix, or a custom domain name) on this target. */
  domain: domainSchema.shape.domain.optional(),
  /**
   * Replaces `spec.domain.certificateArn` on this target: a custom domain that differs per environment
   * needs its own ACM certificate unless one wildcard covers them all (preflight checks the cover).
   */
  certificateArn: domainSchema.shape.certificateArn,
  /** By app client name (the name clients are matched by). */
  clients: z.record(z.string().min(1).max(128), environmentClientValuesSchema).optional(),
});
export type EnvironmentValues = z.infer<typeof environmentValuesSchema>;

/**
 * Reads the values stored on a target. Stored text is re-parsed with the schema (ARCHITECTURE.md, "The database");
 * unreadable or invalid text reads as no values, with the reason, so a caller can say so.
 */
export function readEnvironmentValues(text: string | null | undefined): { values: EnvironmentValues; problem?: string } {
  if (!text) return { values: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { values: {}, problem: "the stored environment values are not JSON" };
  }
  const parsed = environmentValuesSchema.safeParse(raw);
  if (!parsed.success) return { values: {}, problem: `the stored environment values are invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}` };
  return { values: parsed.data };
}

/** True when the values change nothing. */
export function isEmptyEnvironmentValues(values: EnvironmentValues): boolean {
  return values.domain === undefined && values.certificateArn === undefined && Object.values(values.clients ?? {}).every((c) => c.callbackUrls === undefined && c.logoutUrls === undefined);
}
