import { describe, expect, it } from "vitest";
import { inSentence } from "./controls";

describe("inSentence", () => {
  it("lowers the first letter of a capitalised word and keeps acronyms", () => {
    expect(inSentence("Callback URL")).toBe("callback URL");
    expect(inSentence("Sign-out URL")).toBe("sign-out URL");
    expect(inSentence("Readable attribute")).toBe("readable attribute");
    expect(inSentence("URL")).toBe("URL");
    expect(inSentence("IdP identifier")).toBe("IdP identifier");
  });
});
