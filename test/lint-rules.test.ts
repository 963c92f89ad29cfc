import { ESLint } from "eslint";
import { describe, expect, test } from "vitest";

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("the framework-free core rule", () => {
  test.each([
    ['import { headers } from "next/headers";', "Next.js"],
    ['import { useState } from "react";', "React"],
    ['import { PrismaClient } from "@prisma/client";', "database"],
    ['import { getDb } from "@/lib/server/db";', "server code"],
    ['import { getDb } from "../../server/db";', "server code"],
  ])("forbids %s inside lib/cognito", async (line, why) => {
    const messages = await restrictedImports("lib/cognito/plan/example.ts", `${line}\nexport {};\n`);
    expect(messages.join("\n")).toContain(why);
  });

  test("allows the same imports outside lib/cognito", async () => {
    expect(await restrictedImports("lib/server/example.ts", 'import { headers } from "next/headers";\nexport { headers };\n')).toEqual([]);
  });

  test("allows zod and relative core imports inside lib/cognito", async () => {
    expect(await restrictedImports("lib/cognito/plan/example.ts", 'import { z } from "zod";\nimport { x } from "../spec";\nexport { z, x };\n')).toEqual([]);
  });
});

describe("the layering rule: nothing below app/ imports it", () => {
  test.each([
    ["lib/server/change-requests.ts", 'import type { ApplyInput } from "@/app/pools/review.validation";'],
    ["lib/server/targets.ts", 'import { createTargetAction } from "../../app/pools/review-actions";'],
    ["lib/cognito/plan/example.ts", 'import { newPoolSchema } from "@/app/pools/pools.validation";'],
    ["lib/contracts/example.ts", 'import { saveDraftAction } from "@/app/pools/actions";'],
  ])("forbids %s to import app/", async (file, line) => {
    const messages = await restrictedImports(file, `${line}\nexport {};\n`);
    expect(messages.join("\n")).toContain("must not import app/: the contracts both share");
  });

  test("keeps lib/cognito's own rules beside it", async () => {
    expect((await restrictedImports("lib/cognito/plan/example.ts", 'import { getDb } from "@/lib/server/db";\nexport { getDb };\n')).join("\n")).toContain("server code");
  });

  test("forbids server code in lib/contracts, which the browser loads too", async () => {
    expect((await restrictedImports("lib/contracts/example.ts", 'import { getDb } from "@/lib/server/db";\nexport { getDb };\n')).join("\n")).toContain("no server or database code");
  });

  test("allows lib/server and app/ to import lib/contracts, and lib/server's tests to drive app/'s actions", async () => {
    expect(await restrictedImports("lib/server/targets.ts", 'import type { CreateTargetInput } from "@/lib/contracts/review-inputs";\nexport type { CreateTargetInput };\n')).toEqual([]);
    expect(await restrictedImports("app/pools/review-actions.ts", 'import { applySchema } from "@/lib/contracts/review-inputs";\nexport { applySchema };\n')).toEqual([]);
    expect(await restrictedImports("lib/server/review-actions.test.ts", 'import * as actions from "@/app/pools/review-actions";\nexport { actions };\n')).toEqual([]);
  });

  test("does not take lib/cognito/apply for app/", async () => {
    expect(await restrictedImports("lib/server/change-requests.ts", 'import { applyPlan } from "@/lib/cognito/apply";\nexport { applyPlan };\n')).toEqual([]);
  });
});
