/**
 * Explicit auth flows and secret-bound settings. Source: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html: "You can't assign these legacy
 * ExplicitAuthFlows values [ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH] to user pool clients at
 * the same time as values that begin with ALLOW_" [M]; ALLOW_USER_AUTH needs the Essentials tier or higher [M];
 * EnablePropagateAdditionalUserContextData "You can only activate … in an app client that has a client secret."
 */
import { LEGACY_AUTH_FLOWS } from "../client-schema";
import type { Diagnostic } from "../diagnostics";
import { error } from "../diagnostics";
import { type Rule, duplicateIndexes, effectiveClients } from "./rule";

export const authFlowsRule: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const { client, pathOf } of effectiveClients(ctx)) {
    const flows = client.explicitAuthFlows ?? [];
    const legacy = flows.filter((f) => (LEGACY_AUTH_FLOWS as readonly string[]).includes(f));
    if (legacy.length > 0 && legacy.length < flows.length)
      out.push(
        error(
          pathOf("explicitAuthFlows"),
          "auth-flows-mixed",
          `legacy flow names (${legacy.join(", ")}) cannot be mixed with ALLOW_* names; use the ALLOW_* equivalents (e.g. ALLOW_USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_CUSTOM_AUTH)`,
        ),
      );
    for (const i of duplicateIndexes(flows))
      out.push(error(pathOf("explicitAuthFlows", i), "duplicate-value", `"${flows[i]}" is listed twice`));
    if (flows.includes("ALLOW_USER_AUTH") && ctx.spec.userPoolTier === "LITE")
      out.push(
        error(pathOf("explicitAuthFlows"), "tier-feature", "ALLOW_USER_AUTH (choice-based sign-in) needs the ESSENTIALS or PLUS tier, not LITE"),
      );
    if (client.enablePropagateAdditionalUserContextData === true && client.generateSecret !== true)
      out.push(
        error(
          pathOf("enablePropagateAdditionalUserContextData"),
          "context-data-needs-secret",
          `enablePropagateAdditionalUserContextData can only be true on a client with a secret (generateSecret: true)`,
        ),
      );
  }
  return out;
};
