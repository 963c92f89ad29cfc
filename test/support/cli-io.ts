import type { CliIo } from "@/cli/io";

/** A CliIo that records output in memory, for tests. */
export function memoryIo(options: { stdin?: string; files?: Record<string, string>; env?: Record<string, string> } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const files = new Map(Object.entries(options.files ?? {}));
  const io: CliIo & { out(): string; err(): string; files: Map<string, string> } = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readStdin: async () => options.stdin ?? "",
    readFile: async (p) => {
      const content = files.get(p);
      if (content === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: "ENOENT" });
      return content;
    },
    writeFile: async (p, t) => {
      files.set(p, t);
    },
    listDirectory: async (p) => {
      // Directories are implied by the files' paths.
      const prefix = p.endsWith("/") ? p : `${p}/`;
      const names = [...files.keys()].filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split("/")[0]);
      if (names.length === 0) throw Object.assign(new Error(`ENOTDIR: not a directory, scandir '${p}'`), { code: "ENOTDIR" });
      return [...new Set(names)];
    },
    env: options.env ?? {},
    out: () => out.join(""),
    err: () => err.join(""),
    files,
  };
  return io;
}
