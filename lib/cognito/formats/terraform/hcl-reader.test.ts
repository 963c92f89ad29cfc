import { parse as parseHcl } from "@cdktf/hcl2json";
import fc from "fast-check";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { poolDocumentArbitrary } from "@/test/support/pool-arbitraries";
import { MAXIMAL_POOL_DOCUMENT } from "@/test/support/pool-documents";
import { renderTerraformModule } from "../terraform-module/render-terraform-module";
import { readHclFast } from "./hcl-reader";
import { renderTerraform } from "./render-terraform";

/**
 * The differential test of the tree-sitter reader against hcl2json, the reference: on every text the reader
 * reads, the JSON is the same, key order included (compared as JSON text).
 */
async function expectSameAsReference(text: string): Promise<boolean> {
  const fast = await readHclFast(text);
  if (fast === undefined) return false;
  expect(JSON.stringify(fast)).toBe(JSON.stringify(await parseHcl("main.tf", text)));
  return true;
}

const CORPUS = new URL("../../../../test/fixtures/corpus/terraform/", import.meta.url).pathname;

function tfFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tfFiles(path);
    return /\.tf(vars)?$/u.test(name) ? [path] : [];
  });
}

describe("the tree-sitter HCL reader gives what hcl2json gives", () => {
  test("on every file of the import corpus (heredocs are left to hcl2json)", async () => {
    const files = tfFiles(CORPUS);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const read = await expectSameAsReference(text);
      // Only what the reader leaves on purpose goes to hcl2json.
      expect({ file, read }).toEqual({ file, read: !/<<-?[A-Z]/u.test(text) });
    }
  });

  test("on the exports of random documents, plain and module, with and without variables", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(poolDocumentArbitrary(), fc.boolean(), async (doc, variables) => {
        const texts = [...renderTerraform(doc, { variables }).files, ...renderTerraformModule(doc).files].filter((f) => f.path.endsWith(".tf"));
        for (const file of texts) expect(await expectSameAsReference(file.content)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  test("on the maximal pool's export", async () => {
    expect(await expectSameAsReference(renderTerraform(MAXIMAL_POOL_DOCUMENT).files[0].content)).toBe(true);
  });

  test.each([
    ["traversals, calls, for expressions and conditionals are their source in ${...}", 'a = var.x[0].y\nb = setunion(a, b)\nc = [for s in var.x : s if s != ""]\nd = x ? "a" : "b"\ne = (1)\n'],
    ["literals keep their type; a sign before a number is applied", "a = 1.50\nb = 1.5e3\nc = true\nd = null\ne = -1\nf = !true\ng = 12345678901234567890\n"],
    ["an interpolation alone is its expression; inside text, its source", 'a = "${1}"\nb = "${var.x}"\nc = "x${var.y}z"\nd = "${ var.x }"\n'],
    ["escapes are undone; template escapes stay as hcl2json leaves them", 'a = "a\\\\b \\u00e9 \\n \\t \\" $${x} %%{y} 100%"\nb = "é${x}$${y}"\n'],
    ["object keys: names, traversals, quoted text, parenthesised expressions", 'k = { "a b" = 1, c.d = 2, (var.e) = 3, f = "${g}x"\n  h : 4 }\n'],
    ["blocks nest by their labels into lists; attributes are sorted", 'b "l1" "l2" { a = 1 }\nb "l1" "l3" {\n  z = 2\n  y = [1, "two", { k = 3 }]\n}\nb "l1" "l2" {\n  inner {}\n  inner {\n    x = 1\n  }\n}\nc = 1\n'],
    [
      "plain values, read off their source: strings, traversals in text, numbers, lists, and their near misses",
      'a = "x${aws_a.b.id}/y"\nb = "${a.b}"\nc = ["${x.y}", "q", ""]\nd = []\ne = "${true.x}"\nf = "${a-b.c-d}"\ng = "$"\nh = "${a}"\ni = ["a","b"]\nj = [ "a" ]\nk = 007\nl = 1.50\nm = "${true}"\nn = "x${ a.b }"\no = ["${var.a}", 1]\n',
    ],
    ["comments anywhere", '# one\nresource "a" "b" { # two\n  // three\n  x = 1 /* four */\n  /* five */\n}\n'],
  ])("%s", async (_, text) => {
    expect(await expectSameAsReference(text)).toBe(true);
  });

  test.each([
    ["two arguments on one line", "a = 1 b = 2\n"],
    ["an argument set twice", "a = 1\na = 2\n"],
    ["object elements without a separator", "x = {a = 1 b = 2}\n"],
    ["a single-line block not closed on its line", 'b "x" { a = 1\n c = 2 }\n'],
    ["a block closed on the line of its last argument", "b {\n  a = 1 }\n"],
    ["an invalid escape", 'a = "\\q"\n'],
    ["an unclosed block", "b {\n  a = 1\n"],
    ["an exponent without a fraction (the grammar reads 1.5e3, not 1e3)", "a = 1e3\n"],
    ["a heredoc (read by hcl2json)", "a = <<EOT\nx\nEOT\n"],
    ["a template directive (read by hcl2json)", 'a = "%{ if x }y%{ endif }"\n'],
  ])("leaves to hcl2json: %s", async (_, text) => {
    expect(await readHclFast(text)).toBeUndefined();
  });
});
