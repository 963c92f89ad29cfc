import { describe, expect, it } from "vitest";
import { MAX_DEFAULT_PROCESSES, serverProcessCount } from "./server-processes.mjs";

const POSTGRES = { DATABASE_URL: "postgresql://studio@127.0.0.1:5432/studio" };

describe("serverProcessCount", () => {
  it("runs one process on the embedded SQLite database, whatever the cores", () => {
    expect(serverProcessCount({}, 8)).toBe(1);
    expect(serverProcessCount({ DATABASE_URL: "file:./data/studio.db" }, 8)).toBe(1);
  });
  it("runs one process per core on PostgreSQL, at most four (4 x 20 connections fit PostgreSQL's 100)", () => {
    expect(serverProcessCount(POSTGRES, 1)).toBe(1);
    expect(serverProcessCount(POSTGRES, 2)).toBe(2);
    expect(serverProcessCount(POSTGRES, 64)).toBe(MAX_DEFAULT_PROCESSES);
  });
  it("takes STUDIO_SERVER_PROCESSES when set, and refuses what is not 1 to 16 in words", () => {
    expect(serverProcessCount({ ...POSTGRES, STUDIO_SERVER_PROCESSES: "3" }, 2)).toBe(3);
    expect(serverProcessCount({ STUDIO_SERVER_PROCESSES: "1" }, 8)).toBe(1);
    for (const bad of ["0", "17", "two", "-1", "1.5"]) {
      expect(() => serverProcessCount({ ...POSTGRES, STUDIO_SERVER_PROCESSES: bad }, 2)).toThrow(/STUDIO_SERVER_PROCESSES must be a whole number of server processes from 1 to 16/u);
    }
    expect(() => serverProcessCount({ STUDIO_SERVER_PROCESSES: "2" }, 2)).toThrow(/database is SQLite, which takes one server process; set DATABASE_URL to a PostgreSQL database/u);
  });
});
