/**
 * What kind of application an app client serves, inferred from its settings as the Cognito console's
 * "application type" choices describe them
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html):
 * a machine-to-machine client uses the client credentials grant; a server-side (traditional web) app keeps
 * a client secret; a mobile or desktop app returns to a custom URL scheme; a single-page app has no secret and
 * returns to web URLs.
 */
export type ClientKind = "m2m" | "server" | "mobile" | "spa" | "other";

export const CLIENT_KIND_LABEL: Readonly<Record<ClientKind, string>> = {
  m2m: "M2M",
  server: "Server",
  mobile: "Mobile",
  spa: "SPA",
  other: "Other",
};

export interface ClientKindInput {
  generateSecret?: boolean;
  allowedOAuthFlows?: readonly string[];
  callbackUrls?: readonly string[];
}

const WEB_URL = /^https?:\/\//iu;

export function inferClientKind(client: ClientKindInput): ClientKind {
  const flows = client.allowedOAuthFlows ?? [];
  if (flows.includes("client_credentials") && !flows.includes("code") && !flows.includes("implicit")) return "m2m";
  if (client.generateSecret === true) return "server";
  const callbacks = (client.callbackUrls ?? []).filter((u) => u.trim() !== "");
  if (callbacks.length > 0 && callbacks.every((u) => !WEB_URL.test(u))) return "mobile";
  if (callbacks.length > 0 || flows.includes("code") || flows.includes("implicit")) return "spa";
  return "other";
}
