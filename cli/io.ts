/** What a command may touch of the outside world; tests pass their own. */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for `-` as a file name). */
  readStdin: () => Promise<string>;
  /** Reads a file; rejects with a Node error (ENOENT...) when it cannot. */
  readFile: (path: string) => Promise<string>;
  writeFile: (path: string, text: string) => Promise<void>;
  /** The names in a directory; rejects (ENOTDIR, ENOENT) when `path` is not one. Absent: no directory arguments. */
  listDirectory?: (path: string) => Promise<string[]>;
  /** The process environment (AWS settings, etc.). */
  env: Record<string, string | undefined>;
};

/** Exit codes shared by every command: 0 ok, 1 the input has errors, 2 usage or unreadable input. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** Thrown for a wrong command line; main prints the message and the command's usage, exit 2. */
export class UsageError extends Error {}

/** A command's module: its one-line summary is in commands/index.ts, which loads the module only to run it. */
export type Command = {
  name: string;
  /** Full usage text for `cognito-studio NAME --help`. */
  usage: string;
  run: (args: string[], io: CliIo) => Promise<number>;
};

/**
 * The text of FILE (`-` is standard input where `stdin` allows it), or undefined after saying on standard error, as
 * `cognito-studio COMMAND: cannot read FILE: reason`, that it cannot be read; the caller returns its exit status.
 */
export async function readInputText(io: CliIo, command: string, file: string, { stdin = false } = {}): Promise<string | undefined> {
  try {
    return stdin && file === "-" ? await io.readStdin() : await io.readFile(file);
  } catch (cause) {
    io.stderr(`cognito-studio ${command}: cannot read ${file}: ${cause instanceof Error ? cause.message : String(cause)}\n`);
    return undefined;
  }
}
