import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, screenshots, importPastedDesign, signUpOrIn } from "./helpers";

// The target page's per-environment settings table: a design with a trigger, a resource server and tags,
// imported as pasted text; staging gets its own trigger ARN and API identifier. A bad ARN is refused at its
// row; the saved values show in the table and in the audit log. Signs up or in by itself, so it runs in the
// "import" project, after the specs that need a brand-new studio.
test.describe.configure({ mode: "serial" });

const POOL = "env-settings-demo";
const DESIGN = `apiVersion: cognito-studio.dev/v1
kind: UserPool
metadata:
  name: ${POOL}
spec:
  region: eu-west-1
  domain: { domain: env-settings-demo-dev }
  lambdaConfig:
    preSignUp: arn:aws:lambda:eu-west-1:210987654321:function:dev-pre-sign-up
  userPoolTags: { env: dev }
  resourceServers:
    - identifier: https://api.dev.shop.test
      name: Orders API
      scopes: [{ name: read, description: Read orders }]
  clients:
    - name: svc
      generateSecret: true
      allowedOAuthFlowsUserPoolClient: true
      allowedOAuthFlows: [client_credentials]
      allowedOAuthScopes: [https://api.dev.shop.test/read]
`;

const settingsTable = (page: Page) => page.getByRole("form", { name: "Settings of staging" });

test("staging gets its own trigger and API identifier in the settings table", async ({ page }) => {
  test.setTimeout(90_000);
  await signUpOrIn(page);
  const poolPath = await importPastedDesign(page, DESIGN, { timeout: 30_000 });

  await page.goto(`${poolPath}/targets`);
  const newTarget = page.getByRole("form", { name: "New target" });
  await newTarget.getByLabel("Name").fill("staging");
  await newTarget.getByRole("button", { name: "Add target" }).click();
  await page.getByRole("link", { name: "staging", exact: true }).click();

  // One row per setting of the design, with the design's value beside an empty box (the design's value).
  const table = settingsTable(page);
  await expect(table.getByRole("table", { name: "Per-environment settings of staging" })).toBeVisible();
  await expect(table.getByRole("columnheader")).toHaveText(["Setting", "Design value", "This target's value"]);
  const trigger = table.getByLabel("Pre sign-up trigger");
  const api = table.getByLabel("Resource server https://api.dev.shop.test: identifier");
  await expect(trigger).toHaveValue("");
  await expect(table.getByRole("row").filter({ hasText: "Pre sign-up trigger" })).toContainText("arn:aws:lambda:eu-west-1:210987654321:function:dev-pre-sign-up");
  await expect(table.getByText("changing it once applied replaces the server")).toBeVisible();

  // A function name is not an ARN: refused at the row, in the words of the page, and nothing is saved.
  await trigger.fill("staging-pre-sign-up");
  await api.fill("https://api.staging.shop.test");
  await table.getByLabel("Tag env").fill("staging");
  await table.getByRole("button", { name: "Save settings" }).click();
  await expect(table.getByText("must be a Lambda function ARN like arn:aws:lambda:eu-west-1:123456789012:function:pre-sign-up")).toBeVisible();
  await expect(trigger).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("target-values")).toHaveText("Per-environment values: none (the design's values)");

  await trigger.fill("arn:aws:lambda:eu-west-1:210987654321:function:staging-pre-sign-up");
  await table.getByRole("button", { name: "Save settings" }).click();
  await expect(table.getByText("Saved: change requests for staging now use these values.")).toBeVisible();
  await expect(page.getByTestId("target-values")).toHaveText(
    "Per-environment values: Pre sign-up trigger arn:aws:lambda:eu-west-1:210987654321:function:staging-pre-sign-up; Resource server https://api.dev.shop.test: identifier https://api.staging.shop.test; Tag env staging",
  );
  await expect(trigger).not.toHaveAttribute("aria-invalid", "true");

  // Read back after a reload: the stored values fill the table.
  await page.reload();
  await expect(settingsTable(page).getByLabel("Resource server https://api.dev.shop.test: identifier")).toHaveValue("https://api.staging.shop.test");
  await expectAccessible(page);
  await screenshots(page, "target-environment-settings");

  // Clearing a box gives the design's value back; the save is audited.
  await settingsTable(page).getByLabel("Tag env").fill("");
  await settingsTable(page).getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("target-values")).not.toContainText("Tag env");
  await page.goto("/audit");
  // This pool's events only: other specs on the shared server save target values too.
  const events = page
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: "target.environment-values", exact: true }) })
    .filter({ has: page.getByRole("cell", { name: POOL, exact: true }) });
  await expect(events).toHaveCount(2);
  await expect(events.first()).toContainText("Tag env staging → Pre sign-up trigger");
  await expect(events.first()).not.toContainText("→ Pre sign-up trigger arn:aws:lambda:eu-west-1:210987654321:function:staging-pre-sign-up; Resource server https://api.dev.shop.test: identifier https://api.staging.shop.test; Tag env");
});
