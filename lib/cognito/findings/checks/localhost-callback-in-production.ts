/**
 * http://localhost redirect URLs are allowed by Cognito for development (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html: "Amazon Cognito
 * requires HTTPS over HTTP except for callback URLs to http://localhost …"). In a production pool they let any
 * program listening on the user's own machine receive authorization codes, and they are a sign that a
 * development client leaked into production.
 */
import type { FindingCheck } from "../types";
import { PRODUCTION_ONLY } from "../types";
import { LOOPBACK_HOSTS, redirectUrlsOf } from "./redirect-urls";

export const localhostCallbackInProductionCheck: FindingCheck = {
  code: "finding/localhost-callback-in-production",
  title: "Loopback redirect URL in a production pool",
  environments: PRODUCTION_ONLY,
  run: (ctx) =>
    ctx.clients.flatMap((c) =>
      redirectUrlsOf(c)
        .filter((u) => LOOPBACK_HOSTS.has(u.host) && (u.scheme === "http" || u.scheme === "https"))
        .map((u) => ({
          path: u.path,
          message: `${JSON.stringify(u.url)} points at the user's own machine, but this pool is marked production${ctx.environmentSource ? ` (${ctx.environmentSource})` : ""}; keep loopback URLs in a development pool or client`,
        })),
    ),
};
