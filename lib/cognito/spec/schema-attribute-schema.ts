/**
 * User pool schema attributes: Smithy `SchemaAttributeType` (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html, CreateUserPool `Schema[]`).
 * A name in {@link STANDARD_ATTRIBUTES} configures a standard attribute; any other name creates
 * `custom:<name>` (or `dev:<name>` when `developerOnlyAttribute`). Existing attributes can never be
 * changed or removed (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPool.html); the plan engine treats them as add-only.
 */
import { z } from "zod";

export const ATTRIBUTE_DATA_TYPES = ["String", "Number", "DateTime", "Boolean"] as const;

/**
 * Standard OIDC attributes of every user pool and their data types (AWS developer guide, "Standard attributes";
 * `updated_at` is a Number of seconds, the `*_verified` flags are Boolean).
 */
export const STANDARD_ATTRIBUTES: Readonly<Record<string, (typeof ATTRIBUTE_DATA_TYPES)[number]>> = {
  address: "String",
  birthdate: "String",
  email: "String",
  email_verified: "Boolean",
  family_name: "String",
  gender: "String",
  given_name: "String",
  locale: "String",
  middle_name: "String",
  name: "String",
  nickname: "String",
  phone_number: "String",
  phone_number_verified: "Boolean",
  picture: "String",
  preferred_username: "String",
  profile: "String",
  sub: "String",
  updated_at: "Number",
  website: "String",
  zoneinfo: "String",
};

/** Numbers are strings in the API (`StringType`); we keep Cognito's form so round trips stay exact. */
const integerString = z.string().max(131072).regex(/^-?\d+$/u, { error: 'must be a whole number written as a string, e.g. "1"' });

export const numberAttributeConstraintsSchema = z.strictObject({
  minValue: integerString.optional(),
  maxValue: integerString.optional(),
});

export const stringAttributeConstraintsSchema = z.strictObject({
  minLength: integerString.optional(),
  maxLength: integerString.optional(),
});

export const schemaAttributeSchema = z.strictObject({
  /** `CustomAttributeNameType`: 1–20 printable characters, without the `custom:` prefix. */
  name: z
    .string()
    .min(1)
    .max(20)
    .regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, { error: "must be printable characters without spaces" }),
  attributeDataType: z.enum(ATTRIBUTE_DATA_TYPES),
  developerOnlyAttribute: z.boolean().optional(),
  mutable: z.boolean().optional(),
  required: z.boolean().optional(),
  numberAttributeConstraints: numberAttributeConstraintsSchema.optional(),
  stringAttributeConstraints: stringAttributeConstraintsSchema.optional(),
});

export type SchemaAttributeSpec = z.infer<typeof schemaAttributeSchema>;
