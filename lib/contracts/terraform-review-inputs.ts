import "@/lib/cognito/spec/error-map";
import { z } from "zod";

/** The Terraform plan review form's schema, shared by the form and its server action. */

/** A saved plan's JSON the studio reads in one request (the server action's body limit is 8 MB, next.config.mjs). */
export const MAX_PLAN_JSON_CHARS = 4_000_000;

export const reviewTerraformPlanSchema = z.object({
  fileName: z.string().trim().max(500, { error: "a file name is at most 500 characters" }).default(""),
  planJson: z
    .string()
    .max(MAX_PLAN_JSON_CHARS, { error: "the plan is larger than 4 MB: review it with the command line (cognito-studio review-plan PLAN.json), which reads any size" })
    .refine((t) => t.trim() !== "", { error: "choose the plan's JSON file or paste it (terraform show -json PLANFILE)" }),
  /** The design to compare with (the review opened from a pool's page); unset = matched by pool id or name. */
  poolId: z.string().trim().max(100).optional(),
});
export type ReviewTerraformPlanInput = z.infer<typeof reviewTerraformPlanSchema>;
