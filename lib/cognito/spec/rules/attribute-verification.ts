/**
 * `userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdate` values must also be auto-verified
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool). Read/write attributes naming `custom:` attributes should exist in the schema
 * (warning: they may predate this spec); [M WriteAttributes] limits what a client may change.
 */
import type { Diagnostic } from "../diagnostics";
import { error, warning } from "../diagnostics";
import { type Rule, at, effectiveClients } from "./rule";

export const attributeVerificationRule: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const auto = new Set(ctx.spec.autoVerifiedAttributes ?? []);
  (ctx.spec.userAttributeUpdateSettings?.attributesRequireVerificationBeforeUpdate ?? []).forEach((attr, i) => {
    if (!auto.has(attr))
      out.push(
        error(
          at(ctx, "userAttributeUpdateSettings", "attributesRequireVerificationBeforeUpdate", i),
          "verification-needs-auto-verify",
          `"${attr}" can require verification before update only if it is also in autoVerifiedAttributes`,
        ),
      );
  });
  const custom = new Set((ctx.spec.schemaAttributes ?? []).map((a) => `${a.developerOnlyAttribute ? "dev" : "custom"}:${a.name}`));
  if (ctx.spec.schemaAttributes)
    for (const { client, pathOf } of effectiveClients(ctx))
      for (const field of ["readAttributes", "writeAttributes"] as const)
        (client[field] ?? []).forEach((attr, i) => {
          if (/^(custom|dev):/u.test(attr) && !custom.has(attr))
            out.push(warning(pathOf(field, i), "attribute-not-defined", `"${attr}" is not defined in schemaAttributes (fine if the pool already has it)`));
        });
  return out;
};
