import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
// `server-only` throws outside a React Server Components build; tests import server modules directly.
const alias = { "@": root, "server-only": `${root}/test/support/server-only.ts` };
// Most tests make their members by sign-up, which the default policy (invite) refuses after the first
// account; the tests of the policy itself pass their own (lib/server/sign-up-policy.test.ts).
const env = { STUDIO_SIGNUP: "open" };

// Two projects so `npm test` reports unit and integration separately:
// unit tests are pure and fast; integration tests start real servers (moto, PostgreSQL).
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          env,
          // next-auth imports "next/server" without an extension, which only a bundler resolves: Vite does when
          // it inlines the package (test/proxy.test.ts runs the proxy with Auth.js's own middleware).
          server: { deps: { inline: ["next-auth"] } },
          include: ["lib/**/*.test.ts", "cli/**/*.test.ts", "test/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
          // Property tests run 100-200 generated pools each; on a busy 2-core machine one took over
          // Vitest's 5 s default in CI. Speed is measured by `npm run bench`, not by test timeouts.
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          env,
          include: ["**/*.integration.test.ts"],
          exclude: ["node_modules/**", ".next/**"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
