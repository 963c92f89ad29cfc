import { describe, expect, it } from "vitest";
import { SCOPE_PICKER_LIMIT, matchingOptions } from "./controls";

describe("matchingOptions (the searchable scope picker)", () => {
  const scopes = Array.from({ length: 2500 }, (_, i) => `https://api.example.com/scope-${i}`);

  it("renders at most the limit of a long list, and says how many more there are", () => {
    const { shown, more } = matchingOptions(scopes, [], "");
    expect(shown).toHaveLength(SCOPE_PICKER_LIMIT);
    expect(more).toBe(2500 - SCOPE_PICKER_LIMIT);
  });

  it("narrows by a case-insensitive search and leaves out chosen values", () => {
    const { shown, more } = matchingOptions(scopes, ["https://api.example.com/scope-1999"], "SCOPE-199");
    expect(shown).toEqual(Array.from({ length: 11 }, (_, i) => `https://api.example.com/scope-199${i === 0 ? "" : i - 1}`).filter((s) => !s.endsWith("-1999")));
    expect(more).toBe(0);
  });
});
