import { describe, expect, test } from "vitest";
import { BLOG_POOL_DOCUMENT } from "@/test/support/pool-documents";
import { preparedExportPage } from "./prepared-exports";

const terraformOf = (page: Awaited<ReturnType<typeof preparedExportPage>>) => page.exports.find((e) => e.format === "terraform")!.files.map((f) => f.content).join("\n");

describe("preparedExportPage", () => {
  test("prepared once per version of the design; an edit is prepared afresh, never served from the earlier one", async () => {
    const design = structuredClone(BLOG_POOL_DOCUMENT);
    const first = await preparedExportPage("pool-1", undefined, design, undefined);
    // The same design again (another reader, or the same one reloading): the very same prepared page.
    expect(await preparedExportPage("pool-1", undefined, structuredClone(design), undefined)).toBe(first);
    const edited = structuredClone(design);
    edited.spec.clients![0]!.name = "renamed-client";
    const second = await preparedExportPage("pool-1", undefined, edited, undefined);
    expect(second).not.toBe(first);
    expect(terraformOf(second)).toContain('"renamed-client"');
    expect(terraformOf(first)).not.toContain('"renamed-client"');
    // Going back to the first design prepares it again (one entry per pool and target).
    const back = await preparedExportPage("pool-1", undefined, design, undefined);
    expect(back).not.toBe(first);
    expect(terraformOf(back)).toBe(terraformOf(first));
  });

  test("a target's live ids are part of the version: import blocks appear when the pool is read", async () => {
    const design = structuredClone(BLOG_POOL_DOCUMENT);
    const without = await preparedExportPage("pool-2", "target-1", design, undefined);
    const withIds = await preparedExportPage("pool-2", "target-1", design, { liveIds: { userPoolId: "eu-west-1_AbCdEf123" } });
    expect(withIds).not.toBe(without);
    const files = (page: typeof without) => page.exports.find((e) => e.format === "terraform")!.files.map((f) => f.path);
    expect(files(withIds)).toContain("imports.tf");
    expect(files(without)).not.toContain("imports.tf");
  });

  test("the prepared page is frozen: it is shared by every reader of that version", async () => {
    const page = await preparedExportPage("pool-3", undefined, structuredClone(BLOG_POOL_DOCUMENT), undefined);
    expect(Object.isFrozen(page.exports[0]!.files)).toBe(true);
    expect(() => page.exports.pop()).toThrow(TypeError);
  });
});
