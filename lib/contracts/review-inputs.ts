import "@/lib/cognito/spec/error-map";
import { z } from "zod";
import {
  type EnvironmentValues,
  environmentClientValuesSchema,
  environmentValuesSchema,
  mostSpecificIssues,
  SETTING_KINDS,
  settingPath,
  valuesFromSettingEntries,
} from "@/lib/cognito/environments";
import { regionSchema } from "@/lib/cognito/spec";
import { environmentSchema } from "@/lib/contracts/pool-inputs";

/** Schemas of the team-review forms (targets, change requests, approvals, apply), shared by forms and actions. */

const optionalText = (schema: z.ZodType<string, string>) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(schema.optional());

/** moto / LocalStack URL: http(s) only. */
export const endpointSchema = z.url({ protocol: /^https?$/u, error: "use an http(s) URL such as http://localhost:5000" });
/** Same rule as the CLI's --role-arn (cli/cognito-target.ts). */
export const roleArnSchema = z.string().regex(/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/u, { error: "use an IAM role ARN like arn:aws:iam::123456789012:role/cognito-admin" });
/** A user pool id starts with its Region: eu-west-1_AbC123. */
export const userPoolIdSchema = z.string().regex(/^[\w-]+_[0-9a-zA-Z]+$/u, { error: "use a user pool id like eu-west-1_AbC123" });

export const targetFieldsSchema = z.object({
  name: environmentSchema,
  region: regionSchema,
  endpoint: optionalText(endpointSchema),
  roleArn: optionalText(roleArnSchema),
  userPoolId: optionalText(userPoolIdSchema),
  requiredApprovals: z.coerce.number<string | number>().int({ error: "a whole number" }).min(0, { error: "0 or more" }).max(5, { error: "at most 5" }),
});

export const createTargetSchema = targetFieldsSchema.extend({ poolId: z.string().min(1) });
export type CreateTargetInput = z.infer<typeof createTargetSchema>;

export const updateTargetSchema = targetFieldsSchema.extend({ targetId: z.string().min(1) });
export type UpdateTargetInput = z.infer<typeof updateTargetSchema>;

/** Approvals a new target needs by default: none for dev, one for anything else (prod, staging…). */
export function defaultRequiredApprovals(name: string): number {
  return name === "dev" ? 0 : 1;
}

export const submitChangeRequestSchema = z.object({
  poolId: z.string().min(1),
  targetId: z.string().min(1, { error: "choose a target" }),
  /** The draft version the person saw: a later save means they would submit something they did not see. */
  draftVersion: z.int().min(1),
  title: z.string().trim().min(1, { error: "give the change a title" }).max(200, { error: "keep the title under 200 characters" }),
  description: z.string().trim().max(5000, { error: "keep the description under 5000 characters" }),
});
export type SubmitChangeRequestInput = z.infer<typeof submitChangeRequestSchema>;

export const commentSchema = z.object({
  changeRequestId: z.string().min(1),
  body: z.string().trim().min(1, { error: "write a comment" }).max(5000, { error: "keep the comment under 5000 characters" }),
  /** A changed field the comment is about (plan address + path), or empty for the whole request. */
  path: optionalText(z.string().max(500)),
});
export type CommentInput = z.infer<typeof commentSchema>;

/** Approve / apply name the plan version the person reviewed, so a re-plan in between is caught. */
export const approveSchema = z.object({ changeRequestId: z.string().min(1), planVersion: z.int().min(1) });
export type ApproveInput = z.infer<typeof approveSchema>;

export const requestChangesSchema = z.object({
  changeRequestId: z.string().min(1),
  body: z.string().trim().min(1, { error: "say what needs to change" }).max(5000),
});

export const changeRequestRefSchema = z.object({ changeRequestId: z.string().min(1) });

export const applySchema = z.object({
  changeRequestId: z.string().min(1),
  planVersion: z.int().min(1),
  /** The pool's name, typed when the plan replaces or deletes the pool or replaces a client. */
  confirmName: z.string().optional(),
});
export type ApplyInput = z.infer<typeof applySchema>;

export const auditFilterSchema = z.object({
  poolId: z.string().optional(),
  actor: z.string().optional(),
  action: z.string().optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const pullLiveSchema = z.object({ targetId: z.string().min(1), draftVersion: z.int().min(1) });

export const checkDriftSchema = z.object({ targetId: z.string().min(1) });

/** Cognito allows 100 callback and 100 sign-out URLs per app client, each at most 1,024 characters. */
const URL_LINES_MAX_CHARS = 100 * 1_025;

/**
 * One URL per line; blank lines ignored. Each line gets the redirect-URI rules, reported on the field with
 * its line number. The text is bounded first, and a list over 100 gets one message, not one per line.
 */
const urlLinesSchema = (what: string) =>
  z
    .string()
    .max(URL_LINES_MAX_CHARS, { error: `a client has at most 100 ${what} of up to 1,024 characters each; shorten the list` })
    .transform((text, ctx) => {
      const urls = text
        .split(/\r?\n/u)
        .map((line) => line.trim())
        .filter(Boolean);
      if (urls.length > 100) {
        ctx.addIssue({ code: "custom", message: `at most 100 ${what} per app client (${urls.length} given)` });
        return urls;
      }
      const itemSchema = environmentClientValuesSchema.shape.callbackUrls.unwrap().element;
      urls.forEach((url, index) => {
        const parsed = itemSchema.safeParse(url);
        if (!parsed.success) ctx.addIssue({ code: "custom", message: `line ${index + 1}: ${parsed.error.issues[0]?.message ?? "not a valid URL"}` });
      });
      return urls;
    });

/**
 * The targets form's per-environment values: the domain and, per app client, its callback and sign-out
 * URLs one per line. An empty box keeps the design's value on this target. The output is the core's
 * EnvironmentValues (lib/cognito/environments), checked once more with its schema.
 */
export const environmentValuesFormSchema = z
  .object({
    targetId: z.string().min(1),
    domain: optionalText(environmentValuesSchema.shape.domain.unwrap()),
    certificateArn: optionalText(environmentValuesSchema.shape.certificateArn.unwrap()),
    clients: z
      .array(z.object({ name: z.string().min(1).max(128), callbackUrls: urlLinesSchema("callback URLs"), logoutUrls: urlLinesSchema("sign-out URLs") }))
      .max(100),
  })
  .transform(({ targetId, domain, certificateArn, clients }, ctx) => {
    const values: EnvironmentValues = {};
    if (domain !== undefined) values.domain = domain;
    if (certificateArn !== undefined) values.certificateArn = certificateArn;
    for (const c of clients) {
      const entry = { ...(c.callbackUrls.length > 0 ? { callbackUrls: c.callbackUrls } : {}), ...(c.logoutUrls.length > 0 ? { logoutUrls: c.logoutUrls } : {}) };
      if (Object.keys(entry).length > 0) (values.clients ??= {})[c.name] = entry;
    }
    const checked = environmentValuesSchema.safeParse(values);
    if (!checked.success) {
      for (const issue of checked.error.issues) ctx.addIssue({ code: "custom", message: `${issue.path.join(".")}: ${issue.message}` });
      return z.NEVER;
    }
    return { targetId, values: checked.data };
  });
export type EnvironmentValuesInput = z.output<typeof environmentValuesFormSchema>;

/**
 * The target page's table of other per-environment settings (triggers, SES, SMS, KMS, identity providers,
 * resource servers, groups, tags): one row per setting, an empty value keeps the design's. The rows become the
 * core's EnvironmentValues and are checked with its schema; each problem goes back to its row's value.
 */
export const environmentSettingsFormSchema = z
  .object({
    targetId: z.string().min(1),
    /** When the person loaded the target (its updatedAt): a save made since by someone else is not overwritten. */
    seen: z.string().max(64),
    settings: z
      .array(z.object({ kind: z.enum(SETTING_KINDS), name: z.string().max(2048), value: z.string().max(131072, { error: "is too long: at most 131,072 characters" }) }))
      .max(1000, { error: "at most 1,000 settings per target" }),
  })
  .transform(({ targetId, seen, settings }, ctx) => {
    const entries = settings.map((s) => ({ ...s, value: s.value.trim() })).filter((s) => s.value !== "");
    const checked = environmentValuesSchema.safeParse(valuesFromSettingEntries(entries));
    if (!checked.success) {
      for (const issue of mostSpecificIssues(checked.error.issues)) {
        const at = issue.path.map(String).join("\u0000");
        const row = settings.findIndex((s) => s.value.trim() !== "" && settingPath(s.kind, s.name).join("\u0000") === at);
        ctx.addIssue({ code: "custom", message: issue.message, path: row >= 0 ? ["settings", row, "value"] : [] });
      }
      return z.NEVER;
    }
    return { targetId, seen, values: checked.data };
  });
export type EnvironmentSettingsFormInput = z.input<typeof environmentSettingsFormSchema>;
export type EnvironmentSettingsInput = z.output<typeof environmentSettingsFormSchema>;

export const promoteSchema = z.object({ changeRequestId: z.string().min(1) });
