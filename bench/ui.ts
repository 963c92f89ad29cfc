import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { PoolEditor } from "../components/pool-editor";
import { serialisePoolDocument } from "../lib/cognito/spec";
import { migrate } from "../prisma/migrate.mjs";
import { freePort } from "../test/support/free-port";
import { quotaSizedPool } from "../test/support/pool-documents";
import { medianMs, printRow } from "./measure";

/**
 * The browser benchmark's figures: the JavaScript each route loads first (from the production build's manifests), and how long the
 * pool editor takes to render a 200-client pool (server render, and in Chromium until the page is interactive).
 */
export async function benchUi(): Promise<void> {
  if (!existsSync(".next/BUILD_ID")) {
    console.log("No production build in .next/: run `npm run build` first for the first-load JS figures.");
  } else printFirstLoadJs();
  await printEditorRender();
  await printEditorInteractive();
}

/** The 200-client pool: the maximal pool's first 200 clients, with all 25 resource servers (2,500 scopes to offer). */
export function pool200() {
  const doc = quotaSizedPool();
  doc.spec.clients = doc.spec.clients?.slice(0, 200);
  doc.metadata.name = "pool-200-clients";
  return doc;
}

interface RouteJs {
  route: string;
  files: string[];
}

/**
 * First-load JS of each app route. Next 16's build (Turbopack) no longer prints the size table, so it is read from
 * the build output: every page loads the root main files (`.next/build-manifest.json` rootMainFiles) plus the
 * chunks of its layouts and page (`entryJSFiles` of the page's `page_client-reference-manifest.js`).
 */
export function firstLoadJs(dir = ".next"): RouteJs[] {
  const build = JSON.parse(readFileSync(path.join(dir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const routes: RouteJs[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const file = path.join(folder, entry);
      if (statSync(file).isDirectory()) walk(file);
      else if (entry === "page_client-reference-manifest.js") {
        const sandbox = { globalThis: {} as Record<string, unknown> };
        sandbox.globalThis = sandbox;
        vm.runInNewContext(readFileSync(file, "utf8"), sandbox);
        const manifests = (sandbox as unknown as { __RSC_MANIFEST: Record<string, { entryJSFiles?: Record<string, string[]> }> }).__RSC_MANIFEST;
        for (const [key, manifest] of Object.entries(manifests)) {
          const route = key.replace(/\/page$/u, "").replace(/\/\([^)]*\)/gu, "") || "/";
          if (route.startsWith("/_")) continue;
          const files = new Set(build.rootMainFiles);
          for (const list of Object.values(manifest.entryJSFiles ?? {})) for (const f of list) files.add(f);
          routes.push({ route, files: [...files] });
        }
      }
    }
  };
  walk(path.join(dir, "server", "app"));
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

function printFirstLoadJs(): void {
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (file: string) => {
    let s = sizes.get(file);
    if (!s) {
      const bytes = readFileSync(path.join(".next", file));
      s = { raw: bytes.length, gzip: gzipSync(bytes).length };
      sizes.set(file, s);
    }
    return s;
  };
  const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log(`${"first-load JS per route (gzip / raw)".padEnd(40)} ${"gzip".padStart(10)} ${"raw".padStart(10)}  files`);
  for (const { route, files } of firstLoadJs()) {
    const total = files.map(sizeOf).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
    console.log(`  ${route.padEnd(38)} ${kB(total.gzip).padStart(10)} ${kB(total.raw).padStart(10)}  ${files.length}`);
  }
}

async function printEditorRender(): Promise<void> {
  const doc = pool200();
  for (const section of ["general", "app-clients"]) {
    const element = createElement(PoolEditor, { document: doc, initialSection: section });
    let html = "";
    const ms = await medianMs(() => {
      html = renderToString(element);
    }, 9, 2);
    printRow(`renderToString PoolEditor, 200 clients, section ${section}`, ms, `${(html.length / 1024).toFixed(0)} kB of HTML`);
  }
}

/**
 * In Chromium (Playwright, Debian's chromium): the built app with a 200-client draft; time from navigation to the
 * editor being hydrated (React props on the section tabs), and from a click on "App clients" to the client list.
 */
async function printEditorInteractive(): Promise<void> {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium) || !existsSync(".next/BUILD_ID")) {
    console.log("(editor in Chromium: skipped, needs a build and Chromium at /usr/bin/chromium)");
    return;
  }
  const { chromium: launcher } = await import("@playwright/test");
  const dir = mkdtempSync(path.join(tmpdir(), "studio-bench-ui-"));
  const dbUrl = `file:${path.join(dir, "studio.db")}`;
  await migrate(dbUrl);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(path.resolve("node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, DATABASE_URL: dbUrl, NODE_ENV: "production", AUTH_SECRET: "bench-secret-bench-secret-bench-secret" },
    stdio: "ignore",
  });
  const browser = await launcher.launch({ executablePath: chromium, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"] });
  try {
    for (let i = 0; i < 300; i++) {
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const page = await browser.newPage({ baseURL: base, viewport: { width: 1280, height: 900 } });
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Bench");
    await page.getByLabel("Email").fill("bench@example.com");
    await page.getByLabel("Password").fill("bench password 123");
    await page.getByRole("button", { name: "Create an account" }).click();
    await page.getByRole("heading", { name: "User pools" }).waitFor();
    // Import the pool as a spec file (the pools page's import form).
    const yaml = serialisePoolDocument(pool200(), "yaml");
    const importForm = page.getByRole("form", { name: "Import a pool" });
    await importForm.getByLabel("File").setInputFiles({ name: "pool-200-clients.yaml", mimeType: "text/yaml", buffer: Buffer.from(yaml) });
    await importForm.getByLabel("Environment").fill("bench");
    await importForm.getByRole("button", { name: "Import" }).click();
    // The form reports the import with a link to the new pool (and its warnings).
    const imported = page.getByRole("status").filter({ hasText: "Imported" }).getByRole("link", { name: "pool-200-clients" });
    await imported.waitFor({ timeout: 60_000 }).catch(async () => {
      throw new Error(`the import failed: ${(await importForm.innerText()).slice(-300)}`);
    });
    await imported.click();
    await page.waitForURL(/\/pools\/[^/]+$/u);
    const url = page.url();

    const hydrated = () =>
      page.waitForFunction(() => {
        const tab = document.querySelector("[role=tab]");
        return tab !== null && Object.keys(tab).some((k) => k.startsWith("__reactProps"));
      });
    const loads: number[] = [];
    const clicks: number[] = [];
    const dcl: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      await page.goto(url, { waitUntil: "commit" });
      await hydrated();
      loads.push(performance.now() - start);
      dcl.push(await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd));
      const clickStart = performance.now();
      await page.getByRole("tab", { name: /^App clients/ }).click();
      await page.getByRole("navigation", { name: "App clients" }).getByRole("button").nth(199).waitFor();
      clicks.push(performance.now() - clickStart);
    }
    // Typing into the selected client's name: Chromium's Event Timing entries (input delay + handlers + next paint,
    // what INP measures) for every key event; entries start at 16 ms, shorter events count as 16.
    await page.evaluate(() => {
      const w = window as unknown as { __eventDurations: number[] };
      w.__eventDurations = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.name === "keydown" || entry.name === "keypress" || entry.name === "keyup") w.__eventDurations.push(entry.duration);
      }).observe({ type: "event", buffered: false, durationThreshold: 16 } as PerformanceObserverInit);
    });
    const name = page.getByRole("region", { name: "Selected app client" }).getByLabel("Client name");
    await name.click();
    await page.keyboard.type("-renamed-by-the-benchmark", { delay: 30 });
    await page.waitForTimeout(500);
    const durations = await page.evaluate(() => (window as unknown as { __eventDurations: number[] }).__eventDurations);
    const keys = "-renamed-by-the-benchmark".length * 3;
    const all = [...durations, ...Array.from({ length: Math.max(0, keys - durations.length) }, () => 16)];
    const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
    printRow("Chromium: editor page, navigation → hydrated (200 clients)", med(loads), "median of 5");
    printRow("Chromium: editor page, DOMContentLoaded (navigation timing)", med(dcl), "median of 5");
    printRow("Chromium: click App clients → 200-row client list shown", med(clicks), "median of 5");
    printRow("Chromium: typing a client name, key event duration (median)", med(all), `${keys} key events`);
    printRow("Chromium: typing a client name, key event duration (worst)", Math.max(...all), `${durations.length} events over 16 ms`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.log(`(editor in Chromium: failed: ${message.split("\n")[0]})`);
  } finally {
    await browser.close();
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
