import "server-only";
import { createHash } from "node:crypto";
import { type Policy, type PolicySet, type PolicyViolation, STARTER_POLICIES, compilePolicySet, readPolicyFile, renderPolicyFile } from "@/lib/cognito/policies";
import type { TestPoliciesJobResult } from "@/lib/cognito/formats/parse-job";
import { type Db, getDb } from "./db";
import { UserError } from "./errors";
import { ParseLimitError, parseInWorker } from "./parse-worker";
import { readStoredDocument } from "./pools";
import { VersionCache } from "./version-cache";
import type { Account } from "./users";

/** A stored policy as the Policies page lists it. */
export interface StoredPolicy extends Policy {
  version: number;
  updatedBy: string;
  updatedAt: Date;
}

type PolicyRow = Awaited<ReturnType<Db["policy"]["findMany"]>>[number];

function toPolicy(row: PolicyRow): Policy {
  return {
    id: row.key,
    description: row.description,
    severity: row.severity === "block" ? "block" : "warn",
    ...(row.when === null ? {} : { when: row.when }),
    ...(row.each === null ? {} : { each: row.each }),
    require: row.require,
    path: row.path,
  };
}

/** The workspace's policies, in the order they were created. */
export async function listPolicies(workspaceId: string, db: Db = getDb().db): Promise<StoredPolicy[]> {
  const rows = await db.policy.findMany({ where: { workspaceId }, orderBy: [{ createdAt: "asc" }, { key: "asc" }] });
  return rows.map((r) => ({ ...toPolicy(r), version: r.version, updatedBy: r.updatedBy, updatedAt: r.updatedAt }));
}

/** Names the set a page was loaded with: a save from an older page is refused rather than undoing someone's change. */
export function policySetFingerprint(policies: readonly StoredPolicy[]): string {
  const text = policies.map((p) => `${p.id}@${p.version}`).join(",");
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/**
 * The workspace's policies compiled, and the stored ones that no longer compile as violations
 * (`compilePolicySet`, the same set the editor checks with).
 */
export async function workspacePolicySet(workspaceId: string, db: Db = getDb().db): Promise<PolicySet> {
  const rules = (await listPolicies(workspaceId, db)).map(ruleOf);
  // Compiled once per set of rules (every change request page and apply checks them); the rules are the version.
  return compiledSets.get(workspaceId, JSON.stringify(rules), () => compilePolicySet(rules));
}

/** Parsing and type-checking CEL is the costly part of a policy check: a few workspaces' sets are kept. */
const compiledSets = new VersionCache<PolicySet>(50);

/** The rule alone (no version or author), so a comparison or the audit log sees only what the policy says. */
export function ruleOf(p: Policy): Policy {
  return { id: p.id, description: p.description, severity: p.severity, ...(p.when === undefined ? {} : { when: p.when }), ...(p.each === undefined ? {} : { each: p.each }), require: p.require, path: p.path };
}
const sameRule = (a: Policy, b: Policy) => renderPolicyFile([ruleOf(a)]) === renderPolicyFile([ruleOf(b)]);

export interface PolicySetChange {
  added: string[];
  changed: { id: string; version: number; before: string; after: string }[];
  removed: string[];
}

async function refuseStale(workspaceId: string, fingerprint: string, db: Db): Promise<StoredPolicy[]> {
  const current = await listPolicies(workspaceId, db);
  if (policySetFingerprint(current) !== fingerprint)
    throw new UserError("policies-changed", "Someone changed the policies since you opened this page; reload it (your text is lost on reload: copy it first) and apply your change again.");
  return current;
}

/** Writes the difference between the stored set and `wanted`: new rows, a new version of each changed one, deletions. */
async function writePolicySet(account: Account, current: readonly StoredPolicy[], wanted: readonly Policy[], db: Db): Promise<PolicySetChange> {
  const change: PolicySetChange = { added: [], changed: [], removed: [] };
  const byId = new Map(current.map((p) => [p.id, p]));
  for (const policy of wanted) {
    const before = byId.get(policy.id);
    const data = { description: policy.description, severity: policy.severity, when: policy.when ?? null, each: policy.each ?? null, require: policy.require, path: policy.path, updatedBy: account.email };
    if (!before) {
      await db.policy.create({ data: { ...data, workspaceId: account.workspaceId, key: policy.id, createdBy: account.email } });
      change.added.push(policy.id);
    } else if (!sameRule(before, policy)) {
      await db.policy.update({ where: { workspaceId_key: { workspaceId: account.workspaceId, key: policy.id } }, data: { ...data, version: { increment: 1 } } });
      change.changed.push({ id: policy.id, version: before.version + 1, before: renderPolicyFile([ruleOf(before)]), after: renderPolicyFile([ruleOf(policy)]) });
    }
  }
  const kept = new Set(wanted.map((p) => p.id));
  for (const policy of current) {
    if (kept.has(policy.id)) continue;
    await db.policy.delete({ where: { workspaceId_key: { workspaceId: account.workspaceId, key: policy.id } } });
    change.removed.push(policy.id);
  }
  return change;
}

/** Saves the whole set from the Policies page's file. Nothing is saved unless every policy compiles. */
export async function savePolicySet(account: Account, input: { text: string; fingerprint: string }, db: Db = getDb().db): Promise<PolicySetChange> {
  const file = readPolicyFile(input.text);
  if (file.problems.length > 0) throw new UserError("policies-invalid", `Nothing was saved: ${file.problems.join(" ")}`, "text");
  const current = await refuseStale(account.workspaceId, input.fingerprint, db);
  return writePolicySet(account, current, file.policies, db);
}

/** Adds the starter policies the workspace does not have yet (by id); its own versions of the others stay. */
export async function adoptStarterSet(account: Account, input: { fingerprint: string }, db: Db = getDb().db): Promise<PolicySetChange> {
  const current = await refuseStale(account.workspaceId, input.fingerprint, db);
  const have = new Set(current.map((p) => p.id));
  return writePolicySet(account, current, [...current, ...STARTER_POLICIES.filter((p) => !have.has(p.id))], db);
}

export interface PolicyTestResult {
  problems: string[];
  violations: PolicyViolation[];
  poolName: string;
}

/** "Test against this pool": the policies as typed against a pool's draft, for a target name. Reads only. */
export async function testPolicies(account: Account, input: { text: string; poolId: string; targetName: string }, db: Db = getDb().db): Promise<PolicyTestResult> {
  const pool = await db.pool.findFirst({ where: { id: input.poolId, workspaceId: account.workspaceId }, include: { draft: true } });
  if (!pool?.draft) throw new UserError("pool-not-found", "Choose one of the workspace's pools.", "poolId");
  const stored = readStoredDocument(pool.draft.document);
  const target = await db.target.findFirst({ where: { poolId: pool.id, name: input.targetName } });
  let tested: TestPoliciesJobResult;
  try {
    // In the parse worker: a rule may take the policy time limit, which must not hold the event loop.
    tested = await parseInWorker({ kind: "test-policies", text: input.text, ...(stored.document ? { document: stored.document } : {}), target: { name: input.targetName, region: target?.region ?? "" } });
  } catch (cause) {
    if (cause instanceof ParseLimitError) throw new UserError(cause.code, cause.message, "text");
    throw cause;
  }
  if (!stored.document) return { problems: [...tested.problems, `The draft of ${pool.name} has errors; fix them in the editor to test it.`], violations: [], poolName: pool.name };
  return { problems: tested.problems, violations: tested.violations, poolName: pool.name };
}
