import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createPoolDocument, listPresets, type PoolPreset } from "../presets";
import * as spec from "./index";
import { fieldWords, plainMessage } from "./error-map";

/** Zod's own phrasings: none may reach people. */
const ZOD_DEFAULTS = [/^Invalid input/u, /^Too small/u, /^Too big/u, /^Invalid option/u, /expected .* received/u, /^Invalid (string|element|key|union)/u, /^Unrecognized key/u, /^Invalid$/u, />=|<=/u];

const BAD_VALUES: unknown[] = [undefined, null, "", "x".repeat(5000), -1, 1.5, 1e12, true, [], [""], {}, { unexpected: 1 }, "not-an-arn"];

function issuesOf(schema: z.ZodType, value: unknown): z.core.$ZodIssue[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues;
}

function expectPlain(issues: readonly z.core.$ZodIssue[], where: string): number {
  for (const issue of issues) {
    for (const pattern of ZOD_DEFAULTS) expect(issue.message, `${where} at ${issue.path.join(".")}`).not.toMatch(pattern);
    expect(issue.message.length, where).toBeGreaterThan(5);
  }
  return issues.length;
}

/** Every leaf of a value, as a path and the value there. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => leaves(v, [...path, k]));
}

function setAt(doc: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let current = copy;
  for (const key of path.slice(0, -1)) current = current[key] as Record<string | number, unknown>;
  current[path[path.length - 1]] = value;
  return copy;
}

describe("plain zod messages", () => {
  it("gives every exported schema of the spec a plain message for every bad value", () => {
    let count = 0;
    for (const [name, schema] of Object.entries(spec)) {
      if (!(schema instanceof z.ZodType)) continue;
      for (const value of BAD_VALUES) count += expectPlain(issuesOf(schema, value), `${name} with ${JSON.stringify(value)?.slice(0, 30)}`);
      if (schema instanceof z.ZodObject) {
        for (const key of Object.keys(schema.shape)) for (const value of BAD_VALUES) count += expectPlain(issuesOf(schema, { [key]: value }), `${name}.${key}`);
      }
    }
    // The walk must have produced issues to check, or it proves nothing.
    expect(count).toBeGreaterThan(1000);
  });

  it("gives every field of every preset's document a plain message for every bad value", () => {
    let count = 0;
    for (const preset of listPresets("pool") as PoolPreset[]) {
      const doc = createPoolDocument(preset, { name: "walk", region: "eu-west-1" });
      for (const path of leaves(doc)) {
        for (const value of ["", "x".repeat(3000), -1, 2.5, [], {}]) count += expectPlain(issuesOf(spec.poolDocumentSchema, setAt(doc, path, value)), `${preset.name} ${path.join(".")}`);
      }
    }
    expect(count).toBeGreaterThan(200);
  });

  it.each([
    [z.object({ minimumLength: z.number().int().min(6) }), { minimumLength: 2 }, "Minimum length must be at least 6."],
    [z.object({ name: z.string().min(1) }), { name: "" }, "Name is required: it cannot be empty."],
    [z.object({ callbackUrls: z.array(z.string().max(3)) }), { callbackUrls: ["abcd"] }, "Item 1 of callback urls must be at most 3 characters long."],
    [z.object({ mode: z.enum(["ON", "OFF"]) }), { mode: "on" }, 'Mode must be one of "ON", "OFF".'],
    [z.object({ region: z.string() }), {}, "Region is required."],
    [z.strictObject({ a: z.string() }), { a: "x", b: 1 }, "Unknown setting: b. Remove it or check the spelling."],
  ])("names the field and the rule (%#)", (schema, value, message) => {
    expect(issuesOf(schema, value).map((i) => i.message)).toEqual([message]);
  });

  it("leaves a schema's own message alone", () => {
    expect(issuesOf(z.string().regex(/^a/u, "Must start with a."), "b")[0]?.message).toBe("Must start with a.");
  });

  it("names the field from the issue's path", () => {
    expect(fieldWords(["spec", "passwordPolicy", "minimumLength"])).toBe("Minimum length");
    expect(fieldWords([])).toBe("This value");
    expect(plainMessage({ code: "custom", path: ["x"], input: 1 } as never)).toBe("X is not valid.");
  });
});
