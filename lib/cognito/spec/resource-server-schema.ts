/**
 * Resource servers and their custom scopes: Smithy `CreateResourceServerRequest`
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateResourceServer.html). The identifier is immutable (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateResourceServer.html).
 * Clients refer to a scope as `<identifier>/<scope name>`.
 */
import { z } from "zod";
import { FRIENDLY_NAME_PATTERN, FRIENDLY_NAME_RULE, SCOPE_NAME_PATTERN, scopeSchema } from "./primitives";

/** `ResourceServerScopeType`. */
export const resourceServerScopeSchema = z.strictObject({
  /** `ResourceServerScopeNameType`: 1–256 printable ASCII, no spaces, quotes, `/` or `\`. */
  name: z
    .string()
    .min(1)
    .max(256)
    .regex(SCOPE_NAME_PATTERN, { error: "must be printable ASCII without spaces, quotes, / or backslashes" }),
  /** `ResourceServerScopeDescriptionType`: 1–256 characters, required by the API. */
  description: z.string().min(1).max(256),
});

export const resourceServerSchema = z.strictObject({
  /** `ResourceServerIdentifierType`, usually the API's URL, e.g. https://api.example.com. */
  identifier: scopeSchema,
  /** `ResourceServerNameType`: 1–256 characters. */
  name: z
    .string()
    .min(1)
    .max(256)
    .regex(FRIENDLY_NAME_PATTERN, { error: `may contain only ${FRIENDLY_NAME_RULE}` }),
  /**
   * Up to 100 scopes (https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html "Scopes per resource server"). Updates always send the full list;
   * unset and [] both mean "no scopes" to the API.
   */
  scopes: z.array(resourceServerScopeSchema).max(100).optional(),
});

export type ResourceServerSpec = z.infer<typeof resourceServerSchema>;
