import { beforeEach, describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { byRole, useStudioDatabase } from "@/test/support/studio-db";

// A real SQLite file per run; only the session lookup is replaced (setSessionLookup).
const { as } = useStudioDatabase("studio-actions-", byRole("viewer", "editor", "approver"));

const { getDb } = await import("./db");
const { setSessionLookup } = await import("./session");
const { createAccount } = await import("./users");
const { defineAction, GENERIC_ERROR, SIGNED_OUT_ERROR } = await import("./action");
const { UserError } = await import("./errors");
const { readStoredDocument } = await import("./pools");
const actions = await import("@/app/pools/actions");
const importActions = await import("@/app/pools/import-actions");

beforeEach(() => as("anonymous"));

describe("accounts", () => {
  test("the first account is admin, later ones viewers, all in one workspace", async () => {
    const memberships = await getDb().db.membership.findMany({ include: { user: true } });
    expect(new Set(memberships.map((m) => m.workspaceId)).size).toBe(1);
    const admin = memberships.find((m) => m.user.email === "admin@example.com");
    expect(admin?.role).toBe("admin");
    const late = await createAccount({ email: "late@example.com", name: "Late", password: "password-late" });
    expect(late.role).toBe("viewer");
    await expect(createAccount({ email: "LATE@example.com", name: "Again", password: "password-late" })).rejects.toThrow("already exists");
  });
});

describe("createPoolAction", () => {
  const input = { name: "orders", region: "eu-west-1", environment: "dev", preset: "hardened-production" };

  test.each(["anonymous", "viewer"] as const)("is refused as %s", async (role) => {
    as(role);
    const result = await actions.createPoolAction({ ...input, name: `orders-${role}` });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.formError).toBe(role === "anonymous" ? SIGNED_OUT_ERROR : "This needs the editor role; you are viewer. Ask an admin of the workspace.");
    expect(await getDb().db.pool.count({ where: { name: `orders-${role}` } })).toBe(0);
  });

  test.each(["editor", "approver", "admin"] as const)("creates a pool as %s and audits it", async (role) => {
    as(role);
    const result = await actions.createPoolAction({ ...input, name: `orders-${role}` });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const pool = await getDb().db.pool.findUniqueOrThrow({ where: { id: result.data.id }, include: { draft: true } });
    expect(pool.environment).toBe("dev");
    expect(pool.draft?.version).toBe(1);
    expect(JSON.parse(pool.draft?.document ?? "{}").spec.passwordPolicy.minimumLength).toBeGreaterThanOrEqual(12);
    const audit = await getDb().db.auditEvent.findFirstOrThrow({ where: { poolId: pool.id, action: "pool.create" } });
    expect(audit.actor).toBe(`${role}@example.com`);
    expect(audit.after).toBe(`created orders-${role} (hardened-production, dev)`);
  });

  test("returns field errors for invalid input and a taken name", async () => {
    as("editor");
    const bad = await actions.createPoolAction({ ...input, name: "bad/name", environment: "Prod!" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors).sort()).toEqual(["environment", "name"]);
    const taken = await actions.createPoolAction({ ...input, name: "orders-editor" });
    expect(taken).toEqual({ ok: false, code: "pool-name-taken", fieldErrors: { name: ['A pool named "orders-editor" already exists in this workspace; choose another name.'] } });
    const unknown = await actions.createPoolAction({ ...input, name: "x1", preset: "spa" });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.fieldErrors.preset).toEqual(['There is no pool preset named "spa".']);
  });
});

describe("saveDraftAction and saveRevisionAction", () => {
  async function newPool(name: string) {
    as("editor");
    const result = await actions.createPoolAction({ name, region: "eu-west-1", environment: "dev", preset: "" });
    if (!result.ok) throw new Error("setup failed");
    const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId: result.data.id } });
    return { id: result.data.id, document: JSON.parse(draft.document) as Record<string, unknown> };
  }

  test("anonymous and viewer cannot save; editor saves and the version grows", async () => {
    const pool = await newPool("drafts-1");
    for (const role of ["anonymous", "viewer"] as const) {
      as(role);
      expect((await actions.saveDraftAction({ poolId: pool.id, version: 1, document: pool.document })).ok).toBe(false);
    }
    as("approver");
    const saved = await actions.saveDraftAction({ poolId: pool.id, version: 1, document: pool.document });
    expect(saved.ok && saved.data.version).toBe(2);
    expect(await getDb().db.auditEvent.count({ where: { poolId: pool.id, action: "draft.save" } })).toBe(1);
  });

  test("a save from a stale version is refused with who and when, and changes nothing", async () => {
    const pool = await newPool("drafts-2");
    as("editor");
    expect((await actions.saveDraftAction({ poolId: pool.id, version: 1, document: { ...pool.document, metadata: { name: "drafts-2-a" } } })).ok).toBe(true);
    as("admin");
    const stale = await actions.saveDraftAction({ poolId: pool.id, version: 1, document: { ...pool.document, metadata: { name: "drafts-2-b" } } });
    expect(stale.ok).toBe(false);
    // The editor stops autosaving on this code (components/pools/use-draft-autosave.ts), not on the words.
    if (!stale.ok) expect(stale.code).toBe("draft-conflict");
    if (!stale.ok) expect(stale.formError).toMatch(/^Someone else saved this draft \(version 2 by editor@example\.com at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\); reload to see their changes\./u);
    const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId: pool.id } });
    expect(JSON.parse(draft.document).metadata.name).toBe("drafts-2-a");
    expect(draft.version).toBe(2);
  });

  test("a save to a pool that does not exist, or was deleted, is refused as not found and writes nothing", async () => {
    const pool = await newPool("drafts-gone");
    as("editor");
    const unknown = await actions.saveDraftAction({ poolId: "no-such-pool", version: 1, document: pool.document });
    expect(unknown).toMatchObject({ ok: false, code: "pool-not-found", formError: "This pool no longer exists." });
    await getDb().db.pool.delete({ where: { id: pool.id } });
    const gone = await actions.saveDraftAction({ poolId: pool.id, version: 1, document: pool.document });
    expect(gone).toMatchObject({ ok: false, code: "pool-not-found" });
    expect(await getDb().db.draft.count({ where: { poolId: pool.id } })).toBe(0);
  });

  test("an invalid draft is saved, marked invalid, and cannot become a revision", async () => {
    const pool = await newPool("drafts-3");
    as("editor");
    const saved = await actions.saveDraftAction({ poolId: pool.id, version: 1, document: { ...pool.document, metadata: { name: "bad/name" } } });
    expect(saved.ok && saved.data.valid).toBe(false);
    expect((await getDb().db.draft.findUniqueOrThrow({ where: { poolId: pool.id } })).valid).toBe(false);
    const revision = await actions.saveRevisionAction({ poolId: pool.id, version: 2, message: "nope" });
    expect(revision).toEqual({ ok: false, code: "draft-invalid", fieldErrors: {}, formError: "The draft has errors; fix them before saving it as a revision." });
  });

  test("a provider secret typed into a draft is removed before it is stored; no table holds it", async () => {
    const pool = await newPool("drafts-secret");
    as("editor");
    const secret = "GOCSPX-typed-into-the-form-93c1";
    const spec = pool.document.spec as Record<string, unknown>;
    const document = {
      ...pool.document,
      spec: {
        ...spec,
        identityProviders: [{ providerName: "Google", providerType: "Google", providerDetails: { client_id: "c", authorize_scopes: "openid", client_secret: secret } }],
      },
    };
    const saved = await actions.saveDraftAction({ poolId: pool.id, version: 1, document });
    expect(saved.ok).toBe(true);
    if (saved.ok) expect(saved.data.diagnostics.map((d) => d.code)).toContain("provider-secret-removed");
    const stored = readStoredDocument((await getDb().db.draft.findUniqueOrThrow({ where: { poolId: pool.id } })).document);
    expect(JSON.stringify(stored.raw)).toContain("client_id");
    const db = getDb().db;
    const everything = JSON.stringify([await db.draft.findMany(), await db.revision.findMany(), await db.auditEvent.findMany()]);
    expect(everything).not.toContain(secret);
  });

  test("revisions: viewer refused, editor numbers them 1, 2 and a stale version is refused", async () => {
    const pool = await newPool("drafts-4");
    as("viewer");
    expect((await actions.saveRevisionAction({ poolId: pool.id, version: 1, message: "m" })).ok).toBe(false);
    as("editor");
    expect(await actions.saveRevisionAction({ poolId: pool.id, version: 1, message: "first" })).toEqual({ ok: true, data: { number: 1 } });
    expect(await actions.saveRevisionAction({ poolId: pool.id, version: 1, message: "second" })).toEqual({ ok: true, data: { number: 2 } });
    await actions.saveDraftAction({ poolId: pool.id, version: 1, document: pool.document });
    const stale = await actions.saveRevisionAction({ poolId: pool.id, version: 1, message: "stale" });
    expect(stale.ok).toBe(false);
    expect(await getDb().db.revision.count({ where: { poolId: pool.id } })).toBe(2);
  });
});

describe("createImportAction and readImportAction", () => {
  const text = "apiVersion: cognito-studio.dev/v1\nkind: UserPool\nmetadata:\n  name: imported\nspec:\n  region: eu-west-1\n";
  const files = [{ path: "pool.yaml", content: text }];

  test.each(["anonymous", "viewer"] as const)("is refused as %s", async (role) => {
    as(role);
    expect((await importActions.readImportAction({ files })).ok).toBe(false);
    expect((await importActions.createImportAction({ files, environment: "dev", choices: [{ address: "imported" }] })).ok).toBe(false);
    expect(await getDb().db.pool.count({ where: { name: "imported" } })).toBe(0);
  });

  test("imports a spec as editor, audited; unparsable text is a field error at the files", async () => {
    as("editor");
    const preview = await importActions.readImportAction({ files });
    expect(preview.ok && preview.data.pools.map((p) => [p.address, p.defaultName, p.taken])).toEqual([["imported", "imported", false]]);
    const result = await importActions.createImportAction({ files, environment: "staging", choices: [{ address: "imported" }] });
    expect(result.ok && result.data.map((p) => p.name)).toEqual(["imported"]);
    if (!result.ok) return;
    const audit = await getDb().db.auditEvent.findFirstOrThrow({ where: { poolId: result.data[0]?.id, action: "pool.import" } });
    expect(audit.after).toBe("imported imported (imported) from pool.yaml");
    const broken = await importActions.readImportAction({ files: [{ path: "pasted text", content: "apiVersion: [" }] });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.fieldErrors.files?.[0]).toMatch(/^Nothing could be imported from pasted text: /u);
  });
});

describe("defineAction", () => {
  test("maps a UserError to the form error and anything else to a generic logged message", async () => {
    as("viewer");
    const fails = defineAction({ schema: z.object({}), role: "viewer", audit: false }, async () => {
      throw new UserError("nope", "Shown as is.");
    });
    expect(await fails({})).toEqual({ ok: false, code: "nope", fieldErrors: {}, formError: "Shown as is." });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const crashes = defineAction({ schema: z.object({}), role: "viewer", audit: false }, async () => {
      throw new Error("secret internals");
    });
    expect(await crashes({})).toEqual({ ok: false, fieldErrors: {}, formError: GENERIC_ERROR });
    expect(log).toHaveBeenCalledTimes(1);
    log.mockRestore();
  });

  test("prepare runs on the valid input before the transaction opens; the handler gets its result inside it", async () => {
    as("editor");
    const outside = getDb().db;
    const seen: string[] = [];
    const act = defineAction(
      {
        schema: z.object({ n: z.int() }),
        role: "editor",
        audit: "test.prepared",
        prepare: (input) => {
          seen.push(getDb().db === outside ? "prepare outside" : "prepare inside");
          return input.n * 2;
        },
      },
      async (input, { db }, doubled) => {
        seen.push(db === outside ? "handler outside" : "handler inside");
        return doubled + 1;
      },
    );
    expect(await act({ n: 20 })).toEqual({ ok: true, data: 41 });
    expect(seen).toEqual(["prepare outside", "handler inside"]);
    // Invalid input never reaches prepare.
    expect((await act({ n: "x" })).ok).toBe(false);
    expect(seen).toHaveLength(2);
  });

  test("a UserError from prepare is a refusal: audited as refused, the handler never runs", async () => {
    as("editor");
    let ran = false;
    const act = defineAction(
      {
        schema: z.object({}),
        role: "editor",
        audit: "test.prepare-refused",
        prepare: () => {
          throw new UserError("too-large", "Too large to save.");
        },
      },
      async () => {
        ran = true;
      },
    );
    expect(await act({})).toEqual({ ok: false, code: "too-large", fieldErrors: {}, formError: "Too large to save." });
    expect(ran).toBe(false);
    const refused = await getDb().db.auditEvent.findFirstOrThrow({ where: { action: "test.prepare-refused.refused" } });
    expect(refused.after).toBe("Too large to save.");
    expect(await getDb().db.auditEvent.count({ where: { action: "test.prepare-refused" } })).toBe(0);
  });

  test("a denied, refused or failed call names the change request (or pool) it was about in the audit log", async () => {
    const schema = z.object({ changeRequestId: z.string(), poolId: z.string() });
    as("editor");
    const denied = defineAction({ schema, role: "approver", audit: "test.named-denied" }, async () => "never");
    expect((await denied({ changeRequestId: "cr-1", poolId: "pool-1" })).ok).toBe(false);
    const refused = defineAction({ schema, role: "editor", audit: "test.named-refused" }, async () => {
      throw new UserError("policy-blocked", "Blocked by policy.");
    });
    expect((await refused({ changeRequestId: "cr-2", poolId: "pool-2" })).ok).toBe(false);
    const failed = defineAction({ schema, role: "editor", audit: "test.named-failed", external: true }, async () => {
      throw new UserError("policy-blocked", "Blocked by policy.");
    });
    expect((await failed({ changeRequestId: "cr-3", poolId: "pool-3" })).ok).toBe(false);
    const target = async (action: string) => (await getDb().db.auditEvent.findFirstOrThrow({ where: { action } })).target;
    expect(await target("test.named-denied.denied")).toBe("cr-1");
    expect(await target("test.named-refused.refused")).toBe("cr-2");
    expect(await target("test.named-failed.failed")).toBe("cr-3");
    // Input the schema refuses names nothing: its values are not trusted to be ids.
    expect((await denied({ changeRequestId: 42 })).ok).toBe(false);
    expect(await getDb().db.auditEvent.count({ where: { action: "test.named-denied.denied", target: "" } })).toBe(1);
  });

  test("a user whose membership has an unknown role has no rights", async () => {
    const odd = await createAccount({ email: "odd@example.com", name: "Odd", password: "password-odd" });
    await getDb().db.membership.updateMany({ where: { userId: odd.id }, data: { role: "superuser" } });
    setSessionLookup(async () => ({ userId: odd.id }));
    const read = defineAction({ schema: z.object({}), role: "viewer", audit: false }, async () => "data");
    expect((await read({})).ok).toBe(false);
  });
});

describe("readStoredDocument", () => {
  test("a corrupt row becomes a diagnostic, never a crash", () => {
    const stored = readStoredDocument("{not json");
    expect(stored.document).toBeUndefined();
    expect(stored.diagnostics.map((d) => d.code)).toEqual(["corrupt-row"]);
    const wrongShape = readStoredDocument('{"apiVersion":"cognito-studio.dev/v1"}');
    expect(wrongShape.document).toBeUndefined();
    expect(wrongShape.diagnostics.length).toBeGreaterThan(0);
  });
});
