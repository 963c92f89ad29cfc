/**
 * The plan of a change request as it is kept in the database: the plan with the format version it was made
 * in (the plan module's `PLAN_FORMAT_VERSION`, never a number written here). A plan of another version, or
 * text that is not a plan, is refused with words for the page, and a re-plan writes a current one.
 */
import { z } from "zod";
import { PLAN_FORMAT_VERSION, type Plan } from "@/lib/cognito/plan";

/** Why a stored plan cannot be used: `problem` for the page, `reason` for a re-plan's list of reasons. */
export interface StoredPlanProblem {
  problem: string;
  reason: string;
}

export type StoredPlanRead = { ok: true; plan: Plan } | ({ ok: false } & StoredPlanProblem);

export const OLDER_PLAN: StoredPlanProblem = { problem: "This plan was made by an older studio; re-plan to continue.", reason: "the stored plan was made by an older studio" };
export const NEWER_PLAN: StoredPlanProblem = { problem: "This plan was made by a newer studio than this one; re-plan to continue.", reason: "the stored plan was made by a newer studio" };
export const UNREADABLE_PLAN: StoredPlanProblem = { problem: "The stored plan cannot be read; re-plan to continue.", reason: "the stored plan could not be read" };

/** Only the envelope is checked: the plan inside was written by lib/server/change-requests.ts from planChanges. */
const storedPlanSchema = z.looseObject({
  formatVersion: z.number().optional(),
  entries: z.array(z.unknown()),
  errors: z.array(z.unknown()),
});

/** The text a change request's `plan` column holds. */
export function writeStoredPlan(plan: Plan): string {
  return JSON.stringify({ ...plan, formatVersion: PLAN_FORMAT_VERSION });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads a stored plan: the plan when its format version is the current one, or why it cannot be used. */
export function readStoredPlan(text: string): StoredPlanRead {
  const envelope = storedPlanSchema.safeParse(parseJson(text));
  if (!envelope.success) return { ok: false, ...UNREADABLE_PLAN };
  const { formatVersion } = envelope.data;
  if (formatVersion === PLAN_FORMAT_VERSION) return { ok: true, plan: envelope.data as unknown as Plan };
  return { ok: false, ...(formatVersion !== undefined && formatVersion > PLAN_FORMAT_VERSION ? NEWER_PLAN : OLDER_PLAN) };
}
