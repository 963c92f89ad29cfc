"use server";
// Publishing a pool's design to the workspace's git repository (ARCHITECTURE.md, "Server actions"): the logic is
// in lib/server/publish.ts. Editors may publish: a branch is a proposal the team reviews in its repository, as a
// draft is here; applying to AWS stays with approvers. The push cannot be rolled back, so the action is
// `external`: its audit event (success, or the refusal in plain words) is written when the push has ended.
import { defineAction } from "@/lib/server/action";
import { publishPool } from "@/lib/server/publish";
import { publishPoolSchema } from "@/lib/contracts/publish-inputs";

/** Commits the draft's export to a branch of the workspace's repository and pushes it (never forced). */
export const publishPoolAction = defineAction({ schema: publishPoolSchema, role: "editor", audit: "pool.publish", external: true }, async (input, { account, audit }) => publishPool(account, input, audit));
