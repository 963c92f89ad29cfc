// @ts-check
import tseslint from "typescript-eslint";

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
          ],
        },
      ],
    },
  },
);
