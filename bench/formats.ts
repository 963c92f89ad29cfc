import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dump, load } from "js-yaml";
import { Language, Parser } from "web-tree-sitter";
import YAML from "yaml";
import { EXPORTERS, IMPORTERS } from "../lib/cognito/formats";
import { readYamlFast, writeYaml } from "../lib/cognito/formats/fast-yaml";
import { readHclFast } from "../lib/cognito/formats/terraform/hcl-reader";
import { CFN_READ_SCHEMA, CFN_READ_TAGS } from "../lib/cognito/formats/cloudformation/intrinsics";
import { stringifyYaml } from "../lib/cognito/spec/yaml-text";
import { quotaSizedPool, withTenPercentChanged } from "../test/support/pool-documents";
import { medianMs, medianTimes, printRow } from "./measure";

/**
 * The parsers and printers under the formats, side by side on the maximal pool's exports: the `yaml` package
 * (kept where comments, positions or error messages are needed) against js-yaml and the direct printer (the
 * fast path, fast-yaml.ts), and hcl2json (Go compiled to WebAssembly) whole and split at top-level blocks,
 * against the tree-sitter reader the importer tries first (hcl-reader.ts), parse and conversion.
 */
export async function benchFormats(): Promise<void> {
  const doc = quotaSizedPool();
  const spec = EXPORTERS.spec(doc).files[0]!.content;
  const template = EXPORTERS.cloudformation(doc).files[0]!.content;
  const hcl = EXPORTERS.terraform(doc).files[0]!.content;
  const kib = (text: string) => `${(text.length / 1024).toFixed(0)} KiB`;
  console.log("maximal pool's exports; median of 5 runs");

  printRow(`write YAML, yaml package (spec, ${kib(spec)})`, await medianMs(() => stringifyYaml(doc), 5));
  printRow(`write YAML, js-yaml dump, no YAML 1.1 quoting (spec)`, await medianMs(() => dump(doc, { lineWidth: -1, noRefs: true }), 5));
  printRow(`write YAML, direct printer + YAML 1.1 quoting (spec)`, await medianMs(() => writeYaml(doc), 5));
  printRow(`read YAML, yaml package (spec)`, await medianMs(() => YAML.parse(spec), 5));
  printRow(`read YAML, js-yaml (spec)`, await medianMs(() => readYamlFast(spec), 5));
  printRow(`read YAML, yaml package (cloudformation, ${kib(template)})`, await medianMs(() => YAML.parse(template, { customTags: CFN_READ_TAGS, logLevel: "silent" }), 5));
  printRow(`read YAML, js-yaml (cloudformation)`, await medianMs(() => load(template, { schema: CFN_READ_SCHEMA }), 5));

  // Imported here, not at the top: loading hcl2json starts its Go runtime, which the first-run children below must not pay.
  const { parse: parseHcl } = await import("@cdktf/hcl2json");
  await parseHcl("warm-up.tf", 'resource "a" "b" {}\n');
  const whole = await medianTimes(() => parseHcl("main.tf", hcl), 3);
  printRow(`read HCL, hcl2json whole file (terraform, ${kib(hcl)})`, whole.wall, `cpu ${whole.cpu.toFixed(1)} ms`);
  const blocks = hcl.split(/\n(?=(?:resource|variable|terraform|provider|locals|output|data|module)\b)/u);
  printRow(`read HCL, hcl2json one call per top-level block (${blocks.length})`, await medianMs(async () => {
    for (const block of blocks) await parseHcl("main.tf", block);
  }, 3));
  if (!(await readHclFast(hcl))) throw new Error("the tree-sitter reader left the maximal pool's export to hcl2json");
  const times = await medianTimes(() => readHclFast(hcl), 3);
  printRow("read HCL, tree-sitter reader (hcl-reader.ts)", times.wall, `cpu ${times.cpu.toFixed(1)} ms`);
  await benchTreeSitterParts(hcl);
  await benchFirstRuns();
}

/**
 * Where the tree-sitter reader's time goes: the grammar's parse (WebAssembly, the floor of any import of the
 * file), freeing the tree, and what is left: the conversion to hcl2json's JSON.
 */
async function benchTreeSitterParts(hcl: string): Promise<void> {
  const require = createRequire(import.meta.url);
  await Parser.init({ locateFile: () => require.resolve("web-tree-sitter/web-tree-sitter.wasm") });
  const parser = new Parser();
  parser.setLanguage(await Language.load(require.resolve("@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm")));
  parser.parse(hcl)?.delete();
  const parse = await medianTimes(() => parser.parse(hcl)?.delete(), 3);
  const trees = Array.from({ length: 4 }, () => parser.parse(hcl)!);
  const free = await medianTimes(() => trees.pop()!.delete(), 3);
  printRow("  of which: tree-sitter parse and free", parse.wall, `cpu ${parse.cpu.toFixed(1)} ms (free alone: cpu ${free.cpu.toFixed(1)} ms)`);
}

/** The environment variable that makes this file, run as a program, time one first run (see benchFirstRuns). */
const FIRST_RUN = "COGNITO_STUDIO_BENCH_FIRST_RUN";
const FIRST_RUNS = ["export terraform", "import terraform", "import cloudformation"] as const;

/**
 * The core benchmark's export and import rows are medians of runs after a warm-up in one process: what the
 * studio's server (and its parse workers) does once warm. A command-line export or import runs once in a new
 * process, so its first run is timed too: in a child process that loads the formats, prepares its input, and
 * times that one call (JIT compilation included, process start and module loading not).
 */
async function benchFirstRuns(): Promise<void> {
  for (const row of FIRST_RUNS) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], { env: { ...process.env, [FIRST_RUN]: row }, encoding: "utf8" });
    const last = child.stdout.trim().split("\n").pop() ?? "";
    if (child.status !== 0 || !last.startsWith("{")) throw new Error(`the first-run benchmark of ${row} failed: ${child.stderr.slice(0, 500)}`);
    const { wall, cpu } = JSON.parse(last) as { wall: number; cpu: number };
    printRow(`${row}, first run in a new process`, wall, `cpu ${cpu.toFixed(1)} ms`);
  }
}

async function timeFirstRun(row: (typeof FIRST_RUNS)[number]): Promise<void> {
  const doc = withTenPercentChanged(quotaSizedPool());
  const format = row === "import cloudformation" ? "cloudformation" : "terraform";
  const text = row === "export terraform" ? "" : EXPORTERS[format](doc).files[0]!.content;
  const run = row === "export terraform" ? () => EXPORTERS.terraform(doc) : () => IMPORTERS[format](text, { region: "eu-west-1" });
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpuStart);
  console.log(JSON.stringify({ wall, cpu: (used.user + used.system) / 1000 }));
}

const firstRun = process.env[FIRST_RUN];
if (firstRun) await timeFirstRun(firstRun as (typeof FIRST_RUNS)[number]);
