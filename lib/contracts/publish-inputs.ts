import "@/lib/cognito/spec/error-map";
import { z } from "zod";
import { PUBLISH_FORMATS } from "@/lib/cognito/publish/publish-formats";
import { checkBranchName } from "@/lib/cognito/publish/names";

/** Publish a pool's draft to the workspace's repository: the form, the server action and lib/server share it. */
export const publishPoolSchema = z.object({
  poolId: z.string().min(1),
  /** Publish an approved or applied change request's revision (for its target) instead of the draft. */
  changeRequestId: z.string().min(1).optional(),
  format: z.enum(PUBLISH_FORMATS),
  branch: z.string().trim().superRefine((branch, ctx) => {
    const problem = checkBranchName(branch);
    if (problem) ctx.addIssue({ code: "custom", message: `Branch: ${problem}.` });
  }),
});
export type PublishPoolInput = z.infer<typeof publishPoolSchema>;

/** What a publish returns to the page (no credential, no remote URL). */
export interface PublishPoolOutcome {
  commit: string;
  branch: string;
  created: boolean;
  changed: boolean;
  files: string[];
}
