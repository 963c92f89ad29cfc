/**
 * OIDC sign-in end to end, through Auth.js's own request handler with the studio's configuration
 * (buildAuthOptions with AUTH_OIDC_* set), against a small local OpenID Connect issuer
 * (test/support/fake-oidc-issuer.ts: discovery, JWKS, token endpoint with PKCE and client secret
 * checks, RS256 ID tokens) and a real SQLite database. Only the browser's visit to the issuer's login
 * page is skipped: the test issues the code the issuer would.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Auth } from "@auth/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrate } from "@/prisma/migrate.mjs";
import { type FakeOidcIssuer, startFakeOidcIssuer } from "@/test/support/fake-oidc-issuer";

const dir = mkdtempSync(path.join(tmpdir(), "studio-oidc-flow-"));
process.env.DATABASE_URL = `file:${path.join(dir, "studio.db")}`;
process.env.AUTH_SECRET = "a-test-secret-for-the-oidc-flow-0123456789abcdef";

const CLIENT = { clientId: "studio-test", clientSecret: "studio-test-secret" };
const STUDIO = "http://localhost:3000";

let issuer: FakeOidcIssuer;
let options: Parameters<typeof Auth>[1];
let inviteOnly: Parameters<typeof Auth>[1];
let getDb: (typeof import("./db"))["getDb"];

beforeAll(async () => {
  await migrate(process.env.DATABASE_URL);
  issuer = await startFakeOidcIssuer(CLIENT);
  ({ getDb } = await import("./db"));
  const { buildAuthOptions } = await import("./auth-options");
  const env = { AUTH_OIDC_ISSUER: issuer.issuer, AUTH_OIDC_CLIENT_ID: CLIENT.clientId, AUTH_OIDC_CLIENT_SECRET: CLIENT.clientSecret, AUTH_OIDC_NAME: "Test IdP" };
  // NextAuth() serves under /api/auth; Auth.js's own handler needs to be told.
  options = { ...buildAuthOptions({ ...env, STUDIO_SIGNUP: "open" }), basePath: "/api/auth" } as Parameters<typeof Auth>[1];
  inviteOnly = { ...buildAuthOptions({ ...env, STUDIO_SIGNUP: "invite" }), basePath: "/api/auth" } as Parameters<typeof Auth>[1];
});

afterAll(async () => {
  await issuer?.stop();
  await getDb().db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

/** One browser: its cookies, carried from response to request. */
function browser(config: Parameters<typeof Auth>[1] = options) {
  const cookies = new Map<string, string>();
  return async (pathname: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set("cookie", [...cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await Auth(new Request(`${STUDIO}/api/auth${pathname}`, { ...init, headers }), config);
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair?.indexOf("=") ?? -1;
      if (pair && index > 0) cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    return response;
  };
}

/** Signs in with the OIDC provider as someone the issuer vouches for with `claims`; returns the final redirect. */
async function signInWith(claims: Record<string, unknown>, config: Parameters<typeof Auth>[1] = options) {
  const visit = browser(config);
  const { csrfToken } = (await (await visit("/csrf")).json()) as { csrfToken: string };
  const start = await visit("/signin/oidc", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${STUDIO}/pools` }),
  });
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get("location") ?? "");
  const code = issuer.issueCode({
    claims,
    nonce: authorize.searchParams.get("nonce") ?? "",
    codeChallenge: authorize.searchParams.get("code_challenge") ?? "",
    redirectUri: authorize.searchParams.get("redirect_uri") ?? "",
  });
  const back = await visit(`/callback/oidc?${new URLSearchParams({ code, state: authorize.searchParams.get("state") ?? "" })}`);
  const session = (await (await visit("/session")).json()) as { user?: { id?: string; email?: string; name?: string; sessionVersion?: number } } | null;
  return { authorize, back, session };
}

describe("OIDC sign-in (AUTH_OIDC_* set) against a local issuer", () => {
  test("sends the browser to the issuer with PKCE, state and nonce; the first person becomes admin; a session names the studio user", async () => {
    const { authorize, back, session } = await signInWith({ sub: "idp-ann", email: "ann@example.com", email_verified: true, name: "Ann Admin" });
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${issuer.issuer}/authorize`);
    expect(Object.fromEntries([...authorize.searchParams].filter(([k]) => ["client_id", "response_type", "scope", "redirect_uri", "code_challenge_method"].includes(k)))).toEqual({
      client_id: CLIENT.clientId,
      response_type: "code",
      scope: "openid email profile",
      redirect_uri: `${STUDIO}/api/auth/callback/oidc`,
      code_challenge_method: "S256",
    });
    expect(authorize.searchParams.get("state")).toBeTruthy();
    expect(authorize.searchParams.get("nonce")).toBeTruthy();
    // The token request carried the secret and the PKCE verifier the issuer checked.
    expect(issuer.tokenRequests.at(-1)).toMatchObject({ clientId: CLIENT.clientId, ok: true });
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe(`${STUDIO}/pools`);

    const user = await getDb().db.user.findUniqueOrThrow({ where: { email: "ann@example.com" }, include: { memberships: true } });
    expect(user.memberships.map((m) => m.role)).toEqual(["admin"]);
    expect(session?.user).toMatchObject({ id: user.id, email: "ann@example.com", sessionVersion: 0 });
    expect(await getDb().db.auditEvent.findFirst({ where: { action: "user.sign-in", target: user.id } })).toMatchObject({ actor: "ann@example.com", after: "signed in with Test IdP" });
  });

  test("the next person is a viewer; signing in again is the same account", async () => {
    const first = await signInWith({ sub: "idp-bob", email: "bob@example.com", email_verified: "true", name: "Bob" });
    const again = await signInWith({ sub: "idp-bob", email: "bob@example.com", email_verified: "true", name: "Bob" });
    const user = await getDb().db.user.findUniqueOrThrow({ where: { email: "bob@example.com" }, include: { memberships: true } });
    expect(user.memberships.map((m) => m.role)).toEqual(["viewer"]);
    expect(first.session?.user?.id).toBe(user.id);
    expect(again.session?.user?.id).toBe(user.id);
    expect(await getDb().db.user.count({ where: { email: "bob@example.com" } })).toBe(1);
  });

  test("an email the issuer has not verified is refused: no account, no session", async () => {
    const { back, session } = await signInWith({ sub: "idp-eve", email: "eve@example.com", email_verified: false });
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toMatch(/error=AccessDenied/u);
    expect(session?.user).toBeUndefined();
    expect(await getDb().db.user.count({ where: { email: "eve@example.com" } })).toBe(0);
  });

  test("account pre-hijack: a password account someone made with the victim's email is not linked to the victim's OIDC sign-in", async () => {
    const { createAccount, verifyCredentials } = await import("./users");
    const planted = await createAccount({ email: "victim@example.com", name: "Not the victim", password: "attacker password" }, { clientAddress: "198.51.100.66", policy: { mode: "open", allowedDomains: [] } });
    const { back, session } = await signInWith({ sub: "idp-victim", email: "victim@example.com", email_verified: true, name: "Victim" });
    expect(back.headers.get("location")).toMatch(/error=AccessDenied/u);
    expect(session?.user).toBeUndefined();
    expect(await getDb().db.auditEvent.count({ where: { action: "user.oidc-link", target: planted.id } })).toBe(0);
    // The attacker's password reaches only the account they made, which the victim never used.
    expect(await verifyCredentials("victim@example.com", "attacker password", "198.51.100.66")).toMatchObject({ ok: true, user: { id: planted.id } });
  });

  test("STUDIO_SIGNUP=invite: a new OIDC user needs an invitation, and gets the invited role", async () => {
    const refused = await signInWith({ sub: "idp-zed", email: "zed@example.com", email_verified: true, name: "Zed" }, inviteOnly);
    expect(refused.back.headers.get("location")).toMatch(/error=AccessDenied/u);
    expect(await getDb().db.user.count({ where: { email: "zed@example.com" } })).toBe(0);
    const { createInvitation, findAccount } = await import("./users");
    const ann = await getDb().db.user.findUniqueOrThrow({ where: { email: "ann@example.com" } });
    const admin = await findAccount(ann.id);
    if (!admin) throw new Error("expected the admin");
    await createInvitation(admin, { email: "zed@example.com", role: "editor" }, { mode: "invite", allowedDomains: [] });
    const invited = await signInWith({ sub: "idp-zed", email: "zed@example.com", email_verified: true, name: "Zed" }, inviteOnly);
    const zed = await getDb().db.user.findUniqueOrThrow({ where: { email: "zed@example.com" }, include: { memberships: true } });
    expect(invited.session?.user?.id).toBe(zed.id);
    expect(zed.memberships.map((m) => m.role)).toEqual(["editor"]);
  });
});
