/**
 * Which environment a pool is for, read from what the document says about itself.
 *
 * Sources, in order (keys and values compared case-insensitively):
 * 1. `metadata.labels` keys `env`, `environment`, `stage`, also with a prefix (`openmcf.cognito-studio.dev/env`,
 *    where the OpenMCF importer keeps a manifest's `metadata.env`);
 * 2. `metadata.labels` stack names `<env>.<Kind>.<name>` (OpenMCF's `pulumi.openmcf.org/stack.name` and
 *    `openmcf.org/stack` labels, e.g. `prod.AwsCognitoUserPool.prod-auth`): the first segment is the environment;
 * 3. `spec.userPoolTags` keys `env`, `environment`, `stage` (the AWS tagging convention `Environment=production`).
 *
 * Values `production`, `prod`, `prd`, `live` mean production; `development`, `dev`, `test`, `testing`, `qa`,
 * `staging`, `stage`, `sandbox`, `demo`, `preview`, `local`, `ci` mean non-production. When sources disagree,
 * production wins (a reviewer errs on the safe side). Anything else, or nothing, is "unspecified": checks that
 * matter for any real deployment (MFA, deletion protection, threat protection, password policy) still run, while
 * checks that only make sense once a pool is known to be production (localhost callbacks, Cognito's 50-a-day
 * email) do not.
 */
import { joinPath } from "../spec/diagnostics";
import type { PoolDocument } from "../spec/document-schema";

export type Environment = "production" | "non-production" | "unspecified";

export const ENVIRONMENT_KEYS = ["env", "environment", "stage"] as const;
export const PRODUCTION_VALUES = ["production", "prod", "prd", "live"] as const;
export const NON_PRODUCTION_VALUES = [
  "development",
  "dev",
  "test",
  "testing",
  "qa",
  "staging",
  "stage",
  "sandbox",
  "demo",
  "preview",
  "local",
  "ci",
] as const;

export interface EnvironmentEvidence {
  environment: Environment;
  /** Path of the label or tag that decided it, e.g. `metadata.labels.env`; absent when unspecified. */
  source?: string;
}

function classify(value: string): Environment {
  const v = value.trim().toLowerCase();
  if ((PRODUCTION_VALUES as readonly string[]).includes(v)) return "production";
  if ((NON_PRODUCTION_VALUES as readonly string[]).includes(v)) return "non-production";
  return "unspecified";
}

/** The key without a `prefix/`, lower-case: `openmcf.cognito-studio.dev/env` → `env`. */
const bareKey = (key: string) => (key.split("/").pop() ?? key).toLowerCase();
const STACK_KEYS = ["stack.name", "stack"];

function entries(record: Record<string, string> | undefined, base: string, stacks: boolean): { path: string; value: string }[] {
  return Object.entries(record ?? {}).flatMap(([key, value]) => {
    const path = joinPath(base, key);
    if ((ENVIRONMENT_KEYS as readonly string[]).includes(bareKey(key))) return [{ path, value }];
    if (stacks && key.includes("/") && STACK_KEYS.includes(bareKey(key)) && value.includes("."))
      return [{ path, value: value.split(".")[0] ?? "" }];
    return [];
  });
}

export function detectEnvironment(doc: Pick<PoolDocument, "metadata" | "spec">): EnvironmentEvidence {
  const candidates = [
    ...entries(doc.metadata?.labels, "metadata.labels", true),
    ...entries(doc.spec?.userPoolTags, "spec.userPoolTags", false),
  ].map((c) => ({ ...c, environment: classify(c.value) }));
  const production = candidates.find((c) => c.environment === "production");
  if (production) return { environment: "production", source: production.path };
  const other = candidates.find((c) => c.environment === "non-production");
  if (other) return { environment: "non-production", source: other.path };
  return { environment: "unspecified" };
}
