import { decode, encode } from "next-auth/jwt";
import { describe, expect, test } from "vitest";
import { SESSION_REFRESH_AFTER_MS, SessionTokenReader, sessionNeedsRefresh, usesSecureCookie } from "./session-token";

const SECRET = "session-token-test-secret-0123456789";
const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";
const HTTP = { "x-forwarded-proto": "http" };

/** A token as Auth.js writes it at sign-in (the salt is the cookie's name). */
function token(claims: Record<string, unknown>, { salt = PLAIN, secret = SECRET, maxAge = 3600 } = {}) {
  return encode({ token: claims, secret, salt, maxAge });
}

function headersWith(cookie: string, extra: Record<string, string> = HTTP) {
  return new Headers({ cookie, ...extra });
}

/** A reader that counts the decryptions it makes. */
function countingReader(env: Record<string, string | undefined> = {}, limit?: number) {
  const calls = { n: 0 };
  const reader = new SessionTokenReader(
    SECRET,
    async (params) => {
      calls.n++;
      return decode(params);
    },
    env,
    limit,
  );
  return { reader, calls };
}

describe("SessionTokenReader", () => {
  test("reads the user id and session version from Auth.js's cookie, and nothing without one", async () => {
    const { reader } = countingReader();
    const claims = await reader.read(headersWith(`other=1; ${PLAIN}=${await token({ sub: "user-1", sv: 3 })}`));
    expect(claims).toMatchObject({ userId: "user-1", sessionVersion: 3 });
    expect(await reader.read(headersWith("other=1"))).toBeNull();
    expect(await reader.read(new Headers(HTTP))).toBeNull();
  });

  test("decrypts a token once, then answers from memory until it expires", async () => {
    const { reader, calls } = countingReader();
    const headers = headersWith(`${PLAIN}=${await token({ sub: "user-1" }, { maxAge: 60 })}`);
    for (let i = 0; i < 3; i++) expect((await reader.read(headers))?.userId).toBe("user-1");
    expect(calls.n).toBe(1);
    expect(await reader.read(headers, Date.now() + 61_000)).toBeNull();
    expect(calls.n).toBe(1);
  });

  test("refuses an expired token, one sealed with another secret, a tampered one and one without a subject", async () => {
    const { reader } = countingReader();
    const valid = await token({ sub: "user-1" });
    const tampered = `${valid.slice(0, -4)}${valid.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
    for (const bad of [await token({ sub: "user-1" }, { maxAge: -60 }), await token({ sub: "user-1" }, { secret: "another-secret-another-secret-0123" }), tampered, await token({ name: "no subject" }), "not-a-token"]) {
      expect(await reader.read(headersWith(`${PLAIN}=${bad}`))).toBeNull();
    }
  });

  test("refuses another spelling of a valid token (spaces, padding) without decrypting it, and a token without an expiry", async () => {
    const { reader, calls } = countingReader();
    const valid = await token({ sub: "user-1" });
    const [header, key, iv, text, tag] = valid.split(".");
    for (const variant of [`${header}.${key}.${iv!.slice(0, 4)}%20${iv!.slice(4)}.${text}.${tag}`, `${valid}=`, `${valid}.`, "a".repeat(20_000)]) {
      expect(await reader.read(headersWith(`${PLAIN}=${variant}`))).toBeNull();
    }
    expect(calls.n).toBe(0);
    const noExpiry = new SessionTokenReader(SECRET, async () => ({ sub: "user-1" }), {});
    expect(await noExpiry.read(headersWith(`${PLAIN}=${valid}`))).toBeNull();
  });

  test("never reads a token from an Authorization header", async () => {
    const { reader } = countingReader();
    expect(await reader.read(new Headers({ ...HTTP, authorization: `Bearer ${await token({ sub: "user-1" })}` }))).toBeNull();
  });

  test("keeps at most its limit of tokens, forgetting the oldest first", async () => {
    const { reader, calls } = countingReader({}, 2);
    const cookies = await Promise.all(["a", "b", "c"].map(async (sub) => headersWith(`${PLAIN}=${await token({ sub })}`)));
    for (const headers of cookies) await reader.read(headers);
    expect(calls.n).toBe(3);
    await reader.read(cookies[2]!);
    expect(calls.n).toBe(3);
    await reader.read(cookies[0]!);
    expect(calls.n).toBe(4);
  });

  test("on HTTPS reads the __Secure- cookie only, as Auth.js names it there", async () => {
    const { reader } = countingReader();
    const plain = await token({ sub: "plain" });
    const secure = await token({ sub: "secure" }, { salt: SECURE });
    expect((await reader.read(headersWith(`${PLAIN}=${plain}; ${SECURE}=${secure}`, { "x-forwarded-proto": "https" })))?.userId).toBe("secure");
    expect(await reader.read(headersWith(`${PLAIN}=${plain}`, { "x-forwarded-proto": "https" }))).toBeNull();
    expect((await reader.read(headersWith(`${PLAIN}=${plain}; ${SECURE}=${secure}`)))?.userId).toBe("plain");
  });

  test("joins a token Auth.js split into chunked cookies", async () => {
    const { reader } = countingReader();
    const whole = await token({ sub: "user-1" });
    const half = Math.floor(whole.length / 2);
    expect((await reader.read(headersWith(`${PLAIN}.1=${whole.slice(half)}; ${PLAIN}.0=${whole.slice(0, half)}`)))?.userId).toBe("user-1");
  });

  test("a token decrypted under one cookie name is not taken for the other", async () => {
    const { reader } = countingReader();
    // Sealed for the plain name: on HTTPS, sent under the secure name, it does not decrypt (the salt is the name).
    const plain = await token({ sub: "user-1" });
    expect((await reader.read(headersWith(`${PLAIN}=${plain}`)))?.userId).toBe("user-1");
    expect(await reader.read(headersWith(`${SECURE}=${plain}`, { "x-forwarded-proto": "https" }))).toBeNull();
  });
});

describe("usesSecureCookie", () => {
  test("follows AUTH_URL when set, else the forwarded protocol, else HTTPS (as Auth.js does)", () => {
    expect(usesSecureCookie(new Headers(HTTP), {})).toBe(false);
    expect(usesSecureCookie(new Headers({ "x-forwarded-proto": "https" }), {})).toBe(true);
    expect(usesSecureCookie(new Headers(), {})).toBe(true);
    expect(usesSecureCookie(new Headers(HTTP), { AUTH_URL: "https://studio.example.com" })).toBe(true);
    expect(usesSecureCookie(new Headers({ "x-forwarded-proto": "https" }), { NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
  });
});

describe("sessionNeedsRefresh", () => {
  test("only once a day has passed since the token was issued", () => {
    const now = Date.now();
    const claims = (issuedAgoMs: number) => ({ userId: "u", issuedAtMs: now - issuedAgoMs, expiresAtMs: now + 1000 });
    expect(sessionNeedsRefresh(claims(60_000), now)).toBe(false);
    expect(sessionNeedsRefresh(claims(SESSION_REFRESH_AFTER_MS), now)).toBe(true);
  });
});
