import { mkdirSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { runBoto3 } from "../test/support/boto3";
import { createShopSesIdentity, draftVersion, expectAccessible, openSection, savedAfter, screenshots, importPastedDesign, signUpOrIn, useMotoServer, addTargetOnMoto } from "./helpers";

/**
 * The window scrolled to a heading, at 1280 and 390 px: full-page shots put the sticky Problems panel over the
 * middle of a long section, so these show the section as a person scrolled there sees it.
 */
async function scrolledShots(page: Page, name: string, heading: string): Promise<void> {
  mkdirSync("e2e/artifacts", { recursive: true });
  for (const [label, width] of [["desktop", 1280], ["mobile", 390]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole("heading", { name: heading, exact: true }).evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: `e2e/artifacts/${name}-at-${label}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

// MFA methods (email MFA, passkeys as MFA, SMS MFA as its own switch) and a prefix domain beside a custom
// domain, from an imported design through the editor, apply on moto, the drift check and Connect's DNS record.
test.describe.configure({ mode: "serial" });

const REGION = "us-east-1";
const POOL = "mfa domains demo";
let certificateArn: string;
const moto = useMotoServer(async (endpoint) => {
  await createShopSesIdentity(endpoint);
  // A certificate moto reports ISSUED at once (a private CA's): preflight checks the custom domain's certificate.
  certificateArn = await runBoto3<string>(
    endpoint,
    REGION,
    `result = client("acm").request_certificate(DomainName="auth.shop.test", CertificateAuthorityArn="arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/shop")["CertificateArn"]`,
  );
});

const design = () => `apiVersion: cognito-studio.dev/v1
kind: UserPool
metadata:
  name: ${POOL}
spec:
  region: ${REGION}
  userPoolTier: ESSENTIALS
  mfaConfiguration: OPTIONAL
  softwareTokenMfaConfiguration:
    enabled: true
  emailMfaConfiguration:
    subject: Your sign-in code
    message: "Your sign-in code is {####}"
  emailConfiguration:
    emailSendingAccount: DEVELOPER
    sourceArn: arn:aws:ses:us-east-1:123456789012:identity/shop.test
  accountRecoverySetting:
    recoveryMechanisms:
      - { name: verified_email, priority: 1 }
      - { name: verified_phone_number, priority: 2 }
  webAuthnConfiguration:
    relyingPartyId: auth.shop.test
    factorConfiguration: MULTI_FACTOR_WITH_USER_VERIFICATION
  clients:
    - name: web
      allowedOAuthFlowsUserPoolClient: true
      allowedOAuthFlows: [code]
      allowedOAuthScopes: [openid, email]
      callbackUrls: [https://app.shop.test/callback]
  domain:
    domain: mfa-domains-demo
    managedLoginVersion: 2
  customDomain:
    domain: auth.shop.test
    certificateArn: ${certificateArn}
`;

test("MFA methods and two domains: refused at the field, applied on moto, no drift after, and Connect names the DNS record", async ({ page }) => {
  test.setTimeout(150_000);
  await signUpOrIn(page);
  const poolPath = await importPastedDesign(page, design(), { environment: "dev" });

  // The MFA section: each method, with passkeys counting as MFA.
  await openSection(page, "MFA");
  await expect(page.getByLabel("Email messages", { exact: true })).toHaveValue("on");
  await expect(page.getByLabel("Passkeys as MFA")).toHaveValue("MULTI_FACTOR_WITH_USER_VERIFICATION");
  // Every problem listed for the photograph, so its phone-width check covers the warnings' long API paths
  // (userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode); then the panel is folded again.
  await page.getByRole("button", { name: /^Show all \d+ problems$/u }).click();
  await screenshots(page, "mfa-section");
  await page.getByRole("button", { name: /^Show the first \d+$/u }).click();
  await scrolledShots(page, "mfa-section", "MFA methods");

  // SMS MFA is its own switch, and without an SMS configuration it is refused at the field.
  const before = await draftVersion(page);
  await page.getByLabel("SMS messages", { exact: true }).selectOption("true");
  // At the field itself (its error is tied to the control), as well as in the Problems panel.
  await expect(page.locator("#pe-spec-smsMfaConfiguration-enabled-error")).toContainText("SMS MFA sends its codes through Amazon SNS: fill in Messages > SNS caller role ARN first");
  await expect(page.getByLabel("SMS messages", { exact: true })).toHaveAttribute("aria-describedby", /pe-spec-smsMfaConfiguration-enabled-error/u);
  await screenshots(page, "mfa-sms-refused");
  await scrolledShots(page, "mfa-sms-refused", "MFA methods");
  await expectAccessible(page);
  await page.getByLabel("SMS messages", { exact: true }).selectOption("");
  await expect(page.getByText("SMS MFA sends its codes through Amazon SNS")).toHaveCount(0, { timeout: 15_000 });
  await savedAfter(page, before);

  // The domain section: the prefix domain and the custom domain beside it.
  await openSection(page, "Domain");
  await expect(page.getByLabel("Custom domain", { exact: true })).toHaveValue("auth.shop.test");
  await screenshots(page, "domain-section");
  await scrolledShots(page, "domain-section", "Custom domain beside the prefix");

  // A dev target on moto, a change request, apply.
  await addTargetOnMoto(page, poolPath, { name: "dev", region: REGION, endpoint: moto.endpoint, approvals: 0 });
  await expect(page.getByTestId("target-pool-dev")).toHaveText("not created yet");
  await page.goto(`${poolPath}/changes`);
  const submit = page.getByRole("form", { name: "Submit for review" });
  await submit.getByLabel("Title").fill("MFA methods and two domains");
  await submit.getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(/\/changes\/[^/]+$/);
  // The plan creates both domains, the custom one as its own resource.
  await expect(page.getByRole("region", { name: /auth\.shop\.test/u })).toBeVisible();
  await expect(page.getByRole("region", { name: /mfa-domains-demo/u })).toBeVisible();
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Applied." })).toBeVisible({ timeout: 60_000 });

  // What AWS (moto) holds: both domains, email MFA and passkeys as MFA.
  const live = await runBoto3<{ domain: string; custom: string; factor: string; email: boolean }>(
    moto.endpoint,
    REGION,
    `c = client("cognito-idp")
pool = [p for p in c.list_user_pools(MaxResults=60)["UserPools"] if p["Name"] == args["name"]][0]
described = c.describe_user_pool(UserPoolId=pool["Id"])["UserPool"]
mfa = c.get_user_pool_mfa_config(UserPoolId=pool["Id"])
result = {"domain": described.get("Domain"), "custom": described.get("CustomDomain"), "factor": mfa["WebAuthnConfiguration"]["FactorConfiguration"], "email": "EmailMfaConfiguration" in mfa}`,
    { name: POOL },
  );
  expect(live).toEqual({ domain: "mfa-domains-demo", custom: "auth.shop.test", factor: "MULTI_FACTOR_WITH_USER_VERIFICATION", email: true });

  // Read back and planned again: no drift.
  await page.goto(`${poolPath}/targets`);
  await page.getByRole("link", { name: "dev", exact: true }).click();
  await page.getByTestId("drift-check").getByRole("button", { name: "Check for drift" }).click();
  await expect(page.getByTestId("drift-result")).toHaveText("In sync", { timeout: 30_000 });

  // Connect: the custom domain's CloudFront target and the record to create.
  await page.goto(`${poolPath}/connect`);
  const dns = page.getByTestId("custom-domain-dns");
  await expect(dns).toContainText(/CNAME\/ALIAS record auth\.shop\.test → \w+\.cloudfront\.net/u);
  await expect(dns).toContainText("Z2FDTNDATAQYW2");
  await expect(page.getByTestId("connect-panel-web")).toContainText("https://auth.shop.test/oauth2/token");
  await screenshots(page, "connect-dns");
  await expectAccessible(page);
});
