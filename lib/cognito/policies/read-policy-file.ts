/**
 * Reading a policy file (YAML or JSON, `policies:` as a list): the pipelines' way to the same rules the studio
 * keeps in its database. Never throws: each problem names the policy and the key, and says what to do.
 */
import YAML from "yaml";
import { lineNestingDeeperThan } from "../formats/input-limits";
import { type PathSegment, joinPath } from "../spec/diagnostics";
import { compilePolicies, type CompiledPolicy } from "./compile";
import { MAX_POLICY_FILE_CHARS, POLICY_FILE_TOO_LONG, policyFileSchema } from "./policy-schema";
import type { Policy } from "./types";

export interface PolicyFile {
  policies: Policy[];
  compiled: CompiledPolicy[];
  /** Everything wrong with the file, one sentence each; empty when every policy compiled. */
  problems: string[];
}

/** Where a zod issue is, as a person reads it: `policies[2].severity` (with the policy's id when it has one). */
function whereOf(input: unknown, path: readonly PropertyKey[]): string {
  const segments = path.filter((p): p is PathSegment => typeof p === "string" || typeof p === "number");
  const where = joinPath("", ...segments) || "the file";
  const index = segments[1];
  const policies = (input as { policies?: unknown } | null)?.policies;
  const id = typeof index === "number" && Array.isArray(policies) ? (policies[index] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === "string" ? `${where} (policy "${id}")` : where;
}

/** Validates parsed YAML/JSON as a policy file. */
export function readPolicyData(data: unknown): PolicyFile {
  const parsed = policyFileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const message = issue.code === "invalid_type" && issue.path.length === 0 ? "a policy file is a mapping with a policies: list" : issue.message;
      return `${whereOf(data, issue.path)}: ${message}`;
    });
    return { policies: [], compiled: [], problems };
  }
  const policies = parsed.data.policies;
  const { compiled, problems } = compilePolicies(policies);
  return { policies, compiled, problems: problems.map((p) => p.message) };
}

/** A PolicySet needs three levels (the file, its policies: list, a policy); far more is not a policy file. */
const MAX_NESTING = 16;

/** The file's one YAML document, or why it cannot be read (checked before any recursive parser sees the text). */
function parsePolicyText(text: string): { data?: unknown; problem?: string } {
  if (text.length > MAX_POLICY_FILE_CHARS) return { problem: POLICY_FILE_TOO_LONG };
  const deep = lineNestingDeeperThan(text, MAX_NESTING);
  if (deep !== undefined)
    return { problem: `the policy file nests more than ${MAX_NESTING} levels deep (at line ${deep}); a policy file is a policies: list of policies, each a mapping of its keys: check that this is the file you meant` };
  const invalid = (message: string) => ({ problem: `the file is not valid YAML or JSON: ${message}` });
  try {
    const docs = YAML.parseAllDocuments(text, { prettyErrors: true });
    const list = Array.isArray(docs) ? docs : [docs];
    const error = list.flatMap((d) => d.errors)[0];
    if (error) return invalid(error.message.split("\n")[0] ?? "");
    if (list.length > 1) return invalid(`it holds ${list.length} documents (separated by ---); a policy file is one document: put every policy in one policies: list`);
    return { data: list[0]?.toJS({ maxAliasCount: 100 }) ?? null };
  } catch (cause) {
    const message = cause instanceof Error ? (cause.message.split("\n")[0] ?? "") : String(cause);
    return invalid(/alias count/u.test(message) ? "its aliases (*name) expand to more than 100 copies; write the policies out instead" : message);
  }
}

/** Reads the text of a policy file. */
export function readPolicyFile(text: string): PolicyFile {
  // An empty file is an empty set: how an admin removes every policy.
  if (text.trim() === "") return { policies: [], compiled: [], problems: [] };
  const { data, problem } = parsePolicyText(text);
  if (problem !== undefined) return { policies: [], compiled: [], problems: [problem] };
  return readPolicyData(data);
}

/** A policy file's text for a list of policies (what the Policies page exports and the starter set is shown as). */
export function renderPolicyFile(policies: readonly Policy[]): string {
  const clean = policies.map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)));
  return YAML.stringify({ apiVersion: "cognito-studio.dev/v1", kind: "PolicySet", policies: clean }, { lineWidth: 0 });
}
