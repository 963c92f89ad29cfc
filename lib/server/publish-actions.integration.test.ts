/**
 * The Publish action on a real SQLite studio and a real bare repository (`git init --bare`): the session lookup
 * is the only part replaced. The repository comes from the server's environment, as in production.
 */
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { type BareRepo, createBareRepo } from "@/test/support/git-repos";
import { byRole, newBlankPool, useStudioDatabase } from "@/test/support/studio-db";

const { as } = useStudioDatabase("studio-publish-", byRole("viewer", "editor", "approver"));
const { getDb } = await import("./db");
const { publishPoolAction } = await import("@/app/pools/publish-actions");
const review = await import("@/app/pools/review-actions");

const CREDENTIAL = "ghp_publish-secret-value";
let repo: BareRepo;
beforeEach(() => {
  repo?.remove();
  repo = createBareRepo();
  process.env.STUDIO_PUBLISH_REMOTE = repo.url;
  process.env.STUDIO_PUBLISH_CREDENTIAL = CREDENTIAL;
});
afterAll(() => {
  repo?.remove();
  delete process.env.STUDIO_PUBLISH_REMOTE;
  delete process.env.STUDIO_PUBLISH_CREDENTIAL;
});

const auditOf = (action: string) => getDb().db.auditEvent.findMany({ where: { action }, orderBy: { at: "asc" } });

describe("publishPoolAction", () => {
  test("an editor publishes the draft: a commit on the branch with the plan summary, and an audit event naming it", async () => {
    const pool = await newBlankPool("publish-one", () => as("editor"));
    const result = await publishPoolAction({ poolId: pool.id, format: "terraform", branch: "cognito-studio/publish-one" });
    expect(result).toMatchObject({ ok: true, data: { branch: "cognito-studio/publish-one", created: true, changed: true } });
    if (!result.ok) return;
    expect(repo.git("rev-parse", "cognito-studio/publish-one").trim()).toBe(result.data.commit);
    const workspaceFolder = result.data.files[0].split("/").slice(0, 2).join("/");
    expect(result.data.files).toEqual([`${workspaceFolder}/publish-one/main.tf`]);
    const message = repo.git("log", "-1", "--format=%B", "cognito-studio/publish-one");
    expect(message).toMatch(/^Publish publish-one \(terraform\)\n\nPublished from Cognito Studio by /u);
    expect(message).toContain("From an empty account: Plan: ");
    const events = await auditOf("pool.publish");
    expect(events.at(-1)).toMatchObject({ poolId: pool.id, after: `terraform to cognito-studio/publish-one at ${result.data.commit}` });
  });

  test("a viewer may not publish, and an unknown pool is refused", async () => {
    const pool = await newBlankPool("publish-two", () => as("editor"));
    as("viewer");
    expect(await publishPoolAction({ poolId: pool.id, format: "terraform", branch: "b" })).toMatchObject({ ok: false, formError: "This needs the editor role; you are viewer. Ask an admin of the workspace." });
    as("editor");
    expect(await publishPoolAction({ poolId: "no-such-pool", format: "terraform", branch: "b" })).toMatchObject({ ok: false, formError: "This pool does not exist in your workspace." });
    expect(await publishPoolAction({ poolId: pool.id, format: "terraform", branch: "-f" })).toMatchObject({ ok: false, fieldErrors: { branch: [expect.stringContaining("is not a branch name git accepts")] } });
    expect(repo.git("for-each-ref").trim()).toBe("");
  });

  test("a refused push reads in plain words, is audited as failed, and the credential is nowhere", async () => {
    const pool = await newBlankPool("publish-three", () => as("editor"));
    repo.setPreReceiveHook('echo "pushes need a ticket" >&2\nexit 1');
    const result = await publishPoolAction({ poolId: pool.id, format: "terraform-module", branch: "team/publish-three" });
    expect(result).toMatchObject({ ok: false, code: "publish-rejected-by-hook" });
    if (result.ok) return;
    expect(result.formError).toContain('The repository refused the push to branch "team/publish-three"');
    expect(result.formError).toContain('The repository said: "pushes need a ticket".');
    const failed = await auditOf("pool.publish.failed");
    expect(failed.at(-1)?.after).toBe(result.formError);
    const everything = JSON.stringify(await getDb().db.auditEvent.findMany());
    expect(everything).not.toContain(CREDENTIAL);
  });

  test("without a configured repository the page's words say who sets it", async () => {
    delete process.env.STUDIO_PUBLISH_REMOTE;
    const pool = await newBlankPool("publish-four", () => as("editor"));
    expect(await publishPoolAction({ poolId: pool.id, format: "terraform", branch: "b" })).toMatchObject({ ok: false, code: "publish-not-configured" });
  });

  test("an approved change request publishes its revision with the plan and its approvers as Reviewed-by", async () => {
    const pool = await newBlankPool("publish-five", () => as("editor"));
    as("admin");
    const target = await review.createTargetAction({ poolId: pool.id, name: "prod", region: "eu-west-1", endpoint: "", roleArn: "", userPoolId: "", requiredApprovals: 1 });
    if (!target.ok) throw new Error(JSON.stringify(target));
    as("editor");
    const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId: pool.id } });
    const submitted = await review.submitChangeRequestAction({ poolId: pool.id, targetId: target.data.id, draftVersion: draft.version, title: "First design", description: "" });
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    const changeRequestId = submitted.data.id;
    expect(await publishPoolAction({ poolId: pool.id, changeRequestId, format: "terraform", branch: "cr/first" })).toMatchObject({ ok: false, code: "change-request-not-approved" });
    as("approver");
    const approved = await review.approveAction({ changeRequestId, planVersion: 1 });
    expect(approved.ok).toBe(true);
    as("editor");
    const result = await publishPoolAction({ poolId: pool.id, changeRequestId, format: "terraform", branch: "cr/first" });
    expect(result).toMatchObject({ ok: true, data: { branch: "cr/first", changed: true } });
    const message = repo.git("log", "-1", "--format=%B", "cr/first");
    expect(message).toMatch(/^Publish publish-five for prod \(terraform\): First design\n/u);
    expect(message).toMatch(/\nRevision 1 on prod: Plan: \d+ to add, 0 to change, 0 to replace, 0 to destroy\.\n {2}create user_pool/u);
    const approver = await getDb().db.user.findFirstOrThrow({ where: { memberships: { some: { role: "approver" } } } });
    expect(repo.git("log", "-1", "--format=%(trailers:key=Reviewed-by,valueonly)", "cr/first").trim()).toBe(`${approver.name} <${approver.email}>`);
    expect((await auditOf("pool.publish")).at(-1)).toMatchObject({ target: changeRequestId, poolId: pool.id });
  });
});
