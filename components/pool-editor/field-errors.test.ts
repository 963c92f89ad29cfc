import { describe, expect, it } from "vitest";
import type { FieldErrors } from "react-hook-form";
import { createPoolDocument, getPreset, type PoolPreset } from "@/lib/cognito/presets";
import { error, validatePoolDocument, warning } from "@/lib/cognito/spec";
import { countBySection, fieldNameForPath, indexDiagnostics, messagesFor, remapRecordErrors, sectionOf, serverErrorEntries } from "./field-errors";
import { toFormValues } from "./form-values";
import { poolDocumentResolver } from "./resolver";

const values = { metadata: { name: "p", labels: [{ key: "env", value: "prod" }] }, spec: { userPoolTags: [{ key: "team", value: "a" }, { key: "cost-center", value: "b" }] } };

describe("diagnostics → fields", () => {
  it("turns document paths into field names, record keys into rows", () => {
    expect(fieldNameForPath("spec.clients[3].callbackUrls[1]")).toBe("spec.clients.3.callbackUrls.1");
    expect(fieldNameForPath('spec.userPoolTags["cost-center"]', values)).toBe("spec.userPoolTags.1.value");
    expect(fieldNameForPath("metadata.labels.env", values)).toBe("metadata.labels.0.value");
    expect(fieldNameForPath("spec.userPoolTags.unknown", values)).toBe("spec.userPoolTags");
  });

  it("gives a field its own messages and its items', split by severity", () => {
    const index = indexDiagnostics([
      error("spec.clients[0].callbackUrls[1]", "x", "must be https"),
      warning("spec.clients[0].callbackUrls", "finding/y", "localhost in production"),
      error("spec.clients[0].callbackUrlsExtra", "z", "not mine"),
      error("spec.clients[1].callbackUrls", "z", "other client"),
    ]);
    expect(messagesFor(index, "spec.clients.0.callbackUrls")).toEqual({ errors: ["must be https"], warnings: ["localhost in production"] });
  });

  it("puts a cross-field error from validatePoolDocument on its field", () => {
    const doc = createPoolDocument(getPreset("hardened-production") as PoolPreset, { name: "p", region: "us-east-1" });
    doc.spec.aliasAttributes = ["preferred_username"];
    const index = indexDiagnostics(validatePoolDocument(doc).diagnostics);
    expect(messagesFor(index, "spec.aliasAttributes").errors).toEqual([
      "usernameAttributes and aliasAttributes cannot both be set: choose email/phone_number as the username, or aliases for a username",
    ]);
    expect(countBySection(index)["sign-in"]).toEqual({ errors: 1, warnings: 0 });
  });

  it("assigns each field to the section with the longest matching prefix", () => {
    expect(sectionOf("spec.adminCreateUserConfig.inviteMessageTemplate.emailMessage")).toBe("messages");
    expect(sectionOf("spec.adminCreateUserConfig.allowAdminCreateUserOnly")).toBe("sign-up");
    expect(sectionOf("spec.clients.4.name")).toBe("app-clients");
    expect(sectionOf("spec.clientDefaults.enableTokenRevocation")).toBe("app-clients");
    expect(sectionOf("")).toBe("general");
  });

  it("maps server errors by path to setError pairs", () => {
    expect(serverErrorEntries({ "spec.clients[0].name": ["taken", "too long"], "spec.region": [], "": ["whole document"] })).toEqual([
      ["spec.clients.0.name", "taken too long"],
      ["root", "whole document"],
    ]);
  });

  it("moves record-keyed errors onto rows", () => {
    const errors = { spec: { userPoolTags: { "cost-center": { type: "too_big", message: "long" } } } } as unknown as FieldErrors;
    expect(remapRecordErrors(errors, values)).toEqual({ spec: { userPoolTags: [undefined, { value: { type: "too_big", message: "long" } }] } });
  });
});

describe("poolDocumentResolver", () => {
  const doc = createPoolDocument(getPreset("hardened-production") as PoolPreset, { name: "p", region: "us-east-1" });
  const options = { fields: {}, shouldUseNativeValidation: false } as never;
  type Errors = { spec?: Record<string, Record<string, { message?: string }>> };

  it("accepts a preset document", async () => {
    expect((await poolDocumentResolver(toFormValues(doc), undefined, options)).errors).toEqual({});
  });

  it("reports a range error with the schema's full range", async () => {
    const v = toFormValues(doc) as { spec: { passwordPolicy: Record<string, string> } };
    v.spec.passwordPolicy.minimumLength = "3";
    const { errors } = await poolDocumentResolver(v, undefined, options);
    expect((errors as Errors).spec?.passwordPolicy.minimumLength.message).toBe("Must be between 6 and 99.");
  });

  it("reports text in a number field as not a number", async () => {
    const v = toFormValues(doc) as { spec: { passwordPolicy: Record<string, string> } };
    v.spec.passwordPolicy.minimumLength = "12a";
    const { errors } = await poolDocumentResolver(v, undefined, options);
    expect((errors as Errors).spec?.passwordPolicy.minimumLength.message).toBe('Must be a number, not "12a".');
  });

  it("keeps the schema's own message for patterns", async () => {
    const v = toFormValues(doc) as { spec: { emailConfiguration: Record<string, string> } };
    v.spec.emailConfiguration.sourceArn = "arn:aws:ses:us-east-1:12:identity example.com";
    const { errors } = await poolDocumentResolver(v, undefined, options);
    expect((errors as Errors).spec?.emailConfiguration.sourceArn.message).toBe("must be an ARN like arn:aws:service:region:123456789012:resource");
  });

  it("says Required for a cleared required field", async () => {
    const v = toFormValues(doc) as { metadata: Record<string, unknown> };
    v.metadata.name = "";
    const { errors } = await poolDocumentResolver(v, undefined, options);
    expect((errors as { metadata?: { name?: { message?: string } } }).metadata?.name?.message).toBe("Required.");
  });
});
