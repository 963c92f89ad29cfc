import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { ADMIN, draftVersion, expectFitsWindowWidth, savedAfter, sectionTab, useMotoServer } from "./helpers";

// A newcomer's path from an empty studio (its own server and database: the "journey" project) to a pool
// applied on moto, following only what the pages offer: after the first page.goto, every step is a link,
// a button or a form on the page. Each step is photographed at 1280 and 390 px under test-results/journey/
// to be looked at; the assertions check what each step must say.
test.describe.configure({ mode: "serial" });

const moto = useMotoServer();
const POOL = "journey-shop";
const SHOTS = "test-results/journey";

let step = 0;
/** Full-page screenshots of the current page at 1280 and 390 px. */
async function photograph(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  step += 1;
  const prefix = `${SHOTS}/${String(step).padStart(2, "0")}-${name}`;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${prefix}-${width}.png`, fullPage: true });
    if (width === 390) await expectFitsSmallScreen(page, name);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** At 390 px: the page does not scroll sideways, and the pool's tabs stay in one row. */
async function expectFitsSmallScreen(page: Page, name: string): Promise<void> {
  await expectFitsWindowWidth(page, name);
  const tabs = page.getByRole("navigation", { name: "Pool" });
  if ((await tabs.count()) > 0) expect((await tabs.boundingBox())?.height ?? 0, `${name}: the pool tabs wrap`).toBeLessThan(56);
}

/** axe's scrollable-region-focusable at both widths: every scroll box can be reached from the keyboard. */
async function expectScrollRegionsFocusable(page: Page): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const results = await new AxeBuilder({ page }).withRules(["scrollable-region-focusable"]).analyze();
    expect(results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(" ")))).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const poolTab = (page: Page, name: string) => page.getByRole("navigation", { name: "Pool" }).getByRole("link", { name, exact: true });

test("from an empty studio to a pool applied on moto, by following the pages", async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Sign up: on an empty studio the first account is the admin.
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create an account" }).click();

  // The empty studio says how to begin: three ways in, and what follows.
  const guide = page.getByTestId("first-run-guide");
  await expect(guide).toBeVisible();
  for (const way of ["Start from a preset", "Import a file", "Import from AWS"]) await expect(guide).toContainText(way);
  await expect(guide).toContainText("Submit to dev for review");
  await photograph(page, "empty-studio");

  // Way in: a preset.
  await guide.getByRole("link", { name: "Choose a preset" }).click();
  const form = page.getByRole("form", { name: "New pool" });
  await form.getByLabel("Pool name").fill(POOL);
  await form.getByLabel("Start from").selectOption("development");
  await photograph(page, "new-pool-form");
  await form.getByRole("button", { name: "Create pool" }).click();
  await expect(page).toHaveURL(/\/pools\/[^/?]+$/u);
  await expect(page.getByTestId("problems-panel")).toBeVisible();
  await photograph(page, "editor");

  // The editor: a section opened is in the URL and survives a reload.
  await sectionTab(page, "Password policy").click();
  await expect(page).toHaveURL(/\?section=password-policy$/u);
  const before = await draftVersion(page);
  await page.getByLabel("Minimum length").fill("12");
  await savedAfter(page, before);
  await page.reload();
  await expect(page.getByLabel("Minimum length")).toHaveValue("12");
  // Choices read as the console words them, the API value on hover.
  await sectionTab(page, "MFA").click();
  await expect(page.getByLabel("Multi-factor authentication").locator("option", { hasText: "Require MFA" })).toHaveAttribute("value", "ON");
  await photograph(page, "editor-mfa");

  // A client for the web app, from the SPA preset.
  await sectionTab(page, "App clients").click();
  const add = page.getByRole("heading", { name: "Add client" }).locator("..");
  const beforeClient = await draftVersion(page);
  await add.getByLabel("Start from").selectOption("spa");
  await add.getByLabel("Client name").fill("web");
  await add.getByLabel("Callback URL").fill("http://localhost:3000/callback");
  await add.getByRole("button", { name: "Add client" }).click();
  await savedAfter(page, beforeClient);
  await photograph(page, "app-clients");

  // Review changes: the plan names settings as the editor does, and ends with the next step.
  await poolTab(page, "Review changes").click();
  await expect(page.getByRole("heading", { name: "Review changes", level: 1 })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: /^Password policy > Minimum length/u })).toBeVisible();
  const next = page.getByTestId("review-next-step");
  await expect(next.getByRole("heading", { name: "Next: add a target first" })).toBeVisible();
  await photograph(page, "review-no-target");

  // Add a target: dev, on moto, no approval needed (one person runs this studio).
  await next.getByRole("link", { name: "Add a target" }).click();
  const target = page.getByRole("form", { name: "New target" });
  await target.getByLabel("Name").fill("dev");
  await target.getByLabel("Endpoint (optional)").fill(moto.endpoint);
  await target.getByLabel("Required approvals").fill("0");
  await target.getByRole("button", { name: "Add target" }).click();
  await expect(page.getByTestId("target-pool-dev")).toHaveText("not created yet");
  await photograph(page, "targets");

  // Back to the review, which now offers to submit to dev.
  await poolTab(page, "Review changes").click();
  await expect(next.getByRole("heading", { name: "Next: submit to dev for review" })).toBeVisible();
  await next.getByLabel("Title").fill("First design of the shop's pool");
  await photograph(page, "review-submit");
  await next.getByRole("button", { name: "Submit to dev for review" }).click();
  await expect(page).toHaveURL(/\/changes\/[^/]+$/u);
  await expect(page.getByRole("heading", { name: "App client web" })).toBeVisible();
  await photograph(page, "change-request");

  // Apply to moto.
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Applied." })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("cr-status")).toHaveText("applied");
  await photograph(page, "applied");

  // History: the revision the submit made, and the apply beside it.
  await poolTab(page, "History").click();
  const applies = page.getByRole("table", { name: "Applies, newest first" });
  await expect(applies).toContainText("dev");
  await expect(applies).toContainText("applied");
  await expect(applies).toContainText(ADMIN.email);
  await expect(page.getByRole("button", { name: "Restore #1 into the draft" })).toBeVisible();
  await expectScrollRegionsFocusable(page);
  await photograph(page, "history");

  // Connect: the live ids for the web client.
  await poolTab(page, "Connect").click();
  await expect(page.getByTestId("connect-panel-web")).toContainText("live ids");
  await expectScrollRegionsFocusable(page);
  await photograph(page, "connect");

  // The overview, then the pools list: the pool is applied on dev.
  await poolTab(page, "Overview").click();
  await photograph(page, "overview");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pools" }).click();
  await expect(page.getByRole("link", { name: POOL })).toBeVisible();
  await photograph(page, "pools");

  // The audit log: every step is there; on a phone its rows are cards, no column hidden off-screen.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  const log = page.getByRole("table", { name: "Audit events" });
  for (const action of ["pool.create", "target.create", "change-request.submit", "change-request.apply"]) await expect(log.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
  await expectScrollRegionsFocusable(page);
  await page.setViewportSize({ width: 390, height: 900 });
  // As a card, each value is headed by its column's name, which becomes part of the cell's name.
  const applyCell = log.getByRole("cell", { name: /^Action\s*change-request\.apply$/u }).first();
  await applyCell.scrollIntoViewIfNeeded();
  await expect(applyCell).toBeInViewport({ ratio: 1 });
  await photograph(page, "audit");
});
