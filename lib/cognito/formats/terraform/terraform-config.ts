/**
 * Reads the files of a Terraform configuration the way `terraform plan` loads a root module
 * (https://developer.hashicorp.com/terraform/language/values/variables#variable-definition-precedence):
 * every `.tf` file; variable values from declarations' defaults, then `terraform.tfvars`,
 * `terraform.tfvars.json`, `*.auto.tfvars` / `*.auto.tfvars.json` in lexical order, then `-var-file` files,
 * then `-var` values; a later source wins. Each resource, variable, local, module, provider and data source
 * keeps its file and line. Never throws: an unreadable file is an error diagnostic naming it.
 */
import { type Diagnostic, error, warning } from "../../spec/diagnostics";
import { describeError } from "../common";
import { someLineStartsWith } from "../line-scan";
import type { SourceFile } from "../types";
import { evaluateExpression, evaluateJson } from "./hcl-evaluate";
import { readHclFast } from "./hcl-reader";
import { type Value, deepUnknown } from "./hcl-values";
import { type BlockRange, type FilePositions, findBlock, localLines, scanPositions } from "./source-positions";

type Json = Record<string, unknown>;

export type TfResource = {
  type: string;
  label: string;
  body: Json;
  file: string;
  /** Load order: the file's index, then the block's line; the document's lists keep it. */
  order: number;
  block?: BlockRange;
  positions: FilePositions;
};

export type TfVariable = {
  name: string;
  file: string;
  line: number;
  type?: string;
  description?: string;
  sensitive: boolean;
  /** The value from the highest-precedence source, when any source sets one. */
  value?: Value;
  hasValue: boolean;
};

export type TfLocal = { name: string; raw: unknown; file: string; line: number };

export type TfConfig = {
  resources: TfResource[];
  data: { type: string; label: string; file: string; line: number }[];
  modules: TfResource[];
  providers: { name: string; alias?: string; body: Json; file: string; line: number }[];
  variables: Map<string, TfVariable>;
  locals: Map<string, TfLocal>;
  diagnostics: Diagnostic[];
  /** Which kind each file was read as, for the summary. */
  tfFiles: string[];
};

const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

function baseName(path: string): string {
  return path.split(/[\\/]/u).pop() ?? path;
}

export type FileRole = "tf" | "tfvars" | "auto-tfvars" | "tfvars-json" | "auto-tfvars-json" | "other-tfvars" | "ignored";

/** A line (after its indentation) that opens a top-level Terraform block; tested line by line (line-scan.ts). */
const HCL_BLOCK = /^(resource|module|provider|terraform|variable|locals|data|output)\s+("[^"]*"\s*)*\{/u;

/**
 * What Terraform does with a file of the root module, by its name; text pasted without a `.tf` name (or read
 * from standard input) is read as a `.tf` file when it holds Terraform blocks.
 */
export function fileRole(path: string, content?: string): FileRole {
  const name = baseName(path).toLowerCase();
  if (name.endsWith(".tf")) return "tf";
  if (name === "terraform.tfvars") return "tfvars";
  if (name === "terraform.tfvars.json") return "tfvars-json";
  if (name.endsWith(".auto.tfvars")) return "auto-tfvars";
  if (name.endsWith(".auto.tfvars.json")) return "auto-tfvars-json";
  if (name.endsWith(".tfvars") || name.endsWith(".tfvars.json")) return "other-tfvars";
  return content !== undefined && someLineStartsWith(content, HCL_BLOCK) ? "tf" : "ignored";
}

/** hcl2json's error text starts with "parse config: "; the rest names file:line:column. */
function parseFailure(file: string, cause: unknown): Diagnostic {
  return error("", "unparsable", `${file} is not valid HCL: ${describeError(cause).replace(/^parse config: /u, "").replace(/^\[|\]$/gu, "")}`);
}

type Hcl2Json = typeof import("@cdktf/hcl2json");
let hcl2json: Promise<Hcl2Json> | undefined;

/**
 * hcl2json's reading of a file, the package loaded on first use: loading it starts its Go runtime (about 200 ms
 * of CPU), which a process whose files the tree-sitter reader reads (every export of the studio) never needs.
 */
async function parseHcl(path: string, text: string): Promise<unknown> {
  hcl2json ??= import("@cdktf/hcl2json");
  return (await hcl2json).parse(path, text);
}

/**
 * One file's HCL as hcl2json's JSON: tree-sitter's reader first (hcl-reader.ts, about twice as fast on a large
 * export), hcl2json for what that reader leaves to it, so every error message is still hcl2json's.
 */
async function readHcl(file: SourceFile, diagnostics: Diagnostic[]): Promise<Json | undefined> {
  try {
    return (await readHclFast(file.content)) ?? ((await parseHcl(file.path, file.content)) as Json);
  } catch (cause) {
    diagnostics.push(parseFailure(file.path, cause));
    return undefined;
  }
}

/** Variable values from a tfvars file (HCL or JSON). Values are literal; expressions evaluate without names. */
async function readVariableFile(file: SourceFile, diagnostics: Diagnostic[]): Promise<Map<string, Value> | undefined> {
  let json: Json | undefined;
  if (file.path.toLowerCase().endsWith(".json")) {
    try {
      const parsed: unknown = JSON.parse(file.content);
      if (!isObject(parsed)) throw new Error("the file is not a JSON object of variable values");
      json = parsed;
    } catch (cause) {
      diagnostics.push(error("", "unparsable", `${file.path} is not a valid variables file: ${describeError(cause)}`));
      return undefined;
    }
  } else json = await readHcl(file, diagnostics);
  if (!json) return undefined;
  const noNames = { lookup: () => undefined };
  return new Map(Object.entries(json).map(([k, v]) => [k, evaluateJson(v, noNames)]));
}

function typeText(raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  return raw.replace(/^\$\{([\s\S]*)\}$/u, "$1");
}

/**
 * A `-var NAME=VALUE` value: taken as a string for a `string` variable (or an undeclared type), else read
 * as an HCL expression (`["a","b"]`, `{k = "v"}`, `3`, `true`), as Terraform does.
 */
export function cliVariableValue(text: string, type: string | undefined, declared = true): Value {
  if (type === "string" || (type === undefined && (declared || !/^\s*[[{]/u.test(text)))) return text;
  const value = evaluateExpression(text, { lookup: () => undefined });
  return deepUnknown(value) ? text : value;
}

function lineOf(positions: FilePositions, type: string, labels: string[]): number {
  return findBlock(positions, type, labels)?.line ?? 1;
}

export type VariableSources = {
  /** `-var-file` files, in command-line order. */
  variableFiles?: SourceFile[];
  /** `-var` values (they win over everything). */
  variables?: Record<string, string>;
};

export async function readTerraformConfig(files: readonly SourceFile[], sources: VariableSources = {}): Promise<TfConfig> {
  const config: TfConfig = { resources: [], data: [], modules: [], providers: [], variables: new Map(), locals: new Map(), diagnostics: [], tfFiles: [] };
  const tfvars: { file: SourceFile; rank: number }[] = [];
  const roles = files.map((f) => fileRole(f.path, f.content));
  for (const [index, file] of files.entries()) {
    const role = roles[index];
    if (role === "ignored") {
      config.diagnostics.push(warning("", "not-terraform", `${file.path} is not a Terraform file (.tf, terraform.tfvars, *.auto.tfvars, *.tfvars.json); it was not read`));
      continue;
    }
    if (role === "other-tfvars") {
      config.diagnostics.push(warning("", "not-loaded", `${file.path} is not loaded automatically by Terraform; pass it with -var-file to use its values; it was not read`));
      continue;
    }
    if (role !== "tf") {
      // terraform.tfvars(.json) first, then the auto files in lexical order of their names.
      const rank = role === "tfvars" ? 0 : role === "tfvars-json" ? 1 : 2;
      tfvars.push({ file, rank });
      continue;
    }
    const json = await readHcl(file, config.diagnostics);
    if (!json) continue;
    config.tfFiles.push(file.path);
    readTfFile(config, file, json, index);
  }
  tfvars.sort((a, b) => a.rank - b.rank || (baseName(a.file.path) < baseName(b.file.path) ? -1 : baseName(a.file.path) > baseName(b.file.path) ? 1 : 0));
  const valueFiles = [...tfvars.map((t) => t.file), ...(sources.variableFiles ?? [])];
  const undeclared = new Set<string>();
  for (const file of valueFiles) {
    const values = await readVariableFile(file, config.diagnostics);
    for (const [name, value] of values ?? []) setVariable(config, name, value, undeclared);
  }
  for (const [name, text] of Object.entries(sources.variables ?? {})) {
    const variable = config.variables.get(name);
    setVariable(config, name, cliVariableValue(text, variable?.type, variable !== undefined), undeclared);
  }
  // Terraform refuses these; a file pasted without its variables.tf is common, so the values are used.
  if (undeclared.size)
    config.diagnostics.push(warning("", "undeclared-variable", `no variable block declares ${[...undeclared].map((n) => `"${n}"`).join(", ")}; the values given were used (declare them before running Terraform)`));
  return config;
}

function setVariable(config: TfConfig, name: string, value: Value, undeclared: Set<string>) {
  let variable = config.variables.get(name);
  if (!variable) {
    undeclared.add(name);
    variable = { name, file: "-var", line: 0, sensitive: false, hasValue: false };
    config.variables.set(name, variable);
  }
  variable.value = value;
  variable.hasValue = true;
}

function readTfFile(config: TfConfig, file: SourceFile, json: Json, fileIndex: number) {
  const positions = scanPositions(file.content);
  const order = (block: BlockRange | undefined) => fileIndex * 1_000_000 + (block?.line ?? 999_999);
  // The first resource or module read at each address (earlier files included): one lookup per block, not a scan.
  const known = { resource: new Map<string, TfResource>(), module: new Map<string, TfResource>() };
  for (const r of config.resources) if (!known.resource.has(`${r.type}.${r.label}`)) known.resource.set(`${r.type}.${r.label}`, r);
  for (const r of config.modules) if (!known.module.has(`module.${r.label}`)) known.module.set(`module.${r.label}`, r);
  for (const [key, value] of Object.entries(json)) {
    if (key === "resource" || key === "module") {
      for (const [type, byLabel] of Object.entries(isObject(value) ? value : {})) {
        const entries: [string, unknown][] = key === "module" ? [[type, byLabel]] : Object.entries(isObject(byLabel) ? byLabel : {});
        for (const [label, bodies] of entries) {
          const body = Array.isArray(bodies) && isObject(bodies[0]) ? bodies[0] : {};
          const block = key === "module" ? findBlock(positions, "module", [label]) : findBlock(positions, "resource", [type, label]);
          const list = key === "module" ? config.modules : config.resources;
          const address = key === "module" ? `module.${label}` : `${type}.${label}`;
          const existing = known[key].get(address);
          if (existing) {
            config.diagnostics.push(warning("", "duplicate", `${address} is defined in ${existing.file} and again in ${file.path} line ${block?.line ?? 1}; the first was read`));
            continue;
          }
          const read: TfResource = { type: key === "module" ? "module" : type, label, body, file: file.path, order: order(block), block, positions };
          list.push(read);
          known[key].set(address, read);
        }
      }
    } else if (key === "variable") {
      for (const [name, bodies] of Object.entries(isObject(value) ? value : {})) {
        const body = Array.isArray(bodies) && isObject(bodies[0]) ? bodies[0] : {};
        const hasDefault = Object.hasOwn(body, "default");
        config.variables.set(name, {
          name,
          file: file.path,
          line: lineOf(positions, "variable", [name]),
          type: typeText(body.type),
          description: typeof body.description === "string" ? body.description : undefined,
          sensitive: body.sensitive === true,
          ...(hasDefault ? { value: evaluateJson(body.default, { lookup: () => undefined }) } : {}),
          hasValue: hasDefault,
        });
      }
    } else if (key === "locals") {
      const blocks = positions.blocks.filter((b) => b.type === "locals");
      const lines = new Map<string, number>();
      for (const b of blocks) for (const [name, line] of localLines(positions, b)) if (!lines.has(name)) lines.set(name, line);
      for (const body of Array.isArray(value) ? value : [value]) {
        for (const [name, raw] of Object.entries(isObject(body) ? body : {})) config.locals.set(name, { name, raw, file: file.path, line: lines.get(name) ?? blocks[0]?.line ?? 1 });
      }
    } else if (key === "provider") {
      for (const [name, bodies] of Object.entries(isObject(value) ? value : {})) {
        const providerBlocks = positions.blocks.filter((b) => b.type === "provider" && b.labels[0] === name);
        for (const [i, body] of (Array.isArray(bodies) ? bodies : [bodies]).entries()) {
          if (!isObject(body)) continue;
          const alias = typeof body.alias === "string" ? body.alias : undefined;
          config.providers.push({ name, alias, body, file: file.path, line: providerBlocks[i]?.line ?? 1 });
        }
      }
    } else if (key === "data") {
      for (const [type, byLabel] of Object.entries(isObject(value) ? value : {})) {
        for (const label of Object.keys(isObject(byLabel) ? byLabel : {})) config.data.push({ type, label, file: file.path, line: lineOf(positions, "data", [type, label]) });
      }
    } else if (key === "terraform") {
      // Required providers, backend, required_version: how Terraform runs, not what it manages.
    } else {
      const blocks = positions.blocks.filter((b) => b.type === key);
      const where = blocks.length ? ` (line ${blocks.map((b) => b.line).join(", ")})` : "";
      config.diagnostics.push(warning("", "not-in-model", `${file.path}${where}: ${key === "import" ? "import blocks (live ids are not part of the document)" : `${key} blocks`} are not part of the pool model; they were not imported`));
    }
  }
}
