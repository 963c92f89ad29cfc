import { describe, expect, test } from "vitest";
import { VersionCache, deepFreeze } from "./version-cache";

describe("VersionCache", () => {
  test("computes once per version of a scope; a new version is computed afresh and replaces the old one", () => {
    const cache = new VersionCache<string>(10);
    let computed = 0;
    const read = (version: string) => cache.get("draft:a", version, () => `${version}#${++computed}`);
    expect(read("v1")).toBe("v1#1");
    expect(read("v1")).toBe("v1#1");
    expect(read("v2")).toBe("v2#2");
    expect(read("v2")).toBe("v2#2");
    // One entry per scope: going back to an older version computes again rather than serving what v2 computed.
    expect(read("v1")).toBe("v1#3");
    expect(cache.size).toBe(1);
  });

  test("keeps at most maxEntries scopes, dropping the least recently used", () => {
    const cache = new VersionCache<number>(2);
    let computed = 0;
    const read = (scope: string) => cache.get(scope, "v", () => ++computed);
    read("a");
    read("b");
    read("a"); // a is now the most recently used
    read("c"); // drops b
    expect(cache.size).toBe(2);
    expect(read("a")).toBe(1);
    expect(read("c")).toBe(3);
    expect(read("b")).toBe(4);
  });

  test("shares one computation between requests at once, and forgets a failed one", async () => {
    const cache = new VersionCache<Promise<string>>(10);
    let calls = 0;
    let fail = true;
    const compute = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 10));
      if (fail) throw new Error("highlighter failed");
      return "html";
    };
    const [a, b] = [cache.get("export:p", "v1", compute), cache.get("export:p", "v1", compute)];
    expect(a).toBe(b);
    await expect(a).rejects.toThrow("highlighter failed");
    expect(calls).toBe(1);
    expect(cache.size).toBe(0);
    fail = false;
    expect(await cache.get("export:p", "v1", compute)).toBe("html");
    expect(calls).toBe(2);
  });

  test("frozen entries: a page that changes a shared value throws instead of changing what the next page sees", async () => {
    const cache = new VersionCache<{ spec: { clients: { name: string }[] } }>(10, { freeze: true });
    const value = cache.get("draft:a", "v1", () => ({ spec: { clients: [{ name: "web" }] } }));
    expect(() => {
      value.spec.clients[0]!.name = "changed";
    }).toThrow(TypeError);
    expect(() => value.spec.clients.push({ name: "another" })).toThrow(TypeError);
    const promised = new VersionCache<Promise<{ files: string[] }>>(10, { freeze: true });
    const settled = await promised.get("export:p", "v1", async () => ({ files: ["main.tf"] }));
    expect(Object.isFrozen(settled.files)).toBe(true);
  });
});

describe("deepFreeze", () => {
  test("leaves dates and typed arrays usable", () => {
    const value = deepFreeze({ at: new Date(0), bytes: new Uint8Array([1, 2]) });
    value.bytes[0] = 9;
    expect(value.bytes[0]).toBe(9);
    expect(Object.isFrozen(value)).toBe(true);
  });
});
