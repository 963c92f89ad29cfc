import { describe, expect, it } from "vitest";
import { countDifferences } from "./count-differences";
import { planChanges } from "./plan-changes";
import { poolDoc } from "../../../test/support/plan-helpers";

describe("countDifferences", () => {
  it("is 0 for the same document", () => {
    const doc = poolDoc({ passwordPolicy: { minimumLength: 12 } });
    expect(countDifferences(planChanges(doc, doc))).toBe(0);
  });
  it("counts each changed attribute of a resource on both sides", () => {
    const before = poolDoc({ passwordPolicy: { minimumLength: 12, requireSymbols: true }, mfaConfiguration: "OFF" });
    const after = poolDoc({ passwordPolicy: { minimumLength: 8, requireSymbols: false }, mfaConfiguration: "OFF" });
    expect(countDifferences(planChanges(before, after))).toBe(2);
  });
  it("counts a client present on one side only once, however many settings it has", () => {
    // The live side always lists its clients; an empty list (not an unset one, which is "not managed") deletes.
    const before = poolDoc({ clients: [] });
    const after = poolDoc({ clients: [{ name: "made-by-hand", callbackUrls: ["https://a.test/cb"], allowedOAuthFlows: ["code"], allowedOAuthScopes: ["openid"] }] });
    expect(countDifferences(planChanges(before, after))).toBe(1);
    expect(countDifferences(planChanges(after, before))).toBe(1);
  });
});
