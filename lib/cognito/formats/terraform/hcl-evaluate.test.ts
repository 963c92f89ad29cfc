import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type EvalScope, evaluateExpression, evaluateString } from "./hcl-evaluate";
import { Unknown, type Value } from "./hcl-values";

/** A scope with some known variables; any other `var.*` is unknown, as a variable nobody supplied. */
function scopeOf(variables: Record<string, Value>): EvalScope {
  return {
    lookup: (root, steps) => {
      const first = steps[0]?.kind === "attr" ? steps[0].name : undefined;
      if (root !== "var" || first === undefined) return undefined;
      return { value: Object.hasOwn(variables, first) ? variables[first] : Unknown.of(`var.${first}`, "variable"), rest: steps.slice(1) };
    },
  };
}

const scope = scopeOf({
  app: "shop",
  env: "prod",
  enabled: true,
  n: 3,
  names: ["web", "mobile"],
  tags: { team: "id", cost: "42" },
  empty: "",
  nothing: null,
  clients: { web: { callback: "https://a" }, api: { callback: "https://b" } },
});

const unknownNames = (v: Value) => (v instanceof Unknown ? v.inputs.map((i) => i.name) : undefined);

describe("evaluateExpression: what Terraform files commonly say", () => {
  test.each<[string, Value]>([
    ['"${var.app}-users-${var.env}"', "shop-users-prod"],
    ["var.enabled ? 1 : 0", 1],
    ['var.env == "prod" ? "ACTIVE" : "INACTIVE"', "ACTIVE"],
    ['format("%s-%s-%03d", var.app, var.env, 7)', "shop-prod-007"],
    ['join(",", var.names)', "web,mobile"],
    ['upper(var.app)', "SHOP"],
    ['lower("ABC")', "abc"],
    ['concat(var.names, ["admin"])', ["web", "mobile", "admin"]],
    ['toset(["b", "a", "b"])', ["a", "b"]],
    ["tolist(var.names)", ["web", "mobile"]],
    ['lookup(var.tags, "team", "none")', "id"],
    ['lookup(var.tags, "owner", "none")', "none"],
    ['merge(var.tags, { env = var.env })', { team: "id", cost: "42", env: "prod" }],
    ['coalesce(var.empty, var.nothing, "fallback")', "fallback"],
    ["length(var.names)", 2],
    ['contains(var.names, "web")', true],
    ['try(var.tags.owner, "nobody")', "nobody"],
    ["[for n in var.names : upper(n)]", ["WEB", "MOBILE"]],
    ['{ for k, v in var.clients : k => v.callback if k != "api" }', { web: "https://a" }],
    ["var.clients[\"web\"].callback", "https://a"],
    ["values(var.clients)[*].callback", ["https://b", "https://a"]],
    ["var.n * 2 + 1", 7],
    ["!var.enabled || var.n > 2", true],
    ['"a\\nb ${"x"}"', "a\nb x"],
    ["range(3)", [0, 1, 2]],
  ])("%s → %j", (text, expected) => {
    expect(evaluateExpression(text, scope)).toEqual(expected);
  });

  test.each<[string, string[]]>([
    ['"${var.app}-users-${var.stage}"', ["var.stage"]],
    ["var.region", ["var.region"]],
    ["var.missing ? 1 : 0", ["var.missing"]],
    ['format("%s-%s", var.a, var.b)', ["var.a", "var.b"]],
  ])("%s is unknown, naming %j", (text, names) => {
    expect(unknownNames(evaluateExpression(text, scope))).toEqual(names);
  });

  test("a partly known list keeps its length and its known elements", () => {
    expect(evaluateExpression("length([var.app, var.other])", scope)).toBe(2);
    const list = evaluateExpression('concat([var.other], ["x"])', scope) as Value[];
    expect(list[1]).toBe("x");
    expect(unknownNames(list[0])).toEqual(["var.other"]);
  });

  test("what the importer cannot evaluate is an unknown expression with the reason", () => {
    const value = evaluateExpression('regex("^a", var.app)', scope);
    expect(value).toBeInstanceOf(Unknown);
    expect((value as Unknown).inputs[0]).toMatchObject({ kind: "expression", reason: expect.stringContaining("regex() is not evaluated") });
    expect((evaluateExpression("var.names[5]", scope) as Unknown).inputs[0].reason).toContain("out of range");
    expect((evaluateExpression("(", scope) as Unknown).inputs[0].kind).toBe("expression");
  });
});

describe("evaluateString: strings as hcl2json gives them", () => {
  test("a lone ${expr} keeps the expression's type; anything else is a string template", () => {
    expect(evaluateString("${var.names}", scope)).toEqual(["web", "mobile"]);
    expect(evaluateString("${var.n}", scope)).toBe(3);
    expect(evaluateString("${var.app}-${var.n}", scope)).toBe("shop-3");
    expect(evaluateString("plain text", scope)).toBe("plain text");
    // $${ is a literal ${ in Terraform.
    expect(evaluateString("Code $${x} %%{y}", scope)).toBe("Code ${x} %{y}");
  });

  test("template directives are named as not evaluated", () => {
    const value = evaluateString("%{if var.enabled}yes%{endif}", scope);
    expect((value as Unknown).inputs[0].reason).toContain("template directives");
  });
});

describe("never throws", () => {
  const fragments = ["var.app", "var.x", "(", ")", "[", "]", "{", "}", '"', "${", "?", ":", ",", "for", "in", "=>", "...", "1", "-", "!", "==", "&&", "join", "format", "[*]", ".", "try", "%{", " ", "\\", "x = 1"];
  test("any text gives a value or an unknown, never an exception", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.constantFrom(...fragments)).map((a) => a.join(""))), (text) => {
        expect(() => evaluateExpression(text, scope)).not.toThrow();
        expect(() => evaluateString(text, scope)).not.toThrow();
        expect(() => evaluateString(`\${${text}}`, scope)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  test("deep nesting is refused, not a stack overflow", () => {
    expect(evaluateExpression(`${"[".repeat(5000)}${"]".repeat(5000)}`, scope)).toBeInstanceOf(Unknown);
    expect(evaluateExpression(`${"(".repeat(5000)}1${")".repeat(5000)}`, scope)).toBeInstanceOf(Unknown);
  });
});
