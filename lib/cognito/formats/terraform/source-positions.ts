/**
 * Where things are in a Terraform file: the line of each top-level block (`resource "T" "L"`, `variable "x"`,
 * `locals`, `module`, `provider`, `data`) and of the arguments inside it. `@cdktf/hcl2json` gives values but
 * no positions, so this scans the text itself: braces, strings, comments and heredocs are tracked so a `{` in
 * a string does not count. Lines are 1-based.
 */

export type BlockRange = {
  /** `resource`, `variable`, `locals`, `module`, `provider`, `data`, `output`, `terraform`, ... */
  type: string;
  labels: string[];
  /** 1-based lines of the header and of the closing brace. */
  line: number;
  endLine: number;
};

export type FilePositions = {
  blocks: BlockRange[];
  /** The text's lines, for finding arguments inside a block. */
  lines: string[];
  /** Brace depth at the start of each line (0-based index). */
  depthAt: number[];
};

/** Scans `text` for top-level blocks and the brace depth of each line. Never throws. */
export function scanPositions(text: string): FilePositions {
  const lines = text.split("\n");
  const depthAt: number[] = [];
  const blocks: BlockRange[] = [];
  let depth = 0;
  let heredoc: string | undefined;
  let inComment = false;
  let openLine = -1;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    depthAt.push(depth);
    if (heredoc !== undefined) {
      if (line.trim() === heredoc) heredoc = undefined;
      continue;
    }
    let quoted = false;
    let interpolation = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (inComment) {
        if (c === "*" && line[i + 1] === "/") {
          inComment = false;
          i++;
        }
        continue;
      }
      if (quoted) {
        if (c === "\\") i++;
        else if (c === "$" && line[i + 1] === "{") {
          interpolation++;
          i++;
        } else if (c === "}" && interpolation > 0) interpolation--;
        else if (c === '"' && interpolation === 0) quoted = false;
        continue;
      }
      if (c === "#" || (c === "/" && line[i + 1] === "/")) break;
      if (c === "/" && line[i + 1] === "*") {
        inComment = true;
        i++;
        continue;
      }
      if (c === '"') quoted = true;
      else if (c === "<" && line[i + 1] === "<") {
        const marker = /^<<-?([A-Za-z_][\w-]*)\s*$/u.exec(line.slice(i));
        if (marker) {
          heredoc = marker[1];
          break;
        }
      } else if (c === "{" || c === "[" || c === "(") {
        if (depth === 0 && c === "{") openLine = n;
        depth++;
      } else if (c === "}" || c === "]" || c === ")") {
        depth = Math.max(0, depth - 1);
        if (depth === 0 && c === "}" && openLine >= 0) {
          const header = /^\s*([A-Za-z_][\w-]*)((?:\s+"[^"]*"|\s+[A-Za-z_][\w-]*)*)\s*\{/u.exec(lines[openLine]);
          if (header) {
            const labels = [...header[2].matchAll(/"([^"]*)"|([A-Za-z_][\w-]*)/gu)].map((m) => m[1] ?? m[2]);
            blocks.push({ type: header[1], labels, line: openLine + 1, endLine: n + 1 });
          }
          openLine = -1;
        }
      }
    }
  }
  return { blocks, lines, depthAt };
}

/** Each file's blocks by type and each prefix of their labels, the first block of each: made on the first search. */
const blockIndexes = new WeakMap<FilePositions, Map<string, BlockRange>>();

function blockKey(type: string, labels: readonly string[], count: number): string {
  return JSON.stringify([type, ...labels.slice(0, count)]);
}

/** The first block of `type` whose labels start with `labels`. */
export function findBlock(positions: FilePositions, type: string, labels: readonly string[]): BlockRange | undefined {
  let index = blockIndexes.get(positions);
  if (!index) {
    index = new Map();
    for (const b of positions.blocks)
      for (let count = 0; count <= b.labels.length; count++) {
        const key = blockKey(b.type, b.labels, count);
        if (!index.has(key)) index.set(key, b);
      }
    blockIndexes.set(positions, index);
  }
  return index.get(blockKey(type, labels, labels.length));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

/**
 * The line of an argument inside a block: each key of `keys` is looked for after the previous one
 * (`name =`, `name {`, `dynamic "name"` or a quoted key), so `["schema", "name"]` finds the `name` inside
 * the first `schema` block. Falls back to the deepest key found, then to the block's header.
 */
export function argumentLine(positions: FilePositions, block: BlockRange, keys: readonly string[]): number {
  let from = block.line; // 1-based header line; arguments start after it
  let found = block.line;
  let depth = 1; // a top-level block's arguments sit at depth 1
  for (const key of keys) {
    const pattern = new RegExp(`^\\s*(?:"?${escapeRegExp(key)}"?\\s*[=:{]|dynamic\\s+"${escapeRegExp(key)}")`, "u");
    const search = (atDepth: (d: number) => boolean) => {
      for (let n = from; n < block.endLine && n < positions.lines.length; n++) if (atDepth(positions.depthAt[n]) && pattern.test(positions.lines[n])) return n + 1;
      return -1;
    };
    // The argument itself first, not a same-named one inside a nested block (a schema's `name`).
    let hit = search((d) => d === depth);
    if (hit < 0) hit = search((d) => d >= depth);
    if (hit < 0) break;
    found = hit;
    from = hit;
    depth = positions.depthAt[hit - 1] + 1;
  }
  return found;
}

/** Lines of the attributes directly inside a `locals` block (depth 1). */
export function localLines(positions: FilePositions, block: BlockRange): Map<string, number> {
  const out = new Map<string, number>();
  for (let n = block.line; n < block.endLine && n < positions.lines.length; n++) {
    if (positions.depthAt[n] !== 1) continue;
    const m = /^\s*([A-Za-z_][\w-]*)\s*=/u.exec(positions.lines[n]);
    if (m && !out.has(m[1])) out.set(m[1], n + 1);
  }
  return out;
}
