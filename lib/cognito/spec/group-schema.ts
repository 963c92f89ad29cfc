/**
 * User pool groups: Smithy `CreateGroupRequest` / `UpdateGroupRequest` (boto/botocore `botocore/data/cognito-idp/2016-04-18/service-2.json`,
 * shapes `GroupNameType`, `DescriptionType`, `ArnType`, `PrecedenceType`). A group's name is its identity
 * (there is no rename call: `UpdateGroupRequest.GroupName` only selects the group), so a renamed group is a
 * delete plus a create in the plan. Names are unique per pool (rules/groups.ts).
 */
import { z } from "zod";
import { arnSchema } from "./primitives";

/** Smithy `GroupNameType`: len 1–128, printable characters without whitespace (`[\p{L}\p{M}\p{S}\p{N}\p{P}]+`). */
export const GROUP_NAME_PATTERN = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;

/** Smithy `PrecedenceType`: min 0; "The maximum Precedence value is 2^31-1" [M CreateGroupRequest.Precedence]. */
export const MAX_GROUP_PRECEDENCE = 2 ** 31 - 1;

export const groupSchema = z.strictObject({
  name: z.string().min(1).max(128).regex(GROUP_NAME_PATTERN, { error: "must be letters, digits or punctuation, without spaces" }),
  /** Smithy `DescriptionType`: up to 2048 characters. */
  description: z.string().max(2048).optional(),
  /**
   * 0 is the highest precedence; the lowest value decides `cognito:preferred_role` when a user is in several
   * groups [M CreateGroupRequest.Precedence]. Unset = null precedence (lowest).
   */
  precedence: z.int().min(0).max(MAX_GROUP_PRECEDENCE).optional(),
  /** Smithy `ArnType`: the IAM role whose ARN goes in the `cognito:roles` claim. */
  roleArn: arnSchema
    .regex(/^arn:[\w-]+:iam::\d{12}:role\//u, { error: "must be an IAM role ARN like arn:aws:iam::123456789012:role/name" })
    .optional(),
});

export type GroupSpec = z.infer<typeof groupSchema>;
