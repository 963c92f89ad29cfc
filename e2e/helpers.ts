import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { CreateEmailIdentityCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { runBoto3 } from "../test/support/boto3";
import { expect, type Page, test } from "@playwright/test";
import { startMoto, type MotoServer } from "../test/support/moto";

export const ADMIN = { name: "Ada Admin", email: "ada@example.com", password: "correct horse battery" };

/** Signs up (first account = admin) or, when the account exists, signs in. */
export async function signIn(page: Page, user = ADMIN): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "User pools" })).toBeVisible();
}

/** Signs up (on an empty database the first account is the admin) or, when the account exists, signs in. */
export async function signUpOrIn(page: Page, user = ADMIN): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create an account" }).click();
  const heading = page.getByRole("heading", { name: "User pools" });
  const exists = page.getByText("An account with this email already exists");
  await expect(heading.or(exists)).toBeVisible({ timeout: 30_000 });
  if (await exists.isVisible()) await signIn(page, user);
}

/**
 * A section tab of the pool editor; its name may carry error/warning counts ("App clients 2 warnings"). The title
 * must be followed by a count or nothing, so "Sign-in" does not also match "Sign-in providers".
 */
export const sectionTab = (page: Page, title: string) => page.getByRole("tablist", { name: "Pool settings" }).getByRole("tab", { name: new RegExp(`^${title}(?:\\s*\\d|$)`) });

/** Opens an editor section and waits for its heading. */
export async function openSection(page: Page, title: string): Promise<void> {
  await sectionTab(page, title).click();
  await expect(page.getByRole("heading", { level: 2, name: title, exact: true })).toBeVisible();
}

/** The draft version the pool editor shows ("… (version 3)"). */
export async function draftVersion(page: Page): Promise<number> {
  const text = (await page.getByTestId("save-state").textContent()) ?? "";
  const version = Number(/\(version (\d+)\)/u.exec(text)?.[1]);
  expect(version, `the save state shows the draft version (it says "${text}")`).toBeGreaterThan(0);
  return version;
}

/**
 * Waits for the autosave of edits made after the editor showed version `before`. The page starts in
 * "saved", and "unsaved" lasts only the autosave pause, so neither state alone proves the edit was
 * saved on a busy machine; a higher version in the "saved" state does.
 */
export async function savedAfter(page: Page, before: number, timeout = 15_000): Promise<void> {
  await expect.poll(() => draftVersion(page), { timeout }).toBeGreaterThan(before);
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved", { timeout });
}

/** No serious or critical axe-core violations on the current page. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
}

/**
 * Full-page screenshots at desktop (1280) and mobile (390) widths under e2e/artifacts/. At 390 px the page must not
 * scroll sideways: every spec that photographs a page guards its phone layout (a table may scroll in its own box).
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync("e2e/artifacts", { recursive: true });
  const original = page.viewportSize();
  for (const [label, width] of [["desktop", 1280], ["mobile", 390]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `e2e/artifacts/${name}-${label}.png`, fullPage: true });
  }
  const overflow = await measureSidewaysOverflow(page);
  if (original) await page.setViewportSize(original);
  expectNoSidewaysScroll(overflow, name);
}

/** At the window's current width (a phone's), the page does not scroll sideways; the failure names what sticks out. */
export async function expectFitsWindowWidth(page: Page, name: string): Promise<void> {
  expectNoSidewaysScroll(await measureSidewaysOverflow(page), name);
}

function expectNoSidewaysScroll(overflow: { scrollWidth: number; clientWidth: number; culprits: string[] }, name: string): void {
  expect(overflow.scrollWidth, `${name} at ${overflow.clientWidth} px is wider than the screen; what sticks out:\n${overflow.culprits.join("\n")}`).toBeLessThanOrEqual(
    overflow.clientWidth,
  );
}

/**
 * The page's scroll width against the window's, and the innermost elements that stick out past the window's right
 * edge (the widest first): an element whose own box fits but whose text runs past it counts by its content.
 */
async function measureSidewaysOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement;
    // Content inside a box that clips or scrolls sideways cannot widen the page.
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== "visible") return true;
      }
      return false;
    };
    const rightEdge = (el: Element) => {
      const box = el.getBoundingClientRect();
      return Math.max(box.right, getComputedStyle(el).overflowX === "visible" ? box.left + el.scrollWidth : box.right);
    };
    const out = [...document.body.querySelectorAll("*")].filter((el) => rightEdge(el) > clientWidth + 0.5 && !clipped(el));
    const innermost = out.filter((el) => !out.some((other) => other !== el && el.contains(other)));
    const describe = (el: Element) => {
      const testId = el.getAttribute("data-testid");
      const classes = [...el.classList].slice(0, 6).join(".");
      const text = (el.textContent ?? "").trim().slice(0, 40);
      return `  <${el.tagName.toLowerCase()}${testId ? ` data-testid=${testId}` : ""}${classes ? ` .${classes}` : ""}> right edge ${Math.round(rightEdge(el))} px "${text}"`;
    };
    const culprits = innermost
      .sort((a, b) => rightEdge(b) - rightEdge(a))
      .slice(0, 6)
      .map(describe);
    return { scrollWidth, clientWidth, culprits };
  });
}

const MOTO_CREDENTIALS = { accessKeyId: "testing", secretAccessKey: "testing" };

/** A (verified, as moto reports it) SES identity on a moto server: what preflight looks for. */
export async function createSesIdentity(endpoint: string, region: string, identity: string): Promise<void> {
  await new SESv2Client({ region, endpoint, credentials: MOTO_CREDENTIALS }).send(new CreateEmailIdentityCommand({ EmailIdentity: identity }));
}

/** A Lambda function (with its execution role) on a moto server, without any resource policy; returns its ARN. */
export async function createLambdaFunction(endpoint: string, region: string, name: string): Promise<string> {
  return runBoto3<string>(
    endpoint,
    region,
    `
import io, json, zipfile
role = client("iam").create_role(RoleName=args["name"] + "-exec", AssumeRolePolicyDocument=json.dumps({"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("index.py", "def handler(e, c):\\n    return e\\n")
result = client("lambda").create_function(FunctionName=args["name"], Runtime="python3.12", Role=role, Handler="index.handler", Code={"ZipFile": buf.getvalue()})["FunctionArn"]
`,
    { name },
  );
}

/**
 * A moto server for the spec's tests: started before them (then `setUp` runs against it), stopped after.
 * Call at the top of a spec file.
 */
export function useMotoServer(setUp?: (endpoint: string) => Promise<void>): { readonly endpoint: string } {
  let server: MotoServer | undefined;
  test.beforeAll(async () => {
    server = await startMoto();
    await setUp?.(server.endpoint);
  });
  test.afterAll(async () => {
    await server?.stop();
  });
  return {
    get endpoint() {
      if (!server) throw new Error("the moto server starts in beforeAll");
      return server.endpoint;
    },
  };
}

/** The hardened preset sends email through the SES identity example.com (us-east-1); apply's preflight checks it exists, so it is set up as in the account. */
export const createHardenedPresetSesIdentity = (endpoint: string) => createSesIdentity(endpoint, "us-east-1", "example.com");
/** The team's own SES identity, for designs that go beyond dev (the preset's example.com is a placeholder there). */
export const createShopSesIdentity = (endpoint: string) => createSesIdentity(endpoint, "us-east-1", "shop.test");

/** A new pool named `name` from the development preset, with an SPA app client "web": where the settings specs start. */
export async function createDevPoolWithSpaClient(page: Page, name: string): Promise<void> {
  const form = page.getByRole("form", { name: "New pool" });
  await form.getByLabel("Pool name").fill(name);
  await form.getByLabel("Environment").fill("dev");
  await form.getByLabel("Start from").selectOption("development");
  await form.getByRole("button", { name: "Create pool" }).click();
  await expect(page).toHaveURL(/\/pools\/[^/]+$/);

  await openSection(page, "App clients");
  const add = page.getByRole("heading", { name: "Add client" }).locator("..");
  await add.getByLabel("Start from").selectOption("spa");
  await add.getByLabel("Client name").fill("web");
  await add.getByLabel("Callback URL").fill("https://shop.example.com/callback");
  await add.getByRole("button", { name: "Add client" }).click();
  await expect(page.getByRole("navigation", { name: "App clients" }).getByRole("button", { name: /^web/ })).toBeVisible();
}

/**
 * Imports a pool document pasted into the home page's import form and returns the new pool's path. Waits for the
 * page to settle first: a form still hydrating resets pasted text. `timeout` for the import on a loaded machine.
 */
export async function importPastedDesign(page: Page, design: string, options: { environment?: string; timeout?: number } = {}): Promise<string> {
  await page.goto("/", { waitUntil: "networkidle" });
  const importForm = page.getByRole("form", { name: "Import a pool" });
  await importForm.getByLabel("…or paste it here").fill(design);
  await expect(importForm.getByLabel("…or paste it here")).toHaveValue(design);
  if (options.environment) await importForm.getByLabel("Environment").fill(options.environment);
  await importForm.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page).toHaveURL(/\/pools\/[^/]+$/, options.timeout ? { timeout: options.timeout } : {});
  return new URL(page.url()).pathname;
}

/**
 * Adds a target on moto from the pool's Targets page: its name, moto's endpoint, and, when given, a region other
 * than the form's default and a number of required approvals.
 */
export async function addTargetOnMoto(page: Page, poolPath: string, target: { name: string; endpoint: string; region?: string; approvals?: number }): Promise<void> {
  await page.goto(`${poolPath}/targets`);
  const form = page.getByRole("form", { name: "New target" });
  await form.getByLabel("Name").fill(target.name);
  if (target.region !== undefined) await form.getByLabel("Region").fill(target.region);
  await form.getByLabel("Endpoint (optional)").fill(target.endpoint);
  if (target.approvals !== undefined) await form.getByLabel("Required approvals").fill(String(target.approvals));
  await form.getByRole("button", { name: "Add target" }).click();
}
