import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, screenshots, signUpOrIn, useMotoServer, addTargetOnMoto } from "./helpers";

// Policies as code in the browser: an admin adopts the starter set on the Policies page and tests it against a
// pool; the editor shows the violations at their fields; an apply to prod is blocked until the admin overrides
// it with a written reason, which the change request and the audit log show. Signs up or in by itself (the
// "import" project); alone: `--project import --no-deps e2e/policies.spec.ts`.
test.describe.configure({ mode: "serial" });

const moto = useMotoServer();
const REASON = "First deployment of an empty pool; MFA and deletion protection follow in the next change.";

async function openPolicies(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Policies" }).click();
  await expect(page.getByRole("heading", { name: "Policies", level: 1 })).toBeVisible();
}

// The specs after this one share the studio: whatever happens here, the workspace is left without policies.
test.afterEach(async ({ page }) => {
  await page.goto("/policies");
  const file = page.getByLabel("Policy file (YAML)");
  if ((await file.inputValue()) === "") return;
  await file.fill("");
  await page.getByRole("button", { name: "Save policies" }).click();
  await expect(page.getByTestId("policies-empty")).toBeVisible();
});

test("an admin adopts the starter set; an apply to prod is blocked, then overridden with a reason", async ({ page }) => {
  test.setTimeout(150_000);
  await signUpOrIn(page);

  const form = page.getByRole("form", { name: "New pool" });
  await form.getByLabel("Pool name").fill("guarded shop");
  await form.getByLabel("Start from").selectOption({ label: "Blank pool" });
  await form.getByRole("button", { name: "Create pool" }).click();
  await expect(page).toHaveURL(/\/pools\/[^/]+$/);
  const poolPath = new URL(page.url()).pathname;

  // The starter set, in one click; tested against the new pool for prod and for dev.
  await openPolicies(page);
  await page.getByRole("button", { name: "Adopt the starter set" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved: added prod-deletion-protection, prod-mfa-required" })).toBeVisible();
  await expect(page.getByTestId("policy-prod-deletion-protection")).toContainText("Production pools keep deletion protection on");
  await page.getByLabel("Pool", { exact: true }).selectOption({ label: "guarded shop" });
  await page.getByLabel("Target name").fill("prod");
  await page.getByRole("button", { name: "Test against this pool" }).click();
  const result = page.getByTestId("policy-test-result");
  await expect(result).toContainText("guarded shop on prod: 2 blocking, 1 warning.");
  await expect(result).toContainText("block policy/prod-deletion-protection at spec.deletionProtection: Production pools keep deletion protection on (deletionProtection is not set)");
  await screenshots(page, "policies");
  await expectAccessible(page);
  await page.getByLabel("Target name").fill("dev");
  await page.getByRole("button", { name: "Test against this pool" }).click();
  await expect(result).toContainText("guarded shop on dev: 0 blocking, 1 warning.");

  // A bad expression is refused at the text box, saying which policy, where and what to do.
  const file = page.getByLabel("Policy file (YAML)");
  await file.fill((await file.inputValue()).replace('deletionProtection == "ACTIVE"', 'deletionProtection = "ACTIVE"'));
  await page.getByRole("button", { name: "Save policies" }).click();
  await expect(page.getByText('Nothing was saved: policy "prod-deletion-protection", require at column 30: Unexpected character: =; CEL compares with ==')).toBeVisible();
  await expect(file).toHaveAttribute("aria-invalid", "true");

  // A prod target: the editor shows the policies at their fields, for it.
  await addTargetOnMoto(page, poolPath, { name: "prod", endpoint: moto.endpoint, approvals: 0 });
  await expect(page.getByTestId("target-pool-prod")).toHaveText("not created yet");
  await page.goto(poolPath);
  // The problems panel lists its first few (best-practice findings come first); the policies are further down.
  await page.getByRole("region", { name: /^Problems/u }).getByRole("button", { name: /^Show all \d+ problems$/u }).click();
  await expect(page.getByText("Production pools keep deletion protection on (deletionProtection is not set) (team policy; blocks apply to target prod)").first()).toBeVisible();

  // Submitted to prod: the change request says apply is blocked, and why.
  await page.goto(`${poolPath}/changes`);
  const submit = page.getByRole("form", { name: "Submit for review" });
  await submit.getByLabel("Target").selectOption({ label: "prod (0 approvals)" });
  await submit.getByLabel("Title").fill("First deployment");
  await submit.getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(/\/changes\/[^/]+$/);
  const panel = page.getByTestId("cr-policies");
  await expect(panel).toContainText("Apply blocked");
  await expect(panel).toContainText("block policy/prod-mfa-required at spec.mfaConfiguration");
  await expect(page.getByRole("button", { name: "Apply", exact: true })).toBeDisabled();
  await expect(page.getByText("Blocked by policy prod-deletion-protection, prod-mfa-required: change the design, or an admin overrides it above with a written reason.")).toBeVisible();
  await screenshots(page, "change-request-policy-blocked");
  await expectAccessible(page);

  // The override needs a reason of substance; then it is shown and apply goes through.
  const reason = page.getByLabel("Reason to override prod-deletion-protection, prod-mfa-required");
  await reason.fill("ok");
  await page.getByRole("button", { name: "Override and allow apply" }).click();
  await expect(page.getByText("write why this apply may break the policy (at least 10 characters)")).toBeVisible();
  await reason.fill(REASON);
  await page.getByRole("button", { name: "Override and allow apply" }).click();
  await expect(page.getByTestId("cr-policy-override")).toContainText(`Overridden by ada@example.com for plan version 1 (prod-deletion-protection, prod-mfa-required)`);
  await expect(page.getByTestId("cr-policy-override")).toContainText(REASON);
  await expect(panel).toContainText("Overridden");
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Applied." })).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(page.getByTestId("cr-status")).toHaveText("applied");
  await expect(page.getByTestId("cr-policy-override")).toContainText(REASON);
  await screenshots(page, "change-request-policy-overridden");

  await page.goto("/audit");
  await expect(page.getByText(`overrode prod-deletion-protection, prod-mfa-required for plan version 1: ${REASON}`)).toBeVisible();
});
