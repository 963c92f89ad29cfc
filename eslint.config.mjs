// @ts-check
import tseslint from "typescript-eslint";

/** app/ is the top layer: nothing below it imports it. Shared input schemas and result types live in lib/contracts. */
const noAppImports = (layer) => ({
  group: ["@/app", "@/app/*", "**/app/*"],
  message: `${layer} must not import app/: the contracts both share (input schemas, result types, roles) live in lib/contracts.`,
});

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", "dist/", "generated/", "data/", "test-results/", "playwright-report/", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/ban-ts-comment": "error",
    },
  },
  {
    // The domain core is shared by the CLI, the server actions and the tests: no framework, database
    // or server code may leak into it (ARCHITECTURE.md, "The layers").
    files: ["lib/cognito/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*"], message: "lib/cognito is framework-free: no Next.js imports." },
            { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "lib/cognito is framework-free: no React imports." },
            { group: ["@prisma/*", "*/generated/prisma/*", "@/generated/*"], message: "lib/cognito must not touch the database." },
            { group: ["@/lib/server", "@/lib/server/*", "**/lib/server/*", "../../server/*", "../server/*", "server-only"], message: "lib/cognito must not import server code." },
            noAppImports("lib/cognito"),
          ],
        },
      ],
    },
  },
  {
    // The server layer serves app/ and is called by it, never the other way round. Its tests drive the server
    // actions in app/ end to end, so they may import them.
    files: ["lib/server/**/*.ts"],
    ignores: ["lib/server/**/*.test.ts", "lib/server/**/*.suite.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [noAppImports("lib/server")] }],
    },
  },
  {
    // Contracts are imported by client components as well as the server: plain zod and types only.
    files: ["lib/contracts/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            noAppImports("lib/contracts"),
            { group: ["@/lib/server", "@/lib/server/*", "**/lib/server/*", "server-only", "@prisma/*", "@/generated/*"], message: "lib/contracts is shared with the browser: no server or database code." },
          ],
        },
      ],
    },
  },
);
