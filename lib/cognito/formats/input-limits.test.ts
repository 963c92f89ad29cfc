import { describe, expect, test } from "vitest";
import { serialisePoolDocument } from "../spec/document";
import { INPUT_LIMITS, type ImportRequest, checkFileText, checkImportInput, importFiles, importPoolDocument } from ".";
import { utf8Length } from "./input-limits";
import { BLOG_POOL_DOCUMENT } from "@/test/support/pool-documents";

const codeOf = (text: string, fileName?: string) => checkFileText(text, fileName)?.code;

describe("input limits, checked before any parser runs", () => {
  test("a real document passes, as YAML, as JSON and minified JSON", () => {
    expect(checkFileText(serialisePoolDocument(BLOG_POOL_DOCUMENT, "yaml"), "pool.yaml")).toBeUndefined();
    expect(checkFileText(serialisePoolDocument(BLOG_POOL_DOCUMENT, "json"), "pool.json")).toBeUndefined();
    expect(checkFileText(JSON.stringify(BLOG_POOL_DOCUMENT), "pool.json")).toBeUndefined();
  });

  // Through the import path this input first gave "Maximum call stack size exceeded", then, called again,
  // a fatal out-of-memory error in V8's regular-expression compiler that no try/catch can stop.
  test.each([3_000, 100_000])("flow nesting %i deep is refused by name before the YAML parser sees it", async (depth) => {
    const text = "[".repeat(depth) + "]".repeat(depth);
    for (let call = 0; call < 3; call++) {
      const result = await importPoolDocument(text, "spec");
      expect(result.diagnostics).toEqual([expect.objectContaining({ code: "input-too-deep", message: expect.stringMatching(/more than 64 levels deep/u) })]);
    }
  });

  test("nesting just inside the limit passes; one level more does not", () => {
    const at = (d: number) => `a: ${"[".repeat(d)}${"]".repeat(d)}`;
    expect(codeOf(at(INPUT_LIMITS.nesting))).toBeUndefined();
    expect(codeOf(at(INPUT_LIMITS.nesting + 1))).toBe("input-too-deep");
  });

  test("brackets inside quoted scalars and comments are not nesting", () => {
    expect(codeOf(`a: "${"[".repeat(500)}"\nb: '${"{".repeat(500)}'\n# ${"[".repeat(500)}\n`)).toBeUndefined();
  });

  test("deep YAML block nesting (indentation, compact sequences) is refused", () => {
    const indented = Array.from({ length: 200 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n");
    expect(codeOf(indented)).toBe("input-too-deep");
    expect(codeOf(`${"- ".repeat(200)}x`)).toBe("input-too-deep");
  });

  test("HCL: deep braces are refused; closers in strings, comments and heredocs cannot hide openers", () => {
    const deep = (d: number) => `locals {\n  x = ${"{a = ".repeat(d)}1${"}".repeat(d)}\n}\n`;
    expect(codeOf(deep(10), "main.tf")).toBeUndefined();
    expect(codeOf(deep(200), "main.tf")).toBe("input-too-deep");
    const hidden = `a = "${"]".repeat(100)}"\n# ${"}".repeat(100)}\nb = <<EOT\n${"]".repeat(100)}\nEOT\nc = ${"[".repeat(100)}${"]".repeat(100)}`;
    expect(codeOf(hidden, "main.tf")).toBe("input-too-deep");
    expect(codeOf(`x = "\${${"[".repeat(100)}${"]".repeat(100)}}"`, "main.tf")).toBe("input-too-deep");
    // Interpolations open and close like braces: a thousand of them in a row are not nesting.
    expect(codeOf(`x = [${'"${a.b}", '.repeat(1000)}]`, "main.tf")).toBeUndefined();
  });

  test("a long line, a NUL byte and an oversized file are refused, naming the limit and what to do", () => {
    expect(checkFileText(`a: ${"x".repeat(INPUT_LIMITS.lineChars + 1)}`, "p.yaml")?.message).toMatch(/line 1 of p\.yaml is 200,004 characters long; the limit is 200,000\. Break it/u);
    expect(checkFileText("apiVersion: x\nkind: \u0000", "p.yaml")?.message).toMatch(/NUL character at line 2: it is not a text file/u);
    const big = `${"# padding\n".repeat(200_001)}`;
    expect(checkFileText(big, "big.yaml")?.message).toMatch(/big\.yaml is 2\.0 MB; an import takes at most 2\.0 MB per file/u);
  });

  test("sizes are UTF-8 bytes, not characters", () => {
    expect(utf8Length("aé€😀")).toBe(1 + 2 + 3 + 4);
    expect(codeOf("é".repeat(INPUT_LIMITS.fileBytes / 2 + 1))).toBe("input-too-large");
  });

  test("the number of files and their total size are limited", async () => {
    const many = Array.from({ length: INPUT_LIMITS.files + 1 }, (_, i) => ({ path: `f${i}.tf`, content: "" }));
    expect(checkImportInput(many)[0]?.code).toBe("input-too-many-files");
    const heavy = Array.from({ length: 9 }, (_, i) => ({ path: `f${i}.tf`, content: "#".repeat(999_000) }));
    expect((await importFiles({ files: heavy })).diagnostics[0]?.message).toMatch(/together; an import takes at most 8\.0 MB/u);
  });

  test("importFiles holds the whole request to the limits before any reader: variable files and supplied values too", async () => {
    const files = [{ path: "main.tf", content: 'variable "l" {}\nresource "aws_cognito_user_pool" "main" {\n  name = "x"\n}\n' }];
    const refusal = async (request: Omit<ImportRequest, "files">) => {
      const result = await importFiles({ files, ...request });
      expect(result.pools).toEqual([]);
      return result.diagnostics.map((d) => `${d.code}: ${d.message}`);
    };
    // A -var-file nested this deep overflowed the HCL reader's stack and aborted the whole process.
    const deep = `l = ${"[".repeat(50_000)}${"]".repeat(50_000)}\n`;
    expect(await refusal({ variableFiles: [{ path: "deep.tfvars", content: deep }] })).toEqual([expect.stringMatching(/^input-too-deep: deep\.tfvars nests more than 64 levels deep \(at line 1\)/u)]);
    expect(await refusal({ variableFiles: [{ path: "prod.tfvars", content: 'l = "a"\n\u0000' }] })).toEqual([expect.stringMatching(/^input-binary: prod\.tfvars holds a NUL character at line 2/u)]);
    expect(await refusal({ variables: { l: "[".repeat(1_000) } })).toEqual([expect.stringMatching(/^input-too-deep: the value of var\.l nests more than 64 levels deep/u)]);
    expect(await refusal({ parameters: { Stage: "x".repeat(INPUT_LIMITS.lineChars + 1) } })).toEqual([expect.stringMatching(/^input-line-too-long: line 1 of the value of the parameter Stage is 200,001 characters long/u)]);
    const many = Array.from({ length: INPUT_LIMITS.files }, (_, i) => ({ path: `v${i}.tfvars`, content: "" }));
    expect(await refusal({ variableFiles: many })).toEqual([expect.stringMatching(/^input-too-many-files: the import has 101 files; the limit is 100/u)]);
  });

  test("a YAML alias bomb is refused, not expanded", async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(",")}]`);
    const bomb = `apiVersion: cognito-studio.dev/v1\nkind: UserPool\nmetadata: {name: p}\n${lines.join("\n")}\nspec: {region: eu-west-1}\n`;
    for (const format of ["spec", "cloudformation"] as const) {
      const result = await importPoolDocument(format === "spec" ? bomb : `AWSTemplateFormatVersion: "2010-09-09"\n${bomb.replace("spec:", "Resources:")}`, format);
      expect(result.document).toBeUndefined();
      expect(JSON.stringify(result.diagnostics)).toMatch(/alias/iu);
    }
  });
});
