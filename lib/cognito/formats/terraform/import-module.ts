import type { ImportRequest, ImportedPool } from "../types";
import type { TfConfig } from "./terraform-config";
import type { Instance, TerraformScope } from "./terraform-scope";
export const MINEIROS_SOURCES: RegExp[] = [];
export function moduleDraft(_scope: TerraformScope, _config: TfConfig, _instance: Instance, _request: ImportRequest): ImportedPool {
  throw new Error("not yet");
}
