import { afterEach, describe, expect, test } from "vitest";
import { serialisePoolDocument } from "@/lib/cognito/spec/document";
import { BLOG_POOL_DOCUMENT } from "@/test/support/pool-documents";
import { importFiles } from "@/lib/cognito/formats";
import { corpusEntries, corpusFiles } from "@/test/support/corpus";
import { DEFAULT_PARSE_LIMITS, ParseWorkerPool, parseLimitsFromEnv } from "./parse-worker";

// Real worker threads running the real importers (loaded with tsx, as under `next start`).
const pools: ParseWorkerPool[] = [];
const poolWith = (limits: Partial<typeof DEFAULT_PARSE_LIMITS>) => {
  const pool = new ParseWorkerPool({ ...DEFAULT_PARSE_LIMITS, ...limits });
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

const honest = serialisePoolDocument(BLOG_POOL_DOCUMENT, "yaml");
/** Shallow flow YAML that the `yaml` parser needs seconds and hundreds of MB for (about 0.9 MB). */
const slow = 'a: [1, {b: "x"}]\n'.repeat(50_000);

describe("parse worker pool", () => {
  test("reads an honest file in a worker, like the importer in-process", async () => {
    const { format, result } = await poolWith({}).run({ kind: "import", text: honest, fileName: "pool.yaml" });
    expect(format).toBe("spec");
    expect(result.document?.metadata.name).toBe(BLOG_POOL_DOCUMENT.metadata.name);
  });

  test("a whole import request (a Terraform folder with a variable to supply) reads in a worker as in-process", async () => {
    const request = {
      files: [
        { path: "main.tf", content: 'resource "aws_cognito_user_pool" "main" {\n  name = "shop-${var.env}"\n}\nresource "aws_cognito_user_pool_client" "web" {\n  name         = "web"\n  user_pool_id = aws_cognito_user_pool.main.id\n}\n' },
        { path: "variables.tf", content: 'variable "env" {\n  type = string\n}\n' },
      ],
      region: "eu-west-1",
    };
    const inWorker = await poolWith({}).run({ kind: "import-files", request });
    expect(inWorker.pools.map((p) => p.address)).toEqual(["aws_cognito_user_pool.main"]);
    expect(inWorker.pools[0]?.unresolved.map((u) => u.name)).toContain("var.env");
    expect(inWorker).toEqual(await importFiles(request));
  });

  test("every real-world file of the corpus crosses the thread boundary intact (plain data, no class instances)", async () => {
    const pool = poolWith({ workers: 1 });
    const entries = corpusEntries();
    expect(entries.length).toBeGreaterThanOrEqual(20);
    for (const entry of entries) {
      const request = { files: corpusFiles(entry), format: entry.format, ...entry.supply };
      expect(await pool.run({ kind: "import-files", request }), entry.id).toStrictEqual(await importFiles(request));
    }
  });

  test("the input limits run inside the worker: deep nesting is refused by name", async () => {
    const { result } = await poolWith({}).run({ kind: "import", text: "[".repeat(100_000) });
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: "input-too-deep" })]);
  });

  test("a job over its time is stopped with an error naming the limit; the pool then serves the next job", async () => {
    // 1 s: long enough for an honest file on a busy machine, far short of the 5 s the slow one takes.
    const pool = poolWith({ timeoutMs: 1_000, workers: 1 });
    await pool.run({ kind: "import", text: honest }); // warm: the limit counts the job, not the worker's start
    let ticks = 0;
    const ticking = setInterval(() => (ticks += 1), 10);
    await expect(pool.run({ kind: "import", text: slow })).rejects.toMatchObject({ code: "parse-timeout", message: expect.stringMatching(/longer than 1 s, the limit for one import.*STUDIO_PARSE_TIMEOUT_SECONDS/u) });
    clearInterval(ticking);
    expect(ticks).toBeGreaterThan(0); // the event loop kept running while the worker parsed
    const { result } = await pool.run({ kind: "import", text: honest });
    expect(result.document).toBeDefined();
  });

  test("a job over its heap ends only its worker, with an error naming the limit", async () => {
    const pool = poolWith({ memoryMb: 96, workers: 1 });
    const { result } = await pool.run({ kind: "import", text: honest });
    expect(result.document).toBeDefined(); // the same limit is enough for a real file
    await expect(pool.run({ kind: "import", text: slow })).rejects.toMatchObject({ code: "parse-memory", message: expect.stringMatching(/more than 96 MB of memory.*STUDIO_PARSE_MEMORY_MB/u) });
    expect((await pool.run({ kind: "import", text: honest })).result.document).toBeDefined();
  });

  test("jobs beyond the workers and the queue are turned away, not piled up", async () => {
    const pool = poolWith({ workers: 1, queue: 1, timeoutMs: 2_000 });
    const jobs = [pool.run({ kind: "import", text: honest }), pool.run({ kind: "import", text: honest }), pool.run({ kind: "import", text: honest })];
    const outcomes = await Promise.allSettled(jobs);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected"]);
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ code: "parse-busy" });
  });

  test("the operator's limits come from the environment; nonsense keeps the default", () => {
    expect(parseLimitsFromEnv({ STUDIO_PARSE_TIMEOUT_SECONDS: "5", STUDIO_PARSE_MEMORY_MB: "256" })).toMatchObject({ timeoutMs: 5_000, memoryMb: 256 });
    expect(parseLimitsFromEnv({ STUDIO_PARSE_TIMEOUT_SECONDS: "-1", STUDIO_PARSE_MEMORY_MB: "lots" })).toMatchObject({ timeoutMs: DEFAULT_PARSE_LIMITS.timeoutMs, memoryMb: DEFAULT_PARSE_LIMITS.memoryMb });
  });
});
