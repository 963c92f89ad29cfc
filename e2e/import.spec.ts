import path from "node:path";
import { createClient } from "@libsql/client";
import { expect, type Page, test } from "@playwright/test";
import { runBoto3 } from "../test/support/boto3";
import { expectAccessible, screenshots, signUpOrIn, useMotoServer } from "./helpers";

// Importing on the Pools page: files (several at once, or pasted text with a Region), a name collision offered
// as "Import as NAME-2", and Import from AWS against a real moto server (one step: a design with a target
// carrying the live pool id). Runs after the other specs on the same database (playwright.config.ts), or alone.
test.describe.configure({ mode: "serial" });

const LIVE_POOL = "live-import-users";
let liveId = "";
const moto = useMotoServer(async (endpoint) => {
  liveId = await runBoto3<string>(
    endpoint,
    "us-east-1",
    `
idp = client("cognito-idp")
pool = idp.create_user_pool(PoolName=args["name"])["UserPool"]["Id"]
idp.create_user_pool_client(UserPoolId=pool, ClientName="web")
result = pool
`,
    { name: LIVE_POOL },
  );
});

const TERRAFORM = `provider "aws" {
  region = "eu-west-1"
}

resource "aws_cognito_user_pool" "main" {
  name = "tf-upload-users"
}
`;
const VARIABLES = `variable "unused" {
  default = "x"
}
`;
const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  UserPool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: pasted-cfn-users
`;
const spec = (name: string) => `apiVersion: cognito-studio.dev/v1\nkind: UserPool\nmetadata:\n  name: ${name}\nspec:\n  region: eu-west-1\n`;

const importForm = (page: Page) => page.getByRole("form", { name: "Import a pool" });

test("several files at once, then a pasted template with a Region, each land on their new draft", async ({ page }) => {
  await signUpOrIn(page);
  const form = importForm(page);
  await form.getByLabel("Files").setInputFiles([
    { name: "main.tf", mimeType: "text/plain", buffer: Buffer.from(TERRAFORM) },
    { name: "variables.tf", mimeType: "text/plain", buffer: Buffer.from(VARIABLES) },
  ]);
  await expect(form.getByTestId("import-chosen-files")).toHaveText("2 files: main.tf, variables.tf");
  await form.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page).toHaveURL(/\/pools\/[^/]+$/);
  await expect(page.getByTestId("pool-title")).toHaveText("tf-upload-users");
  await expect(page.getByText("eu-west-1").first()).toBeVisible();

  // The list shows the new pool; the form starts empty again.
  await page.goto("/");
  await expect(page.getByRole("link", { name: "tf-upload-users" })).toBeVisible();

  // Empty: the error is at the file field, never silent.
  await importForm(page).getByRole("button", { name: "Import", exact: true }).click();
  await expect(importForm(page).getByText("Choose files (or a .zip), or paste a template below.")).toBeVisible();
  // Unreadable pasted text: the error is at the text box and does not speak of main.tf.
  const text = importForm(page).getByLabel("…or paste it here");
  await text.fill("this is not a template");
  await importForm(page).getByRole("button", { name: "Import", exact: true }).click();
  const error = importForm(page).getByText(/^Nothing could be imported from pasted text/u);
  await expect(error).toBeVisible();
  await expect(error).not.toContainText("main.tf");
  await expect(text).toHaveAttribute("aria-invalid", "true");

  await text.fill(TEMPLATE);
  await importForm(page).getByLabel("Region (optional)").fill("eu-central-1");
  await importForm(page).getByRole("button", { name: "Import", exact: true }).click();
  await expect(page).toHaveURL(/\/pools\/[^/]+$/);
  await expect(page.getByTestId("pool-title")).toHaveText("pasted-cfn-users");
  await expect(page.getByText("eu-central-1").first()).toBeVisible();
});

test("a name collision is an error at the name field, and Import as NAME-2 imports it in one click", async ({ page }) => {
  await signUpOrIn(page);
  const form = importForm(page);
  await form.getByLabel("…or paste it here").fill(spec("collide-users"));
  await form.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page).toHaveURL(/\/pools\/[^/]+$/);

  await page.goto("/");
  await importForm(page).getByLabel("…or paste it here").fill(spec("collide-users"));
  await importForm(page).getByRole("button", { name: "Import", exact: true }).click();
  const name = importForm(page).getByLabel("Pool name (optional)");
  await expect(importForm(page).getByText('A pool named "collide-users" already exists in this workspace; import it as collide-users-2, or give another name.')).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await screenshots(page, "import-name-taken");
  await expectAccessible(page);
  await importForm(page).getByRole("button", { name: "Import as collide-users-2" }).click();
  await expect(page).toHaveURL(/\/pools\/[^/]+$/);
  await expect(page.getByTestId("pool-title")).toHaveText("collide-users-2");
});

test("Import from AWS lists moto's pools and brings one in as a design with a target holding its id", async ({ page }) => {
  test.setTimeout(90_000);
  await signUpOrIn(page);
  const form = page.getByRole("form", { name: "Import from AWS" });
  await form.getByLabel("Region").fill("us-east-1");
  // Earlier specs leave targets (with their own, stopped, moto servers): choose another endpoint then.
  const through = form.getByLabel("Connect through");
  if (await through.isVisible()) await through.selectOption({ label: "Another endpoint…" });
  await form.getByLabel("Endpoint (optional)").fill(moto.endpoint);
  await form.getByRole("button", { name: "List pools" }).click();
  const choice = page.getByRole("checkbox", { name: new RegExp(`${LIVE_POOL} ${liveId}`, "u") });
  await expect(choice).toBeVisible();
  await expect(choice).toBeChecked();
  await screenshots(page, "import-from-aws");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Import 1 pool" }).click();
  await expect(page).toHaveURL(/\/pools\/[^/]+\/targets$/, { timeout: 30_000 });
  await expect(page.getByTestId("pool-title")).toHaveText(LIVE_POOL);
  await expect(page.getByTestId("target-pool-dev")).toHaveText(liveId);

  // The draft holds the live pool's client.
  await page.goto(page.url().replace(/\/targets$/u, ""));
  await page.getByRole("tablist", { name: "Pool settings" }).getByRole("tab", { name: /^App clients/u }).click();
  await expect(page.locator("#pe-spec-clients-0-name")).toHaveValue("web");
});

test("Inputs to supply: the pool page asks for a missing input, and supplying it fills the field it feeds", async ({ page }) => {
  await signUpOrIn(page);
  const form = importForm(page);
  await form.getByLabel("…or paste it here").fill(spec("inputs-demo"));
  await form.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page).toHaveURL(/\/pools\/[^/]+$/);
  const poolId = new URL(page.url()).pathname.split("/").pop() ?? "";

  // The readers that leave inputs unresolved (Terraform variables, template parameters) are built on their own
  // branches; the single-file readers here resolve everything. So the import source is given, in the database
  // the server uses, the shape those readers store: var.env missing, feeding the pool's name, which the files
  // give as inputs-demo-prod once imported again.
  const db = createClient({ url: `file:${path.join(process.env.E2E_DATA_DIR ?? "", "studio.db")}` });
  const unresolved = [{ name: "var.env", kind: "variable", suppliable: true, file: "variables.tf", line: 1, type: "string", description: "Deployment stage", fields: ["metadata.name"] }];
  await db.execute({ sql: 'UPDATE "ImportSource" SET "files" = ?, "unresolved" = ? WHERE "poolId" = ?', args: [JSON.stringify([{ path: "pool.yaml", content: spec("inputs-demo-prod") }]), JSON.stringify(unresolved), poolId] });
  db.close();

  await page.reload();
  const inputs = page.getByRole("form", { name: "Inputs to supply" });
  const env = inputs.getByLabel("var.env (string)");
  await expect(env).toHaveAccessibleDescription("Deployment stage · declared at variables.tf:1 · feeds metadata.name");
  await screenshots(page, "import-inputs-to-supply");
  await expectAccessible(page);
  await inputs.getByRole("button", { name: "Fill the draft" }).click();
  await expect(inputs.getByText("Type a value for at least one input.")).toBeVisible();
  await env.fill("prod");
  await inputs.getByRole("button", { name: "Fill the draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Filled 1 field of the draft (version 2). Nothing left to supply." })).toBeVisible();
  await expect(page.getByTestId("pool-title")).toHaveText("inputs-demo-prod");
});
