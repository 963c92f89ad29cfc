/**
 * The serialised form of a pool: a Kubernetes-style envelope so a file says what it is.
 *
 * ```yaml
 * apiVersion: cognito-studio.dev/v1
 * kind: UserPool
 * metadata: { name: my-pool, labels: { env: production } }
 * spec: { region: eu-west-1, ... }
 * ```
 * `metadata.name` is the user pool name (`UserPoolNameType`: 1–128 characters).
 */
import { z } from "zod";
import { poolSpecSchema } from "./pool-schema";
import { FRIENDLY_NAME_PATTERN, FRIENDLY_NAME_RULE } from "./primitives";

export const POOL_API_VERSION = "cognito-studio.dev/v1";
export const POOL_KIND = "UserPool";

export const poolNameSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(FRIENDLY_NAME_PATTERN, { error: `may contain only ${FRIENDLY_NAME_RULE}` });

export const poolMetadataSchema = z.strictObject({
  name: poolNameSchema,
  labels: z.record(z.string().min(1).max(128), z.string().max(256)).optional(),
});

export const poolDocumentSchema = z.strictObject({
  apiVersion: z.literal(POOL_API_VERSION),
  kind: z.literal(POOL_KIND),
  metadata: poolMetadataSchema,
  spec: poolSpecSchema,
});

export type PoolDocument = z.infer<typeof poolDocumentSchema>;
