import { expect, test } from "@playwright/test";
import { draftVersion, expectAccessible, openSection, savedAfter, screenshots, signUpOrIn, createDevPoolWithSpaClient } from "./helpers";

// Threat protection settings and log streaming in the browser: the findings at the fields (Plus plan, threat
// protection mode), a CIDR refused in the page's words, an app client with settings of its own, a log stream,
// and both in the review.
test("threat protection settings and log streaming: edit, see the findings, review", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpOrIn(page);
  await createDevPoolWithSpaClient(page, "risky shop");

  await openSection(page, "Threat protection");
  const before = await draftVersion(page);
  await page.getByLabel("High risk: response").first().selectOption({ label: "Block" });
  await page.getByLabel("High risk: notify users").first().selectOption({ label: "Yes" });
  // The findings, at the settings they are about.
  await expect(page.locator("#pe-threat-protection-notes")).toContainText("need the Plus feature plan");
  await expect(page.locator("#pe-threat-protection-notes")).toContainText("take effect only when threat protection is on");
  await expect(page.locator("#pe-spec-riskConfiguration-accountTakeoverRiskConfiguration-notifyConfiguration-notes")).toContainText("Notify users needs a notification sender");
  await expect(page.locator("#pe-threat-protection-notes")).not.toContainText("Notify users");

  const allowList = page.getByRole("group", { name: "Always-block list" }).first();
  await allowList.getByRole("button", { name: "Add range" }).click();
  await allowList.getByRole("textbox").first().fill("203.0.113.0");
  await expect(allowList).toContainText("needs a prefix length, like 203.0.113.0/24");
  await allowList.getByRole("textbox").first().fill("203.0.113.0/24");
  await expect(allowList).not.toContainText("needs a prefix length");

  await page.getByRole("button", { name: "Add settings for an app client" }).click();
  await expect(page.getByRole("region", { name: "App client settings 1" }).getByLabel("App client")).toHaveValue("web");
  await savedAfter(page, before);
  await screenshots(page, "editor-threat-protection");
  await expectAccessible(page);

  await openSection(page, "Log streaming");
  const beforeLogs = await draftVersion(page);
  await page.getByRole("button", { name: "Stream user notification logs" }).click();
  const stream = page.getByRole("region", { name: "Log stream 1" });
  await expect(stream.getByLabel("Logs", { exact: true })).toHaveValue("userNotification");
  await stream.getByLabel("CloudWatch Logs log group ARN").fill("arn:aws:logs:eu-west-1:123456789012:log-group:shop");
  await stream.getByLabel("S3 bucket ARN").fill("arn:aws:s3:::shop-logs");
  await expect(stream).toContainText("need exactly one destination");
  await stream.getByLabel("S3 bucket ARN").fill("");
  await expect(stream).not.toContainText("need exactly one destination");
  await savedAfter(page, beforeLogs);
  await screenshots(page, "editor-log-streaming");
  await expectAccessible(page);

  // What the findings ask for: the Plus plan and threat protection on; then they are gone.
  await openSection(page, "Advanced");
  const beforePlan = await draftVersion(page);
  await page.getByLabel("Feature plan", { exact: true }).selectOption("PLUS");
  await page.getByLabel("Threat protection", { exact: true }).selectOption("ENFORCED");
  await savedAfter(page, beforePlan);
  await openSection(page, "Threat protection");
  await expect(page.locator("#pe-threat-protection-notes")).toHaveCount(0);

  const poolUrl = new URL(page.url()).pathname;
  await page.goto(`${poolUrl}/review`);
  await expect(page.getByRole("heading", { name: "Review changes" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("heading", { name: "Threat protection settings", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Threat protection settings of app client web" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Log streaming", exact: true })).toBeVisible();
  await screenshots(page, "review-threat-protection");

  // The overview lists the settings in the console's words beside the picture.
  await page.goto(`${poolUrl}/overview`);
  const settings = page.getByRole("region", { name: "Pool settings" });
  await expect(settings).toBeVisible({ timeout: 20_000 });
  await expect(settings.getByRole("definition").filter({ hasText: "Full function" })).toContainText("Pool settings: high risk: Block · 1 IP range always blocked");
  await expect(settings).toContainText("User notification logs (Error) → CloudWatch Logs arn:aws:logs:eu-west-1:123456789012:log-group:shop");
  await screenshots(page, "overview-pool-settings");
  await expectAccessible(page);
});
