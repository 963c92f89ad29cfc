/**
 * Test support: read YAML text the way a YAML 1.1 reader does, with PyYAML (`yaml.safe_load`) in python3.
 * Not a test file itself; imported by tests that check our YAML reads the same in YAML 1.1 tools.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const LOAD = "import yaml,sys,json; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))";

/**
 * PyYAML's safe loader plus CloudFormation's short-form tags, read as their long form (`!Ref X` → `{"Ref": "X"}`,
 * `!GetAtt A.B` → `{"Fn::GetAtt": ["A", "B"]}`, `!Sub ...` → `{"Fn::Sub": ...}`), as cfn-lint's loader does.
 */
const LOAD_CLOUDFORMATION = [
  "import yaml,sys,json",
  "class L(yaml.SafeLoader): pass",
  "def tag(loader, suffix, node):",
  "    value = loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node, deep=True) if isinstance(node, yaml.SequenceNode) else loader.construct_mapping(node, deep=True)",
  "    if suffix == 'Ref': return {'Ref': value}",
  "    if suffix == 'Condition': return {'Condition': value}",
  "    if suffix == 'GetAtt' and isinstance(value, str): value = value.split('.', 1)",
  "    return {'Fn::' + suffix: value}",
  "L.add_multi_constructor('!', tag)",
  "print(json.dumps(yaml.load(open(sys.argv[1]), Loader=L)))",
].join("\n");

/** Whether python3 with PyYAML is installed (tests that need it are skipped, visibly, when it is not). */
export const hasPyYaml = spawnSync("python3", ["-c", "import yaml"], { stdio: "ignore" }).status === 0;

/** Writes `text` to a temp file and loads it with PyYAML (with CloudFormation's tags when asked); throws with Python's stderr when it cannot. */
export function loadWithPyYaml(text: string, options: { cloudFormationTags?: boolean } = {}): unknown {
  const dir = mkdtempSync(join(tmpdir(), "pyyaml-"));
  try {
    const file = join(dir, "doc.yaml");
    writeFileSync(file, text);
    const run = spawnSync("python3", ["-c", options.cloudFormationTags ? LOAD_CLOUDFORMATION : LOAD, file], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`PyYAML could not load the text: ${run.stderr}`);
    return JSON.parse(run.stdout) as unknown;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
