/**
 * OAuth settings of app clients. Source: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html: AllowedOAuthFlowsUserPoolClient "must have a
 * value of true before you can configure … CallBackURLs, LogoutURLs, AllowedOAuthScopes, AllowedOAuthFlows" [M];
 * "To create an app client that generates client credentials grants, you must add client_credentials as the only
 * allowed OAuth flow." [M]; OAuth endpoints exist only with a domain (derived). The code and implicit grants
 * redirect to a callback URL, so they need one (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html, CallbackURLs). client_credentials is a
 * confidential grant (token endpoint with the client secret) and issues only custom scopes.
 */
import type { Diagnostic } from "../diagnostics";
import { error, warning } from "../diagnostics";
import { type Rule, effectiveClients } from "./rule";

/** Scopes Cognito defines itself (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html, [M AllowedOAuthScopes]). */
export const STANDARD_SCOPES = ["phone", "email", "openid", "profile", "aws.cognito.signin.user.admin"] as const;

export const oauthRule: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const { client, pathOf } of effectiveClients(ctx)) {
    const flows = client.allowedOAuthFlows ?? [];
    const scopes = client.allowedOAuthScopes ?? [];
    const enabled = client.allowedOAuthFlowsUserPoolClient === true;
    if (!enabled)
      for (const field of ["allowedOAuthFlows", "allowedOAuthScopes", "callbackUrls", "logoutUrls"] as const)
        if ((client[field] ?? []).length > 0)
          out.push(
            error(
              pathOf(field),
              "oauth-flag-required",
              `${field} needs allowedOAuthFlowsUserPoolClient: true on client "${client.name}"`,
            ),
          );
    if (enabled && (flows.length === 0 || scopes.length === 0))
      out.push(
        error(
          pathOf(flows.length === 0 ? "allowedOAuthFlows" : "allowedOAuthScopes"),
          "oauth-incomplete",
          `allowedOAuthFlowsUserPoolClient is true, so client "${client.name}" needs at least one of allowedOAuthFlows (code, implicit, client_credentials) and at least one allowedOAuthScopes entry`,
        ),
      );
    const interactive = flows.filter((f) => f === "code" || f === "implicit");
    if (interactive.length > 0 && (client.callbackUrls ?? []).length === 0)
      out.push(
        error(
          pathOf("callbackUrls"),
          "callback-url-required",
          `the ${interactive.join(" and ")} flow${interactive.length > 1 ? "s redirect" : " redirects"} users back to the app, so client "${client.name}" needs at least one callbackUrls entry`,
        ),
      );
    if (flows.includes("client_credentials")) {
      if (interactive.length > 0)
        out.push(
          error(
            pathOf("allowedOAuthFlows"),
            "client-credentials-exclusive",
            "client_credentials must be the only allowed OAuth flow; use a separate client for code or implicit",
          ),
        );
      if (client.generateSecret !== true)
        out.push(
          error(
            pathOf("generateSecret"),
            "client-credentials-secret",
            `client_credentials authenticates with the client secret, so client "${client.name}" needs generateSecret: true`,
          ),
        );
      scopes.forEach((scope, i) => {
        if ((STANDARD_SCOPES as readonly string[]).includes(scope))
          out.push(
            error(
              pathOf("allowedOAuthScopes", i),
              "client-credentials-custom-scopes",
              `client_credentials can only grant custom scopes (resourceServerIdentifier/scope), not the standard scope "${scope}"`,
            ),
          );
      });
    }
    if (flows.length > 0 && ctx.spec.domain === undefined && ctx.spec.customDomain === undefined)
      out.push(
        warning(
          pathOf("allowedOAuthFlows"),
          "oauth-without-domain",
          "OAuth flows use the authorize and token endpoints of a user pool domain; this spec has no domain (fine if the domain is managed elsewhere)",
        ),
      );
  }
  return out;
};
