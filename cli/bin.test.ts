/**
 * The installed command as a person runs it: a process of its own, started through bin/cognito-studio.mjs (which
 * builds the CLI into dist/cli when a source changed). These tests prove what the in-process tests cannot: which
 * Node runs it, and that a command checking a file loads neither the AWS SDK nor Prisma.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import packageJson from "../package.json" with { type: "json" };

const BIN = path.resolve("bin/cognito-studio.mjs");
const dir = mkdtempSync(path.join(tmpdir(), "cli-bin-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const POOL = `apiVersion: cognito-studio.dev/v1
kind: UserPool
metadata: { name: shop-users }
spec:
  region: eu-west-1
  clients: [{ name: web }]
`;

/** Runs the bin with a preload that records every module the process resolves; returns them with the exit code. */
function runRecordingModules(args: string[], env: Record<string, string> = {}) {
  const record = path.join(dir, `modules-${args[0]}.json`);
  const preload = path.join(dir, "record-modules.mjs");
  writeFileSync(
    preload,
    `import { registerHooks } from "node:module";
import { writeFileSync } from "node:fs";
const seen = [];
registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); seen.push(r.url); return r; } });
process.on("exit", () => writeFileSync(${JSON.stringify(record)}, JSON.stringify(seen)));
`,
  );
  const run = spawnSync(process.execPath, ["--no-warnings", "--import", preload, BIN, ...args], { encoding: "utf8", env: { ...process.env, ...env } });
  const modules: string[] = JSON.parse(readFileSync(record, "utf8"));
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, modules };
}

const fromPackage = (modules: string[], name: string) => modules.filter((m) => m.includes(`/node_modules/${name}/`));

describe("the cognito-studio process", () => {
  test("npm scripts, vitest's workers and npx run the Node that package.json pins", () => {
    // Vitest was started by an npm script, so this worker runs whichever `node` npm put first on PATH.
    console.log(`vitest worker: node ${process.version}`);
    expect(process.version).toBe(`v${packageJson.dependencies.node}`);
    // npx (npm exec) puts node_modules/.bin first itself: the bin's `#!/usr/bin/env node` finds the same Node.
    const path_ = (process.env.PATH ?? "").split(path.delimiter).filter((p) => !p.endsWith(path.join("node_modules", ".bin")));
    const npx = spawnSync("npm", ["exec", "--no", "--", "node", "-p", "process.version"], { encoding: "utf8", env: { ...process.env, PATH: path_.join(path.delimiter) } });
    expect(npx.stderr).toBe("");
    expect(npx.stdout.trim()).toBe(`v${packageJson.dependencies.node}`);
  });

  test("validate answers from the built JavaScript without loading the AWS SDK or Prisma", () => {
    const file = path.join(dir, "pool.yaml");
    writeFileSync(file, POOL);
    const { status, stdout, modules } = runRecordingModules(["validate", file]);
    expect(stdout).toContain(`valid: ${file}`);
    expect(status).toBe(0);
    expect(modules.some((m) => /\/dist\/cli\/build-[^/]+\/main\.mjs$/.test(m))).toBe(true);
    expect(modules.filter((m) => m.endsWith(".ts"))).toEqual([]);
    expect(fromPackage(modules, "@aws-sdk")).toEqual([]);
    expect(fromPackage(modules, "@prisma")).toEqual([]);
  });

  test("a command that calls AWS loads the SDK when it connects", () => {
    // Port 9 on the loopback refuses the connection; static keys keep the SDK from looking for others.
    const { status, stderr, modules } = runRecordingModules(["pull", "--user-pool-id", "eu-west-1_AbC123", "--endpoint", "http://127.0.0.1:9"], {
      AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
      AWS_SECRET_ACCESS_KEY: "example-secret",
      AWS_MAX_ATTEMPTS: "1",
    });
    expect(stderr).toContain("cognito-studio pull:");
    expect(status).toBe(1);
    expect(fromPackage(modules, "@aws-sdk/client-cognito-identity-provider").length).toBeGreaterThan(0);
  });
});
