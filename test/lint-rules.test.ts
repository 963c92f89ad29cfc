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
