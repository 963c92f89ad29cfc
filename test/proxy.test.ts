import { decode, encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

// proxy.ts reads the session secret when it loads (lib/server/auth-config.ts).
const SECRET = "proxy-test-secret-proxy-test-secret-01";
type Proxy = (request: NextRequest, event: never) => Promise<Response>;
let proxy: Proxy;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", SECRET);
  proxy = (await import("../proxy")).default as unknown as Proxy;
});

afterAll(() => {
  vi.unstubAllEnvs();
});

const COOKIE = "authjs.session-token";

async function cookieFor(claims: Record<string, unknown>, name = COOKIE): Promise<string> {
  return `${name}=${await encode({ token: claims, secret: SECRET, salt: name, maxAge: 30 * 24 * 3600 })}`;
}

function request(path: string, cookie = "", protocol = "http"): NextRequest {
  // As `next start -H 0.0.0.0` sees a request the browser sent to localhost (or a proxy forwarded over HTTPS).
  return new NextRequest(`http://0.0.0.0:3000${path}`, { headers: { cookie, "x-forwarded-proto": protocol, host: "0.0.0.0:3000" } });
}

const proceeds = (response: Response) => response.headers.get("x-middleware-next") === "1";

describe("proxy", () => {
  test("sends a person without a session to sign in, with the path to come back to", async () => {
    const response = await proxy(request("/pools/abc/changes?tab=plan"), undefined as never);
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location")!);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("callbackUrl")).toBe("/pools/abc/changes?tab=plan");
  });

  test("lets public paths through without a session", async () => {
    for (const path of ["/sign-in", "/sign-up", "/api/health", "/api/auth/session"]) expect(proceeds(await proxy(request(path), undefined as never))).toBe(true);
  });

  test("lets a fresh session through without re-issuing its cookie", async () => {
    const response = await proxy(request("/pools", await cookieFor({ sub: "user-1", sv: 0 })), undefined as never);
    expect(proceeds(response)).toBe(true);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  test("has Auth.js re-issue a session cookie issued more than a day ago, so an active person stays signed in", async () => {
    // Auth.js stamps the issue time itself: the cookie is made with the clock set a day and a minute back.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() - 24 * 3600_000 - 60_000);
    const cookie = await cookieFor({ sub: "user-1", sv: 0 });
    vi.useRealTimers();
    const response = await proxy(request("/pools", cookie), undefined as never);
    expect(proceeds(response)).toBe(true);
    const reissued = /authjs\.session-token=([^;]+)/u.exec(response.headers.get("set-cookie") ?? "")?.[1];
    const claims = await decode({ token: reissued, secret: SECRET, salt: COOKIE });
    expect(claims?.sub).toBe("user-1");
    expect(claims!.iat!).toBeGreaterThan(Date.now() / 1000 - 60);
  });

  test("behind HTTPS, reads the __Secure- cookie Auth.js sets there, and not the plain one", async () => {
    expect(proceeds(await proxy(request("/pools", await cookieFor({ sub: "user-1" }, `__Secure-${COOKIE}`), "https"), undefined as never))).toBe(true);
    expect((await proxy(request("/pools", await cookieFor({ sub: "user-1" }), "https"), undefined as never)).status).toBe(307);
  });

  test("treats a cookie it cannot decrypt as no session", async () => {
    const response = await proxy(request("/pools", `${COOKIE}=forged`), undefined as never);
    expect(response.status).toBe(307);
  });
});
