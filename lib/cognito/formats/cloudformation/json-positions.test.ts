import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { jsonPathKey, jsonPositions } from "./json-positions";
import { readTemplateSource } from "./template-source";

/** Every path of a JSON value with the value there. */
function paths(value: unknown, prefix: (string | number)[] = []): [(string | number)[], unknown][] {
  const here: [(string | number)[], unknown][] = prefix.length ? [[prefix, value]] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (value !== null && typeof value === "object") return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return here;
}

describe("jsonPositions", () => {
  test("every path's range holds that path's value, and a member's offset is its key", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 4 })), fc.constantFrom(undefined, 1, 2, "\t"), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const positions = jsonPositions(text);
        for (const [path, expected] of paths(JSON.parse(text))) {
          const found = positions.get(jsonPathKey(path));
          expect(found).toBeDefined();
          if (!found) continue;
          expect(JSON.parse(text.slice(found.start, found.end))).toEqual(expected);
          const last = path[path.length - 1];
          if (typeof last === "string") expect(text.startsWith(JSON.stringify(last), found.at)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  test("a JSON template's lines are the same whether read as JSON or as YAML", () => {
    const template = JSON.stringify({ Parameters: { Env: { Type: "String" } }, Resources: { Pool: { Type: "AWS::Cognito::UserPool", Properties: { UserPoolName: { "Fn::Sub": "app-${Env}" }, Schema: [{ Name: "email" }, { Name: "phone" }] } } } }, null, 2);
    const asJson = readTemplateSource("t.json", template).source;
    // A leading comment line keeps JSON.parse away, so the YAML reader takes it (lines shift by one).
    const asYaml = readTemplateSource("t.json", `# yaml\n${template}`).source;
    for (const path of [["Parameters", "Env"], ["Resources", "Pool", "Properties", "UserPoolName"], ["Resources", "Pool", "Properties", "Schema", 1, "Name"], ["Resources", "Pool", "Properties", "UserPoolName", "Fn::Sub"]])
      expect(asJson?.locate(path)?.line).toBe((asYaml?.locate(path)?.line ?? 0) - 1);
  });
});
