import { type Browser, expect, test } from "@playwright/test";
import { ADMIN, expectAccessible, screenshots, signUpOrIn } from "./helpers";

// Invitations and removal with two people in their own browser contexts, on the shared database
// (the admin signs up when the database is new, or in). Runs alone too:
// `node scripts/e2e.mjs --project members --no-deps`.
test.describe.configure({ mode: "serial" });

const INVITED = { name: "Ines Invited", email: "ines@example.com", password: "invited password 123" };

async function newPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test("an admin invites; the link makes an account once; removing the member signs them out at once", async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await newPage(browser);
  await signUpOrIn(admin, ADMIN);
  await admin.goto("/members");
  const invite = admin.getByRole("form", { name: "Invite someone" });
  await invite.getByLabel("Email").fill("not an email");
  await invite.getByRole("button", { name: "Create invitation link" }).click();
  await expect(invite.getByText("enter the email address of the person to invite")).toBeVisible();
  await invite.getByLabel("Email").fill(INVITED.email);
  await invite.getByLabel("Role").selectOption("editor");
  await invite.getByRole("button", { name: "Create invitation link" }).click();
  const link = await admin.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/u);
  await expect(admin.getByRole("table", { name: "Open invitations" })).toContainText(INVITED.email);
  await screenshots(admin, "members-invite");
  await expectAccessible(admin);

  // The invited person opens the link: the email and role are the invitation's.
  const ines = await newPage(browser);
  await ines.goto(link);
  await expect(ines.getByText("You are invited as editor with the email ines@example.com")).toBeVisible();
  await ines.getByLabel("Name").fill(INVITED.name);
  await ines.getByLabel("Password").fill("é".repeat(37));
  await ines.getByRole("button", { name: "Join the studio" }).click();
  await expect(ines.getByText("use at most 72 bytes")).toBeVisible();
  // An error keeps what was typed, the password included.
  await expect(ines.getByLabel("Password")).toHaveValue("é".repeat(37));
  await expect(ines.getByLabel("Name")).toHaveValue(INVITED.name);
  await ines.getByLabel("Password").fill(INVITED.password);
  await ines.getByRole("button", { name: "Join the studio" }).click();
  await expect(ines.getByRole("heading", { name: "User pools" })).toBeVisible();

  // The link works once.
  const again = await newPage(browser);
  await again.goto(link);
  await expect(again.getByText("This invitation link is not valid")).toBeVisible();

  await admin.goto("/members");
  await expect(admin.getByRole("table", { name: "Members" })).toContainText(INVITED.email);
  await screenshots(admin, "members");

  // Removing her ends her session at once: her next page is the sign-in page, and her password is gone.
  admin.once("dialog", (dialog) => void dialog.accept());
  await admin.getByRole("button", { name: `Remove ${INVITED.email}` }).click();
  await expect(admin.getByRole("table", { name: "Members" })).not.toContainText(INVITED.email);
  await ines.goto("/");
  await expect(ines).toHaveURL(/\/sign-in/u);
  await ines.getByLabel("Email").fill(INVITED.email);
  await ines.getByLabel("Password").fill(INVITED.password);
  await ines.getByRole("button", { name: "Sign in" }).click();
  await expect(ines.getByText("That email and password do not match an account.")).toBeVisible();

  // The last admin cannot be demoted.
  const own = admin.getByRole("form", { name: `Role of ${ADMIN.email}` });
  await own.getByLabel(`Role of ${ADMIN.email}`).selectOption("viewer");
  await own.getByRole("button", { name: "Save role" }).click();
  await expect(own.getByRole("alert")).toContainText("The workspace needs at least one admin");
});

test("rotating X-Forwarded-For does not escape the sign-in limit: the studio keys it on the connection", async ({ browser, request }) => {
  const person = { name: "Rota Limited", email: "rota@example.com", password: "rotation password 1" };
  await signUpOrIn(await newPage(browser), person);
  /** One sign-in through Auth.js's own endpoint (as a script would), with a made-up forwarded address. */
  async function attempt(password: string, n: number): Promise<string> {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      form: { email: person.email, password, csrfToken, callbackUrl: "/pools" },
      headers: { "x-forwarded-for": `198.51.100.${n}` },
      maxRedirects: 0,
    });
    return response.headers().location ?? "";
  }
  for (let n = 1; n <= 5; n += 1) expect(await attempt("wrong password", n)).toContain("error=CredentialsSignin");
  // The right password from a sixth "address" is still refused: the fifth failure paused this account for this connection.
  expect(await attempt(person.password, 6)).toContain("error=CredentialsSignin");
});

test("a signed-out person opening a link is sent to sign in, then back to the same page with its filter", async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto(`/audit?actor=${encodeURIComponent(ADMIN.email)}`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faudit%3Factor%3Dada%2540example\.com$/u);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  expect(new URL(page.url()).search).toBe(`?actor=${encodeURIComponent(ADMIN.email)}`);
  await expect(page.getByLabel("Person")).toHaveValue(ADMIN.email);
});
