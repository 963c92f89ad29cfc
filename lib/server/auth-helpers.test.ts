import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { isPublicPath } from "./auth-config";
import { AUTH_SECRET_FILE, resolveAuthSecret } from "./auth-secret";
import { hasRole } from "@/lib/contracts/roles";

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
