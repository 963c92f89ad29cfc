/**
 * Test support: read YAML text the way a YAML 1.1 reader does, with PyYAML (`yaml.safe_load`) in python3.
 * Not a test file itself; imported by tests that check our YAML reads the same in YAML 1.1 tools.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const LOAD = "import yaml,sys,json; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))";

/** Whether python3 with PyYAML is installed (tests that need it are skipped, visibly, when it is not). */
export const hasPyYaml = spawnSync("python3", ["-c", "import yaml"], { stdio: "ignore" }).status === 0;

/** Writes `text` to a temp file and loads it with PyYAML; throws with Python's stderr when it cannot. */
export function loadWithPyYaml(text: string): unknown {
  const dir = mkdtempSync(join(tmpdir(), "pyyaml-"));
  try {
    const file = join(dir, "doc.yaml");
    writeFileSync(file, text);
    const run = spawnSync("python3", ["-c", LOAD, file], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`PyYAML could not load the text: ${run.stderr}`);
    return JSON.parse(run.stdout) as unknown;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
