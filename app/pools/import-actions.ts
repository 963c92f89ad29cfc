"use server";
// Server actions of importing (ARCHITECTURE.md, "Server actions"): the logic lives in lib/server/imports.ts. Each checks the
// session and role through defineAction; the workspace is the signed-in account's.
import { defineAction } from "@/lib/server/action";
import { importAwsPools, listAwsPools } from "@/lib/server/import-aws";
import { createImportedPools, readImport, supplyImportInputs } from "@/lib/server/imports";
import { awsConnectionSchema, createImportSchema, importAwsPoolsSchema, readImportSchema, supplyInputsSchema } from "@/lib/contracts/import-inputs";

/** Reads files and lists the pools they hold (names taken, inputs to supply); creates nothing. */
export const readImportAction = defineAction({ schema: readImportSchema, role: "editor", audit: false }, async (input, { account }) => readImport(account.workspaceId, input));

/** Creates the chosen pools of the files as designs (one audit event per pool, in the transaction). */
export const createImportAction = defineAction({ schema: createImportSchema, role: "editor", audit: "pool.import", external: true, handlerAudits: true }, async (input, { account }) => createImportedPools(account, input));

/** Supplies values for an imported pool's missing inputs (a new draft version, audited in its transaction). */
export const supplyImportInputsAction = defineAction({ schema: supplyInputsSchema, role: "editor", audit: "pool.import-inputs", external: true, handlerAudits: true }, async (input, { account }) => {
  const saved = await supplyImportInputs(account, input);
  return { version: saved.version, valid: saved.valid, filled: saved.filled, skipped: saved.skipped, remaining: saved.remaining };
});

/** Lists the user pools the server's credentials can see in a Region (read-only). */
export const listAwsPoolsAction = defineAction({ schema: awsConnectionSchema, role: "editor", audit: false }, async (input, { account }) => listAwsPools(account, input));

/** Imports live pools as designs with a linked target (one transaction and audit event per pool). */
export const importAwsPoolsAction = defineAction({ schema: importAwsPoolsSchema, role: "editor", audit: "pool.import-aws", external: true, handlerAudits: true }, async (input, { account }) => importAwsPools(account, input));
