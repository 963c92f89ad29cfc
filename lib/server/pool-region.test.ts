/**
 * A design that names no Region, on the server: created from the New pool form with the Region left empty,
 * listed as "no region", and planned for a target in the target's Region. Real SQLite, as the other server
 * tests; only the session lookup is replaced.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrate } from "@/prisma/migrate.mjs";

const dir = mkdtempSync(path.join(tmpdir(), "studio-region-"));
process.env.DATABASE_URL = `file:${path.join(dir, "studio.db")}`;

const { getDb } = await import("./db");
const { setSessionLookup } = await import("./session");
const { createAccount } = await import("./users");
const { listPools, regionLabel, saveDraft } = await import("./pools");
const { planForTarget } = await import("./change-requests");
const actions = await import("@/app/pools/actions");

let workspaceId = "";

beforeAll(async () => {
  await migrate(process.env.DATABASE_URL);
  const admin = await createAccount({ email: "admin@example.com", name: "Admin", password: "password-admin" });
  setSessionLookup(async () => ({ userId: admin.id }));
  workspaceId = (await getDb().db.membership.findFirstOrThrow({ where: { userId: admin.id } })).workspaceId;
});

afterAll(async () => {
  setSessionLookup(undefined);
  await getDb().db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

async function draftOf(poolId: string) {
  const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId } });
  return { version: draft.version, valid: draft.valid, document: JSON.parse(draft.document) as { spec: Record<string, unknown> } & Record<string, unknown> };
}

describe("a pool without a Region", () => {
  test("the New pool form accepts an empty Region: the draft names none, is valid, and the list says so", async () => {
    for (const preset of ["", "hardened-production"]) {
      const result = await actions.createPoolAction({ name: `orders${preset ? "-hardened" : ""}`, region: "", environment: "dev", preset });
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (!result.ok) return;
      const draft = await draftOf(result.data.id);
      expect(draft.document.spec).not.toHaveProperty("region");
      expect(draft.valid).toBe(true);
    }
    const listed = (await listPools(workspaceId)).filter((p) => p.name.startsWith("orders"));
    expect(listed.map((p) => [p.name, regionLabel(p.region)])).toEqual([
      ["orders", "no region"],
      ["orders-hardened", "no region"],
    ]);
  });

  test("a Region that is not a Region code is a field error on the Region field", async () => {
    const result = await actions.createPoolAction({ name: "bad-region", region: "Ireland", environment: "dev", preset: "" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors)).toEqual(["region"]);
  });

  test("setting and then removing the Region in the draft updates the list", async () => {
    const created = await actions.createPoolAction({ name: "payments", region: "", environment: "dev", preset: "" });
    if (!created.ok) throw new Error("setup failed");
    const draft = await draftOf(created.data.id);
    const withRegion = { ...draft.document, spec: { ...draft.document.spec, region: "eu-west-2" } };
    await saveDraft({ workspaceId, poolId: created.data.id, version: draft.version, document: withRegion, actor: "admin@example.com" });
    expect((await listPools(workspaceId)).find((p) => p.name === "payments")?.region).toBe("eu-west-2");
    await saveDraft({ workspaceId, poolId: created.data.id, version: draft.version + 1, document: draft.document, actor: "admin@example.com" });
    expect(regionLabel((await listPools(workspaceId)).find((p) => p.name === "payments")?.region ?? "?")).toBe("no region");
  });

  test("planned for a target without a pool yet, the plan is in the target's Region", async () => {
    const created = await actions.createPoolAction({ name: "planned", region: "", environment: "dev", preset: "" });
    if (!created.ok) throw new Error("setup failed");
    const { document } = await draftOf(created.data.id);
    const target = { id: "t1", name: "staging", region: "ap-southeast-2", endpoint: null, roleArn: null, userPoolId: null, requiredApprovals: 0, environmentValues: "{}" };
    const { plan } = await planForTarget(target, document as never);
    expect(plan.region).toBe("ap-southeast-2");
    expect(plan.creatingPool).toBe(true);
  });
});
