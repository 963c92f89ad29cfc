import { expect, test } from "@playwright/test";
import { expectAccessible, screenshots, importPastedDesign, signUpOrIn } from "./helpers";

// The editor's cost panel (Pool section), then the Connect page's token preview (the claims each client's tokens carry, for a user in the groups chosen)
// and, per resource server, how an API checks those tokens.
const POOL = "token preview demo";
const design = `apiVersion: cognito-studio.dev/v1
kind: UserPool
metadata:
  name: ${POOL}
spec:
  region: eu-west-1
  usernameAttributes: [email]
  passwordPolicy: { passwordHistorySize: 3 }
  groups:
    - { name: admins, precedence: 0, roleArn: "arn:aws:iam::123456789012:role/shop-admin" }
    - { name: staff, precedence: 5, roleArn: "arn:aws:iam::123456789012:role/shop-staff" }
  resourceServers:
    - identifier: https://api.example.com
      name: Orders API
      scopes: [{ name: orders.read, description: Read orders }]
  clients:
    - name: web
      allowedOAuthFlowsUserPoolClient: true
      allowedOAuthFlows: [code]
      allowedOAuthScopes: [openid, email, https://api.example.com/orders.read]
      callbackUrls: [https://app.example.com/api/auth/callback/cognito]
    - name: worker
      generateSecret: true
      allowedOAuthFlowsUserPoolClient: true
      allowedOAuthFlows: [client_credentials]
      allowedOAuthScopes: [https://api.example.com/orders.read]
      accessTokenValidity: 15
      tokenValidityUnits: { accessToken: minutes }
  domain:
    domain: token-preview-demo
`;

test("the Pool section estimates the cost per plan; Connect previews each client's token claims for the groups chosen and shows how an API verifies them", async ({ page }) => {
  test.setTimeout(150_000);
  await signUpOrIn(page);
  // Reading the import runs in a worker thread: allow a loaded machine time.
  const poolPath = await importPastedDesign(page, design, { environment: "dev", timeout: 60_000 });

  // The editor opens on the Pool section: the cost per plan for the usage typed, and what Lite lacks.
  const cost = page.getByTestId("cost-panel");
  await cost.getByLabel("Monthly active users").fill("50000");
  await cost.getByLabel("M2M token requests a month").fill("10000");
  // Essentials: 40,000 × $0.015 = $600, plus the M2M client ($6) and 10,000 requests ($22.50).
  await expect(cost.getByTestId("cost-ESSENTIALS")).toContainText("$628.50");
  await expect(cost.getByTestId("cost-ESSENTIALS")).toContainText("current (AWS default)");
  await expect(cost.getByTestId("cost-LITE")).toContainText("needs Essentials for Password history");
  // SMS counts only with a price per message: 1,000 × $0.01 more.
  await cost.getByLabel("SMS messages a month").fill("1000");
  await expect(cost.getByText(/1000 SMS messages are billed by AWS End User Messaging SMS/u)).toBeVisible();
  await cost.getByLabel("Price of one SMS (USD)").fill("0.01");
  await expect(cost.getByTestId("cost-ESSENTIALS")).toContainText("$638.50");
  await cost.getByLabel("Monthly active users").fill("-3");
  await expect(cost.getByText("Monthly active users cannot be negative")).toBeVisible();
  await expect(cost.getByLabel("Monthly active users")).toHaveAttribute("aria-invalid", "true");
  await cost.getByLabel("Monthly active users").fill("50000");
  await expectAccessible(page);
  await screenshots(page, "editor-cost-panel");

  await page.goto(`${poolPath}/connect`);
  const web = page.getByTestId("token-preview-web");
  const webId = web.getByLabel("ID token claims for web");
  await expect(webId).toContainText('"token_use": "id"');
  await expect(webId).not.toContainText("cognito:groups");
  await expect(web.getByLabel("Access token claims for web")).toContainText('"scope": "openid email https://api.example.com/orders.read"');

  // A user in both groups: the lowest precedence gives the preferred role.
  await page.getByRole("checkbox", { name: "admins" }).check();
  await page.getByRole("checkbox", { name: "staff" }).check();
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/group=admins&group=staff/u);
  await expect(webId).toContainText('"cognito:preferred_role": "arn:aws:iam::123456789012:role/shop-admin"');
  await expect(web.getByLabel("Access token claims for web")).toContainText('"cognito:groups": [');

  // The machine client: no ID token; its access token lasts its 15 minutes.
  const worker = page.getByTestId("token-preview-worker");
  await expect(worker.getByText("None: a machine-to-machine client (client credentials) gets an access token only.")).toBeVisible();
  await expect(worker.getByLabel("Access token claims for worker")).toContainText('"exp": 1767226500');
  await worker.getByText(/Why these claims/u).click();
  await expect(worker.getByRole("listitem").filter({ hasText: "there is no ID token" })).toBeVisible();

  // The API side: aws-jwt-verify with the clients allowed the scope.
  const api = page.getByTestId("api-verification-https://api.example.com");
  await expect(api.getByText("Accepts access tokens of web, worker (the clients allowed its scopes).")).toBeVisible();
  await expect(api.getByLabel("Node (aws-jwt-verify) verification for Orders API")).toContainText('tokenUse: "access"');
  await api.getByRole("tab", { name: "Python (JWKS)" }).click();
  await expect(api.getByLabel("Python (JWKS) verification for Orders API")).toContainText('claims["token_use"] != "access"');

  await expectAccessible(page);
  await screenshots(page, "connect-token-preview");
});
