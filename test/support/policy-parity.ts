/**
 * Policies give the same results in the editor, on the server and in the command line: one workspace's policy
 * set (the starter set and the team's own, one with `when` on the target's name, one with `matches`) checked on
 * the same documents for the same targets by
 *   (a) what the editor runs: the pool page's `editorPolicyCheck` on the stored draft, as `checkPoolDocument`
 *       calls it (the browser's `usePolicyCheck` runs the same function),
 *   (b) the apply's gate: `workspacePolicySet` and `checkRequestPolicies` on a submitted change request's frozen
 *       document, and `refuseBlockingPolicies`, which apply calls,
 *   (c) `cognito-studio validate FILE --policy POLICIES.yaml --target NAME --target-region REGION`, a process of
 *       its own (bin/cognito-studio.mjs, built into dist/cli), on the draft exported as YAML and the Policies
 *       page's file.
 * Run on a real database of each kind (SQLite and PostgreSQL files beside this one's callers).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkPoolDocument } from "@/components/pool-editor/analysis";
import { type Policy, renderPolicyFile, STARTER_POLICIES } from "@/lib/cognito/policies";
import { getPreset, presetExampleDocument, type Preset } from "@/lib/cognito/presets";
import type { PoolDocument } from "@/lib/cognito/spec";
import { serialisePoolDocument } from "@/lib/cognito/spec/document";
import type { Role } from "@/lib/contracts/roles";
import { migrate } from "@/prisma/migrate.mjs";
import { addMembers, byRole } from "./studio-db";

/** A database for the suite: its URL (set as DATABASE_URL before the first query) and how to drop it. */
export interface ParityDatabase {
  url: string;
  stop(): Promise<void>;
}

/** The team's own policies beside the starter set: `when` on the target's name, `matches`, the target's Region. */
export const TEAM_POLICIES: readonly Policy[] = [
  {
    id: "prod-pool-name-prefix",
    description: "Production pools are named shop-…",
    severity: "block",
    when: 'target.name == "prod"',
    require: 'pool.metadata.name.matches("^shop-[a-z0-9-]+$")',
    path: "metadata.name",
  },
  {
    id: "callbacks-on-shop-domain",
    description: "App clients redirect only to the shop's own domain, over https",
    severity: "warn",
    when: 'target.name != "dev"',
    each: "clients",
    require: String.raw`!has(item.callbackUrls) || item.callbackUrls.all(u, u.matches(r"^https://([a-z0-9-]+\.)*shop\.test(/|$)"))`,
    path: "spec.clients[*].callbackUrls",
  },
  {
    id: "eu-regions-only",
    description: "Pools live in an EU Region",
    severity: "block",
    require: 'target.region.startsWith("eu-")',
    path: "spec.region",
  },
];

/** The targets every pool goes to: production in Ireland, development in Virginia (another Region than the design's). */
export const TARGETS = [
  { name: "prod", region: "eu-west-1" },
  { name: "dev", region: "us-east-1" },
] as const;

/** The SPA preset's example as the shop would write it: its own domain and account, no production label. */
function shopDocument(name: string): PoolDocument {
  const example = presetExampleDocument(getPreset("spa") as Preset);
  delete example.metadata.labels;
  const text = JSON.stringify({ ...example, metadata: { ...example.metadata, name }, spec: { ...example.spec, region: "eu-west-1" } })
    .replaceAll("example.com", "shop.test")
    .replaceAll("123456789012", "111122223333")
    .replaceAll("Example <", "Shop <");
  return JSON.parse(text) as PoolDocument;
}

/** Meets every policy on every target but dev, which is outside the EU. */
export function compliantDocument(): PoolDocument {
  return shopDocument("shop-users");
}

/** Breaks most of them: no deletion protection or MFA, short passwords, an implicit-grant client sent to localhost. */
export function violatingDocument(): PoolDocument {
  const doc = shopDocument("legacy-users");
  const { softwareTokenMfaConfiguration: _totp, ...spec } = doc.spec;
  const [spa] = doc.spec.clients ?? [];
  const legacy = {
    ...spa,
    name: "legacy-web",
    allowedOAuthFlows: ["implicit"],
    callbackUrls: ["http://localhost:3000/callback", "https://legacy.othershop.net/cb"],
    refreshTokenValidity: 90,
  };
  return {
    ...doc,
    spec: { ...spec, deletionProtection: "INACTIVE", mfaConfiguration: "OFF", passwordPolicy: { ...spec.passwordPolicy, minimumLength: 8 }, clients: [spa, legacy] } as PoolDocument["spec"],
  };
}

/** A violation as each layer states it, in one shape: the policy, its severity, the field and the message. */
export interface Comparable {
  id: string;
  severity: "block" | "warn";
  path: string;
  message: string;
}

const byKey = (a: Comparable, b: Comparable) => `${a.id} ${a.path}`.localeCompare(`${b.id} ${b.path}`);
const BIN = path.resolve("bin/cognito-studio.mjs");

interface Setup {
  getDb: typeof import("@/lib/server/db").getDb;
  setSessionLookup: typeof import("@/lib/server/session").setSessionLookup;
  users: Record<Role, string>;
  dir: string;
}

/** Registers the suite on the database `startDatabase` gives. */
export function policyParitySuite(kind: string, startDatabase: () => Promise<ParityDatabase>): void {
  const setup = {} as Setup;
  let database: ParityDatabase | undefined;
  beforeAll(async () => {
    database = await startDatabase();
    process.env.DATABASE_URL = database.url;
    setup.getDb = (await import("@/lib/server/db")).getDb;
    setup.setSessionLookup = (await import("@/lib/server/session")).setSessionLookup;
    await migrate(process.env.DATABASE_URL);
    setup.users = (await addMembers(byRole("editor", "approver"))) as Record<Role, string>;
    setup.dir = mkdtempSync(path.join(tmpdir(), "policy-parity-"));
  });
  afterAll(async () => {
    setup.setSessionLookup?.(undefined);
    await setup.getDb?.().db.$disconnect();
    await database?.stop();
    if (setup.dir) rmSync(setup.dir, { recursive: true, force: true });
  });
  const as = (role: Role) => setup.setSessionLookup(async () => ({ userId: setup.users[role] }));
  const db = () => setup.getDb().db;
  const workspaceId = async () => (await db().workspace.findFirstOrThrow()).id;

  /** The workspace's policies as the Policies page stores them (saved by an admin through its action). */
  async function savePolicies(policies: readonly Policy[]): Promise<void> {
    const { listPolicies, policySetFingerprint } = await import("@/lib/server/policies");
    const { savePoliciesAction } = await import("@/app/policies/actions");
    as("admin");
    const fingerprint = policySetFingerprint(await listPolicies(await workspaceId()));
    const saved = await savePoliciesAction({ text: renderPolicyFile(policies), fingerprint });
    if (!saved.ok) throw new Error(`policies not saved: ${JSON.stringify(saved)}`);
  }

  /** A pool whose draft is `document`, with the two targets; returns its id and the targets' ids by name. */
  async function poolWith(document: PoolDocument): Promise<{ poolId: string; targets: Record<string, string> }> {
    const { createPoolAction, saveDraftAction } = await import("@/app/pools/actions");
    as("editor");
    const created = await createPoolAction({ name: document.metadata.name, region: "eu-west-1", environment: "dev", preset: "" });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const poolId = created.data.id;
    const draft = await db().draft.findUniqueOrThrow({ where: { poolId } });
    const saved = await saveDraftAction({ poolId, version: draft.version, document });
    if (!saved.ok || !saved.data.valid) throw new Error(`draft not valid: ${JSON.stringify(saved)}`);
    const targets: Record<string, string> = {};
    for (const t of TARGETS) targets[t.name] = (await db().target.create({ data: { poolId, name: t.name, region: t.region, requiredApprovals: 0 } })).id;
    return { poolId, targets };
  }

  /** (a) The editor: the pool page's check of the stored draft, for one target. */
  async function editorSays(poolId: string, target: { name: string; region: string }): Promise<Comparable[]> {
    const { listPolicies, ruleOf } = await import("@/lib/server/policies");
    const { editorPolicyCheck } = await import("@/lib/cognito/policies");
    const draft = await db().draft.findUniqueOrThrow({ where: { poolId } });
    const rules = (await listPolicies(await workspaceId())).map(ruleOf);
    const check = editorPolicyCheck(rules, [target]);
    const findings = checkPoolDocument(JSON.parse(draft.document) as unknown, [], check).findings;
    const policies = findings.filter((d) => d.code.startsWith("policy/")) as ReturnType<typeof check>;
    // The editor shows every policy as a warning (a draft that breaks one is still a draft) and says which target it blocks.
    for (const f of policies) {
      expect(f.severity).toBe("warning");
      expect(f.message).toMatch(f.blocking ? new RegExp(`\\(team policy; blocks apply to target ${target.name}\\)$`, "u") : new RegExp(`\\(team policy; warns on target ${target.name}\\)$`, "u"));
    }
    return policies.map((f) => ({ id: f.policyId, severity: f.blocking ? "block" : "warn", path: f.path, message: f.message.replace(/ \(team policy; [^)]*\)$/u, "") }) satisfies Comparable).sort(byKey);
  }

  /** (b) The server: a change request submitted for the target, checked by the apply's gate. */
  async function serverSays(poolId: string, targetId: string): Promise<{ violations: Comparable[]; refusal?: string }> {
    const { submitChangeRequestAction } = await import("@/app/pools/review-actions");
    const { checkStoredRequestPolicies, refuseBlockingPolicies } = await import("@/lib/server/policy-gate");
    const { readStoredDocument } = await import("@/lib/server/pools");
    as("editor");
    const draft = await db().draft.findUniqueOrThrow({ where: { poolId } });
    const submitted = await submitChangeRequestAction({ poolId, targetId, draftVersion: draft.version, title: "Parity", description: "" });
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    const cr = await db().changeRequest.findUniqueOrThrow({ where: { id: submitted.data.id }, include: { target: true, pool: true } });
    const check = await checkStoredRequestPolicies(cr);
    if (!check) throw new Error("the change request's document could not be read");
    const document = readStoredDocument(cr.document).document as PoolDocument;
    const refusal = await refuseBlockingPolicies(cr, document).then(
      () => undefined,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    for (const v of check.violations) expect(v.severity).toBe(v.blocking ? "error" : "warning");
    const violations = check.violations.map((v) => ({ id: v.policyId, severity: v.blocking ? "block" : "warn", path: v.path, message: v.message }) satisfies Comparable).sort(byKey);
    return { violations, ...(refusal === undefined ? {} : { refusal }) };
  }

  /** (c) The command line, as a pipeline runs it: the draft exported as YAML, the Policies page's file. */
  async function cliSays(poolId: string, target: { name: string; region: string }): Promise<{ status: number | null; violations: Comparable[]; stderr: string }> {
    const { listPolicies, ruleOf } = await import("@/lib/server/policies");
    const draft = await db().draft.findUniqueOrThrow({ where: { poolId } });
    const poolFile = path.join(setup.dir, `${poolId}.yaml`);
    const policyFile = path.join(setup.dir, "policies.yaml");
    writeFileSync(poolFile, serialisePoolDocument(JSON.parse(draft.document) as PoolDocument, "yaml"));
    writeFileSync(policyFile, renderPolicyFile((await listPolicies(await workspaceId())).map(ruleOf)));
    const run = spawnSync(process.execPath, [BIN, "validate", poolFile, "--policy", policyFile, "--target", target.name, "--target-region", target.region, "--format", "json"], { encoding: "utf8" });
    if (run.status === 2) return { status: run.status, violations: [], stderr: run.stderr };
    const report = JSON.parse(run.stdout) as { diagnostics: { severity: string; path: string; code: string; message: string }[] };
    const violations = report.diagnostics
      .filter((d) => d.code.startsWith("policy/"))
      .map((d) => ({ id: d.code.slice("policy/".length), severity: d.severity === "error" ? "block" : "warn", path: d.path, message: d.message }) satisfies Comparable)
      .sort(byKey);
    return { status: run.status, violations, stderr: run.stderr };
  }

  /** Every layer's answer for one pool and target, after asserting they agree. */
  async function allSay(pool: { poolId: string; targets: Record<string, string> }, target: (typeof TARGETS)[number]) {
    const editor = await editorSays(pool.poolId, target);
    const server = await serverSays(pool.poolId, pool.targets[target.name] ?? "");
    const cli = await cliSays(pool.poolId, target);
    expect(server.violations, "the server's gate against the editor").toEqual(editor);
    expect(cli.violations, "the command line against the editor").toEqual(editor);
    // A blocking violation refuses the apply and fails the pipeline; a warning alone does neither.
    const blocks = editor.some((v) => v.severity === "block");
    expect(server.refusal !== undefined, "the apply is refused").toBe(blocks);
    expect(cli.status, cli.stderr).toBe(blocks ? 1 : 0);
    return { violations: editor, refusal: server.refusal };
  }

  const ids = (violations: Comparable[]) => violations.map((v) => `${v.severity} ${v.id} ${v.path}`);

  describe(`policies in the editor, the apply gate and the command line (${kind})`, () => {
    let compliant: Awaited<ReturnType<typeof poolWith>>;
    let violating: Awaited<ReturnType<typeof poolWith>>;
    beforeAll(async () => {
      await savePolicies([...STARTER_POLICIES, ...TEAM_POLICIES]);
      compliant = await poolWith(compliantDocument());
      violating = await poolWith(violatingDocument());
    });

    test("a compliant pool: nothing on prod; on dev (us-east-1) only the Region policy, from the target's Region", async () => {
      expect((await allSay(compliant, TARGETS[0])).violations).toEqual([]);
      const dev = await allSay(compliant, TARGETS[1]);
      expect(ids(dev.violations)).toEqual(["block eu-regions-only spec.region"]);
      expect(dev.refusal).toMatch(/^Blocked by policy: eu-regions-only \(spec\.region: Pools live in an EU Region\)/u);
    });

    test("a violating pool on prod: the same blocking and warning violations, at the same fields, everywhere", async () => {
      const prod = await allSay(violating, TARGETS[0]);
      expect(ids(prod.violations)).toEqual([
        "warn callbacks-on-shop-domain spec.clients[1].callbackUrls",
        "block no-implicit-grant spec.clients[1].allowedOAuthFlows",
        "warn password-min-length-12 spec.passwordPolicy.minimumLength",
        "block prod-deletion-protection spec.deletionProtection",
        "block prod-mfa-required spec.mfaConfiguration",
        "block prod-no-localhost-callbacks spec.clients[1].callbackUrls",
        "block prod-pool-name-prefix metadata.name",
        "warn refresh-token-30-days spec.clients[1].refreshTokenValidity",
      ]);
      expect(prod.violations.find((v) => v.id === "no-implicit-grant")?.message).toBe('"legacy-web": App clients do not allow the implicit grant; use the code grant with PKCE');
    });

    test("the same pool on dev: the `when` on the target's name leaves the production policies out", async () => {
      const dev = await allSay(violating, TARGETS[1]);
      expect(ids(dev.violations)).toEqual([
        "block eu-regions-only spec.region",
        "block no-implicit-grant spec.clients[1].allowedOAuthFlows",
        "warn password-min-length-12 spec.passwordPolicy.minimumLength",
        "warn refresh-token-30-days spec.clients[1].refreshTokenValidity",
      ]);
    });

    test("a stored policy that no longer compiles: the editor and the gate both block on it; the command line refuses the file", async () => {
      // As if saved before `matches` took RE2 syntax: a lookahead compiled then, and no longer does.
      const legacy = await db().policy.create({
        data: { workspaceId: await workspaceId(), key: "legacy-lookahead", description: "Pool names start with a team prefix", severity: "block", require: 'pool.metadata.name.matches("^(?=shop-)")', path: "metadata.name", createdBy: "admin@example.com", updatedBy: "admin@example.com" },
      });
      try {
        const target = TARGETS[0];
        const editor = await editorSays(compliant.poolId, target);
        const server = await serverSays(compliant.poolId, compliant.targets[target.name] ?? "");
        expect(server.violations).toEqual(editor);
        expect(ids(editor)).toEqual(["block legacy-lookahead metadata.name"]);
        expect(editor[0]?.message).toMatch(/^this policy no longer compiles \(policy "legacy-lookahead", require at column \d+: .*matches takes RE2 syntax/u);
        expect(server.refusal).toMatch(/^Blocked by policy: legacy-lookahead \(metadata\.name: this policy no longer compiles/u);
        // The command line reads the Policies page's file: a policy that does not compile stops it (exit 2)
        // rather than passing the pipeline without the rule.
        const cli = await cliSays(compliant.poolId, target);
        expect(cli.status).toBe(2);
        expect(cli.stderr).toMatch(/policies\.yaml: policy "legacy-lookahead", require at column \d+: .*matches takes RE2 syntax/u);
      } finally {
        await db().policy.delete({ where: { id: legacy.id } });
      }
    });
  });
}
