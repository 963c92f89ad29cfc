import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { ADMIN, draftVersion, expectAccessible, openSection, savedAfter, screenshots, sectionTab, signIn } from "./helpers";

// One story, in order, on one empty database (playwright.config.ts: workers 1, fresh data dir).
test.describe.configure({ mode: "serial" });

let poolUrl = "";

test("the first account becomes admin and sees an empty pool list", async ({ page }) => {
  await page.goto("/sign-up");
  await expect(page.getByText("first account")).toBeVisible();
  await screenshots(page, "sign-up");
  await expectAccessible(page);
  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create an account" }).click();
  await expect(page.getByText("use at least 12 characters")).toBeVisible();
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create an account" }).click();
  await expect(page.getByRole("heading", { name: "User pools" })).toBeVisible();
  await expect(page.getByText("No user pools yet")).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText("admin");
  await screenshots(page, "pools-empty");
  await expectAccessible(page);
});

test("a wrong password is refused on sign-in", async ({ page }) => {
  // Once an account exists, a visitor without a session is sent to sign-in.
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await screenshots(page, "sign-in");
  await expectAccessible(page);
});

test("design a pool: hardened preset, SPA and M2M clients, a field error fixed, review, export, reload", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const form = page.getByRole("form", { name: "New pool" });
  await screenshots(page, "new-pool");
  await expectAccessible(page);
  await form.getByLabel("Pool name").fill("shop customers");
  await form.getByLabel("Environment").fill("prod");
  await form.getByLabel("Start from").selectOption("hardened-production");
  await form.getByRole("button", { name: "Create pool" }).click();
  await expect(page).toHaveURL(/\/pools\/[^/]+$/);
  poolUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("pool-title")).toHaveText("shop customers");
  await expect(page.getByLabel("Pool name")).toHaveValue("shop customers");
  await screenshots(page, "editor-pool");
  await expectAccessible(page);

  // Add an SPA client and a machine-to-machine client (with its resource server) through "Add client".
  await openSection(page, "App clients");
  const beforeClients = await draftVersion(page);
  const add = page.getByRole("heading", { name: "Add client" }).locator("..");
  await add.getByLabel("Start from").selectOption("spa");
  await add.getByLabel("Client name").fill("web");
  await add.getByLabel("Callback URL").fill("https://shop.example.com/callback");
  await add.getByRole("button", { name: "Add client" }).click();
  const clients = page.getByRole("navigation", { name: "App clients" });
  await expect(clients.getByRole("button", { name: "web" })).toBeVisible();
  const selected = page.getByRole("region", { name: "Selected app client" });
  await expect(selected.getByLabel("Client name")).toHaveValue("web");
  await expect(selected.getByRole("textbox", { name: "Callback URL 1", exact: true })).toHaveValue("https://shop.example.com/callback");

  await add.getByLabel("Start from").selectOption("machine-to-machine");
  await add.getByLabel("Client name").fill("billing-worker");
  await add.getByLabel("Resource server identifier").fill("https://api.shop.example.com");
  await add.getByRole("button", { name: "Add client" }).click();
  await expect(clients.getByRole("button", { name: /^billing-worker/ })).toBeVisible();
  await expect(selected.getByLabel("Client name")).toHaveValue("billing-worker");
  await expect(selected.getByRole("checkbox", { name: "https://api.shop.example.com/read" })).toBeChecked();
  await savedAfter(page, beforeClients);
  await screenshots(page, "editor-app-clients");
  await expectAccessible(page);

  await openSection(page, "Resource servers");
  await expect(page.getByLabel("Identifier")).toHaveValue("https://api.shop.example.com");
  await screenshots(page, "editor-resource-servers");
  await expectAccessible(page);

  // A field error shows next to the field as you type, and goes away when fixed.
  await openSection(page, "Password policy");
  const minimum = page.getByLabel("Minimum length");
  await expect(minimum).toHaveValue("12");
  const beforeMinimum = await draftVersion(page);
  await minimum.fill("4");
  const error = page.locator("#pe-spec-passwordPolicy-minimumLength-error");
  await expect(error).toContainText("between 6 and 99");
  await expect(minimum).toHaveAttribute("aria-invalid", "true");
  await expect(sectionTab(page, "Password policy")).toContainText("1 error");
  await screenshots(page, "editor-field-error");
  await expectAccessible(page);
  await minimum.fill("14");
  await expect(error).toHaveCount(0);
  await expect(minimum).not.toHaveAttribute("aria-invalid", "true");
  await savedAfter(page, beforeMinimum);
  await expect(page.getByText("The draft is valid.")).toBeVisible();

  // Diff preview: everything is a create (no revision yet).
  await page.getByRole("link", { name: "Review changes" }).first().click();
  await expect(page.getByRole("heading", { name: "Review changes" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "App client web" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "App client billing-worker" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Resource server https://api.shop.example.com" })).toBeVisible();
  // Values in the console's words, the API value kept beside them.
  const worker = page.getByRole("region", { name: "App client billing-worker" });
  await expect(worker.getByTitle("client_credentials", { exact: true })).toContainText("Client credentials");
  await expect(worker.getByTitle("ALLOW_REFRESH_TOKEN_AUTH", { exact: true })).toContainText("Get new tokens with a refresh token");
  await screenshots(page, "review");
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Pool" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await screenshots(page, "overview");
  await expectAccessible(page);

  // Export Terraform and download it.
  await page.getByRole("navigation", { name: "Pool" }).getByRole("link", { name: "Export" }).click();
  await expect(page.getByRole("heading", { name: "Export", exact: true })).toBeVisible();
  await expect(page.getByRole("tab", { name: /^Terraform/ }).first()).toHaveAttribute("aria-selected", "true");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download main.tf" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("main.tf");
  const mainTf = readFileSync(await download.path(), "utf8");
  expect(mainTf).toContain('resource "aws_cognito_user_pool"');
  expect(mainTf).toMatch(/minimum_length\s*=\s*14/);
  expect(mainTf).toContain("https://shop.example.com/callback");
  expect(mainTf).toContain('resource "aws_cognito_resource_server"');
  expect(mainTf).toContain("https://api.shop.example.com");
  const zipping = page.waitForEvent("download");
  await page.getByRole("button", { name: /^Download .*\.zip$/ }).click();
  const zip = await zipping;
  expect(zip.suggestedFilename()).toMatch(/\.zip$/);
  expect(readFileSync(await zip.path()).subarray(0, 2).toString("latin1")).toBe("PK");
  await screenshots(page, "export");
  await expectAccessible(page);

  // Reload the editor: everything is still there.
  await page.goto(poolUrl);
  await page.reload();
  await openSection(page, "App clients");
  await expect(page.getByRole("navigation", { name: "App clients" }).getByRole("button", { name: "web" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "App clients" }).getByRole("button", { name: /^billing-worker/ })).toBeVisible();
  await openSection(page, "Resource servers");
  await expect(page.getByLabel("Identifier")).toHaveValue("https://api.shop.example.com");
  await openSection(page, "Password policy");
  await expect(page.getByLabel("Minimum length")).toHaveValue("14");

  // Freeze it as a revision and see it in the history.
  await page.getByLabel("Message").fill("first design");
  await page.getByRole("button", { name: "Save as revision" }).click();
  await expect(page.getByText("Saved as revision 1.")).toBeVisible();
  await page.getByRole("navigation", { name: "Pool" }).getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("table", { name: "Revisions, newest first" })).toContainText("first design");
  await screenshots(page, "history");
  await expectAccessible(page);

  await page.goto("/");
  await expect(page.getByRole("link", { name: "shop customers" })).toBeVisible();
  // Saved as a revision, but applied nowhere: the list says so, not "in sync".
  await expect(page.getByRole("cell", { name: "draft saved as revision", exact: true })).toBeVisible();
  await expect(page.getByTestId("deployment")).toHaveText("no target yet");
  await screenshots(page, "pools");
  await expectAccessible(page);
});

test("keyboard only: move through the editor's sections and change a field", async ({ page }) => {
  await signIn(page);
  await page.goto(poolUrl);
  await expect(page.getByLabel("Pool name")).toHaveValue("shop customers");
  // Tab from the top of the page until the section list has focus (the tabs are one stop; arrows move inside).
  let onTab = false;
  for (let i = 0; i < 40 && !onTab; i++) {
    await page.keyboard.press("Tab");
    onTab = await page.evaluate(() => document.activeElement?.getAttribute("role") === "tab" && document.activeElement.closest("[aria-label='Pool settings']") !== null);
  }
  expect(onTab).toBe(true);
  await expect(sectionTab(page, "Pool")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(sectionTab(page, "Sign-in")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(sectionTab(page, "Password policy")).toBeFocused();
  await expect(sectionTab(page, "Password policy")).toHaveAttribute("aria-selected", "true");
  // End goes to the last section (Branding, after Domain and the 2026 console's settings).
  await page.keyboard.press("End");
  await expect(sectionTab(page, "Branding")).toHaveAttribute("aria-selected", "true");
  await expect(sectionTab(page, "Branding")).toBeFocused();
  await page.keyboard.press("Home");
  await expect(sectionTab(page, "Pool")).toBeFocused();
  // Radix moves focus in a timeout after the key, so each press waits for the focus to land, as a
  // person would look before pressing again; two quick presses could both start from "Pool".
  await page.keyboard.press("ArrowDown");
  await expect(sectionTab(page, "Sign-in")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(sectionTab(page, "Password policy")).toHaveAttribute("aria-selected", "true");
  // Into the section: Tab until the minimum length field, then type over it.
  const minimum = page.getByLabel("Minimum length");
  for (let i = 0; i < 10 && !(await minimum.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(minimum).toBeFocused();
  const beforeKeyboard = await draftVersion(page);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("16");
  await expect(minimum).toHaveValue("16");
  await savedAfter(page, beforeKeyboard);
  await page.reload();
  await sectionTab(page, "Password policy").click();
  await expect(page.getByLabel("Minimum length")).toHaveValue("16");
});

test("two people on one draft: the second save is refused with a clear message", async ({ browser }) => {
  test.setTimeout(60_000);
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signIn(a);
  await signIn(b);
  await a.goto(poolUrl);
  await b.goto(poolUrl);
  const beforeA = await draftVersion(a);
  await a.getByLabel("Pool name").fill("shop customers A");
  await savedAfter(a, beforeA);
  await b.getByLabel("Pool name").fill("shop customers B");
  const alert = b.getByRole("alert").filter({ hasText: "Someone else saved this draft" });
  await expect(alert).toBeVisible({ timeout: 10_000 });
  await expect(alert).toContainText(`by ${ADMIN.email}`);
  await expect(b.getByTestId("save-state")).toHaveAttribute("data-state", "conflict");
  // B's typing stays on screen, but the editor stops accepting edits until B reloads.
  await expect(b.getByLabel("Pool name")).toHaveValue("shop customers B");
  await expect(b.getByLabel("Pool name")).toHaveAttribute("readonly", "");
  await screenshots(b, "conflict");
  await expectAccessible(b);
  // Reloading shows the other person's change.
  b.on("dialog", (d) => void d.accept());
  await b.getByRole("button", { name: "Reload the draft" }).click();
  await expect(b.getByLabel("Pool name")).toHaveValue("shop customers A");
  await first.close();
  await second.close();
});
