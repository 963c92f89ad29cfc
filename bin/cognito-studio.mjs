#!/usr/bin/env node
// The `cognito-studio` command (`npx cognito-studio`, `npm run cli`). It runs the CLI as built JavaScript
// (scripts/build-cli.mjs, run by `npm install`), and builds it first when there is no build yet or a source file
// it was built from has changed, so a checkout never runs stale code and never compiles TypeScript per run.
import { readFileSync, statSync } from "node:fs";
import module from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The published build when every source it lists is unchanged; undefined when it must be built again. */
function currentBuild() {
  try {
    const manifest = JSON.parse(readFileSync(`${root}dist/cli/build.json`, "utf8"));
    for (const [file, mtimeMs] of manifest.inputs) if (statSync(root + file).mtimeMs !== mtimeMs) return undefined;
    return manifest;
  } catch {
    return undefined;
  }
}

// Node 22 keeps V8's compiled code for the modules it loads between runs (a no-op where it is missing).
module.enableCompileCache?.();
if (process.env.COGNITO_STUDIO_DEBUG) process.setSourceMapsEnabled(true);

const build = currentBuild() ?? (await (await import("../scripts/build-cli.mjs")).buildCli());
const { runCli, processIo } = await import(`../dist/cli/${build.dir}/main.mjs`);
process.exitCode = await runCli(process.argv.slice(2), processIo);
