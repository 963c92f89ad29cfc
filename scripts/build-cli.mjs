#!/usr/bin/env node
// Builds the command line (cli/main.ts and the lib/cognito code it uses) into plain JavaScript under
// dist/cli/, so `cognito-studio` starts without compiling TypeScript. Run by `npm install` (postinstall) and by
// bin/cognito-studio.mjs whenever a source it was built from has changed since, so a checkout never runs stale
// code. Packages stay imports of node_modules; each command is its own chunk (cli/commands/index.ts imports
// them lazily), so a command that checks a file never loads the AWS SDK or Prisma.
//
// Each build gets its own folder and is published by renaming dist/cli/build.json into place, so two first runs
// at once, or a run that is still loading chunks while another rebuilds, never see half a build.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CLI_DIST = path.join(root, "dist", "cli");
/** Older builds are removed once they are this old: long enough for any run that started on one to finish loading it. */
const KEEP_OLD_BUILDS_MS = 60 * 60 * 1000;

/**
 * The packages every command loads are bundled: one file parses faster than the hundreds of small modules they
 * ship as. Every other package (the AWS SDK, Prisma, the HCL reader with its WebAssembly) stays an import of
 * node_modules, loaded only by the commands that use it.
 */
const BUNDLED_PACKAGES = ["zod", "yaml"];

/** An esbuild plugin leaving every bare import external except those of the named packages. */
function bundleOnly(names) {
  return {
    name: "bundle-only",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith("node:") || args.path.startsWith("@/")) return undefined;
        const name = args.path.startsWith("@") ? args.path.split("/").slice(0, 2).join("/") : args.path.split("/")[0];
        return names.includes(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

/** Builds the CLI and returns the published manifest: `{ dir, inputs: [[file relative to the root, mtimeMs], ...] }`. */
export async function buildCli() {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    throw new Error("cognito-studio: building the command line needs esbuild; run `npm install` in the project folder");
  }
  mkdirSync(CLI_DIST, { recursive: true });
  const dir = `build-${Date.now().toString(36)}-${process.pid}`;
  const outdir = path.join(CLI_DIST, dir);
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: "cli/main.ts" },
    bundle: true,
    splitting: true,
    platform: "node",
    // yaml is CommonJS for Node: its bundled require() calls (of Node's own modules) need a require in each chunk.
    banner: { js: 'import { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);' },
    format: "esm",
    target: "node20",
    plugins: [bundleOnly(BUNDLED_PACKAGES)],
    outdir,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning",
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((file) => !file.includes(":"))
    .map((file) => [file, statSync(path.join(root, file)).mtimeMs]);
  const manifest = { dir, inputs };
  const temporary = path.join(CLI_DIST, `build.json.${process.pid}`);
  writeFileSync(temporary, JSON.stringify(manifest));
  renameSync(temporary, path.join(CLI_DIST, "build.json"));
  removeOldBuilds(dir);
  return manifest;
}

function removeOldBuilds(keep) {
  for (const name of readdirSync(CLI_DIST)) {
    if (!name.startsWith("build-") || name === keep) continue;
    const folder = path.join(CLI_DIST, name);
    if (Date.now() - statSync(folder).mtimeMs > KEEP_OLD_BUILDS_MS) rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const manifest = await buildCli();
  console.log(`build-cli: built the command line into dist/cli/${manifest.dir} (${manifest.inputs.length} sources)`);
}
