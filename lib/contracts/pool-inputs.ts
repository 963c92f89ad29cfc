import "@/lib/cognito/spec/error-map";
import { z } from "zod";
import { INPUT_LIMITS, nestsDeeperThan } from "@/lib/cognito/formats/input-limits";
import { poolNameSchema, regionSchema } from "@/lib/cognito/spec";

/** One schema per form, shared by the form (zodResolver) and the server action (ARCHITECTURE.md, "One schema per input"). */
export const environmentSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/u, { error: "use 1-32 lower-case letters, digits or dashes, e.g. dev, staging, prod" });

export const newPoolSchema = z.object({
  name: poolNameSchema,
  /** Optional: "" leaves the design without a Region; each target gives its own when planned and applied. */
  region: z.union([z.literal(""), regionSchema]),
  environment: environmentSchema,
  /** A pool preset's name, or "" for a blank pool. */
  preset: z.string(),
});
export type NewPoolInput = z.infer<typeof newPoolSchema>;

export const saveDraftSchema = z.object({
  poolId: z.string().min(1),
  version: z.int().min(1),
  /** Any JSON object: an invalid draft is saved too (marked invalid); the core validator judges it. */
  document: z
    .record(z.string(), z.unknown())
    .refine((doc) => !nestsDeeperThan(doc, INPUT_LIMITS.nesting), { error: `the document nests more than ${INPUT_LIMITS.nesting} levels deep; a pool document needs about 10. Reload the page to start again from the saved draft.` }),
});

export const saveRevisionSchema = z.object({
  poolId: z.string().min(1),
  version: z.int().min(1),
  message: z.string().trim().max(500, { error: "keep the message under 500 characters" }),
});

export const restoreRevisionSchema = z.object({
  poolId: z.string().min(1),
  /** The revision to put back into the draft. */
  number: z.int().min(1),
  /** The draft version the person saw: a draft changed since is not overwritten. */
  version: z.int().min(1),
});
