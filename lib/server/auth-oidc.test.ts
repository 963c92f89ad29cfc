import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrate } from "@/prisma/migrate.mjs";
import { OidcConfigError, oidcIdentity, oidcProvider, oidcSettingsFromEnv } from "./auth-oidc";

const FULL = {
  AUTH_OIDC_ISSUER: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123",
  AUTH_OIDC_CLIENT_ID: "client-123",
  AUTH_OIDC_CLIENT_SECRET: "very-secret-value",
};

describe("oidcSettingsFromEnv", () => {
  test("no AUTH_OIDC_* variable: no OIDC provider (email and password only)", () => {
    expect(oidcSettingsFromEnv({})).toBeNull();
    expect(oidcSettingsFromEnv({ AUTH_OIDC_ISSUER: "  ", PATH: "/usr/bin" })).toBeNull();
  });

  test("all three set: the settings, named OIDC unless AUTH_OIDC_NAME says otherwise", () => {
    expect(oidcSettingsFromEnv(FULL)).toEqual({ issuer: FULL.AUTH_OIDC_ISSUER, clientId: "client-123", clientSecret: "very-secret-value", name: "OIDC", allowedDomains: [] });
    expect(oidcSettingsFromEnv({ ...FULL, AUTH_OIDC_NAME: "Company SSO" })?.name).toBe("Company SSO");
    expect(oidcSettingsFromEnv({ ...FULL, AUTH_OIDC_ISSUER: "http://localhost:8080/realms/dev" })?.issuer).toBe("http://localhost:8080/realms/dev");
  });

  test.each([
    [{ AUTH_OIDC_ISSUER: FULL.AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID: "client-123" }, "AUTH_OIDC_CLIENT_SECRET is not set"],
    [{ AUTH_OIDC_CLIENT_ID: "client-123", AUTH_OIDC_CLIENT_SECRET: "s" }, "AUTH_OIDC_ISSUER is not set"],
    [{ AUTH_OIDC_ISSUER: FULL.AUTH_OIDC_ISSUER }, "AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET are not set"],
    [{ AUTH_OIDC_NAME: "Company SSO" }, "AUTH_OIDC_ISSUER and AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET are not set"],
  ])("partial configuration %j is a startup error naming what is missing", (env, missing) => {
    expect(() => oidcSettingsFromEnv(env)).toThrow(OidcConfigError);
    expect(() => oidcSettingsFromEnv(env)).toThrow(
      `OIDC sign-in is partly configured: ${missing}. Set AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET (and optionally AUTH_OIDC_NAME), or none of them.`,
    );
  });

  test("AUTH_OIDC_ALLOWED_DOMAINS: a comma list of email domains (case and a leading @ ignored); anything else is a startup error", () => {
    expect(oidcSettingsFromEnv({ ...FULL, AUTH_OIDC_ALLOWED_DOMAINS: " Example.com, @corp.example.org " })?.allowedDomains).toEqual(["example.com", "corp.example.org"]);
    expect(() => oidcSettingsFromEnv({ ...FULL, AUTH_OIDC_ALLOWED_DOMAINS: "example.com;corp.org" })).toThrow(
      'AUTH_OIDC_ALLOWED_DOMAINS must list email domains separated by commas, e.g. example.com,example.org; "example.com;corp.org" is not one',
    );
  });

  test("the issuer must be an https URL (http only on loopback); the error never shows the secret", () => {
    expect(() => oidcSettingsFromEnv({ ...FULL, AUTH_OIDC_ISSUER: "not a url" })).toThrow(
      "AUTH_OIDC_ISSUER must be the issuer's URL, e.g. https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123",
    );
    expect(() => oidcSettingsFromEnv({ ...FULL, AUTH_OIDC_ISSUER: "http://idp.example.com" })).toThrow("AUTH_OIDC_ISSUER must use https (plain http only for localhost): http://idp.example.com");
    for (const env of [{ ...FULL, AUTH_OIDC_ISSUER: "http://idp.example.com" }, { ...FULL, AUTH_OIDC_CLIENT_ID: "" }]) {
      try {
        oidcSettingsFromEnv(env);
      } catch (error) {
        expect(String(error)).not.toContain("very-secret-value");
      }
    }
  });
});

describe("oidcProvider", () => {
  test("is Auth.js's generic OIDC provider: discovery from the issuer, PKCE, state and nonce", () => {
    const provider = oidcProvider({ ...oidcSettingsFromEnv(FULL)!, name: "Company SSO" });
    expect(provider).toMatchObject({
      id: "oidc",
      type: "oidc",
      name: "Company SSO",
      issuer: FULL.AUTH_OIDC_ISSUER,
      clientId: "client-123",
      clientSecret: "very-secret-value",
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: "openid email profile" } },
    });
    expect(provider.profile?.({ sub: "abc", email: "ann@example.com", name: "Ann" }, {} as never)).toEqual({ id: "abc", email: "ann@example.com", name: "Ann" });
  });
});

describe("oidcIdentity", () => {
  test.each([
    [{ sub: "1", email: "ann@example.com", email_verified: true, name: "Ann" }, { ok: true, email: "ann@example.com", name: "Ann" }],
    // Cognito sends the claim as a string.
    [{ sub: "1", email: "bob@example.com", email_verified: "true", preferred_username: "bob" }, { ok: true, email: "bob@example.com", name: "bob" }],
    [{ sub: "1", email: "eve@example.com" }, { ok: false, reason: "the identity provider has not verified eve@example.com" }],
    [{ sub: "1", email: "eve@example.com", email_verified: "false" }, { ok: false, reason: "the identity provider has not verified eve@example.com" }],
    [{ sub: "1" }, { ok: false, reason: "the identity provider sent no email address (request the email scope)" }],
  ])("%j → %j", (profile, expected) => {
    expect(oidcIdentity(profile)).toEqual(expected);
  });
});

describe("userForOidcProfile (SQLite)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "studio-oidc-"));
  const url = `file:${path.join(dir, "studio.db")}`;
  let db: Awaited<ReturnType<(typeof import("./db"))["createDb"]>>;
  let users: typeof import("./users");
  let accounts: typeof import("./oidc-accounts");

  beforeAll(async () => {
    await migrate(url);
    db = (await import("./db")).createDb(url);
    users = await import("./users");
    accounts = await import("./oidc-accounts");
  });
  afterAll(async () => {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  test("the first OIDC user ever is admin; the next is a viewer; a returning one is the same user; each sign-up is audited", async () => {
    const first = await accounts.userForOidcProfile({ sub: "a", email: "Ann@Example.com", email_verified: true, name: "Ann" }, db);
    expect(first).toMatchObject({ ok: true, created: true });
    const second = await accounts.userForOidcProfile({ sub: "b", email: "bob@example.com", email_verified: "true" }, db);
    const again = await accounts.userForOidcProfile({ sub: "a", email: "ann@example.com", email_verified: true }, db);
    if (!first.ok || !second.ok || !again.ok) throw new Error("expected sign-ins to succeed");
    expect(again).toEqual({ ok: true, userId: first.userId, created: false });
    expect((await users.findAccount(first.userId, db))?.role).toBe("admin");
    expect(await users.findAccount(second.userId, db)).toMatchObject({ email: "bob@example.com", name: "bob@example.com", role: "viewer" });
    const audit = await db.auditEvent.findMany({ where: { action: "user.sign-up" }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.after)).toEqual(["ann@example.com joined as admin (signed in with OIDC)", "bob@example.com joined as viewer (signed in with OIDC)"]);
  });

  test("an unverified email creates nothing; an OIDC account has no password to sign in with", async () => {
    expect(await accounts.userForOidcProfile({ sub: "e", email: "eve@example.com" }, db)).toEqual({ ok: false, reason: "the identity provider has not verified eve@example.com" });
    expect(await db.user.count({ where: { email: "eve@example.com" } })).toBe(0);
    expect(await users.verifyCredentials("ann@example.com", users.NO_PASSWORD, "test", db)).toEqual({ ok: false, reason: "invalid" });
  });

  test("a password account whose email was never verified is not linked (account pre-hijack): the OIDC sign-in is refused", async () => {
    // The attacker signs up first with the victim's email and a password of their own.
    const planted = await users.createAccount({ email: "carol@example.com", name: "Carol", password: "attacker password 1" }, { clientAddress: "test", policy: { mode: "open", allowedDomains: [] } }, db);
    const victim = await accounts.userForOidcProfile({ sub: "c", email: "carol@example.com", email_verified: true }, db);
    expect(victim).toEqual({ ok: false, reason: "carol@example.com has a password account whose email was never verified; it is not linked to the identity provider (sign in with the password)" });
    expect(await db.auditEvent.count({ where: { action: "user.oidc-link", target: planted.id } })).toBe(0);
  });

  test("an account whose email was verified (made from an invitation) is the one a verified OIDC sign-in uses; the link is audited once", async () => {
    const admin = await users.findAccount((await db.user.findFirstOrThrow({ where: { email: "ann@example.com" } })).id, db);
    if (!admin) throw new Error("expected the admin");
    const policy = { mode: "invite" as const, allowedDomains: [] };
    const { token } = await users.createInvitation(admin, { email: "frank@example.com", role: "editor" }, policy, db);
    const account = await users.acceptInvitation({ token, name: "Frank", password: "frank password 1" }, { clientAddress: "test", policy }, db);
    expect(await accounts.userForOidcProfile({ sub: "f", email: "frank@example.com", email_verified: true }, db, policy)).toEqual({ ok: true, userId: account.id, created: false });
    expect(await accounts.userForOidcProfile({ sub: "f", email: "frank@example.com", email_verified: true }, db, policy)).toEqual({ ok: true, userId: account.id, created: false });
    expect(await users.verifyCredentials("frank@example.com", "frank password 1", "test", db)).toMatchObject({ ok: true });
    const links = await db.auditEvent.findMany({ where: { action: "user.oidc-link" } });
    expect(links.map((l) => [l.target, l.after])).toEqual([[account.id, "frank@example.com signed in with OIDC for the first time (verified email matched the account's verified email)"]]);
  });

  test("with allowed domains, a verified email of another domain is refused and creates nothing", async () => {
    const refused = await accounts.userForOidcProfile({ sub: "m", email: "mallory@gmail.com", email_verified: true }, db, { mode: "open", allowedDomains: ["example.com"] });
    expect(refused).toEqual({ ok: false, reason: "mallory@gmail.com is not in an allowed domain (AUTH_OIDC_ALLOWED_DOMAINS: example.com)" });
    expect(await db.user.count({ where: { email: "mallory@gmail.com" } })).toBe(0);
    expect(await accounts.userForOidcProfile({ sub: "d", email: "dave@EXAMPLE.com", email_verified: true }, db, { mode: "open", allowedDomains: ["example.com"] })).toMatchObject({ ok: true, created: true });
  });
});
