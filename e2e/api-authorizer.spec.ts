import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, screenshots, importPastedDesign, signUpOrIn } from "./helpers";

// The API in front of a resource server on the Export page: routes typed one a line are checked against the
// design (a scope it lacks is refused by its line, what was typed stays), then the Terraform export gains
// api-gateway.tf (downloaded here) and the CloudFormation template the authorizer and the methods.
test.describe.configure({ mode: "serial" });

const POOL = "orders-api-users";
const DESIGN = `apiVersion: cognito-studio.dev/v1
kind: UserPool
metadata:
  name: ${POOL}
spec:
  region: eu-west-1
  domain:
    domain: orders-api-users-e2e
  resourceServers:
    - identifier: orders
      name: Orders
      scopes:
        - { name: read, description: Read orders }
        - { name: write, description: Change orders }
  clients:
    - name: web
      allowedOAuthFlowsUserPoolClient: true
      allowedOAuthFlows: [code]
      allowedOAuthScopes: [openid, orders/read, orders/write]
      callbackUrls: [https://shop.example.com/callback]
      supportedIdentityProviders: [COGNITO]
`;

const routesForm = (page: Page) => page.getByRole("form", { name: "API routes" });

test("two routes with their scopes add an API Gateway authorizer to the Terraform and CloudFormation exports", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpOrIn(page);
  // The import action takes seconds on a loaded machine (the 5 s default failed under a load of 15).
  const poolPath = await importPastedDesign(page, DESIGN, { timeout: 30_000 });

  await page.goto(`${poolPath}/export`);
  await page.getByText("API in front of a resource server (API Gateway, optional)").click();
  const field = routesForm(page).getByLabel("Routes, one a line: method, path, then the scopes that may call it");
  await expect(routesForm(page)).toContainText("Scopes of Orders: orders/read orders/write");

  // A scope the design lacks: refused by its line, nothing lost, the exports without an API.
  await field.fill("GET /orders orders/read\nDELETE /orders/{id} orders/delete");
  await routesForm(page).getByRole("button", { name: "Add the API to the exports" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Line 2: orders/delete is not a scope of this design" })).toBeVisible();
  await expect(field).toHaveValue("GET /orders orders/read\nDELETE /orders/{id} orders/delete");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("[data-export-format=terraform]").getByRole("heading", { name: "api-gateway.tf" })).toHaveCount(0);

  await field.fill("GET /orders orders/read\nDELETE /orders/{id} orders/write");
  await routesForm(page).getByRole("button", { name: "Add the API to the exports" }).click();
  await expect(page.getByTestId("api-routes-summary")).toContainText("the REST API orders-api-users-Orders: 2 routes behind a Cognito authorizer");
  const terraform = page.locator("[data-export-format=terraform]");
  await expect(terraform.getByRole("heading", { name: "api-gateway.tf" })).toBeVisible();
  await expect(terraform).toContainText('type            = "COGNITO_USER_POOLS"');
  await expect(terraform).toContainText('authorization_scopes = ["orders/write"]');

  await expect(page.getByText("main.tf, variables.tf, outputs.tf, versions.tf, api-gateway.tf in orders-api-users-terraform.zip")).toBeVisible();

  const download = page.waitForEvent("download");
  await terraform.getByRole("button", { name: "Download api-gateway.tf" }).click();
  const file = readFileSync((await (await download).path()) ?? "", "utf8");
  expect(file).toContain("provider_arns   = [aws_cognito_user_pool.this.arn]");
  expect(file).toContain('resource "aws_api_gateway_method" "delete_orders_id" {');
  expect(file).toContain("# Every method answers from a MOCK integration");

  await page.getByRole("tablist", { name: "Export formats" }).getByRole("tab", { name: /^CloudFormation/u }).click();
  const cloudformation = page.locator("[data-export-format=cloudformation]");
  await expect(cloudformation).toContainText("Type: AWS::ApiGateway::Authorizer");
  await expect(cloudformation).toContainText("- !GetAtt UserPool.Arn");
  await expect(cloudformation).toContainText("HttpMethod: DELETE");

  await screenshots(page, "export-api-authorizer");
  await expectAccessible(page);

  // Remove the API: the exports are the pool's alone again.
  await routesForm(page).getByRole("link", { name: "Remove the API" }).click();
  await expect(page).not.toHaveURL(/apiRoutes=/u);
  await expect(page.locator("[data-export-format=terraform]").getByRole("heading", { name: "api-gateway.tf" })).toHaveCount(0);
});
