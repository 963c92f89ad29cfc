/**
 * Keeps a publish credential out of every message the studio shows or logs. Git may echo a remote's URL (with
 * its user information) or an HTTP header in its errors; each goes through `redactCredential` first.
 */

/** `https://user:token@host/x.git` → `https://***@host/x.git`: user information in any URL in the text. */
const URL_USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/giu;

/** A URL's query (`?private_token=…`, as GitLab and some mirrors accept tokens): every value in it is hidden. */
const URL_QUERY = /([a-z][a-z0-9+.-]*:\/\/[^\s?#]*\?)([^\s#]*)/giu;

function hideQueryValues(_match: string, before: string, query: string): string {
  return before + query.replace(/=[^&;]*/gu, "=***");
}

/**
 * The text with the credential (as given, and in the Basic header git sends), URL user information and URL query
 * values removed.
 */
export function redactCredential(text: string, credential?: string): string {
  let out = text.replace(URL_USERINFO, "$1***@").replace(URL_QUERY, hideQueryValues);
  if (credential) {
    for (const secret of [credential, basicCredential(credential), ...credential.split(":").slice(1)]) {
      if (secret.length >= 4) out = out.split(secret).join("***");
    }
  }
  return out;
}

/**
 * The Basic credential git sends for a publish credential. `user:token` is used as given; a bare token gets the
 * user name `x-access-token`, which GitHub documents for tokens, and GitLab and Bitbucket accept any name with
 * a token (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/authenticating-as-a-github-app-installation).
 */
export function basicCredential(credential: string): string {
  const pair = credential.includes(":") ? credential : `x-access-token:${credential}`;
  return Buffer.from(pair, "utf8").toString("base64");
}
