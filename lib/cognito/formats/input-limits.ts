/**
 * Limits checked on imported text before any parser sees it, so that a file cannot make a parser recurse
 * until the stack or the heap gives out (the `yaml` composer and HCL reader recurse once per nesting level), or
 * keep the server busy for long. Each check is one linear pass; each refusal names the limit and what to do.
 * The server also parses in a worker with a time and memory limit (lib/server/parse-worker.ts): these checks
 * give the clear message, the worker is the backstop for whatever they miss.
 */
import { Lexer } from "yaml";
import { type Diagnostic, error } from "../spec/diagnostics";
import type { ImportRequest, SourceFile } from "./types";
import { groupDigits } from "../spec/group-digits";

export interface InputLimits {
  /** Bytes (UTF-8) in one file. */
  fileBytes: number;
  /** Bytes in all the files of one import together. */
  totalBytes: number;
  /** Files in one import (a Terraform folder). */
  files: number;
  /** Characters in one line. */
  lineChars: number;
  /** Levels of nesting: YAML/JSON flow brackets, YAML block indentation, HCL braces, brackets and parentheses. */
  nesting: number;
}

/**
 * Far above any real pool, far below trouble: the benchmarks' quota-sized pool (1,000 clients,
 * `quotaSizedPool` in test/support/pool-documents.ts) is 0.95 MB as a studio document, 1.1 MB as a CloudFormation template, 1.3 MB as Terraform, at most 8 levels
 * deep; minified JSON puts a whole document on one line, so a 200,000-character line is about 250 clients.
 */
export const INPUT_LIMITS: Readonly<InputLimits> = { fileBytes: 2_000_000, totalBytes: 8_000_000, files: 100, lineChars: 200_000, nesting: 64 };

/** UTF-8 length without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} KB`;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line += 1;
  return line;
}

/** The first NUL character (text files never hold one; a binary file does), or -1. */
function firstNul(text: string): number {
  return text.indexOf("\u0000");
}

/** The longest line: its 1-based number and length. */
function longestLine(text: string): { line: number; chars: number } {
  let best = { line: 1, chars: 0 };
  for (let start = 0, line = 1; start <= text.length; line += 1) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    if (end - start > best.chars) best = { line, chars: end - start };
    start = end + 1;
  }
  return best;
}

/** Where the nesting first goes deeper than `limit`, as a character offset, or -1. */
type DepthProbe = (text: string, limit: number) => number;

/**
 * YAML and JSON: flow nesting as the `yaml` lexer sees it (it does not recurse; quoted scalars, comments and
 * block scalars are told apart exactly as the parser will), then block nesting by indentation.
 */
const yamlDepth: DepthProbe = (text, limit) => {
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === "[" || token === "{") {
      depth += 1;
      if (depth > limit) return offset;
    } else if ((token === "]" || token === "}") && depth > 0) depth -= 1;
    offset += token.length;
  }
  return blockDepth(text, limit);
};

/**
 * YAML block nesting: each line indented deeper than the one it belongs to opens a level, and so does each
 * compact `- ` or `? ` on a line. Block scalars' lines count too, which can only overstate the depth.
 */
function blockDepth(text: string, limit: number): number {
  const indents: number[] = [];
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i += 1;
    if (i < end && text[i] !== "#" && text[i] !== "\r") {
      const indent = i - start;
      while (indents.length > 0 && (indents.at(-1) as number) >= indent) indents.pop();
      indents.push(indent);
      let compact = 0;
      while (i + 1 < end && (text[i] === "-" || text[i] === "?") && text[i + 1] === " ") {
        compact += 1;
        i += 2;
        while (i < end && text.charCodeAt(i) === 32) i += 1;
      }
      if (indents.length + compact > limit) return start;
    }
    start = end + 1;
  }
  return -1;
}

/**
 * HCL: braces, brackets, parentheses and template interpolations (`"${...}"`, `%{...}`), read with a stack of
 * what is open: code, a string, an interpolation inside a string. Comments are skipped; heredoc lines are
 * scanned for openers only, so text that merely looks like a closer can never hide real nesting.
 */
const hclDepth: DepthProbe = (text, limit) => {
  const stack: ("string" | "interpolation" | "bracket")[] = [];
  let depth = 0;
  const push = (entry: "interpolation" | "bracket") => {
    stack.push(entry);
    depth += 1;
    return depth > limit;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (stack.at(-1) === "string") {
      if (c === "\\") i += 2;
      else if (c === '"' || c === "\n") {
        stack.pop();
        i += 1;
      } else if ((c === "$" || c === "%") && text[i + 1] === "{") {
        if (push("interpolation")) return i;
        i += 2;
      } else i += 1;
      continue;
    }
    if (c === '"') stack.push("string");
    else if (c === "{" || c === "[" || c === "(") {
      if (push("bracket")) return i;
    } else if (c === "}" || c === "]" || c === ")") {
      if (stack.length > 0) {
        stack.pop();
        depth -= 1;
      }
    } else if (c === "#" || (c === "/" && text[i + 1] === "/")) {
      const newline = text.indexOf("\n", i);
      i = newline === -1 ? text.length : newline;
    } else if (c === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      i = close === -1 ? text.length : close + 1;
    } else if (c === "<" && text[i + 1] === "<") {
      const heredoc = /^<<-?([A-Za-z_][\w-]*)\r?\n/u.exec(text.slice(i, i + 300));
      if (heredoc) {
        const end = skipHeredoc(text, i + heredoc[0].length, heredoc[1] as string, limit - depth);
        if (end.deep !== -1) return end.deep;
        i = end.next - 1;
      } else i += 1;
    }
    i += 1;
  }
  return -1;
};

/** Skips a heredoc's body up to its closing marker line; openers in it still count against the limit. */
function skipHeredoc(text: string, from: number, marker: string, room: number): { next: number; deep: number } {
  let open = 0;
  for (let i = from; i < text.length; ) {
    const newline = text.indexOf("\n", i);
    const end = newline === -1 ? text.length : newline;
    if (text.slice(i, end).trim() === marker) return { next: end, deep: -1 };
    for (let j = i; j < end; j++) if ((text[j] === "{" || text[j] === "[") && ++open > room) return { next: j, deep: j };
    i = end + 1;
  }
  return { next: text.length, deep: -1 };
}

function isHcl(path: string): boolean {
  const lower = path.toLowerCase();
  return lower.endsWith(".tf") || lower.endsWith(".tfvars") || lower.endsWith(".hcl");
}

const limitError = (code: string, message: string): Diagnostic => error("", code, message);

/** The first limit one file's text breaks, or undefined. */
export function checkFileText(text: string, fileName = "the input", limits: InputLimits = INPUT_LIMITS): Diagnostic | undefined {
  return checkText(text, fileName, isHcl(fileName), limits);
}

function checkText(text: string, fileName: string, hcl: boolean, limits: InputLimits): Diagnostic | undefined {
  const bytes = utf8Length(text);
  if (bytes > limits.fileBytes)
    return limitError("input-too-large", `${fileName} is ${formatBytes(bytes)}; an import takes at most ${formatBytes(limits.fileBytes)} per file. Import only the files that hold the user pool, or remove what the pool does not use.`);
  const nul = firstNul(text);
  if (nul !== -1) return limitError("input-binary", `${fileName} holds a NUL character at line ${lineOf(text, nul)}: it is not a text file. Choose the YAML, JSON or Terraform file itself.`);
  const longest = longestLine(text);
  if (longest.chars > limits.lineChars)
    return limitError("input-line-too-long", `line ${longest.line} of ${fileName} is ${groupDigits(longest.chars)} characters long; the limit is ${groupDigits(limits.lineChars)}. Break it over several lines (format minified JSON, e.g. with jq .).`);
  const deep = (hcl ? hclDepth : yamlDepth)(text, limits.nesting);
  if (deep !== -1)
    return limitError("input-too-deep", `${fileName} nests more than ${limits.nesting} levels deep (at line ${lineOf(text, deep)}); a pool document needs about 10. Flatten the structure, or check that the file is the one you meant.`);
  return undefined;
}

/** Every limit an import breaks, before any parser runs: none means the files may be parsed. */
export function checkImportInput(files: readonly SourceFile[], limits: InputLimits = INPUT_LIMITS): Diagnostic[] {
  if (files.length > limits.files)
    return [limitError("input-too-many-files", `the import has ${files.length} files; the limit is ${limits.files}. Import the folder that holds the user pool, not the whole repository.`)];
  const total = files.reduce((sum, file) => sum + utf8Length(file.content), 0);
  if (total > limits.totalBytes)
    return [limitError("input-too-large", `the files come to ${formatBytes(total)} together; an import takes at most ${formatBytes(limits.totalBytes)}. Import only the files that hold the user pool.`)];
  return files.flatMap((file) => checkFileText(file.content, file.path, limits) ?? []);
}

/**
 * Every limit a whole import request breaks: its files and Terraform variable files (counted and sized
 * together), then each value supplied with it (a Terraform `-var` value may be an HCL expression; parameters
 * are plain text). `importFiles` runs it before any reader, so the CLI and the server are held to the same.
 */
export function checkImportRequest(request: ImportRequest, limits: InputLimits = INPUT_LIMITS): Diagnostic[] {
  const refused = checkImportInput([...request.files, ...(request.variableFiles ?? [])], limits);
  if (refused.length > 0) return refused;
  const values: [label: string, value: string, hcl: boolean][] = [
    ...Object.entries(request.variables ?? {}).map(([name, value]) => [`the value of var.${name}`, value, true] as const),
    ...Object.entries(request.parameters ?? {}).map(([name, value]) => [`the value of the parameter ${name}`, value, false] as const),
    ...Object.entries(request.pseudoParameters ?? {}).map(([name, value]) => [`the value of ${name}`, value, false] as const),
  ].map(([label, value, hcl]) => [label, String(value), hcl]);
  return values.flatMap(([label, value, hcl]) => checkText(value, label, hcl, limits) ?? []);
}

/**
 * True when a parsed value (a draft sent by the editor) nests deeper than `limit`: checked with an explicit
 * stack before anything recursive (the schema, JSON.stringify) walks it.
 */
export function nestsDeeperThan(value: unknown, limit: number = INPUT_LIMITS.nesting): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== "object") continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(item)) if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The 1-based line where YAML or JSON text first nests deeper than `limit`, or undefined: the probe
 * `checkFileText` runs, for readers of other files (a policy file) that word the refusal themselves.
 */
export function lineNestingDeeperThan(text: string, limit: number): number | undefined {
  const at = yamlDepth(text, limit);
  return at === -1 ? undefined : lineOf(text, at);
}
