import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { resolveAuthSecret } from "@/lib/server/auth-secret";
import { migrate } from "@/prisma/migrate.mjs";

// The SQLite file holds password hashes and ./data/auth-secret signs sessions: other local users of
// the machine must not read either.
const root = mkdtempSync(path.join(tmpdir(), "studio-modes-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const mode = (p: string) => statSync(p).mode & 0o777;

describe("file modes", () => {
  test("migrating a new SQLite database creates its folder 0700 and the file 0600", async () => {
    const file = path.join(root, "new-folder", "studio.db");
    await migrate(`file:${file}`);
    expect(mode(path.dirname(file)).toString(8)).toBe("700");
    expect(mode(file).toString(8)).toBe("600");
  });

  test("an existing database file that others could read is narrowed to 0600", async () => {
    const file = path.join(root, "old.db");
    writeFileSync(file, "");
    chmodSync(file, 0o644);
    await migrate(`file:${file}`);
    expect(mode(file).toString(8)).toBe("600");
  });

  test("the generated auth secret is 0600 in a 0700 folder", () => {
    const cwd = path.join(root, "project");
    resolveAuthSecret({}, cwd);
    expect(mode(path.join(cwd, "data")).toString(8)).toBe("700");
    expect(mode(path.join(cwd, "data", "auth-secret")).toString(8)).toBe("600");
  });
});
