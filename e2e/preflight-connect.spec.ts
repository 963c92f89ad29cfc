import { expect, test } from "@playwright/test";
import { runBoto3 } from "../test/support/boto3";
import { createLambdaFunction, expectAccessible, screenshots, importPastedDesign, signUpOrIn, useMotoServer, addTargetOnMoto } from "./helpers";

// The preflight panel next to the plan and the Connect panel per app client, against moto: a pool whose
// pre sign-up trigger may not be invoked by Cognito is refused by preflight (and by apply, before any
// change); once the permission exists it applies, and the Connect tab shows the live ids.
test.describe.configure({ mode: "serial" });

const REGION = "eu-west-1";
const POOL = "preflight connect demo";
let functionArn: string;
const moto = useMotoServer(async (endpoint) => {
  functionArn = await createLambdaFunction(endpoint, REGION, "pre-sign-up");
});

const design = () => `apiVersion: cognito-studio.dev/v1
kind: UserPool
metadata:
  name: ${POOL}
spec:
  region: ${REGION}
  lambdaConfig:
    preSignUp: ${functionArn}
  clients:
    - name: web
      allowedOAuthFlowsUserPoolClient: true
      allowedOAuthFlows: [code]
      allowedOAuthScopes: [openid, email]
      callbackUrls: [https://app.example.com/api/auth/callback/cognito]
      logoutUrls: [https://app.example.com/]
    - name: backend
      generateSecret: true
      allowedOAuthFlowsUserPoolClient: true
      allowedOAuthFlows: [code]
      allowedOAuthScopes: [openid]
      callbackUrls: [https://admin.example.com/callback]
  domain:
    domain: preflight-connect-demo
`;

test("preflight blocks a trigger Cognito may not invoke, apply is refused before any change; fixed, it applies and Connect shows the live ids", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpOrIn(page);

  // Import the design.
  const poolPath = await importPastedDesign(page, design(), { environment: "dev" });

  // Before any apply, Connect shows the endpoints with placeholder ids.
  await page.goto(`${poolPath}/connect`);
  const web = page.getByTestId("connect-panel-web");
  await expect(web.getByText("placeholders until applied")).toBeVisible();
  await expect(web.getByText("https://preflight-connect-demo.auth.eu-west-1.amazoncognito.com/oauth2/token", { exact: true })).toBeVisible();

  // A dev target on moto (no approvals needed), and a change request.
  await addTargetOnMoto(page, poolPath, { name: "dev", region: REGION, endpoint: moto.endpoint, approvals: 0 });
  await expect(page.getByTestId("target-pool-dev")).toHaveText("not created yet");
  // Who the server acts as on this target: moto answers STS GetCallerIdentity for its default account.
  await expect(page.getByTestId("target-identity-dev")).toContainText(/account \d{12}/u);
  await page.goto(`${poolPath}/changes`);
  const submit = page.getByRole("form", { name: "Submit for review" });
  await submit.getByLabel("Title").fill("Create the pool with its trigger");
  await submit.getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(/\/changes\/[^/]+$/);

  // The preflight panel, next to the plan: the trigger has no invoke permission.
  const panel = page.getByTestId("preflight-panel");
  await panel.getByRole("button", { name: "Run preflight" }).click();
  const results = panel.getByRole("list", { name: "Preflight results" });
  await expect(results.locator("li[data-outcome=fail]")).toContainText("lambda-not-invokable");
  await expect(results).toContainText("spec.lambdaConfig.preSignUp");
  await expect(results).toContainText("aws lambda add-permission");
  await expect(results).toContainText("UnexpectedLambdaException");
  // The server's credentials pass (moto answers STS); the trigger fails.
  await expect(results.locator("li[data-outcome=pass]").filter({ hasText: "aws-credentials-ok" })).toBeVisible();
  await expect(panel.getByTestId("preflight-summary")).toContainText("1 passed, 1 failed");
  await screenshots(page, "preflight-failed");
  await expectAccessible(page);

  // Apply runs the same checks and refuses before any Cognito call.
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "refused (preflight-failed)" })).toBeVisible({ timeout: 30_000 });
  const pools = await runBoto3<string[]>(moto.endpoint, REGION, `result = [p["Name"] for p in client("cognito-idp").list_user_pools(MaxResults=60)["UserPools"]]`);
  expect(pools).not.toContain(POOL);

  // Grant the permission; preflight passes, and apply goes through.
  await runBoto3(moto.endpoint, REGION, `client("lambda").add_permission(FunctionName="pre-sign-up", StatementId="cognito", Action="lambda:InvokeFunction", Principal="cognito-idp.amazonaws.com")`);
  await panel.getByRole("button", { name: "Check again" }).click();
  await expect(results.locator("li[data-outcome=pass]").filter({ hasText: "lambda-ok" })).toBeVisible();
  await expect(panel.getByTestId("preflight-summary")).toContainText("2 passed, 0 failed");
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Applied." })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("cr-status")).toHaveText("applied");

  // Connect with the target's live ids.
  await page.goto(`${poolPath}/connect`);
  await page.getByLabel("Ids from").selectOption({ index: 1 });
  await expect(page.getByLabel("Ids from")).toContainText("target dev (eu-west-1_");
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(web.getByText("live ids")).toBeVisible();
  const env = web.getByLabel("Environment configuration for web");
  await expect(env).toContainText(/COGNITO_USER_POOL_ID=eu-west-1_\w+/u);
  await expect(env).toContainText("AUTH_COGNITO_ISSUER=https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_");
  await web.getByRole("tab", { name: "next-auth" }).click();
  await expect(web.getByLabel("next-auth configuration for web")).toContainText('import Cognito from "next-auth/providers/cognito";');
  await expect(web.getByRole("button", { name: "Copy auth.ts for web" })).toBeVisible();
  // The confidential client: no snippet puts its secret in a browser, and the secret is only referred to.
  const backend = page.getByTestId("connect-panel-backend");
  await backend.getByRole("tab", { name: "Amplify" }).click();
  await expect(backend).toContainText("cannot keep a client secret");
  await expect(backend).toContainText("COGNITO_CLIENT_SECRET in your secret store");
  await expect(backend.getByRole("heading", { name: "Rotate the client secret" })).toBeVisible();
  await screenshots(page, "connect");
  await expectAccessible(page);
});
