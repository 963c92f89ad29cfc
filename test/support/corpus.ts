/**
 * The real-world corpus (test/fixtures/corpus): Cognito Terraform, CloudFormation/SAM and CDK-synthesised
 * templates taken from public repositories, with the counts read by hand from each file (manifest.json).
 * Shared by the corpus unit test and the corpus integration test.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ImportFormat, ImportRequest, SourceFile } from "../../lib/cognito/formats/types";

export const CORPUS_DIR = join(__dirname, "../fixtures/corpus");

export type CorpusCounts = { pools: number; clients: number; resourceServers: number; domains: number; groups: number; identityProviders: number };

export type CorpusEntry = {
  /** The entry's folder under test/fixtures/corpus: `terraform/goldstack-user-management`. */
  id: string;
  format: Extract<ImportFormat, "terraform" | "cloudformation">;
  source: { repository: string; paths: string[]; commit?: string; licence: string; licenceEvidence: string; excerpt: boolean; note?: string };
  constructs: string[];
  expected: CorpusCounts;
  /** Suppliable inputs without a default that feed the Cognito resources, as the import names them. */
  inputs: string[];
  /** The values a person would supply (the test imports with them). */
  supply: Pick<ImportRequest, "variables" | "parameters" | "pseudoParameters" | "region">;
  /** False when the file itself leaves a gap no input can fill (read from the file; `whyNoRoundTrip` says which). */
  roundTrip: boolean;
  whyNoRoundTrip?: string;
  /** Unresolved names the import must report for such an entry. */
  gaps?: string[];
  /** What a person types in the editor to fill those gaps: draft paths (`spec.groups[0].roleArn`) to values. */
  fill?: Record<string, unknown>;
};

export function corpusEntries(): CorpusEntry[] {
  const manifest = JSON.parse(readFileSync(join(CORPUS_DIR, "manifest.json"), "utf8")) as { entries: CorpusEntry[] };
  return manifest.entries;
}

/** Every file of an entry's folder, as the import receives a folder: paths relative to it, sorted. */
export function corpusFiles(entry: CorpusEntry): SourceFile[] {
  const dir = join(CORPUS_DIR, entry.id);
  return readdirSync(dir)
    .sort()
    .map((name) => ({ path: name, content: readFileSync(join(dir, name), "utf8") }));
}

/** The counts of a draft as the import built it (`spec.clients`, `spec.domain`, ...). */
export function draftCounts(draft: Record<string, unknown>): Omit<CorpusCounts, "pools"> {
  const spec = (draft.spec ?? {}) as Record<string, unknown>;
  const length = (value: unknown) => (Array.isArray(value) ? value.length : 0);
  return {
    clients: length(spec.clients),
    resourceServers: length(spec.resourceServers),
    domains: spec.domain ? 1 : 0,
    groups: length(spec.groups),
    identityProviders: length(spec.identityProviders),
  };
}

/** Sets each `path` (`spec.groups[0].roleArn`) of a copy of `draft` to its value, creating what is missing. */
export function fillDraft(draft: Record<string, unknown>, fill: Record<string, unknown>): Record<string, unknown> {
  const out = structuredClone(draft);
  for (const [path, value] of Object.entries(fill)) {
    const keys = path.split(/\.|\[(\d+)\]/u).filter((k) => k !== undefined && k !== "").map((k) => (/^\d+$/u.test(k) ? Number(k) : k));
    let node: Record<string | number, unknown> = out;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) node[key] = structuredClone(value);
      else node = (node[key] ??= typeof keys[i + 1] === "number" ? [] : {}) as Record<string | number, unknown>;
    });
  }
  return out;
}
