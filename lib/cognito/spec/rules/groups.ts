/**
 * Groups are identified by name within a pool: `CreateGroup` fails with GroupExistsException for a name in use
 * [M CreateGroup errors], and `UpdateGroupRequest.GroupName` only selects the group. https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html: "Groups per
 * user pool 10,000" (not adjustable).
 */
import type { Diagnostic } from "../diagnostics";
import { error } from "../diagnostics";
import { type Rule, at, duplicateIndexes } from "./rule";
import { groupDigits } from "../group-digits";

export const GROUP_QUOTA = 10_000;

export const groupsRule: Rule = (ctx) => {
  const groups = ctx.spec.groups ?? [];
  const out: Diagnostic[] = [];
  for (const i of duplicateIndexes(groups, (g) => g.name))
    out.push(error(at(ctx, "groups", i, "name"), "duplicate-group-name", `group "${groups[i].name}" is defined twice; group names must be unique in a pool`));
  if (groups.length > GROUP_QUOTA)
    out.push(error(at(ctx, "groups"), "group-quota", `${groups.length} groups exceed the limit of ${groupDigits(GROUP_QUOTA)} per pool (not adjustable)`));
  return out;
};
