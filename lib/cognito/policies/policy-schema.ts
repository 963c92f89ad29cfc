/**
 * The one schema of a policy and of a policy file, shared by the Policies page, its server actions, the
 * database reader and `cognito-studio validate --policy`.
 */
import { z } from "zod";
// Zod's own words ("Invalid input: expected string, received undefined") reach the CLI otherwise.
import "../spec/error-map";
import { groupDigits } from "../spec/group-digits";

/** Long enough for any rule a person writes; short enough that nobody sends the server a novel. */
export const MAX_EXPRESSION_LENGTH = 2000;
export const MAX_POLICIES = 200;
/** A policy file as the Policies page, its server actions and the CLI read it. */
export const MAX_POLICY_FILE_CHARS = 200_000;
export const POLICY_FILE_TOO_LONG = `the policy file is longer than ${groupDigits(MAX_POLICY_FILE_CHARS)} characters; split the rules across fewer, shorter policies`;

/** A key left out or not text: named, with what to write. */
const text = (key: string, what: string) => z.string({ error: (issue) => (issue.input === undefined ? `${key} is missing: ${what}` : `${key} must be text: ${what}`) });

const expression = (what: string) =>
  text(what, `write a CEL expression, e.g. pool.spec.deletionProtection == "ACTIVE"`)
    .trim()
    .min(1, `${what} is empty: write a CEL expression, e.g. pool.spec.deletionProtection == "ACTIVE"`)
    .max(MAX_EXPRESSION_LENGTH, `${what} is longer than ${MAX_EXPRESSION_LENGTH} characters: split it into several policies`);

export const policySchema = z.object({
  id: text("id", "name the policy in lower-case letters, digits and hyphens (e.g. prod-deletion-protection)")
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/u, "id must be 1 to 63 lower-case letters, digits and hyphens, starting with a letter or digit (e.g. prod-deletion-protection)"),
  description: text("description", "say in plain words what the team requires").trim().min(1, "description is empty: say in plain words what the team requires").max(500, "description is longer than 500 characters"),
  severity: z.enum(["warn", "block"], { error: 'severity must be "warn" (shown) or "block" (stops an apply unless an admin overrides it)' }),
  when: expression("when").optional(),
  each: expression("each").optional(),
  require: expression("require"),
  path: text("path", "name the field the policy concerns, e.g. spec.deletionProtection").trim().min(1, "path is empty: name the field the policy concerns, e.g. spec.deletionProtection").max(300, "path is longer than 300 characters"),
});

export type PolicyInput = z.input<typeof policySchema>;

/** A policy file: `policies:` with an optional `apiVersion: cognito-studio.dev/v1` and `kind: PolicySet`. */
export const policyFileSchema = z.object({
  apiVersion: z.literal("cognito-studio.dev/v1", { error: 'apiVersion must be "cognito-studio.dev/v1" (or left out)' }).optional(),
  kind: z.literal("PolicySet", { error: 'kind must be "PolicySet" (or left out)' }).optional(),
  policies: z.array(policySchema).max(MAX_POLICIES, `a policy file holds at most ${MAX_POLICIES} policies`),
});
