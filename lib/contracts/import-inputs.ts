import { z } from "zod";
import { poolNameSchema, regionSchema } from "@/lib/cognito/spec";
import { environmentSchema } from "@/lib/contracts/pool-inputs";
import { endpointSchema, roleArnSchema, userPoolIdSchema } from "@/lib/contracts/review-inputs";

/** Schemas of the Import forms (files and AWS) and of "Inputs to supply", shared by the forms and the server actions. */

export const MAX_IMPORT_FILES = 200;
/** One file, and all files together (a module folder is far smaller; a larger input is a mistake). */
export const MAX_IMPORT_FILE_CHARS = 2_000_000;
export const MAX_IMPORT_TOTAL_CHARS = 4_000_000;

const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim());

export const sourceFileSchema = z.object({
  path: z.string().trim().min(1, { error: "a file needs a name" }).max(500, { error: "a file name is at most 500 characters" }),
  content: z.string().max(MAX_IMPORT_FILE_CHARS, { error: "a file is larger than 2 MB" }),
});

export const importFilesSchema = z
  .array(sourceFileSchema)
  .min(1, { error: "choose files (or a .zip) or paste a template" })
  .max(MAX_IMPORT_FILES, { error: `at most ${MAX_IMPORT_FILES} files at once` })
  .refine((files) => files.reduce((n, f) => n + f.content.length, 0) <= MAX_IMPORT_TOTAL_CHARS, { error: "the files are larger than 4 MB together" })
  .refine((files) => files.some((f) => f.content.trim() !== ""), { error: "the files are empty: choose files or paste a template" });

const optionalRegion = z.string().optional().transform(blankToUndefined).pipe(regionSchema.optional());

export const readImportSchema = z.object({ files: importFilesSchema, region: optionalRegion });
export type ReadImportInput = z.infer<typeof readImportSchema>;

export const importChoiceSchema = z.object({
  /** The pool's address in the files, as the preview listed it. */
  address: z.string().min(1).max(500),
  /** The name of the new design; unset = the name the files give. */
  name: z.string().optional().transform(blankToUndefined).pipe(poolNameSchema.optional()),
});

export const createImportSchema = readImportSchema.extend({
  environment: environmentSchema,
  choices: z.array(importChoiceSchema).min(1, { error: "choose at least one pool" }).max(50, { error: "import at most 50 pools at once" }),
});
export type CreateImportInput = z.infer<typeof createImportSchema>;

export const supplyInputsSchema = z.object({
  poolId: z.string().min(1),
  /** The draft version the person saw: the supplied values are written into that draft only. */
  draftVersion: z.int().min(1),
  /** Input name (`var.env`, `Stage`, `AWS::AccountId`) → value; blank values are not supplied. */
  values: z.record(z.string().max(300), z.string().max(10_000, { error: "a value is at most 10000 characters" })),
});
export type SupplyInputsInput = z.infer<typeof supplyInputsSchema>;

const optionalText = <T extends z.ZodType<string, string>>(schema: T) => z.string().optional().transform(blankToUndefined).pipe(schema.optional());

/** Where Import from AWS looks: a Region, and an existing target's endpoint/role or (admins) an endpoint of their own. */
export const awsConnectionSchema = z.object({
  region: regionSchema,
  /** A target of the workspace whose endpoint and role are used (its Region is not: the form's is). */
  targetId: optionalText(z.string().max(100)),
  endpoint: optionalText(endpointSchema),
  roleArn: optionalText(roleArnSchema),
});
export type AwsConnectionInput = z.infer<typeof awsConnectionSchema>;

export const importAwsPoolsSchema = awsConnectionSchema.extend({
  /** The pool's environment label and the name of its new target. */
  environment: environmentSchema,
  userPoolIds: z.array(userPoolIdSchema).min(1, { error: "choose at least one pool" }).max(50, { error: "import at most 50 pools at once" }),
});
export type ImportAwsPoolsInput = z.infer<typeof importAwsPoolsSchema>;
