/**
 * Redirect URI rules for callbackUrls, logoutUrls and defaultRedirectUri. Source: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html
 * ("CallbackURLs: absolute URI, registered, no fragment; Amazon Cognito requires HTTPS over HTTP except for
 * callback URLs to http://localhost, http://127.0.0.1 and http://[::1]. … App callback URLs such as
 * myapp://example are also supported." [M]) and DefaultRedirectURI must be in CallbackURLs [M DefaultRedirectURI].
 */
import type { Diagnostic } from "../diagnostics";
import { error } from "../diagnostics";
import { type Rule, effectiveClients } from "./rule";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Answers already given, by URI: parsing a URL is most of this rule's time, and a plan validates two documents
 * that share most of their clients' URIs. Bounded: emptied when full.
 */
const KNOWN_ANSWERS = new Map<string, string | undefined>();
const KNOWN_ANSWERS_LIMIT = 10_000;

/** Why `url` is not an acceptable redirect URI, or undefined when it is. */
export function redirectUriProblem(url: string): string | undefined {
  if (KNOWN_ANSWERS.has(url)) return KNOWN_ANSWERS.get(url);
  const problem = findRedirectUriProblem(url);
  if (KNOWN_ANSWERS.size >= KNOWN_ANSWERS_LIMIT) KNOWN_ANSWERS.clear();
  KNOWN_ANSWERS.set(url, problem);
  return problem;
}

function findRedirectUriProblem(url: string): string | undefined {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/u.exec(url)?.[1]?.toLowerCase();
  if (!scheme) return "must be an absolute URI with a scheme, e.g. https://app.example.com/callback or myapp://callback";
  if (url.includes("#")) return "must not contain a fragment (#…)";
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (scheme === "http") {
    if (!parsed || !LOOPBACK_HOSTS.has(parsed.hostname))
      return "must use https; plain http is allowed only for http://localhost, http://127.0.0.1 and http://[::1]";
    return undefined;
  }
  if (scheme === "https") {
    if (!parsed || parsed.hostname === "") return "must be a valid https URL with a host";
    return undefined;
  }
  // Custom app schemes (myapp://callback) are allowed for native apps.
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\/?\/?[^\s]+$/u.test(url)) return "must be a valid app URI like myapp://callback";
  return undefined;
}

export const redirectUrisRule: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const { client, pathOf } of effectiveClients(ctx)) {
    for (const field of ["callbackUrls", "logoutUrls"] as const)
      (client[field] ?? []).forEach((url, i) => {
        const problem = redirectUriProblem(url);
        if (problem) out.push(error(pathOf(field, i), "redirect-uri-invalid", `${JSON.stringify(url)} ${problem}`));
      });
    if (client.defaultRedirectUri !== undefined) {
      const problem = redirectUriProblem(client.defaultRedirectUri);
      if (problem)
        out.push(error(pathOf("defaultRedirectUri"), "redirect-uri-invalid", `${JSON.stringify(client.defaultRedirectUri)} ${problem}`));
      else if (!(client.callbackUrls ?? []).includes(client.defaultRedirectUri))
        out.push(
          error(
            pathOf("defaultRedirectUri"),
            "default-redirect-not-callback",
            `defaultRedirectUri ${JSON.stringify(client.defaultRedirectUri)} must be one of the client's callbackUrls`,
          ),
        );
    }
  }
  return out;
};
