import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { PoolEditor, preloadEditorSections } from "../components/pool-editor";
import { checkPoolDocument } from "../components/pool-editor/analysis";
import { serialisePoolDocument } from "../lib/cognito/spec";
import { migrate } from "../prisma/migrate.mjs";
import { freePort } from "../test/support/free-port";
import { quotaSizedPool } from "../test/support/pool-documents";
import { medianMs, printRow, printTarget } from "./measure";

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

/** First-load JS budget of the pages people wait on (gzip, kB). */
const FIRST_LOAD_TARGET_KB = 180;
const FIRST_LOAD_TARGETS = [
  { route: "/", label: "/ (pools list)" },
  { route: "/pools/[id]", label: "/pools/[id] (pool editor)" },
];
/** Opening App clients of a 200-client pool, click to list and editor shown (ms). */
const OPEN_CLIENTS_TARGET_MS = 200;
/** Every key while typing in the editor, at the 95th percentile of key event durations (ms). */
const KEY_P95_TARGET_MS = 50;

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
  const routes = firstLoadJs();
  for (const { route, files } of routes) {
    const total = files.map(sizeOf).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
    console.log(`  ${route.padEnd(38)} ${kB(total.gzip).padStart(10)} ${kB(total.raw).padStart(10)}  ${files.length}`);
  }
  for (const { route, label } of FIRST_LOAD_TARGETS) {
    const files = routes.find((r) => r.route === route)?.files;
    if (!files) {
      console.log(`first-load JS of ${route}: not in the build`);
      continue;
    }
    const gzip = files.map(sizeOf).reduce((a, s) => a + s.gzip, 0);
    printTarget(`first-load JS (gzip), ${label}`, gzip / 1024, "kB", FIRST_LOAD_TARGET_KB);
  }
}

async function printEditorRender(): Promise<void> {
  const doc = pool200();
  await preloadEditorSections(); // the sections' own chunks, loaded by the browser once the editor is shown
  for (const section of ["general", "app-clients"]) {
    const element = createElement(PoolEditor, { document: doc, initialSection: section, checked: checkPoolDocument(doc) });
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
    await importForm.getByLabel("Files").setInputFiles({ name: "pool-200-clients.yaml", mimeType: "text/yaml", buffer: Buffer.from(yaml) });
    await importForm.getByTestId("import-chosen-files").waitFor();
    await importForm.getByLabel("Environment").fill("bench");
    await importForm.getByRole("button", { name: "Import", exact: true }).click();
    // A pool without warnings opens right away; one with warnings is reported with a link to it.
    const landed = page.waitForURL(/\/pools\/[^/?]+(\?.*)?$/u, { timeout: 120_000 });
    const imported = page.getByRole("status").filter({ hasText: "Imported" }).getByRole("link", { name: "pool-200-clients" });
    void imported
      .waitFor({ timeout: 120_000 })
      .then(() => imported.click())
      .catch(() => undefined);
    await landed.catch(async () => {
      throw new Error(`the import failed: ${(await importForm.innerText({ timeout: 1000 }).catch(() => "")).slice(-300)}`);
    });
    const url = page.url();
    const loadBefore = loadavg()[0]!.toFixed(1);

    const hydrated = () =>
      page.waitForFunction(() => {
        const tab = document.querySelector("[role=tab]");
        return tab !== null && Object.keys(tab).some((k) => k.startsWith("__reactProps"));
      });
    const loads: number[] = [];
    const clicks: number[] = [];
    const opened: number[] = [];
    const dcl: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      await page.goto(url, { waitUntil: "commit" });
      await hydrated();
      loads.push(performance.now() - start);
      dcl.push(await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd));
      await page.waitForTimeout(1000);
      await watchOpening(page);
      const clickStart = performance.now();
      await page.getByRole("tab", { name: /^App clients/ }).click();
      // Shown: the client list (its first row) and the selected client's editor with its scope picker.
      await page.getByRole("navigation", { name: "App clients" }).getByRole("button").first().waitFor();
      await page.getByRole("region", { name: "Selected app client" }).getByLabel("Search the choices").waitFor();
      clicks.push(performance.now() - clickStart);
      // A bounded wait: NaN when the page never saw the press (the wall time above still stands).
      opened.push(await page.evaluate(`Promise.race([window.__opened, new Promise((r) => setTimeout(() => r(NaN), 5000))])`));
    }
    // Typing: Chromium's Event Timing entries (input delay + handlers + next paint, what INP measures) for every
    // key event; entries start at 16 ms, so the events not reported count as 16.
    const typeAndTime = async (field: ReturnType<typeof page.getByLabel>, text: string) => {
      await field.click();
      await observeEvents(page, KEY_EVENTS);
      await page.keyboard.type(text, { delay: 30 });
      // Past the editor's debounced analysis, so it lands in this phase and not the next.
      await page.waitForTimeout(2000);
      const durations = await takeEvents(page);
      const keys = text.length * 3;
      return { all: [...durations, ...Array.from({ length: Math.max(0, keys - durations.length) }, () => 16)], over: durations.length, keys };
    };
    const selected = page.getByRole("region", { name: "Selected app client" });
    const searching = await typeAndTime(selected.getByLabel("Search the choices"), "api17.example.com/scope-4");
    const naming = await typeAndTime(selected.getByLabel("Client name"), "-renamed-by-the-benchmark");
    const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
    const p95 = (v: number[]) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.ceil(v.length * 0.95) - 1)]!;
    // Wall times in the page: on a shared machine they carry the wait for a core, so the load is printed with them.
    console.log(`(Chromium rows measured at load average ${loadBefore} → ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores; a quiet machine is below 1 per core)`);
    printRow("Chromium: editor page, navigation → hydrated (200 clients)", med(loads), "median of 5");
    printRow("Chromium: editor page, DOMContentLoaded (navigation timing)", med(dcl), "median of 5");
    printTarget("Chromium: press on App clients → list and editor painted", med(opened), "ms", OPEN_CLIENTS_TARGET_MS, "median of 5, in the page");
    printRow("Chromium: click App clients → shown, Playwright wall time", med(clicks), "median of 5, with Playwright's own steps");
    printRow("Chromium: typing a client name, key event duration (median)", med(naming.all), `${naming.keys} key events`);
    printTarget("Chromium: typing a client name, key event duration (p95)", p95(naming.all), "ms", KEY_P95_TARGET_MS, `worst ${Math.max(...naming.all).toFixed(0)} ms, ${naming.over} events over 16 ms`);
    printTarget("Chromium: searching 2,505 scopes, key event duration (p95)", p95(searching.all), "ms", KEY_P95_TARGET_MS, `worst ${Math.max(...searching.all).toFixed(0)} ms, ${searching.over} events over 16 ms`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.log(`(editor in Chromium: failed: ${message.split("\n")[0]})`);
  } finally {
    await browser.close();
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

const KEY_EVENTS = ["keydown", "keypress", "keyup"];

/** Starts collecting the durations of Event Timing entries of the given event names (entries of 16 ms and over). */
async function observeEvents(page: import("@playwright/test").Page, names: string[]): Promise<void> {
  await page.evaluate((wanted) => {
    const w = window as unknown as { __events?: { durations: number[]; observer: PerformanceObserver } };
    w.__events?.observer.disconnect();
    const durations: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (wanted.includes(entry.name)) durations.push(entry.duration);
    });
    observer.observe({ type: "event", buffered: false, durationThreshold: 16 } as PerformanceObserverInit);
    w.__events = { durations, observer };
  }, names);
}

async function takeEvents(page: import("@playwright/test").Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __events?: { durations: number[]; observer: PerformanceObserver } };
    w.__events?.observer.disconnect();
    return w.__events?.durations ?? [];
  });
}

/**
 * In the page: from the pointerdown on the App clients tab (the event's own time stamp) until the client list and
 * the selected client's scope picker are in the DOM and the frame after them is painted; read from `__opened`.
 */
async function watchOpening(page: import("@playwright/test").Page): Promise<void> {
  // A string, not a function: tsx would wrap the inner functions' names in a helper the page does not have. It
  // ends in \`undefined\`: evaluate awaits a promise it is given, and this one settles only on the press.
  await page.evaluate(`
    window.__opened = new Promise((resolve) => {
      const shown = () => document.querySelector('nav[aria-label="App clients"] button') !== null &&
        document.querySelector('[aria-label="Selected app client"] input[id$="allowedOAuthScopes-search"]') !== null;
      addEventListener("pointerdown", (event) => {
        const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - event.timeStamp), 0));
        if (shown()) return done();
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          done();
        });
        observer.observe(document.body, { childList: true, subtree: true });
      }, { once: true, capture: true });
    });
    undefined;
  `);
}
