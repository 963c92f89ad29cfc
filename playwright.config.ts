import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// The suite drives the production build (`next build` is run by scripts/e2e.mjs) in Debian's
// Chromium: Playwright's own browser download cannot work offline, and is never attempted.
const port = Number(process.env.E2E_PORT ?? 3100);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Every run starts from an empty embedded database, created and migrated by `npm start`'s own path.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "studio-e2e-"));
process.env.E2E_DATA_DIR = dataDir;
// The newcomer's journey needs a studio of its own (no pools, no accounts): a second server on its own database.
const journeyPort = Number(process.env.E2E_JOURNEY_PORT ?? port + 1000);
const journeyDataDir = process.env.E2E_JOURNEY_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "studio-e2e-journey-"));
process.env.E2E_JOURNEY_DATA_DIR = journeyDataDir;

/** `npm start`'s own path (migrate, then serve) on a database of its own. */
function studioServer(serverPort: number, dir: string, settings: Record<string, string>) {
  return {
    command: `node scripts/db-migrate.mjs && node scripts/serve.mjs -H 127.0.0.1 -p ${serverPort}`,
    url: `http://127.0.0.1:${serverPort}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Dummy AWS credentials for the SDK's default chain: the team-review and journey specs apply to a moto server.
    env: {
      DATABASE_URL: `file:${path.join(dir, "studio.db")}`,
      NODE_ENV: "production",
      ...settings,
      AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? "testing",
      AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? "testing",
    },
    // Its one line says where it listens and on which Node (the `node` package's, first on npm scripts' PATH).
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  };
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: chromium,
      // Without these, Chromium keeps trying to reach Google's hosts, which this network refuses.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
    trace: "off",
  },
  // The specs share one database. home and studio need a brand-new studio (the first account becomes
  // admin); groups-idps and preflight-connect sign up or in by themselves, so they run after them, in
  // this order, then import (it adds pools), then members. One alone: `node scripts/e2e.mjs --project groups-idps --no-deps`.
  projects: [
    { name: "studio", testIgnore: /(?:api-authorizer|groups-idps|preflight-connect|import|terraform-review|export-target|environment-settings|hostile|mfa-domains|risk-logs|members|journey|branding|terms|policies|publish)\.spec\.ts$/u },
    { name: "groups-idps", testMatch: /groups-idps\.spec\.ts$/u, dependencies: ["studio"] },
    { name: "preflight-connect", testMatch: /preflight-connect\.spec\.ts$/u, dependencies: ["groups-idps"] },
    // After the specs that need a brand-new studio: these sign up or in by themselves.
    { name: "import", testMatch: /(?:api-authorizer|import|terraform-review|export-target|environment-settings|hostile|mfa-domains|risk-logs|terms|policies|publish)\.spec\.ts$/u, dependencies: ["preflight-connect"] },
    // Signs up or in by itself; alone: `--project branding --no-deps`.
    { name: "branding", testMatch: /branding\.spec\.ts$/u, dependencies: ["import"] },
    // Last on the shared server: it removes a member and spends sign-in attempts of the shared address.
    { name: "members", testMatch: /members\.spec\.ts$/u, dependencies: ["branding"] },
    // From an empty studio to an applied pool, on the second server; alone: `--project journey`.
    { name: "journey", testMatch: /journey\.spec\.ts$/u, use: { baseURL: `http://127.0.0.1:${journeyPort}` } },
  ],
  webServer: [
    // The specs on the shared server sign their people up; the invitation flow is tested in e2e/members.spec.ts.
    // They sign up more people from 127.0.0.1 than the per-address hourly limit allows a real office.
    // Publish pushes to a bare repository in the data folder, which e2e/publish.spec.ts creates.
    studioServer(port, dataDir, { STUDIO_SIGNUP: "open", STUDIO_SIGNUPS_PER_HOUR: "100", STUDIO_PUBLISH_REMOTE: path.join(dataDir, "publish.git") }),
    // The journey's studio keeps the default sign-up policy: its first account becomes admin.
    studioServer(journeyPort, journeyDataDir, {}),
  ],
});
