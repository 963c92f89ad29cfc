/**
 * Autosave on a real PostgreSQL server: the document is validated before the save's transaction opens (the
 * action's `prepare`), and the version check stays exact. Saves made at once on the same version are truly
 * concurrent here (PostgreSQL row locks; SQLite would serialise whole transactions): exactly one wins, every
 * other is refused as a conflict, and the stored draft is the winner's.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestPostgres, type TestPostgres } from "@/test/support/postgres";
import { addMembers, byRole } from "@/test/support/studio-db";
import { BLOG_POOL_DOCUMENT } from "@/test/support/pool-documents";
import type { PoolDocument } from "@/lib/cognito/spec";

let postgres: TestPostgres;

beforeAll(async () => {
  postgres = await startTestPostgres();
  process.env.DATABASE_URL = await postgres.createDatabase("studio_draft_save");
  const { migrate } = await import("@/prisma/migrate.mjs");
  await migrate(process.env.DATABASE_URL);
  const ids = await addMembers(byRole("editor"));
  const { setSessionLookup } = await import("./session");
  setSessionLookup(async () => ({ userId: ids.editor }));
});

afterAll(async () => {
  const { setSessionLookup } = await import("./session");
  setSessionLookup(undefined);
  await (await import("./db")).getDb().db.$disconnect();
  await postgres?.stop();
});

function edited(name: string, n: number): PoolDocument {
  const doc = structuredClone(BLOG_POOL_DOCUMENT);
  doc.metadata = { name, labels: { edit: String(n) } };
  doc.spec.region = "eu-west-1";
  return doc;
}

describe("saveDraftAction on PostgreSQL", () => {
  test("eight saves at once on the same version: one is written, seven are refused as conflicts, none merged", async () => {
    const actions = await import("@/app/pools/actions");
    const { getDb } = await import("./db");
    const created = await actions.createPoolAction({ name: "race", region: "eu-west-1", environment: "dev", preset: "" });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const poolId = created.data.id;
    const documents = Array.from({ length: 8 }, (_, n) => edited("race", n));
    const results = await Promise.all(documents.map((document) => actions.saveDraftAction({ poolId, version: 1, document })));
    const won = results.flatMap((r, n) => (r.ok ? [n] : []));
    expect(won).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(7).fill("draft-conflict"));
    const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId } });
    expect(draft.version).toBe(2);
    expect(JSON.parse(draft.document)).toEqual(documents[won[0]!]);
    // The next save names the version the winner wrote, and is written.
    const next = await actions.saveDraftAction({ poolId, version: 2, document: edited("race-renamed", 9) });
    expect(next.ok && next.data).toMatchObject({ version: 3, valid: true });
    expect((await getDb().db.pool.findUniqueOrThrow({ where: { id: poolId } })).name).toBe("race-renamed");
  });

  test("the studio's client keeps POSTGRES_POOL_SIZE connections: more queries at once wait for one", async () => {
    const { getDb, POSTGRES_POOL_SIZE } = await import("./db");
    const db = getDb().db;
    // Prisma's queries are lazy: Promise.all sends them all now.
    const queries = Promise.all(Array.from({ length: POSTGRES_POOL_SIZE + 5 }, () => db.$queryRawUnsafe("SELECT pg_sleep(0.5)::text AS slept")));
    await new Promise((r) => setTimeout(r, 250));
    const observer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await observer.connect();
    try {
      const { rows } = await observer.query<{ busy: number }>(
        "SELECT count(*)::int AS busy FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%' AND state = 'active'",
      );
      expect(rows[0]?.busy).toBe(POSTGRES_POOL_SIZE);
    } finally {
      await observer.end();
    }
    await queries;
  });

  test("an invalid document is judged before the transaction and still saved, marked invalid, with its diagnostics", async () => {
    const actions = await import("@/app/pools/actions");
    const created = await actions.createPoolAction({ name: "invalid-one", region: "eu-west-1", environment: "dev", preset: "" });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const saved = await actions.saveDraftAction({ poolId: created.data.id, version: 1, document: { ...edited("invalid-one", 1), metadata: { name: "bad/name" } } });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.data.valid).toBe(false);
    expect(saved.data.diagnostics.some((d) => d.severity === "error" && d.path.startsWith("metadata.name"))).toBe(true);
    // A name that does not parse never renames the pool in the list.
    const { getDb } = await import("./db");
    expect((await getDb().db.pool.findUniqueOrThrow({ where: { id: created.data.id } })).name).toBe("invalid-one");
  });
});
