/**
 * The real-world corpus: Cognito Terraform folders, CloudFormation/SAM templates and CDK-synthesised templates
 * written by other people (test/fixtures/corpus, sources and licences in its MANIFEST.md). For each entry:
 * - the import makes at least one draft and names the inputs a person must supply;
 * - with those inputs supplied, the draft holds the pools, clients, resource servers, domains, groups and
 *   identity providers counted by reading the file (manifest.json), not by running the importer;
 * - the document exports back to its own format and imports again to the same document. Where the file itself
 *   leaves a gap no input can fill (an ARN known only after deployment, say), the draft must stay invalid and
 *   name the gap; the round trip then starts from the draft with the values a person would type (entry.fill).
 */
import { describe, expect, test } from "vitest";
import { corpusEntries, corpusFiles, draftCounts, fillDraft, type CorpusEntry } from "../../../test/support/corpus";
import { type PoolDocument, poolDocumentSchema } from "../spec/document-schema";
import { validatePoolDocument } from "../spec/validate";
import { exportPoolDocument, importFiles, type ImportedPool } from "./index";

const entries = corpusEntries();

/** What the import said about a pool, for failure messages. */
function told(pool: ImportedPool | undefined): string {
  if (!pool) return "no pool";
  const gaps = pool.unresolved.map((u) => `${u.name} -> ${u.fields.join(", ")}`);
  const errors = pool.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.path}: ${d.message}`);
  return [`gaps: ${gaps.join("; ") || "none"}`, `errors: ${errors.join("; ") || "none"}`].join("\n");
}

function importEntry(entry: CorpusEntry, withInputs: boolean) {
  return importFiles({ files: corpusFiles(entry), format: entry.format, ...(withInputs ? entry.supply : {}) });
}

test("the corpus holds at least 20 entries of the three kinds", () => {
  const kinds = new Set(entries.map((e) => e.id.split("/")[0]));
  expect(entries.length).toBeGreaterThanOrEqual(20);
  expect([...kinds].sort()).toEqual(["cdk", "cloudformation", "terraform"]);
});

describe.each(entries.map((e) => [e.id, e] as const))("%s", (_id, entry) => {
  test("imports as a draft and names the inputs to supply", async () => {
    const result = await importEntry(entry, false);
    expect(result.pools.length, JSON.stringify(result.diagnostics)).toBeGreaterThanOrEqual(1);
    const suppliable = new Set(result.pools.flatMap((p) => p.unresolved.filter((u) => u.suppliable).map((u) => u.name)));
    expect(entry.inputs.filter((name) => !suppliable.has(name)), told(result.pools[0])).toEqual([]);
  });

  test("with its inputs supplied, holds what the file declares", async () => {
    const result = await importEntry(entry, true);
    expect(result.pools, JSON.stringify(result.diagnostics)).toHaveLength(entry.expected.pools);
    const { pools: _pools, ...expected } = entry.expected;
    expect(draftCounts(result.pools[0]!.draft), told(result.pools[0])).toEqual(expected);
  });

  /** The document the round trip starts from: the import's own, or the draft once its gaps are filled. */
  async function documentOf(): Promise<PoolDocument> {
    const [pool] = (await importEntry(entry, true)).pools;
    if (entry.roundTrip) {
      expect(pool?.document, told(pool)).toBeDefined();
      return pool!.document!;
    }
    // The file leaves gaps no input fills, or values AWS would refuse: the import says so (a gap, or an error
    // at the field) and the draft is invalid until a person types the values (entry.fill) in the editor.
    expect(pool!.unresolved.length + pool!.diagnostics.filter((d) => d.severity === "error").length, told(pool)).toBeGreaterThan(0);
    const names = new Set(pool!.unresolved.map((u) => u.name));
    expect((entry.gaps ?? []).filter((name) => !names.has(name)), told(pool)).toEqual([]);
    const draft = fillDraft(pool!.draft, entry.fill ?? {});
    expect(validatePoolDocument(draft).diagnostics.filter((d) => d.severity === "error"), told(pool)).toEqual([]);
    return poolDocumentSchema.parse(draft);
  }

  const how = entry.roundTrip ? "" : ` once the gaps are filled (${entry.whyNoRoundTrip})`;
  test(`exports back to ${entry.format} and imports again to the same document${how}`, async () => {
    const doc = await documentOf();
    const exported = exportPoolDocument(doc, entry.format);
    const again = await importFiles({ files: exported.files, format: entry.format });
    expect(again.pools, JSON.stringify(again.diagnostics)).toHaveLength(1);
    expect(again.pools[0]!.document, told(again.pools[0])).toEqual(doc);
  });
});
