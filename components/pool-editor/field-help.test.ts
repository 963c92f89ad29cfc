import { describe, expect, it } from "vitest";
import { poolDocumentSchema, schemaAt } from "@/lib/cognito/spec";
import { FIELD_HELP, fieldPattern, helpFor, ruleText } from "./field-help";

describe("field help", () => {
  it("states the schema's range for numbers (password minimum length 6–99)", () => {
    expect(helpFor("spec.passwordPolicy.minimumLength").help).toBe("Shortest password allowed; AWS default 8. Whole number, 6–99 characters.");
    expect(helpFor("spec.passwordPolicy.passwordHistorySize").help).toContain("Whole number, 0–24 passwords.");
    expect(helpFor("spec.passwordPolicy.temporaryPasswordValidityDays").help).toContain("0–365 days");
  });

  it("states lengths of text fields and item counts of lists, for any list index", () => {
    expect(helpFor("spec.clients.17.name").help).toMatch(/1–128 characters\.$/u);
    expect(helpFor("spec.clients.3.callbackUrls").help).toMatch(/Up to 100 URLs\.$/u);
    expect(helpFor("spec.clients.0.allowedOAuthScopes").help).toMatch(/Up to 50 scopes\.$/u);
    expect(helpFor("spec.resourceServers.0.scopes").help).toMatch(/Up to 100 scopes\.$/u);
    expect(helpFor("spec.clients.0.authSessionValidity").help).toContain("3–15 minutes");
    expect(helpFor("spec.accountRecoverySetting.recoveryMechanisms").help).toContain("1–2 methods.");
  });

  it("adds no rule to choices", () => {
    expect(helpFor("spec.mfaConfiguration").help).toBe(FIELD_HELP["spec.mfaConfiguration"].help);
  });

  it("has a schema field behind every entry", () => {
    const missing = Object.keys(FIELD_HELP).filter((k) => !schemaAt(poolDocumentSchema, k.split(".").map((s) => (s === "*" ? 0 : s))));
    expect(missing).toEqual([]);
  });

  it("maps indexes to the * pattern", () => {
    expect(fieldPattern("spec.resourceServers.2.scopes.10.name")).toBe("spec.resourceServers.*.scopes.*.name");
  });

  it("words a rule from bounds", () => {
    expect(ruleText({ type: "number", minimum: 1, maximum: 86400, isInteger: true })).toBe("Whole number, 1–86400.");
    expect(ruleText({ type: "string", maxLength: 256, isInteger: false })).toBe("At most 256 characters.");
    expect(ruleText({ type: "enum", isInteger: false, values: ["A"] })).toBe("");
  });
});
