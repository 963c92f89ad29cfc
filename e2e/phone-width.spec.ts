import { expect, test } from "@playwright/test";
import { screenshots } from "./helpers";

// The guard every spec's screenshots() carries: at 390 px the page must not scroll sideways. These pages are set
// in the browser (no server needed) so the guard itself is shown to fail, and to name what sticks out.
const PAGE = (body: string) => `<!doctype html><html><head><meta name="viewport" content="width=device-width"></head><body style="margin:0;font:14px sans-serif">${body}</body></html>`;

test("a page wider than a 390 px phone fails, naming the element that sticks out", async ({ page }) => {
  await page.setContent(PAGE(`<main style="padding:16px"><p data-testid="long-path">spec.${"userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode".repeat(2)}</p></main>`));
  const failure = await screenshots(page, "phone-width-guard-wide").then(
    () => "",
    (error: unknown) => String(error),
  );
  expect(failure).toContain("phone-width-guard-wide at 390 px is wider than the screen");
  expect(failure).toMatch(/<p data-testid=long-path> right edge \d+ px "spec\.userPoolAddOns/u);
});

test("a wide table that scrolls inside its own box, and a long name that breaks anywhere, pass", async ({ page }) => {
  await page.setContent(
    PAGE(
      `<main style="padding:16px"><div style="overflow-x:auto"><table><tr>${"<td style='white-space:nowrap'>a column of some width</td>".repeat(6)}</tr></table></div>` +
        `<p style="overflow-wrap:anywhere">spec.${"userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode".repeat(2)}</p></main>`,
    ),
  );
  await screenshots(page, "phone-width-guard-fits");
});
