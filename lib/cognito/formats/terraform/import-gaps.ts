/**
 * Gaps: values of a Terraform file the import could not evaluate. While a draft is built, each unknown value is
 * replaced by a marker string (it passes through the shape conversion untouched); once the draft is built, the
 * markers are found at their document paths (`metadata.name`, `spec.clients[0].callbackUrls`), removed, and
 * turned into an error diagnostic at that field plus the {@link UnresolvedInput}s a person supplies.
 */
import { type Diagnostic, error, joinPath } from "../../spec/diagnostics";
import type { UnresolvedInput } from "../types";
import { type Unknown, type UnknownInput } from "./hcl-values";
import type { TfConfig } from "./terraform-config";

export type Gap = { unknown: Unknown; file: string; line: number; expression: string };

/** Found in a built draft: the field the gap fed. */
export type FilledGap = { path: string; gap: Gap };

const MARK = /^\u0000gap:(\d+)\u0000$/u;

export class Gaps {
  readonly list: Gap[] = [];
  /** Gaps that are not a value but a whole item: a client read once because its `count` is unknown. */
  readonly placed: FilledGap[] = [];

  place(path: string, gap: Gap): void {
    this.placed.push({ path, gap });
  }

  mark(gap: Gap): string {
    this.list.push(gap);
    return `\u0000gap:${this.list.length - 1}\u0000`;
  }

  gapOf(value: unknown): Gap | undefined {
    const m = typeof value === "string" ? MARK.exec(value) : null;
    return m ? this.list[Number(m[1])] : undefined;
  }

  /**
   * Removes every marker from `value` (in place) and returns where each was. A list holding a marker is removed
   * whole: a list with a hole would say something the file does not.
   */
  extract(value: unknown, path: string, found: FilledGap[] = []): FilledGap[] {
    // Without a marker there is nothing to find (a whole export's draft walked for none).
    if (this.list.length === 0) return found;
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) if (item !== null && typeof item === "object") this.extract(item, joinPath(path, i), found);
      return found;
    }
    if (value === null || typeof value !== "object") return found;
    const object = value as Record<string, unknown>;
    for (const [key, item] of Object.entries(object)) {
      const at = joinPath(path, key);
      const gap = this.gapOf(item);
      if (gap) {
        found.push({ path: at, gap });
        delete object[key];
      } else if (Array.isArray(item)) {
        const marked = item.map((v) => this.gapOf(v)).filter((g): g is Gap => g !== undefined);
        if (marked.length) {
          for (const g of marked) found.push({ path: at, gap: g });
          delete object[key];
        } else this.extract(item, at, found);
      } else this.extract(item, at, found);
    }
    return found;
  }
}

/** `${var.x}` alone reads as `var.x`; a template keeps its quotes. */
export function expressionText(raw: unknown): string {
  if (typeof raw !== "string") return JSON.stringify(raw) ?? "";
  const single = /^\$\{([\s\S]*)\}$/u.exec(raw);
  if (single && !single[1].includes("${")) return single[1].trim();
  return JSON.stringify(raw);
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const SUPPLIABLE = new Set<UnknownInput["kind"]>(["variable"]);

/** What to tell the person about a gap: which inputs to supply, or why the field must be set by hand. */
export function gapAdvice(gap: Gap): string {
  const supply = gap.unknown.inputs.filter((i) => SUPPLIABLE.has(i.kind)).map((i) => i.name);
  const other = gap.unknown.inputs.filter((i) => !SUPPLIABLE.has(i.kind));
  const parts: string[] = [];
  if (supply.length) parts.push(`supply ${listWords(supply)}`);
  for (const input of other) {
    if (input.kind === "data-source" || input.kind === "resource-attribute") parts.push(`${input.name} is only known when Terraform runs: set the field in the draft`);
    else parts.push(`${input.name} cannot be evaluated${input.reason ? ` (${input.reason})` : ""}: set the field in the draft`);
  }
  return parts.join("; ");
}

export function gapDiagnostic(filled: FilledGap): Diagnostic {
  const { gap } = filled;
  return error(filled.path, "unresolved-input", `set from ${gap.expression} in ${gap.file} line ${gap.line}; ${gapAdvice(gap)}`);
}

/** The inputs behind the gaps, each once, with where it is declared (or first used) and the fields it feeds. */
export function unresolvedInputs(filled: readonly FilledGap[], config: TfConfig): UnresolvedInput[] {
  const byName = new Map<string, UnresolvedInput>();
  for (const { path, gap } of filled) {
    for (const input of gap.unknown.inputs) {
      let entry = byName.get(input.name);
      if (!entry) {
        entry = describeInput(input, gap, config);
        byName.set(input.name, entry);
      }
      if (!entry.fields.includes(path)) entry.fields.push(path);
    }
  }
  // In the order a person reads the files.
  return [...byName.values()].sort((a, b) => (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? 0) - (b.line ?? 0));
}

function describeInput(input: UnknownInput, gap: Gap, config: TfConfig): UnresolvedInput {
  const usedAt = { file: gap.file, line: gap.line };
  if (input.kind === "variable") {
    const variable = config.variables.get(input.name.replace(/^var\./u, ""));
    return {
      name: input.name,
      kind: "variable",
      suppliable: true,
      ...(variable ? { file: variable.file, line: variable.line } : usedAt),
      ...(variable?.type ? { type: variable.type } : {}),
      ...(variable?.description ? { description: variable.description } : input.reason ? { description: input.reason } : {}),
      fields: [],
    };
  }
  if (input.kind === "local") {
    const local = config.locals.get(input.name.replace(/^local\./u, ""));
    return { name: input.name, kind: "local", suppliable: false, ...(local ? { file: local.file, line: local.line } : usedAt), ...(input.reason ? { description: input.reason } : {}), fields: [] };
  }
  if (input.kind === "data-source") {
    const [, type, label] = input.name.split(".");
    const data = config.data.find((d) => d.type === type && d.label === label);
    return { name: input.name, kind: "data-source", suppliable: false, ...(data ? { file: data.file, line: data.line } : usedAt), ...(input.reason ? { description: input.reason } : {}), fields: [] };
  }
  return { name: input.name, kind: input.kind, suppliable: false, ...usedAt, ...(input.reason ? { description: input.reason } : {}), fields: [] };
}
