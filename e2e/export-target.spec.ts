import { CognitoIdentityProviderClient, CreateUserPoolClientCommand } from "@aws-sdk/client-cognito-identity-provider";
import { expect, test } from "@playwright/test";
import { createHardenedPresetSesIdentity, draftVersion, expectAccessible, savedAfter, screenshots, signUpOrIn, useMotoServer, addTargetOnMoto } from "./helpers";

// Export for a target: after an apply to dev (on moto), the Export page offers dev; the Terraform export then
// carries dev's own callback URL and import blocks with the live pool and client ids.
test.describe.configure({ mode: "serial" });

const POOL = "export target demo";
const moto = useMotoServer(createHardenedPresetSesIdentity);
/** The pool made by the first test, for the drift check of the second. */
let poolPath = "";

test("the Export page exports the design for a target: its values and its live ids as import blocks", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpOrIn(page);

  const form = page.getByRole("form", { name: "New pool" });
  await form.getByLabel("Pool name").fill(POOL);
  await form.getByRole("button", { name: "Create pool" }).click();
  await expect(page).toHaveURL(/\/pools\/[^/]+$/);
  poolPath = new URL(page.url()).pathname;
  await page.getByRole("tablist", { name: "Pool settings" }).getByRole("tab", { name: /^App clients/u }).click();
  const add = page.getByRole("heading", { name: "Add client" }).locator("..");
  const before = await draftVersion(page);
  await add.getByLabel("Start from").selectOption("spa");
  await add.getByLabel("Client name").fill("web");
  await add.getByLabel("Callback URL").fill("http://localhost:3000/callback");
  await add.getByRole("button", { name: "Add client" }).click();
  await savedAfter(page, before);

  // A dev target on moto with its own callback URL.
  await addTargetOnMoto(page, poolPath, { name: "dev", endpoint: moto.endpoint });
  await page.getByRole("link", { name: "dev", exact: true }).click();
  const values = page.getByRole("form", { name: "Values of dev" });
  await values.getByLabel("Callback URLs of web").fill("https://dev.example.com/callback");
  await values.getByRole("button", { name: "Save values" }).click();
  await expect(page.getByTestId("target-values")).toContainText("https://dev.example.com/callback");

  // Before an apply, dev has no pool: the export uses its values and creates the pool.
  await page.goto(`${poolPath}/export`);
  await page.getByLabel("Export for", { exact: true }).selectOption({ label: "target dev (no pool yet)" });
  await page.getByRole("button", { name: "Show export" }).click();
  await expect(page.getByTestId("export-target-summary")).toContainText("the target has no pool yet");

  // Apply to dev.
  await page.goto(`${poolPath}/changes`);
  const submit = page.getByRole("form", { name: "Submit for review" });
  await submit.getByLabel("Title").fill("Web sign-in");
  await submit.getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(/\/changes\/[^/]+$/);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Applied." })).toBeVisible({ timeout: 30_000 });

  // Export for dev: dev's callback URL, and import blocks with the live pool and client ids.
  await page.goto(`${poolPath}/export`);
  const picker = page.getByLabel("Export for", { exact: true });
  await picker.selectOption({ index: 1 });
  await expect(picker).toContainText("target dev (live pool)");
  await page.getByRole("button", { name: "Show export" }).click();
  await expect(page).toHaveURL(/target=/u);
  // The target gives its callback URL and its Region (the design names none).
  await expect(page.getByTestId("export-target-summary")).toContainText("2 values of the target replace the design's");
  await expect(page.getByTestId("export-target-summary")).toContainText(/import blocks \(imports\.tf\) so terraform apply adopts pool [a-z]+-[a-z]+-\d_\w+/u);
  const terraform = page.locator("[data-export-format=terraform]");
  await expect(terraform).toContainText("https://dev.example.com/callback");
  await expect(terraform).not.toContainText("http://localhost:3000/callback");
  await expect(terraform.getByRole("heading", { name: "imports.tf" })).toBeVisible();
  await expect(terraform).toContainText(/id = "[a-z]+-[a-z]+-\d_\w+"/u);
  await expect(terraform).toContainText(/id = "[a-z]+-[a-z]+-\d_\w+\/\w+"/u);
  await expect(terraform).not.toContainText("no live client id");
  await screenshots(page, "export-for-target");
  await expectAccessible(page);
});

test("a drift check from the target page: In sync, then a client made behind the studio's back reads Drifted in the pools list", async ({ page }) => {
  test.setTimeout(90_000);
  expect(poolPath, "the first test made the pool").not.toBe("");
  await signUpOrIn(page);
  const poolRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: POOL, exact: true }) });
  await expect(poolRow.getByTestId("deployment")).toHaveText("dev: revision 1 applied");

  await page.goto(`${poolPath}/targets`);
  await page.getByRole("link", { name: "dev", exact: true }).click();
  const drift = page.getByTestId("drift-check");
  await expect(drift).toContainText("Not checked yet.");
  await drift.getByRole("button", { name: "Check for drift" }).click();
  await expect(page.getByTestId("drift-result")).toHaveText("In sync");
  await expect(drift).toContainText(/Checked just now by ada@example\.com: live pool \S+ against revision 1 \(Web sign-in\)\./u);
  await page.goto("/");
  await expect(poolRow.getByTestId("deployment")).toHaveText("dev: In sync (checked just now)");

  // Someone adds a client in the console: the studio does not know until it checks.
  await page.goto(`${poolPath}/targets`);
  await page.getByRole("link", { name: "dev", exact: true }).click();
  const userPoolId = (await drift.locator("code").first().textContent()) ?? "";
  expect(userPoolId).toMatch(/^[a-z]+-[a-z]+-\d_\w+$/u);
  const sdk = new CognitoIdentityProviderClient({ region: userPoolId.split("_")[0], endpoint: moto.endpoint, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
  await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: "made-in-console" }));
  await drift.getByRole("button", { name: "Check for drift again" }).click();
  await expect(page.getByTestId("drift-result")).toHaveText("Drifted: 1 setting differs");
  const made = drift.getByRole("region", { name: "App client made-in-console" });
  await expect(made).toBeVisible();
  await expect(made).toContainText("only in AWS");
  await expect(drift.getByRole("button", { name: "Pull the live pool into the draft" })).toBeVisible();
  await screenshots(page, "target-drifted");
  await expectAccessible(page);

  await page.goto("/");
  await expect(poolRow.getByTestId("deployment")).toHaveText("dev: Drifted: 1 setting differs (checked just now)");
  await expect(poolRow.getByTestId("deployment")).toHaveAttribute("title", /^Checked by ada@example\.com at .* UTC, against what was applied \(revision 1 applied\)\.$/u);
  await screenshots(page, "pools-drifted");
  await expectAccessible(page);
  // The pool header says the same.
  await page.goto(poolPath);
  await expect(page.getByTestId("deployment")).toHaveText("dev: Drifted: 1 setting differs (checked just now)");
});
