import { expect, test } from "@playwright/test";

test("on a new studio, the first visitor is sent to create the admin account", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-up/);
  await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();
  await expect(page.getByText("This is the first account on this studio")).toBeVisible();
});

test("the health endpoint reports the embedded database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "sqlite" });
});

test("every page has a favicon (browsers ask for /favicon.ico)", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^image\//u);
});
