/**
 * The implicit grant returns tokens in the redirect URL's fragment, where browser history, extensions and
 * referrers can read them, and it cannot use PKCE or refresh tokens. OAuth 2.0 Security Best Current Practice
 * (RFC 9700 §2.1.2) says clients should not use it; the code grant with PKCE replaces it.
 */
import type { FindingCheck } from "../types";
import { EVERYWHERE } from "../types";

export const implicitFlowCheck: FindingCheck = {
  code: "finding/implicit-flow",
  title: "Implicit OAuth flow",
  environments: EVERYWHERE,
  run: (ctx) =>
    ctx.clients.flatMap(({ client, pathOf }) => {
      const i = (client.allowedOAuthFlows ?? []).indexOf("implicit");
      if (i < 0) return [];
      return [
        {
          path: pathOf("allowedOAuthFlows", i),
          message: `client "${client.name}" allows the implicit flow, which returns tokens in the redirect URL where the browser can leak them; use the code flow with PKCE instead`,
        },
      ];
    }),
};
