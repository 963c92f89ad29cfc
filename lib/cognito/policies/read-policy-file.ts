/**
 * Reading a policy file (YAML or JSON, `policies:` as a list): the pipelines' way to the same rules the studio
 * keeps in its database. Never throws: each problem names the policy and the key, and says what to do.
 */
import YAML from "yaml";
import { type PathSegment, joinPath } from "../spec/diagnostics";
import { compilePolicies, type CompiledPolicy } from "./compile";
import { policyFileSchema } from "./policy-schema";
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

/** Reads the text of a policy file. */
export function readPolicyFile(text: string): PolicyFile {
  // An empty file is an empty set: how an admin removes every policy.
  if (text.trim() === "") return { policies: [], compiled: [], problems: [] };
  let data: unknown;
  try {
    data = YAML.parse(text, { prettyErrors: true });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
    return { policies: [], compiled: [], problems: [`the file is not valid YAML or JSON: ${message}`] };
  }
  return readPolicyData(data);
}

/** A policy file's text for a list of policies (what the Policies page exports and the starter set is shown as). */
export function renderPolicyFile(policies: readonly Policy[]): string {
  const clean = policies.map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)));
  return YAML.stringify({ apiVersion: "cognito-studio.dev/v1", kind: "PolicySet", policies: clean }, { lineWidth: 0 });
}
