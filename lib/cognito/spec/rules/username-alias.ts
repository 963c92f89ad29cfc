/**
 * Username attributes and alias attributes are exclusive: a pool either signs users in with an email or
 * phone number as the username, or keeps usernames and allows aliases.
 * Source: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool ("UsernameAttributes vs AliasAttributes: TF ConflictsWith; OpenMCF CEL
 * mutually exclusive"); OpenMCF's spec.proto CEL rule `username_or_alias_attributes`.
 */
import { error } from "../diagnostics";
import { type Rule, at, duplicateIndexes } from "./rule";

export const usernameAliasRule: Rule = (ctx) => {
  const { usernameAttributes = [], aliasAttributes = [] } = ctx.spec;
  const out = [];
  if (usernameAttributes.length > 0 && aliasAttributes.length > 0)
    out.push(
      error(
        at(ctx, "aliasAttributes"),
        "username-alias-exclusive",
        "usernameAttributes and aliasAttributes cannot both be set: choose email/phone_number as the username, or aliases for a username",
      ),
    );
  for (const [field, values] of [["usernameAttributes", usernameAttributes], ["aliasAttributes", aliasAttributes]] as const)
    for (const i of duplicateIndexes(values))
      out.push(error(at(ctx, field, i), "duplicate-value", `"${values[i]}" is listed twice in ${field}`));
  return out;
};
