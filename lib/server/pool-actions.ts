import "server-only";
import type { PoolDocument } from "@/lib/cognito/spec";
import { createPoolDocument, getPreset } from "@/lib/cognito/presets";
import type { NewPoolInput } from "@/lib/contracts/pool-inputs";
import { UserError } from "./errors";

/** Builds the first document of a new pool from a pool preset or blank. */
export function newPoolDocument(input: NewPoolInput): PoolDocument {
  if (input.preset === "") {
    return { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: input.name }, spec: input.region ? { region: input.region } : {} };
  }
  const preset = getPreset(input.preset);
  if (!preset || preset.kind !== "pool") throw new UserError("unknown-preset", `There is no pool preset named "${input.preset}".`, "preset");
  return createPoolDocument(preset, { name: input.name, ...(input.region ? { region: input.region } : {}) });
}

