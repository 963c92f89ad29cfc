/**
 * `cognito-studio presets` lists the pool and client presets; `presets show NAME` prints one as a complete
 * pool document, with each setting's reason as a YAML comment above it.
 */
import YAML from "yaml";
import { getPreset, listPresets, presetExampleComments, presetExampleDocument, type Preset } from "../../lib/cognito/presets";
import { stringifyYamlDocument } from "../../lib/cognito/spec";
import { oneOf, parseCommandArgs } from "../args";
import { type CliIo, type Command, EXIT_OK, UsageError } from "../io";

const FORMATS = ["yaml", "json"] as const;

function listText(): string {
  const width = Math.max(...listPresets().map((p) => p.name.length));
  const section = (title: string, kind: Preset["kind"]) => [
    `${title}:`,
    ...listPresets(kind).map((p) => `  ${p.name.padEnd(width)}  ${p.summary}`),
  ];
  return [...section("Pool presets", "pool"), "", ...section("Client presets", "client"), "", "Show one as a document: cognito-studio presets show NAME", ""].join("\n");
}

function showYaml(preset: Preset): string {
  const doc = new YAML.Document(presetExampleDocument(preset));
  for (const { path, why } of presetExampleComments(preset)) {
    const parent = doc.getIn(path.slice(0, -1), true);
    const last = path[path.length - 1];
    if (!YAML.isMap(parent)) continue;
    const pair = parent.items.find((p) => YAML.isScalar(p.key) && p.key.value === last);
    if (pair && YAML.isScalar(pair.key)) pair.key.commentBefore = ` ${why}`;
  }
  const placeholders = preset.placeholders.length > 0 ? `\n Replace the example values of: ${preset.placeholders.join(", ")}.` : "";
  const context = preset.kind === "client" ? `\n The client is shown in a hardened-production pool with an example domain.` : "";
  doc.commentBefore = ` Preset ${preset.name}: ${preset.title}\n ${preset.summary}${context}${placeholders}`;
  // Quotes ON/OFF/YES/NO and the like, which YAML 1.1 readers (PyYAML) would take as booleans.
  return stringifyYamlDocument(doc);
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { format: { type: "string", short: "f" } });
  const [sub, name, ...extra] = positionals;
  if (sub === undefined || sub === "list") {
    if (name !== undefined) throw new UsageError(`presets list takes no arguments; got ${[name, ...extra].join(" ")}`);
    const format = oneOf("format", values.format, ["text", "json"] as const, "text");
    if (format === "json")
      io.stdout(`${JSON.stringify(listPresets().map((p) => ({ name: p.name, kind: p.kind, title: p.title, summary: p.summary })), null, 2)}\n`);
    else io.stdout(listText());
    return EXIT_OK;
  }
  if (sub !== "show") throw new UsageError(`unknown subcommand "${sub}"; use list or show NAME`);
  if (name === undefined) throw new UsageError(`presets show needs a preset name: ${listPresets().map((p) => p.name).join(", ")}`);
  if (extra.length > 0) throw new UsageError(`presets show takes one name; got ${positionals.slice(1).join(" ")}`);
  const preset = getPreset(name);
  if (!preset) throw new UsageError(`unknown preset "${name}"; presets: ${listPresets().map((p) => p.name).join(", ")}`);
  const format = oneOf("format", values.format, FORMATS, "yaml");
  io.stdout(format === "json" ? `${JSON.stringify(presetExampleDocument(preset), null, 2)}\n` : showYaml(preset));
  return EXIT_OK;
}

export const presetsCommand: Command = {
  name: "presets",
  usage: `Usage: cognito-studio presets [list] [--format text|json]
       cognito-studio presets show NAME [--format yaml|json]

Pool presets: hardened-production, development. Client presets: spa, confidential-server,
machine-to-machine, mobile. "show" prints a complete, valid pool document using the preset, with the
reason for each setting as a comment (YAML); a client preset is shown inside a hardened-production pool.
`,
  run,
};
