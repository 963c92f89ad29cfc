import { expect, test } from "@playwright/test";
import { createHardenedPresetSesIdentity, draftVersion, expectAccessible, openSection, savedAfter, screenshots, signUpOrIn, useMotoServer, addTargetOnMoto } from "./helpers";

// Terms documents through the whole studio: the editor's Terms documents section → draft → plan → apply to dev on
// moto → drift check In sync (read back, nothing to change). moto 5.2 lacks the terms operations; the test
// harness's moto extension (test/support/moto_ext/terms.py) adds them, modelled from the API reference.
test.describe.configure({ mode: "serial" });

const moto = useMotoServer(createHardenedPresetSesIdentity);

test("terms of use and a privacy policy for a client: edited, planned, applied on moto and read back in sync", async ({ page }) => {
  test.setTimeout(150_000);
  await signUpOrIn(page);
  const form = page.getByRole("form", { name: "New pool" });
  await form.getByLabel("Pool name").fill("terms demo");
  await form.getByRole("button", { name: "Create pool" }).click();
  await expect(page).toHaveURL(/\/pools\/[^/]+$/);
  const poolPath = new URL(page.url()).pathname;

  await openSection(page, "App clients");
  const add = page.getByRole("heading", { name: "Add client" }).locator("..");
  const beforeClient = await draftVersion(page);
  await add.getByLabel("Start from").selectOption("spa");
  await add.getByLabel("Client name").fill("web");
  await add.getByLabel("Callback URL").fill("http://localhost:3000/callback");
  await add.getByRole("button", { name: "Add client" }).click();
  await savedAfter(page, beforeClient);

  // The Terms documents section: one of each document for "web".
  await openSection(page, "Terms documents");
  const addTerms = page.getByRole("heading", { name: "Add terms document" }).locator("..");
  await expect(addTerms.getByLabel("App client")).toHaveValue("web");
  await addTerms.getByRole("button", { name: "Add terms document" }).click();
  const first = page.getByRole("region", { name: "Terms document 1" });
  await expect(first.getByLabel("Document")).toHaveValue("terms-of-use");
  const beforeTerms = await draftVersion(page);
  await first.getByLabel("URL of link 1").fill("https://shop.test/terms");
  await savedAfter(page, beforeTerms);
  // One document alone is a warning: managed login shows the links only with both.
  await expect(page.getByText(/managed login shows terms links only when app client "web" has both documents/u).first()).toBeVisible();

  await addTerms.getByLabel("Document").selectOption("privacy-policy");
  await addTerms.getByRole("button", { name: "Add terms document" }).click();
  const second = page.getByRole("region", { name: "Terms document 2" });
  const beforePrivacy = await draftVersion(page);
  await second.getByLabel("URL of link 1").fill("https://shop.test/privacy");
  await second.getByRole("button", { name: "Add link" }).click();
  await second.getByLabel("Language of link 2").selectOption("cognito:french");
  await second.getByLabel("URL of link 2").fill("https://shop.test/fr/confidentialite");
  await savedAfter(page, beforePrivacy);
  await expect(page.getByText(/has both documents/u)).toHaveCount(0);
  await screenshots(page, "editor-terms");
  await expectAccessible(page);

  // A URL with a space is refused at its document, in the page's words.
  const beforeBad = await draftVersion(page);
  await first.getByLabel("URL of link 1").fill("https://shop.test/our terms");
  await savedAfter(page, beforeBad);
  await expect(first.getByText(/The Default \(all others\) link must be a URL without spaces/u)).toBeVisible();
  await screenshots(page, "editor-terms-error");
  const beforeFix = await draftVersion(page);
  await first.getByLabel("URL of link 1").fill("https://shop.test/terms");
  await savedAfter(page, beforeFix);

  // The review plans both documents.
  await page.goto(`${poolPath}/review`);
  await expect(page.getByRole("heading", { name: "Review changes" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("heading", { name: "Terms document web/terms-of-use" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Terms document web/privacy-policy" })).toBeVisible();
  await screenshots(page, "review-terms");

  // Apply to dev on moto.
  await addTargetOnMoto(page, poolPath, { name: "dev", endpoint: moto.endpoint });
  await page.goto(`${poolPath}/changes`);
  const submit = page.getByRole("form", { name: "Submit for review" });
  await submit.getByLabel("Title").fill("Terms and privacy links");
  await submit.getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(/\/changes\/[^/]+$/);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Applied." })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('terms["web/privacy-policy"]').first()).toBeVisible();

  // Read back: the drift check plans the live pool against what was applied, and finds nothing to change.
  await page.goto(`${poolPath}/targets`);
  await page.getByRole("link", { name: "dev", exact: true }).click();
  const drift = page.getByTestId("drift-check");
  await drift.getByRole("button", { name: "Check for drift" }).click();
  await expect(page.getByTestId("drift-result")).toHaveText("In sync");
});
