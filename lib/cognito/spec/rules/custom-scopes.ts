/**
 * Custom scopes a client asks for should be defined by a resource server of the spec. A warning, not an error:
 * the resource server may be managed elsewhere. AWS rejects unknown scopes with ScopeDoesNotExistException and
 * renders custom scopes as `resourceServerIdentifier/ScopeName` (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ResourceServerScopeType.html).
 */
import type { Diagnostic } from "../diagnostics";
import { warning } from "../diagnostics";
import { STANDARD_SCOPES } from "./oauth";
import { type Rule, effectiveClients } from "./rule";

export const customScopesRule: Rule = (ctx) => {
  const defined = new Set<string>();
  for (const server of ctx.spec.resourceServers ?? [])
    for (const scope of server.scopes ?? []) defined.add(`${server.identifier}/${scope.name}`);
  const out: Diagnostic[] = [];
  for (const { client, pathOf } of effectiveClients(ctx))
    (client.allowedOAuthScopes ?? []).forEach((scope, i) => {
      if ((STANDARD_SCOPES as readonly string[]).includes(scope) || defined.has(scope)) return;
      out.push(
        warning(
          pathOf("allowedOAuthScopes", i),
          "scope-not-defined",
          scope.includes("/")
            ? `no resource server in this spec defines scope "${scope}"; AWS rejects the client unless it exists in the pool (define it under resourceServers)`
            : `"${scope}" is not a standard scope (${STANDARD_SCOPES.join(", ")}) nor a custom scope of the form identifier/scope`,
        ),
      );
    });
  return out;
};
