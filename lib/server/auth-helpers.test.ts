import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { isPublicPath } from "./auth-config";
import { AUTH_SECRET_FILE, resolveAuthSecret } from "./auth-secret";
import { createRateLimiter } from "./rate-limit";
import { hasRole } from "./roles";

describe("hasRole", () => {
  test.each([
    ["viewer", "viewer", true],
    ["viewer", "editor", false],
    ["editor", "editor", true],
    ["approver", "editor", true],
    ["admin", "approver", true],
    ["editor", "admin", false],
    ["superuser", "viewer", false],
    [null, "viewer", false],
  ] as const)("%s meets %s: %s", (role, required, expected) => {
    expect(hasRole(role, required)).toBe(expected);
  });
});

describe("createRateLimiter", () => {
  test("blocks after the limit until the window passes; reset clears", () => {
    const limiter = createRateLimiter({ maxFailures: 2, windowMs: 60_000 });
    limiter.recordFailure("k", 0);
    expect(limiter.retryAfter("k", 1_000)).toBe(0);
    limiter.recordFailure("k", 1_000);
    expect(limiter.retryAfter("k", 30_000)).toBe(30);
    expect(limiter.retryAfter("other", 30_000)).toBe(0);
    expect(limiter.retryAfter("k", 60_000)).toBe(0);
    limiter.recordFailure("k", 61_000);
    limiter.recordFailure("k", 61_000);
    limiter.reset("k");
    expect(limiter.retryAfter("k", 61_000)).toBe(0);
  });
});

describe("resolveAuthSecret", () => {
  test("prefers AUTH_SECRET; otherwise generates one under data/ and reuses it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "studio-secret-"));
    try {
      expect(resolveAuthSecret({ AUTH_SECRET: " set " }, dir)).toBe("set");
      const generated = resolveAuthSecret({}, dir);
      expect(generated).toMatch(/^[A-Za-z0-9_-]{43}$/u);
      expect(readFileSync(path.join(dir, AUTH_SECRET_FILE), "utf8").trim()).toBe(generated);
      expect(resolveAuthSecret({}, dir)).toBe(generated);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("isPublicPath", () => {
  test.each([
    ["/sign-in", true],
    ["/sign-up", true],
    ["/api/auth/session", true],
    ["/api/health", true],
    ["/", false],
    ["/pools/x", false],
    ["/sign-inx", false],
  ])("%s: %s", (p, expected) => {
    expect(isPublicPath(p)).toBe(expected);
  });
});
