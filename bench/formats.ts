import { parse as parseHcl } from "@cdktf/hcl2json";
import { dump, load } from "js-yaml";
import YAML from "yaml";
import { EXPORTERS } from "../lib/cognito/formats";
import { readYamlFast, writeYaml } from "../lib/cognito/formats/fast-yaml";
import { readHclFast } from "../lib/cognito/formats/terraform/hcl-reader";
import { CFN_READ_SCHEMA, CFN_READ_TAGS } from "../lib/cognito/formats/cloudformation/intrinsics";
import { stringifyYaml } from "../lib/cognito/spec/yaml-text";
import { quotaSizedPool } from "../test/support/pool-documents";
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
}
