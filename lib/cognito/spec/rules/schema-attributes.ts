/**
 * Schema attributes. Sources: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html (`Schema` 1–50 items; `CustomAttributeNameType` 1–20
 * characters); https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html ("Custom attributes per user pool 50", "Characters per attribute 2,048 bytes");
 * [M SchemaAttributeType.Name] (a name that is not a standard attribute creates `custom:<name>`, or `dev:<name>`
 * when developer-only). Constraints apply per data type: `NumberAttributeConstraints` for Number,
 * `StringAttributeConstraints` for String [M]. Standard attributes keep their OIDC data types.
 * The quota of 50 custom attributes needs no rule here: the schema already caps `schemaAttributes` at 50 items
 * (`Schema` items max=50), so a spec can never list more than 50 custom ones (an earlier count check could not fire).
 */
import type { Diagnostic } from "../diagnostics";
import { error } from "../diagnostics";
import { STANDARD_ATTRIBUTES } from "../schema-attribute-schema";
import { type Rule, at, duplicateIndexes } from "./rule";

export const MAX_ATTRIBUTE_LENGTH = 2048;

export const schemaAttributesRule: Rule = (ctx) => {
  const attributes = ctx.spec.schemaAttributes ?? [];
  const out: Diagnostic[] = [];
  for (const i of duplicateIndexes(attributes, (a) => a.name))
    out.push(error(at(ctx, "schemaAttributes", i, "name"), "duplicate-attribute", `attribute "${attributes[i].name}" is defined twice`));
  attributes.forEach((a, i) => {
    const standardType = Object.hasOwn(STANDARD_ATTRIBUTES, a.name) ? STANDARD_ATTRIBUTES[a.name] : undefined;
    if (standardType !== undefined && a.attributeDataType !== standardType)
      out.push(
        error(
          at(ctx, "schemaAttributes", i, "attributeDataType"),
          "standard-attribute-type",
          `"${a.name}" is a standard attribute of type ${standardType}; its attributeDataType cannot be ${a.attributeDataType}`,
        ),
      );
    if (standardType !== undefined && a.developerOnlyAttribute === true)
      out.push(
        error(at(ctx, "schemaAttributes", i, "developerOnlyAttribute"), "standard-attribute-developer-only", `standard attribute "${a.name}" cannot be developer-only`),
      );
    if (a.numberAttributeConstraints && a.attributeDataType !== "Number")
      out.push(
        error(at(ctx, "schemaAttributes", i, "numberAttributeConstraints"), "constraints-type", `numberAttributeConstraints apply only to attributeDataType Number, not ${a.attributeDataType}`),
      );
    if (a.stringAttributeConstraints && a.attributeDataType !== "String")
      out.push(
        error(at(ctx, "schemaAttributes", i, "stringAttributeConstraints"), "constraints-type", `stringAttributeConstraints apply only to attributeDataType String, not ${a.attributeDataType}`),
      );
    const n = a.numberAttributeConstraints;
    if (n?.minValue !== undefined && n.maxValue !== undefined && BigInt(n.minValue) > BigInt(n.maxValue))
      out.push(error(at(ctx, "schemaAttributes", i, "numberAttributeConstraints", "minValue"), "constraints-order", `minValue ${n.minValue} is greater than maxValue ${n.maxValue}`));
    const s = a.stringAttributeConstraints;
    for (const field of ["minLength", "maxLength"] as const) {
      const v = s?.[field];
      if (v !== undefined && (BigInt(v) < 0n || BigInt(v) > BigInt(MAX_ATTRIBUTE_LENGTH)))
        out.push(error(at(ctx, "schemaAttributes", i, "stringAttributeConstraints", field), "constraints-range", `${field} must be between 0 and ${MAX_ATTRIBUTE_LENGTH} (an attribute holds at most 2,048 characters)`));
    }
    if (s?.minLength !== undefined && s.maxLength !== undefined && BigInt(s.minLength) > BigInt(s.maxLength))
      out.push(error(at(ctx, "schemaAttributes", i, "stringAttributeConstraints", "minLength"), "constraints-order", `minLength ${s.minLength} is greater than maxLength ${s.maxLength}`));
  });
  return out;
};
