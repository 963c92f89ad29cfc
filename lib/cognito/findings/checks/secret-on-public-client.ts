/**
 * A client secret on a client that runs on the user's device. A browser or mobile app cannot keep a secret (it
 * ships in the bundle or binary), so the secret protects nothing while forcing the app to embed it. Signs that a
 * client is public: the implicit flow (only for browser apps) or a custom-scheme redirect URL (native apps,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html: "App callback URLs such as myapp://example are also supported"). Public clients should
 * use the code flow with PKCE and no secret.
 */
import type { FindingCheck } from "../types";
import { EVERYWHERE } from "../types";
import { redirectUrlsOf } from "./redirect-urls";

export const secretOnPublicClientCheck: FindingCheck = {
  code: "finding/secret-on-public-client",
  title: "Client secret on a public client",
  environments: EVERYWHERE,
  run: (ctx) =>
    ctx.clients.flatMap((c) => {
      const { client, pathOf } = c;
      if (client.generateSecret !== true) return [];
      const reasons: string[] = [];
      if ((client.allowedOAuthFlows ?? []).includes("implicit")) reasons.push("it uses the implicit flow, which only browser apps use");
      const native = redirectUrlsOf(c).find((u) => u.scheme !== "" && u.scheme !== "http" && u.scheme !== "https");
      if (native) reasons.push(`its redirect URL ${JSON.stringify(native.url)} is a custom app scheme, so it runs as a native app`);
      if (reasons.length === 0) return [];
      return [
        {
          path: pathOf("generateSecret"),
          message: `client "${client.name}" has a secret but ${reasons.join(" and ")}; an app on the user's device cannot keep a secret, so use generateSecret: false with the code flow and PKCE`,
        },
      ];
    }),
};
