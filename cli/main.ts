import { readFile, readdir, writeFile } from "node:fs/promises";
import { text } from "node:stream/consumers";
import packageJson from "../package.json" with { type: "json" };
import { commands } from "./commands";
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type Command } from "./io";

export const VERSION: string = packageJson.version;

function generalHelp(): string {
  const width = Math.max(0, ...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "cognito-studio: design, check, plan, apply and export AWS Cognito user pools",
    "",
    "Usage: cognito-studio <command> [options]",
    "",
    ...(lines.length ? ["Commands:", ...lines, ""] : []),
    "Options:",
    "  -h, --help     show help (also: cognito-studio <command> --help)",
    "  -V, --version  print the version",
    "",
  ].join("\n");
}

/** Runs one command line and returns the exit code; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "-h" || first === "--help" || first === "help") {
    io.stdout(generalHelp());
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (first === "-V" || first === "--version") {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  const entry = commands.find((c) => c.name === first);
  if (!entry) {
    io.stderr(`cognito-studio: unknown command "${first}"\n\n${generalHelp()}`);
    return EXIT_USAGE;
  }
  let command: Command;
  try {
    command = await entry.load();
  } catch (error) {
    io.stderr(`cognito-studio ${entry.name}: internal error: cannot load the command: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  if (rest.includes("-h") || rest.includes("--help")) {
    io.stdout(`${command.usage.trimEnd()}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cognito-studio ${command.name}: ${error.message}\n\n${command.usage.trimEnd()}\n`);
      return EXIT_USAGE;
    }
    // Anything else is a bug: say so plainly, with the details only when asked for.
    io.stderr(`cognito-studio ${command.name}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (io.env.COGNITO_STUDIO_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
    return 1;
  }
}

export const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: () => text(process.stdin),
  readFile: (p) => readFile(p, "utf8"),
  writeFile: (p, t) => writeFile(p, t, "utf8"),
  listDirectory: (p) => readdir(p),
  env: process.env,
};

const isEntry = process.argv[1] !== undefined && /cli[\\/]main\.ts$/.test(process.argv[1]);
if (isEntry) {
  runCli(process.argv.slice(2), processIo).then((code) => {
    process.exitCode = code;
  });
}
