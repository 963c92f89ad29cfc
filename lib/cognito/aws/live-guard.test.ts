import { describe, expect, test } from "vitest";
import { poolDocument } from "@/test/support/pool-documents";
import type { PoolDocument } from "../spec/document-schema";
import { guardChanges, guardFingerprints } from "./live-guard";

const IDS = { web: "id-web", admin: "id-admin" };
function live(change: (doc: PoolDocument) => void = () => {}): PoolDocument {
  const doc = poolDocument({
    clients: [{ name: "web", callbackUrls: ["https://a.example/cb"] }, { name: "admin" }],
    uiCustomizations: [{ clientName: "ALL", css: ".banner-customizable { padding: 1px }" }, { clientName: "admin", css: ".banner-customizable { padding: 2px }" }],
    riskConfiguration: { clients: [{ clientName: "web" }] },
  });
  change(doc);
  return doc;
}

describe("guardFingerprints", () => {
  const before = guardFingerprints(live(), "pool-1", IDS);

  test("one fingerprint per client read, and one for the rest", () => {
    expect(Object.keys(before.clients)).toEqual(["web", "admin"]);
  });

  test.each<[string, (doc: PoolDocument) => void, string[]]>([
    ["a client's settings change that client only", (d) => (d.spec.clients![0]!.callbackUrls = ["https://b.example/cb"]), ['app client "web"']],
    ["a client's classic customization is that client's", (d) => (d.spec.uiCustomizations![1]!.css = ".banner-customizable { padding: 3px }"), ['app client "admin"']],
    ["the ALL-clients customization is the pool's", (d) => (d.spec.uiCustomizations![0]!.css = ".banner-customizable { padding: 4px }"), ["the pool"]],
    ["a pool setting is the pool's", (d) => (d.spec.mfaConfiguration = "ON"), ["the pool"]],
  ])("%s", (_, change, changed) => {
    expect(guardChanges(before, guardFingerprints(live(change), "pool-1", IDS))).toEqual(changed);
  });

  test("a client added or deleted since (the ids) is a change to the pool", () => {
    expect(guardChanges(before, guardFingerprints(live(), "pool-1", { ...IDS, late: "id-late" }))).toEqual(["the pool"]);
  });

  test("a read of some clients has the same pool part, and only the plan's clients are compared", () => {
    const some = guardFingerprints(live((d) => (d.spec.clients = [d.spec.clients![0]!])), "pool-1", IDS);
    expect(some.pool).toBe(before.pool);
    expect(guardChanges({ pool: before.pool, clients: { web: before.clients.web! } }, some)).toEqual([]);
  });
});
