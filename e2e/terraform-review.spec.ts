import { expect, test } from "@playwright/test";
import { expectAccessible, screenshots, signUpOrIn } from "./helpers";

// The Terraform plan review page: real `terraform show -json` plans (test/fixtures/terraform-plans, made by
// test/terraform-plan-review.integration.test.ts with terraform against moto) are uploaded; the review says the
// replacement deletes the pool's users, links the design of the same name, and compares the result with it.
test.describe.configure({ mode: "serial" });

const FIXTURES = "test/fixtures/terraform-plans";

test("a plan that replaces the pool is risky; a harmless one passes; a bad file is refused at its field", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpOrIn(page);
  const form = page.getByRole("form", { name: "New pool" });
  await form.getByLabel("Pool name").fill("shop");
  await form.getByRole("button", { name: "Create pool" }).click();
  await expect(page).toHaveURL(/\/pools\/[^/]+$/);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Terraform review" }).click();
  await expect(page.getByRole("heading", { name: "Review a Terraform plan", level: 1 })).toBeVisible();
  const review = page.getByRole("form", { name: "Review a Terraform plan" });

  await review.getByLabel("Plan JSON file").setInputFiles(`${FIXTURES}/replace-pool.json`);
  await review.getByRole("button", { name: "Review plan" }).click();
  const result = page.getByTestId("terraform-review");
  // The first review starts a parse worker (it loads the Terraform reader): seconds on a busy machine.
  await expect(result.locator("[data-review-verdict]")).toHaveAttribute("data-review-verdict", "risky", { timeout: 60_000 });
  await expect(result.getByText("This plan replaces the user pool: every user in it is deleted. Users: not read (no target of this workspace has this pool id: the studio reads users through a target); the plan's state recorded 7 at its refresh.")).toBeVisible();
  await expect(result.getByText(/minimum password length goes from 12 to 8/u).first()).toBeVisible();
  await expect(result.getByText(/callback URL added: https:\/\/evil\.example\.net\/cb/u).first()).toBeVisible();
  await expect(result.getByRole("link", { name: "shop", exact: true })).toHaveAttribute("href", /\/pools\/[^/]+$/u);
  await expect(result.getByText("(by name; its draft)")).toBeVisible();
  await screenshots(page, "terraform-review-risky");
  await expectAccessible(page);

  await review.getByLabel("Plan JSON file").setInputFiles(`${FIXTURES}/harmless.json`);
  await review.getByRole("button", { name: "Review plan" }).click();
  await expect(result.locator("[data-review-verdict]")).toHaveAttribute("data-review-verdict", "ok");
  await expect(result.getByRole("heading", { name: /^No risk found/u })).toBeVisible();

  await review.getByLabel("Plan JSON file").setInputFiles([]);
  await review.getByLabel("Or paste the plan's JSON").fill('{"values": {}}');
  await review.getByRole("button", { name: "Review plan" }).click();
  await expect(review.getByText(/the JSON is not a Terraform plan: it has no resource_changes/u)).toBeVisible();
  await expect(review.getByLabel("Or paste the plan's JSON")).toHaveAttribute("aria-invalid", "true");
  await screenshots(page, "terraform-review-error");
});

test("from a pool: the module's pool is compared with this pool's design", async ({ page }) => {
  await signUpOrIn(page);
  await page.goto("/");
  await page.getByRole("link", { name: "shop", exact: true }).first().click();
  await page.getByRole("navigation", { name: "Pool" }).getByRole("link", { name: "Export" }).click();
  await page.getByRole("link", { name: "Review a Terraform plan of this pool" }).click();
  await expect(page.getByRole("heading", { name: "Review a Terraform plan of this pool" })).toBeVisible();
  const review = page.getByRole("form", { name: "Review a Terraform plan" });
  await review.getByLabel("Plan JSON file").setInputFiles(`${FIXTURES}/module-client-renamed.json`);
  await review.getByRole("button", { name: "Review plan" }).click();
  await expect(page.getByTestId("terraform-review")).toBeVisible({ timeout: 60_000 });
  const pool = page.locator('[data-review-pool="module.staff.aws_cognito_user_pool.user_pool[0]"]');
  await expect(pool.getByRole("heading", { name: "User pool staff" })).toBeVisible();
  await expect(pool.getByText("(the pool this review was opened from; its draft)")).toBeVisible();
  await expect(pool.getByText('module.staff.aws_cognito_user_pool_client.client["portal"]').first()).toBeVisible();
  await screenshots(page, "terraform-review-from-pool");
  await expectAccessible(page);
});
