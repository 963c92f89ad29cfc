"use server";
// The Terraform plan review's server action (ARCHITECTURE.md, "Server actions"): the logic lives in
// lib/server/terraform-review.ts. Read-only: it stores nothing, so there is no audit event.
import { defineAction } from "@/lib/server/action";
import { reviewUploadedPlan } from "@/lib/server/terraform-review";
import { reviewTerraformPlanSchema } from "@/lib/contracts/terraform-review-inputs";

/** Reviews an uploaded `terraform show -json` plan for what it does to Cognito, beside the workspace's designs. */
export const reviewTerraformPlanAction = defineAction({ schema: reviewTerraformPlanSchema, role: "viewer", audit: false }, async (input, { account }) => reviewUploadedPlan(account.workspaceId, input));
