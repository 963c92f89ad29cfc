import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectAccessible, screenshots, signUpOrIn } from "./helpers";

// Publish from the pool's Export page to the repository the server's environment names (playwright.config.ts
// points STUDIO_PUBLISH_REMOTE at a bare repository in the run's data folder, which this spec creates), then
// read the branch with git.
const repository = path.join(process.env.E2E_DATA_DIR ?? "", "publish.git");
const git = (...args: string[]) => execFileSync("git", ["--git-dir", repository, ...args], { encoding: "utf8" });

test.beforeAll(() => {
  if (!existsSync(repository)) execFileSync("git", ["init", "-q", "--bare", repository]);
});

test("an editor publishes the export from the Export page; the branch holds the commit", async ({ page }) => {
  test.setTimeout(90_000);
  await signUpOrIn(page);
  const form = page.getByRole("form", { name: "New pool" });
  await form.getByLabel("Pool name").fill("publish demo");
  await form.getByRole("button", { name: "Create pool" }).click();
  await expect(page).toHaveURL(/\/pools\/[^/]+$/u);
  await page.goto(`${new URL(page.url()).pathname}/export`);

  const publish = page.getByRole("form", { name: "Publish to the repository" });
  await expect(publish.getByLabel("Branch")).toHaveValue("cognito-studio/publish-demo");
  await publish.getByLabel("Branch").fill("team/publish demo");
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(publish.getByText(/is not a branch name git accepts/u)).toBeVisible();

  await publish.getByLabel("Branch").fill("team/publish-demo");
  // The default format is the module folder; the mineiros module call is chosen here.
  await expect(publish.getByLabel("Format")).toHaveValue("terraform-module-folder");
  await publish.getByLabel("Format").selectOption("terraform-module");
  await publish.getByRole("button", { name: "Publish" }).click();
  const done = publish.getByRole("status");
  await expect(done).toContainText(/Committed [0-9a-f]{12} to new branch team\/publish-demo/u);
  const commit = git("rev-parse", "refs/heads/team/publish-demo").trim();
  await expect(done).toContainText(commit.slice(0, 12));
  expect(git("log", "-1", "--format=%s", "team/publish-demo").trim()).toBe("Publish publish demo (terraform-module)");
  const files = git("ls-tree", "-r", "--name-only", "team/publish-demo").trim().split("\n");
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/^cognito\/[^/]+\/publish-demo\/main\.tf$/u);
  expect(git("show", `team/publish-demo:${files[0]}`)).toMatch(/source\s*=\s*"mineiros-io\/cognito-user-pool\/aws"/u);

  await expectAccessible(page);
  await screenshots(page, "publish");
});
