import { expect, type Page, type Request, test } from "@playwright/test";
import { signUpOrIn } from "./helpers";

/**
 * Hostile input against the running production server: each body is posted to the real server action (its id
 * and headers taken from a request the page itself made), must get a clear answer, and /api/health must answer
 * afterwards. A request that hangs fails on its own timeout (BOUND_MS), which is the "bounded time" checked
 * here; how long each one takes is measured by `npm run bench`, and printed below for the record.
 */
test.describe.configure({ mode: "serial", timeout: 240_000 });

const BOUND_MS = 60_000;
const GENERIC = "Something went wrong on the server";

type Action = { headers: Record<string, string>; args: Record<string, unknown> };
/** The Import form's two calls: read the files (a preview), then create the chosen pools. */
let readAction: Action;
let createAction: Action;
let saveDraftAction: Action;
/** One signed-in page for the whole file: the actions are called from it, with its session. */
let page: Page;

function actionOf(made: Request): Action {
  const headers = made.headers();
  const [args] = JSON.parse(made.postData() ?? "[]") as [Record<string, unknown>];
  return {
    headers: { "next-action": headers["next-action"] as string, "next-router-state-tree": headers["next-router-state-tree"] ?? "", accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
    args,
  };
}

const isAction = (r: Request) => r.method() === "POST" && r.headers()["next-action"] !== undefined;

/** Runs `trigger` and returns the server action request it made: the action id, headers and arguments. */
async function captureAction(page: Page, trigger: () => Promise<unknown>): Promise<Action> {
  const request = page.waitForRequest(isAction);
  await trigger();
  return actionOf(await request);
}

/** Runs `trigger` and returns the first `count` server action requests it made, in order. */
async function captureActions(page: Page, count: number, trigger: () => Promise<unknown>): Promise<Action[]> {
  const made: Request[] = [];
  const listen = (r: Request) => {
    if (isAction(r)) made.push(r);
  };
  page.on("request", listen);
  await trigger();
  await expect.poll(() => made.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(count);
  page.off("request", listen);
  return made.slice(0, count).map(actionOf);
}

/**
 * Posts a body to the action from inside the page, as the page's own call does (same origin, cookies and
 * headers). Bytes are sent as they are, so a body can hold invalid UTF-8.
 */
async function post(page: Page, action: Action, body: string | number[], what: string): Promise<{ status: number; text: string }> {
  const started = Date.now();
  const answer = await page.evaluate(
    async ({ headers, body, bound }) => {
      const response = await fetch("/", { method: "POST", headers, body: typeof body === "string" ? body : new Uint8Array(body), signal: AbortSignal.timeout(bound) });
      return { status: response.status, text: await response.text() };
    },
    { headers: action.headers, body, bound: BOUND_MS },
  );
  console.log(`hostile: ${what.padEnd(48)} ${String(answer.status).padStart(3)} in ${Date.now() - started} ms`);
  return answer;
}

const callWith = (page: Page, action: Action, args: Record<string, unknown>, what: string) => post(page, action, JSON.stringify([{ ...action.args, ...args }]), what);

/** The Import form's actions, each given the same hostile text (pasted, or as a named file). */
const IMPORT_ACTIONS = [
  ["read", () => readAction],
  ["create", () => createAction],
] as const;

async function eachImportAction(what: string, content: string, fileName = "pasted text"): Promise<{ status: number; text: string }[]> {
  const answers = [];
  for (const [name, action] of IMPORT_ACTIONS) answers.push(await callWith(page, action(), { files: [{ path: fileName, content }] }, `${name} import: ${what}`));
  return answers;
}

/** Every import action refuses the text with a message the person can act on, and the server keeps serving. */
async function expectImportRefused(what: string, content: string, message: RegExp, fileName?: string): Promise<void> {
  for (const answer of await eachImportAction(what, content, fileName)) await expectRefused(page, answer, message);
}

async function expectServing(page: Page): Promise<void> {
  const response = await page.request.get("/api/health", { timeout: 10_000 });
  expect(response.status(), "the server still answers /api/health").toBe(200);
}

/** A refusal the person can act on: the action answered (no generic failure) with this message. */
async function expectRefused(page: Page, answer: { status: number; text: string }, message: RegExp): Promise<void> {
  expect(answer.status).toBe(200);
  expect(answer.text).toContain('"ok":false');
  expect(answer.text).not.toContain(GENERIC);
  expect(answer.text).toMatch(message);
  await expectServing(page);
}

/**
 * Turned away by Next before the action runs (its body limit, its argument decoder): an error status, or on a
 * page route an error row in the action's answer; never a result.
 */
function expectTurnedAway(answer: { status: number; text: string }): void {
  expect(answer.text).not.toContain('"ok":true');
  if (answer.status < 400) expect(answer.text).toMatch(/^1:E\{"digest"/mu);
}

const HONEST = "apiVersion: cognito-studio.dev/v1\nkind: UserPool\nmetadata:\n  name: hostile-honest\nspec:\n  region: eu-west-1\n";

function aliasBomb(): string {
  const lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(",")}]`);
  return `apiVersion: cognito-studio.dev/v1\nkind: UserPool\nmetadata: {name: bomb}\n${lines.join("\n")}\nspec: {region: eu-west-1}\n`;
}

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await signUpOrIn(page);
});
test.afterAll(async () => {
  await page?.close();
});

test("capture the import (read, then create) and save-draft actions from the pages that use them", async () => {
  await page.goto("/");
  const form = page.getByRole("form", { name: "Import a pool" });
  await form.getByLabel("…or paste it here").fill(HONEST);
  [readAction, createAction] = (await captureActions(page, 2, () => form.getByRole("button", { name: "Import" }).click())) as [Action, Action];
  expect(readAction.args).toMatchObject({ files: [{ path: expect.any(String), content: HONEST }] });
  expect(createAction.args).toMatchObject({ files: readAction.args.files, environment: expect.any(String), choices: [expect.objectContaining({ address: expect.any(String) })] });
  expect(createAction.headers["next-action"]).not.toBe(readAction.headers["next-action"]);
  await expect(page).toHaveURL(/\/pools\/[^/]+$/u);
  await expect(page.getByLabel("Pool name")).toHaveValue("hostile-honest");
  saveDraftAction = await captureAction(page, () => page.getByLabel("Pool name").fill("hostile-honest-2"));
  expect(saveDraftAction.args).toMatchObject({ poolId: expect.any(String), version: expect.any(Number) });
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
});

test.describe("the import actions (read the files, create the pools)", () => {
  test("deep nesting is refused by name, on every call (the second call used to abort Node)", async () => {
    for (const depth of [3_000, 3_000, 100_000]) await expectImportRefused(`${depth} nested brackets`, "[".repeat(depth) + "]".repeat(depth), /nests more than 64 levels deep/u);
    const block = Array.from({ length: 1_000 }, (_, i) => `${" ".repeat(i)}k:`).join("\n");
    await expectImportRefused("1,000 indented levels", block, /nests more than 64 levels deep/u);
  });

  test("newline floods get an answer, not a stalled event loop", async () => {
    const flood = "\n".repeat(400_000);
    await expectImportRefused("400,000 newlines", flood, /the files are empty/u);
    await expectImportRefused("400,000 newlines, then apiVersion", `${flood}apiVersion: x\n`, /Nothing could be imported from pasted text/u);
    // Pasted text is Terraform when a line opens a block: told line by line, so the flood costs one pass.
    const terraform = `${"\r\n".repeat(400_000)}resource "aws_cognito_user_pool" "flood" {\n  name = "flood-users"\n}\n`;
    const answer = await callWith(page, readAction, { files: [{ path: "pasted text", content: terraform }] }, "read import: 400,000 CRLF, then a pool");
    expect(answer.text).toContain('"ok":true');
    expect(answer.text).toContain("flood-users");
    await expectServing(page);
  });

  test("a long line, a NUL byte, invalid UTF-8 and huge numbers", async () => {
    await expectImportRefused("one 300,000-character line", `a: ${"x".repeat(300_000)}`, /line 1 of pasted text is 300,003 characters long; the limit is 200,000/u);
    await expectImportRefused("a NUL byte", `${HONEST}\u0000`, /pasted text holds a NUL character/u);
    for (const [name, action] of IMPORT_ACTIONS) {
      const body = JSON.stringify([{ ...action().args, files: [{ path: "pasted text", content: "INVALID" }] }]);
      const [before, after] = body.split("INVALID") as [string, string];
      const invalidUtf8 = [...Buffer.concat([Buffer.from(`${before}apiVersion: `), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(`\\nkind: UserPool${after}`)])];
      await expectRefused(page, await post(page, action(), invalidUtf8, `${name} import: invalid UTF-8`), /Nothing could be imported/u);
    }
    const huge = HONEST.replace("spec:\n", `spec:\n  mfa: ${"9".repeat(100_000)}\n  deletionProtection: 1e999999\n`);
    await expectImportRefused("100,000-digit numbers", huge, /Nothing could be imported/u);
  });

  test("a YAML alias bomb is refused, not expanded", async () => {
    await expectImportRefused("alias bomb (10^10 nodes)", aliasBomb(), /alias/iu);
  });

  test("importers for every format: deep HCL, a deep variable file, a deep template are refused by name", async () => {
    const hcl = `resource "aws_cognito_user_pool" "p" {\n  name = ${"{a = ".repeat(5_000)}1${"}".repeat(5_000)}\n}\n`;
    await expectImportRefused("Terraform, 5,000 nested objects", hcl, /main\.tf nests more than 64 levels/u, "main.tf");
    // A tfvars file this deep overflowed the HCL reader's stack, which aborted the whole process.
    for (const [name, action] of IMPORT_ACTIONS) {
      const files = [
        { path: "main.tf", content: 'variable "l" {}\nresource "aws_cognito_user_pool" "p" {\n  name = "p"\n}\n' },
        { path: "terraform.tfvars", content: `l = ${"[".repeat(50_000)}${"]".repeat(50_000)}\n` },
      ];
      await expectRefused(page, await callWith(page, action(), { files }, `${name} import: a tfvars file 50,000 lists deep`), /terraform\.tfvars nests more than 64 levels/u);
    }
    const template = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  P:\n    Type: AWS::Cognito::UserPool\n    Properties: ${"[".repeat(5_000)}${"]".repeat(5_000)}\n`;
    await expectImportRefused("CloudFormation, 5,000 nested lists", template, /nests more than 64 levels/u, "template.yaml");
    const openmcf = `apiVersion: aws.openmcf.org/v1\nkind: AwsCognitoUserPool\nspec: ${"{a: ".repeat(5_000)}1${"}".repeat(5_000)}\n`;
    await expectImportRefused("OpenMCF, 5,000 nested maps", openmcf, /nests more than 64 levels/u, "manifest.yaml");
  });

  test("a file the parser needs seconds for is read off the request thread: the server answers meanwhile", async () => {
    const slow = 'a: [1, {b: "x"}]\n'.repeat(50_000);
    for (const [name, action] of IMPORT_ACTIONS) {
      let importDone = false;
      const started = Date.now();
      const importing = callWith(page, action(), { files: [{ path: "pasted text", content: slow }] }, `${name} import: 0.9 MB of flow YAML (slow to parse)`).then((answer) => {
        importDone = true;
        return answer;
      });
      const healthStarted = Date.now();
      await expectServing(page);
      console.log(`hostile: /api/health answered in ${Date.now() - healthStarted} ms while ${name} import was reading (${Date.now() - started} ms in)`);
      expect(importDone, "/api/health answered while the import was still being read").toBe(false);
      const answer = await importing;
      expect(answer.text).toContain('"ok":false');
      expect(answer.text).not.toContain(GENERIC);
      await expectServing(page);
    }
  });

  test("a file over the size limit is named at its field in the form", async () => {
    await page.goto("/");
    const form = page.getByRole("form", { name: "Import a pool" });
    await form.getByLabel("…or paste it here").fill(`apiVersion: x\n${"#".repeat(2_000_000)}`);
    await form.getByRole("button", { name: "Import" }).click();
    await expect(form.getByText("a file is larger than 2 MB")).toBeVisible();
  });

  test("a 10 MB body is turned away and the server keeps serving", async () => {
    for (const [name, action] of IMPORT_ACTIONS) {
      const answer = await callWith(page, action(), { files: [{ path: "pasted text", content: `apiVersion: x\n${"a".repeat(10_000_000)}` }] }, `${name} import: a 10 MB body`);
      expectTurnedAway(answer);
      await expectServing(page);
    }
  });
});

test.describe("the save-draft action", () => {
  // Written as text: JSON.stringify itself cannot walk 10,000 levels.
  const deepDraft = (depth: number) =>
    JSON.stringify([{ ...saveDraftAction.args, document: "DOCUMENT" }]).replace('"DOCUMENT"', `{"apiVersion":"cognito-studio.dev/v1","deep":${'{"a":'.repeat(depth)}{}${"}".repeat(depth)}}`);

  test("a draft nested 1,000 deep is a clear error from the action's schema", async () => {
    await expectRefused(page, await post(page, saveDraftAction, deepDraft(1_000), "save draft: nested 1,000 deep"), /nests more than 64 levels deep/u);
  });

  test("a draft nested 10,000 deep overflows Next's own argument decoder: an error answer, and the server keeps serving", async () => {
    // React's reply decoder recurses before the action (and its schema) runs; the request fails alone.
    const answer = await post(page, saveDraftAction, deepDraft(10_000), "save draft: nested 10,000 deep");
    expectTurnedAway(answer);
    await expectServing(page);
  });

  test("a 10 MB draft is turned away and the server keeps serving", async () => {
    const answer = await callWith(page, saveDraftAction, { document: { ...(saveDraftAction.args.document as object), padding: "x".repeat(10_000_000) } }, "save draft: a 10 MB body");
    expectTurnedAway(answer);
    await expectServing(page);
  });

  test("NUL bytes and invalid UTF-8 in a draft are saved as text or refused, never a crash", async () => {
    const answer = await callWith(page, saveDraftAction, { version: 1, document: { ...(saveDraftAction.args.document as object), metadata: { name: "a\u0000b" } } }, "save draft: a NUL byte (stale version)");
    expect(answer.text).not.toContain(GENERIC);
    await expectServing(page);
  });
});
