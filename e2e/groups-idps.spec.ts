import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { draftVersion, expectAccessible, openSection, savedAfter, screenshots, signUpOrIn, createDevPoolWithSpaClient } from "./helpers";

// Groups and sign-in providers in the browser: add a Google provider (offered on a client) and a group, then see
// both in the review, the overview and the Terraform export, with the secret only as a sensitive variable.
// Runs after the other specs (playwright.config.ts projects), or alone with --project groups-idps --no-deps.
test.describe.configure({ mode: "serial" });

test("add a Google provider and a group, see them in the review, the overview and the export", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpOrIn(page);
  // The pool, and a client "web" to offer the provider on.
  await createDevPoolWithSpaClient(page, "federated shop");
  await expect(page.getByTestId("pool-title")).toHaveText("federated shop");

  // Google from its preset, offered on "web".
  await openSection(page, "Sign-in providers");
  const before = await draftVersion(page);
  const addProvider = page.getByRole("heading", { name: "Add sign-in provider" }).locator("..");
  await addProvider.getByLabel("Provider", { exact: true }).selectOption("google");
  await addProvider.getByRole("checkbox", { name: "web" }).check();
  await addProvider.getByRole("button", { name: "Add provider" }).click();
  await expect(page.getByLabel("Provider name")).toHaveValue("Google");
  await expect(page.getByLabel("Secret reference")).toHaveValue("IDP_SECRET_GOOGLE");
  await savedAfter(page, before);
  await screenshots(page, "editor-sign-in-providers");
  await expectAccessible(page);

  // A group.
  await openSection(page, "Groups");
  const beforeGroup = await draftVersion(page);
  await page.getByLabel("Group name", { exact: true }).last().fill("admins");
  await page.getByRole("button", { name: "Add group" }).click();
  await expect(page.getByRole("region", { name: "Group 1" }).getByLabel("Group name")).toHaveValue("admins");
  await savedAfter(page, beforeGroup);
  const beforePrecedence = await draftVersion(page);
  await page.getByRole("region", { name: "Group 1" }).getByLabel("Precedence").fill("0");
  await savedAfter(page, beforePrecedence);
  await screenshots(page, "editor-groups");
  await expectAccessible(page);

  // The client now offers Google.
  await openSection(page, "App clients");
  await expect(page.getByRole("region", { name: "Selected app client" }).getByRole("textbox", { name: "Provider 2", exact: true })).toHaveValue("Google");

  // Review: the provider and the group are created.
  const poolUrl = new URL(page.url()).pathname;
  await page.goto(`${poolUrl}/review`);
  // The plan is computed on the server; a busy machine may take longer than the default 5 s.
  await expect(page.getByRole("heading", { name: "Review changes" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("heading", { name: "Sign-in provider Google" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Group admins" })).toBeVisible();
  await screenshots(page, "review-groups-idps");
  await expectAccessible(page);

  // Overview: which client offers which provider.
  await page.getByRole("navigation", { name: "Pool" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await page.getByText("Text description of the picture").click();
  await expect(page.locator("details").getByText("web offers sign-in with Google (Google)")).toBeVisible();

  // Export: Terraform resources for both, the secret only as a variable.
  await page.getByRole("navigation", { name: "Pool" }).getByRole("link", { name: "Export" }).click();
  await expect(page.getByRole("heading", { name: "Export", exact: true })).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download main.tf" }).click();
  const mainTf = readFileSync(await (await downloading).path(), "utf8");
  expect(mainTf).toContain('resource "aws_cognito_identity_provider" "google"');
  expect(mainTf).toContain('resource "aws_cognito_user_group" "admins"');
  expect(mainTf).toContain("var.google_client_secret");
  expect(mainTf).toContain("depends_on = [aws_cognito_identity_provider.google]");
  await screenshots(page, "export-groups-idps");
  await expectAccessible(page);
});
