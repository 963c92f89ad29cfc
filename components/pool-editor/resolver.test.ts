import type { FieldErrors, FieldValues, ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { quotaSizedPool } from "@/test/support/pool-documents";
import { type PoolFormValues, toFormValues } from "./form-values";
import { poolDocumentResolver, validationUnitOf } from "./resolver";

const options = (names?: string[]): ResolverOptions<FieldValues> => ({ fields: {}, names, shouldUseNativeValidation: false });

function errorAt(errors: FieldErrors, name: string): string | undefined {
  let current: unknown = errors;
  for (const part of name.split(".")) current = current && typeof current === "object" ? (current as Record<string, unknown>)[part] : undefined;
  return (current as { message?: string } | undefined)?.message;
}

/** The field's error when only its part is checked (as typing does), and when the whole form is (as submit does). */
async function bothWays(values: PoolFormValues, name: string) {
  const scoped = await poolDocumentResolver(values, undefined, options([name]));
  const whole = await poolDocumentResolver(values, undefined, options());
  return { scoped: errorAt(scoped.errors, name), whole: errorAt(whole.errors, name) };
}

describe("validationUnitOf", () => {
  it.each([
    ["spec.clients.3.callbackUrls.0", ["spec", "clients", 3]],
    ["spec.resourceServers.12.scopes.4.name", ["spec", "resourceServers", 12]],
    ["spec.passwordPolicy.minimumLength", ["spec", "passwordPolicy"]],
    ["spec.deletionProtection", ["spec", "deletionProtection"]],
    ["metadata.labels.0.key", ["metadata", "labels"]],
    ["spec.clients", ["spec", "clients"]],
  ])("%s is checked as part of %j", (name, unit) => {
    expect(validationUnitOf(name)).toEqual(unit);
  });
});

describe("poolDocumentResolver as you type", () => {
  const base = () => toFormValues(quotaSizedPool()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it("gives a client's field the same error when it checks only that client", async () => {
    const values = base();
    values.spec.clients[150].callbackUrls = ["not a url"];
    const { scoped, whole } = await bothWays(values, "spec.clients.150.callbackUrls.0");
    expect(whole).toBeDefined();
    expect(scoped).toBe(whole);
  });

  it("gives a number outside its range the plain-words message with the full range", async () => {
    const values = base();
    values.spec.passwordPolicy = { ...values.spec.passwordPolicy, minimumLength: "3" };
    const { scoped, whole } = await bothWays(values, "spec.passwordPolicy.minimumLength");
    expect(scoped).toBe("Must be between 6 and 99.");
    expect(whole).toBe(scoped);
  });

  it("puts a label's error on the row it is typed in", async () => {
    const values = base();
    values.metadata.labels = [{ key: "team", value: "x".repeat(300) }];
    const { scoped, whole } = await bothWays(values, "metadata.labels.0.value");
    expect(scoped).toBe("Must be at most 256 characters long.");
    expect(whole).toBe(scoped);
  });

  it("reports no error for a valid change, and does not report another part's error", async () => {
    const values = base();
    values.spec.clients[3].name = "renamed";
    values.spec.clients[7].callbackUrls = ["not a url"];
    const scoped = await poolDocumentResolver(values, undefined, options(["spec.clients.3.name"]));
    expect(scoped.errors).toEqual({});
    const whole = await poolDocumentResolver(values, undefined, options());
    expect(errorAt(whole.errors, "spec.clients.7.callbackUrls.0")).toBeDefined();
  });
});
