#!/usr/bin/env node
// `npm run test:e2e`: builds the production app, then runs the Playwright suite in Debian's Chromium.
// Fails loudly (never skips) when Chromium is missing: a skipped browser suite is not a passing one.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `test:e2e: no Chromium at ${chromium}. Install Debian's package (apt-get install -y chromium; .ci/run does this) ` +
      "or set CHROMIUM_PATH. Playwright's own browser download is not used.",
  );
  process.exit(1);
}
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
if (process.env.E2E_SKIP_BUILD !== "1") run("npx", ["next", "build"]);
run("npx", ["playwright", "test", ...process.argv.slice(2)]);
