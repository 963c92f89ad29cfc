#!/usr/bin/env node
// The installed `cognito-studio` command: runs the TypeScript CLI through tsx, so the CLI and the
// studio share the same core code without a separate build step.
import { register } from "tsx/esm/api";

register();
const { runCli, processIo } = await import("../cli/main.ts");
process.exitCode = await runCli(process.argv.slice(2), processIo);
