import { expect, test } from "@playwright/test";
import { expectAccessible, screenshots, signUpOrIn } from "./helpers";

// The Connect page's token preview (the claims each client's tokens carry, for a user in the groups chosen)
// and, per resource server, how an API checks those tokens.
const POOL = "token preview demo";
const design = `apiVersion: cognito-studio.dev/v1
kind: UserPool
metadata:
  name: ${POOL}
spec:
  region: eu-west-1
  usernameAttributes: [email]
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

test("Connect previews each client's token claims for the groups chosen, and shows how an API verifies them", async ({ page }) => {
  test.setTimeout(90_000);
  await signUpOrIn(page);
  await page.goto("/");
  const importForm = page.getByRole("form", { name: "Import a pool" });
  await importForm.getByLabel("…or paste it here").fill(design);
  await importForm.getByLabel("Environment").fill("dev");
  await importForm.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page).toHaveURL(/\/pools\/[^/]+$/);
  const poolPath = new URL(page.url()).pathname;

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
