import { decode as decodeJwt, getToken } from "next-auth/jwt";
import { authConfig } from "./auth-config";

/** What the studio reads from a session token: whose it is, and when it was issued and ends. */
export interface SessionClaims {
  userId: string;
  /** The user's session version when the token was issued (compared with the database on every request). */
  sessionVersion?: number;
  issuedAtMs: number;
  expiresAtMs: number;
}

/** Auth.js's session cookie; `__Secure-` prefixed when the studio is served over HTTPS. */
const SESSION_COOKIE = "authjs.session-token";
/** Auth.js re-issues a session token on a request at most this long after it was issued (its `session.updateAge`). */
export const SESSION_REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;
/** Decoded tokens kept per process: a team's people, with room to spare; the oldest goes first. */
const CACHE_LIMIT = 5_000;
/**
 * A session token as Auth.js writes it: a compact JWE, five base64url parts (the key part empty), about a kilobyte.
 * Anything else is refused before it is decrypted or kept: the JWT library's base64 decoder skips spaces and extra
 * padding, so one valid token could otherwise be sent in endless spellings, each decrypted and cached anew.
 */
const COMPACT_JWE = /^[\w-]*(?:\.[\w-]*){4}$/u;
const MAX_TOKEN_CHARS = 16_384;

type Decode = (params: { token: string; secret: string; salt: string }) => Promise<Record<string, unknown> | null>;

/**
 * Whether Auth.js names the session cookie `__Secure-…` for this request: it does when the studio's URL is
 * HTTPS, taken from AUTH_URL (or NEXTAUTH_URL) when set, else from the X-Forwarded-Proto header Next.js sets
 * (see `createActionURL` in Auth.js's core, which builds the URL its session lookup runs on).
 */
export function usesSecureCookie(headers: Headers, env: Record<string, string | undefined> = process.env): boolean {
  const url = env.AUTH_URL ?? env.NEXTAUTH_URL;
  const protocol = url ? new URL(url).protocol : (headers.get("x-forwarded-proto") ?? "https");
  return protocol.replace(/:$/u, "") === "https";
}

/**
 * Reads the session cookie and decrypts it once per token: the decrypted claims are kept until the token
 * expires, so the proxy, the page and every later request with the same cookie skip Auth.js's decryption
 * (key derivation and AES on every call, twice per request before). Only the cookie is read, as Auth.js's own
 * session lookup does. The role and session version are still checked against the database on every request
 * (lib/server/session.ts), so a cached token never outlives a removal or a demotion.
 */
export class SessionTokenReader {
  private readonly cache = new Map<string, SessionClaims>();

  constructor(
    private readonly secret: string,
    private readonly decode: Decode = decodeJwt,
    private readonly env: Record<string, string | undefined> = process.env,
    private readonly limit = CACHE_LIMIT,
  ) {}

  async read(headers: Headers, now = Date.now()): Promise<Readonly<SessionClaims> | null> {
    const secure = usesSecureCookie(headers, this.env);
    const cookieName = `${secure ? "__Secure-" : ""}${SESSION_COOKIE}`;
    // getToken joins a cookie Auth.js split into chunks; given only the cookie, it never reads an Authorization header.
    const token = await getToken({ req: { headers: { cookie: headers.get("cookie") ?? "" } }, secureCookie: secure, cookieName, secret: this.secret, raw: true });
    if (!token || token.length > MAX_TOKEN_CHARS || !COMPACT_JWE.test(token)) return null;
    const key = `${cookieName}:${token}`;
    const cached = this.cache.get(key);
    if (cached) {
      if (cached.expiresAtMs > now) return cached;
      this.cache.delete(key);
      return null;
    }
    const claims = await this.decrypt(token, cookieName, now);
    if (claims) this.remember(key, claims);
    return claims;
  }

  private async decrypt(token: string, salt: string, now: number): Promise<SessionClaims | null> {
    let payload: Record<string, unknown> | null;
    try {
      payload = await this.decode({ token, secret: this.secret, salt });
    } catch {
      return null;
    }
    if (!payload || typeof payload.sub !== "string" || typeof payload.exp !== "number") return null;
    const expiresAtMs = payload.exp * 1000;
    if (expiresAtMs <= now) return null;
    // Frozen: one object answers every request with this token.
    return Object.freeze({
      userId: payload.sub,
      sessionVersion: typeof payload.sv === "number" ? payload.sv : undefined,
      issuedAtMs: typeof payload.iat === "number" ? payload.iat * 1000 : 0,
      expiresAtMs,
    });
  }

  private remember(key: string, claims: SessionClaims): void {
    if (this.cache.size >= this.limit) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, claims);
  }
}

/** Whether Auth.js should re-issue the token now (a sliding session: it ends 30 days after the last day it was used). */
export function sessionNeedsRefresh(claims: SessionClaims, now = Date.now()): boolean {
  return now - claims.issuedAtMs >= SESSION_REFRESH_AFTER_MS;
}

let shared: SessionTokenReader | undefined;

/** The process's reader, with the studio's session secret (proxy.ts and lib/server/session.ts). */
export function sessionTokenReader(): SessionTokenReader {
  return (shared ??= new SessionTokenReader(authConfig.secret));
}
