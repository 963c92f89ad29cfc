import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrate } from "@/prisma/migrate.mjs";
import { resolveClientAddress, trustedProxyHops } from "./client-address.mjs";

// Counters live in a real SQLite file; a second client on the same file stands for a second instance.
const dir = mkdtempSync(path.join(tmpdir(), "studio-limits-"));
const url = `file:${path.join(dir, "studio.db")}`;
process.env.DATABASE_URL = url;

const { createDb, getDb } = await import("./db");
const limits = await import("./rate-limit");
const users = await import("./users");
const open = { mode: "open" as const, allowedDomains: [] };

beforeAll(async () => {
  await migrate(url);
  await users.createAccount({ email: "victim@example.com", name: "Victim", password: "correct horse 1" }, { clientAddress: "seed", policy: open });
});
afterAll(async () => {
  await getDb().db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("the client address", () => {
  test("is the connection's address unless STUDIO_TRUSTED_PROXIES says how many proxies add to X-Forwarded-For", () => {
    // Reached directly: a client's own X-Forwarded-For is ignored, so rotating it changes nothing.
    expect(resolveClientAddress("203.0.113.7", "1.2.3.4", 0)).toBe("203.0.113.7");
    expect(resolveClientAddress("203.0.113.7", "5.6.7.8", 0)).toBe("203.0.113.7");
    // Behind one load balancer (10.0.0.2) that appends the address it saw.
    expect(resolveClientAddress("10.0.0.2", "1.2.3.4, 198.51.100.9", 1)).toBe("198.51.100.9");
    expect(resolveClientAddress("10.0.0.2", "198.51.100.9", 1)).toBe("198.51.100.9");
    // Two proxies; entries further left were written by the client.
    expect(resolveClientAddress("10.0.0.3", "spoofed, 198.51.100.9, 10.0.0.2", 2)).toBe("198.51.100.9");
    expect(resolveClientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ STUDIO_TRUSTED_PROXIES: "1" })).toBe(1);
    expect(() => trustedProxyHops({ STUDIO_TRUSTED_PROXIES: "10.0.0.0/8" })).toThrow("STUDIO_TRUSTED_PROXIES must be the number of proxies");
  });
});

describe("database rate limits", () => {
  test("five wrong passwords for one email from one address, then a pause even for the right one", async () => {
    for (let n = 0; n < 5; n += 1) expect(await users.verifyCredentials("victim@example.com", `guess ${n}`, "203.0.113.1")).toEqual({ ok: false, reason: "invalid" });
    expect(await users.verifyCredentials("victim@example.com", "correct horse 1", "203.0.113.1")).toMatchObject({ ok: false, reason: "rate-limited" });
    // Another address is not blocked by this one's failures.
    expect(await users.verifyCredentials("victim@example.com", "correct horse 1", "203.0.113.2")).toMatchObject({ ok: true });
  });

  test("guessing across many emails from one address stops after 20 failures (password spraying)", async () => {
    const outcomes = [];
    for (let n = 0; n < 22; n += 1) outcomes.push((await users.verifyCredentials(`person${n}@example.com`, "Summer2026!", "203.0.113.9")).ok === false);
    const last = await users.verifyCredentials("victim@example.com", "correct horse 1", "203.0.113.9");
    expect(last).toMatchObject({ ok: false, reason: "rate-limited" });
    expect(await getDb().db.auditEvent.count({ where: { action: "user.sign-in-failed", after: "wrong email or password from 203.0.113.9" } })).toBe(20);
  });

  test("the counters are shared by every instance on the database", async () => {
    const other = createDb(url);
    try {
      expect(await users.verifyCredentials("victim@example.com", "correct horse 1", "203.0.113.9", other)).toMatchObject({ ok: false, reason: "rate-limited" });
    } finally {
      await other.$disconnect();
    }
  });

  test("sign-ups from one address stop after 10 an hour, before any account is made", async () => {
    const results = [];
    for (let n = 0; n < 11; n += 1) {
      results.push(await users.createAccount({ email: `new${n}@example.com`, name: `New ${n}`, password: "new password 12" }, { clientAddress: "203.0.113.20", policy: open }).then(() => "created", (e: Error) => e.message));
    }
    expect(results.slice(0, 10)).toEqual(Array(10).fill("created"));
    expect(results[10]).toMatch(/^Too many attempts from your address; try again in \d+ minutes\.$/u);
    expect(await getDb().db.user.count({ where: { email: "new10@example.com" } })).toBe(0);
  });

  test("invalid invitation links from one address stop after 10", async () => {
    const tries = [];
    for (let n = 0; n < 11; n += 1) tries.push(await users.acceptInvitation({ token: `guess-${n}`, name: "X", password: "guess password 1" }, { clientAddress: "203.0.113.30", policy: open }).catch((e: Error) => e.message));
    expect(tries[9]).toBe(users.INVITATION_INVALID);
    expect(tries[10]).toMatch(/^Too many invalid invitation links from your address/u);
  });

  test("old counters are pruned, so the table stays bounded", async () => {
    const limit = { name: "test", max: 1, windowMs: 1000 };
    const dayAgo = Date.now() - 25 * 3600_000;
    for (let n = 0; n < 50; n += 1) await limits.countAttempt(limit, `old-${n}`, getDb().db, dayAgo);
    expect(await getDb().db.rateLimitCounter.count({ where: { key: { startsWith: "test:old-" } } })).toBe(50);
    await limits.countAttempt(limit, "now", getDb().db);
    expect(await getDb().db.rateLimitCounter.count({ where: { key: { startsWith: "test:old-" } } })).toBe(0);
    expect(await limits.retryAfter(limit, "now", getDb().db)).toBeGreaterThan(0);
  });
});
