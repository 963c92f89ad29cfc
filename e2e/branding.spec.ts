import { expect, type Locator, test } from "@playwright/test";
import { draftVersion, expectAccessible, openSection, savedAfter, screenshots, signUpOrIn, createDevPoolWithSpaClient } from "./helpers";

// Branding in the browser: a managed login style for a client, drawn by the studio's own preview at phone and
// desktop widths in light and dark mode, an image upload, and a classic customization whose CSS is checked.
// Runs after the other specs on the shared server, or alone with --project branding --no-deps.
test.describe.configure({ mode: "serial" });

// A 160 × 48 logo: a red mark and a dark word bar on white.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAKAAAAAwCAIAAAAZy+Y5AAAAh0lEQVR42u3ZMQ0AIAxFwQpp2NGActSBAVg7NPfyFfTGxlHrwgkAC7AAC7AKgXdm2TAAFmABBgwYMGDAgAEDBizA6gM85rLnAAMGDBgwYMCAAQMGDNgAAwYMGDBgwIABAwYMGDBgwB7+Hv6AAQMGDBgwYMACLMCAAQMG3BFYgAVYgAVYgPXpArx5umGRHtuoAAAAAElFTkSuQmCC",
  "base64",
);

/** A screenshot of one preview frame, scrolled to the middle of a tall window so nothing sticky covers it. */
async function shoot(locator: Locator, name: string): Promise<void> {
  await locator.evaluate((e) => e.scrollIntoView({ block: "center" }));
  await locator.screenshot({ path: `e2e/artifacts/${name}.png` });
}

test("a style's settings show in the preview in both modes and widths; classic CSS is checked", async ({ page }) => {
  test.setTimeout(150_000);
  await signUpOrIn(page);
  await createDevPoolWithSpaClient(page, "branded shop");

  await openSection(page, "Branding");
  const before = await draftVersion(page);
  await page.getByRole("button", { name: "Add style" }).click();
  const style = page.getByRole("region", { name: "Managed login style 1" });
  await expect(style.getByLabel("App client")).toHaveValue("web");
  await style.getByLabel("Page background, light mode").fill("fde68aff");
  await style.getByLabel("Page background, dark mode").fill("1e293bff");
  await style.getByLabel("Sign-in button, light mode").fill("b91c1cff");
  await style.getByLabel("Sign-in button, dark mode").fill("f59e0bff");
  await style.getByLabel("Form corner radius (px)").fill("16");
  await style.getByLabel("Form position across").selectOption("START");
  await style.getByLabel(/^Add an image/u).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: PNG });
  await expect(style.getByLabel("What it is", { exact: true })).toHaveValue("FORM_LOGO");
  await savedAfter(page, before);

  // The preview follows the settings: the page background and the button in light mode, then in dark mode.
  const preview = style.getByRole("region", { name: "Preview" });
  const phone = preview.getByRole("figure", { name: "Phone, light mode" });
  const desktop = preview.getByRole("figure", { name: "Desktop, light mode" });
  await expect(phone.locator("> div")).toHaveCSS("background-color", "rgb(253, 230, 138)");
  await expect(desktop.getByText("Sign in", { exact: true }).last()).toHaveCSS("background-color", "rgb(185, 28, 28)");
  await expect(phone.getByRole("img", { name: "Form logo" })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 1400 });
  await shoot(phone, "branding-preview-phone-light");
  await shoot(desktop, "branding-preview-desktop-light");

  await preview.getByRole("radio", { name: "Dark mode" }).check();
  const phoneDark = preview.getByRole("figure", { name: "Phone, dark mode" });
  const desktopDark = preview.getByRole("figure", { name: "Desktop, dark mode" });
  await expect(phoneDark.locator("> div")).toHaveCSS("background-color", "rgb(30, 41, 59)");
  await expect(desktopDark.getByText("Sign in", { exact: true }).last()).toHaveCSS("background-color", "rgb(245, 158, 11)");
  await shoot(phoneDark, "branding-preview-phone-dark");
  await shoot(desktopDark, "branding-preview-desktop-dark");
  await preview.getByRole("radio", { name: "Light mode" }).check();

  // A colour that is not 8 hex digits is an error at its field, in the page's words; putting it right clears it.
  const colour = style.getByLabel("Page background, light mode");
  await colour.fill("#fde68a");
  await expect(style.getByText("must be 8 hex digits: red, green, blue and opacity, like 0972d3ff").first()).toBeVisible();
  await expect(colour).toHaveAttribute("aria-invalid", "true");
  await colour.fill("fde68aff");
  await expect(style.getByText("must be 8 hex digits", { exact: false })).toHaveCount(0);

  // Classic: CSS with a class AWS does not allow is refused at the CSS field.
  const beforeClassic = await draftVersion(page);
  await page.getByRole("button", { name: "Add classic customization" }).click();
  const classic = page.getByRole("region", { name: "Hosted UI (classic) customization 1" });
  await classic.getByLabel(/^CSS/u).fill("h1 { color: red; }");
  await expect(classic.getByText("line 1: h1 is not a class the hosted UI (classic) lets you style")).toBeVisible();
  await classic.getByLabel(/^CSS/u).fill(".submitButton-customizable { background-color: #b91c1c; }");
  await expect(classic.getByText(/is not a class/u)).toHaveCount(0);
  await savedAfter(page, beforeClassic);

  await screenshots(page, "editor-branding");
  await expectAccessible(page);

  // Review: the style and the customization are created.
  const poolUrl = new URL(page.url()).pathname;
  await page.goto(`${poolUrl}/review`);
  await expect(page.getByRole("heading", { name: "Review changes" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("heading", { name: "Managed login style web" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Hosted UI (classic) customization ALL" })).toBeVisible();
  await screenshots(page, "review-branding");
});
