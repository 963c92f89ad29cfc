import { expect, type Page, test } from "@playwright/test";
import { createShopSesIdentity, draftVersion, expectAccessible, openSection, savedAfter, signUpOrIn, useMotoServer } from "./helpers";

// Per-environment values and Promote: an admin gives staging its own callback URL, applies a design to
// dev, and promotes the applied change request to staging, whose plan carries staging's URL.
// Runs after studio.spec.ts (file order) on the same database, or alone.
test.describe.configure({ mode: "serial" });

const POOL = "promote demo";
const moto = useMotoServer(createShopSesIdentity);

async function addTarget(page: Page, poolPath: string, name: string) {
  await page.goto(`${poolPath}/targets`);
  const form = page.getByRole("form", { name: "New target" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Endpoint (optional)").fill(moto.endpoint);
  await form.getByRole("button", { name: "Add target" }).click();
  await expect(page.getByTestId(`target-pool-${name}`)).toHaveText("not created yet");
}

test("staging keeps its own callback URL; an applied dev change is promoted to staging with it", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpOrIn(page);

  // A pool with an SPA client whose callback is the developer's localhost.
  const form = page.getByRole("form", { name: "New pool" });
  await form.getByLabel("Pool name").fill(POOL);
  await form.getByRole("button", { name: "Create pool" }).click();
  await expect(page).toHaveURL(/\/pools\/[^/]+$/);
  const poolPath = new URL(page.url()).pathname;
  await page.getByRole("tablist", { name: "Pool settings" }).getByRole("tab", { name: /^App clients/u }).click();
  const add = page.getByRole("heading", { name: "Add client" }).locator("..");
  const before = await draftVersion(page);
  await add.getByLabel("Start from").selectOption("spa");
  await add.getByLabel("Client name").fill("web");
  await add.getByLabel("Callback URL").fill("http://localhost:3000/callback");
  await add.getByRole("button", { name: "Add client" }).click();
  await savedAfter(page, before);
  // The preset's example SES identity is a placeholder, which staging refuses: the team's own goes in.
  await openSection(page, "Messages");
  const withClient = await draftVersion(page);
  await page.getByLabel("SES identity ARN").fill("arn:aws:ses:us-east-1:111122223333:identity/shop.test");
  await page.getByLabel("From address").fill("Shop <no-reply@shop.test>");
  await savedAfter(page, withClient);

  // Targets: staging is added before dev, yet promotion goes dev → staging.
  await addTarget(page, poolPath, "staging");
  await addTarget(page, poolPath, "dev");
  const rows = page.getByRole("table", { name: "Targets" }).getByRole("row");
  await expect(rows.nth(1)).toContainText("dev");
  await expect(rows.nth(2)).toContainText("staging");

  // staging's own callback URL; a plain-http one is refused next to the field.
  await page.getByRole("link", { name: "staging", exact: true }).click();
  const values = page.getByRole("form", { name: "Values of staging" });
  const callbacks = values.getByLabel("Callback URLs of web");
  await callbacks.fill("http://staging.shop.test/callback");
  await values.getByRole("button", { name: "Save values" }).click();
  await expect(values.getByText("line 1: http://staging.shop.test/callback must use https")).toBeVisible();
  await expect(callbacks).toHaveAttribute("aria-invalid", "true");
  await callbacks.fill("https://staging.shop.test/callback");
  await values.getByRole("button", { name: "Save values" }).click();
  await expect(page.getByTestId("target-values")).toHaveText("Per-environment values: web callbackUrls https://staging.shop.test/callback");
  await expectAccessible(page);

  // Submit to dev and apply (dev needs no approval).
  await page.goto(`${poolPath}/changes`);
  const submit = page.getByRole("form", { name: "Submit for review" });
  await submit.getByLabel("Target").selectOption({ label: "dev (0 approvals)" });
  await submit.getByLabel("Title").fill("Web sign-in");
  await submit.getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(/\/changes\/[^/]+$/);
  await expect(page.getByText("http://localhost:3000/callback").first()).toBeVisible();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Applied." })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("cr-status")).toHaveText("applied");

  // Promote: a new request for staging, same revision, planned with staging's callback URL.
  await page.getByRole("button", { name: "Promote to staging" }).click();
  await expect(page.getByRole("heading", { name: "Web sign-in (promoted to staging)" })).toBeVisible();
  await expect(page.getByTestId("cr-status")).toHaveText("open");
  await expect(page.getByText("Promoted from", { exact: false }).first()).toContainText("(applied to dev)");
  await expect(page.getByRole("link", { name: "Web sign-in", exact: true })).toBeVisible();
  await expect(page.getByText("https://staging.shop.test/callback").first()).toBeVisible();
  await expect(page.getByText("http://localhost:3000/callback")).toHaveCount(0);
  await expectAccessible(page);

  // The list marks the promoted request; the dev request is not offered for promotion again.
  await page.goto(`${poolPath}/changes`);
  const list = page.getByRole("list", { name: "Change requests" });
  await expect(list.getByRole("listitem").filter({ hasText: "Web sign-in (promoted to staging)" })).toContainText("(promoted)");
  await expect(list.getByRole("button", { name: /^Promote to/u })).toHaveCount(0);
});
