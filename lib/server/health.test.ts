import { afterEach, describe, expect, test, vi } from "vitest";
import { DATABASE_UNREACHABLE, checkHealth } from "./health";

afterEach(() => vi.restoreAllMocks());

describe("checkHealth", () => {
  test("a database error reaches the server log only; the answer gives a generic reason", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const secretish = "password authentication failed for user \"studio_owner\" at db-internal.corp:5432";
    const health = await checkHealth(() => ({ kind: "postgresql", db: { $queryRawUnsafe: () => Promise.reject(new Error(secretish)) } }));
    expect(health).toEqual({ status: "error", database: "postgresql", reason: DATABASE_UNREACHABLE });
    expect(JSON.stringify(health)).not.toContain("studio_owner");
    expect(String(log.mock.calls[0]?.[1])).toContain(secretish);
  });

  test("a working database is ok", async () => {
    expect(await checkHealth(() => ({ kind: "sqlite", db: { $queryRawUnsafe: async () => [{ 1: 1 }] } }))).toEqual({ status: "ok", database: "sqlite" });
  });
});
