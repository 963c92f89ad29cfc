import { describe, expect, it } from "vitest";
import { basicCredential, redactCredential } from "./redact";

describe("redactCredential", () => {
  it("hides user information in any URL of the text", () => {
    expect(redactCredential("fatal: could not read from https://bot:s3cr3t-token@git.example.com/team/infra.git")).toBe("fatal: could not read from https://***@git.example.com/team/infra.git");
  });
  it("hides every value of a URL's query, where some hosts accept a token", () => {
    expect(redactCredential("remote https://git.example.com/team/infra.git?private_token=glpat-abcdef&ref=main says no")).toBe(
      "remote https://git.example.com/team/infra.git?private_token=***&ref=*** says no",
    );
  });
  it("hides the credential as given and as the Basic header git sends", () => {
    const text = `token tok-123456 header Authorization: Basic ${basicCredential("tok-123456")}`;
    expect(redactCredential(text, "tok-123456")).toBe("token *** header Authorization: Basic ***");
  });
  it("leaves a text without URLs or credential as it is", () => {
    expect(redactCredential("branch main is protected")).toBe("branch main is protected");
  });
});
