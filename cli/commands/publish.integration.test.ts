/** `cognito-studio publish` against a real bare repository made by the test. */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type BareRepo, createBareRepo } from "@/test/support/git-repos";
import { memoryIo } from "@/test/support/cli-io";
import { BLOG_POOL_DOCUMENT } from "@/test/support/pool-documents";
import { renderOpenMcf } from "../../lib/cognito/formats/openmcf/render";
import { serialisePoolDocument } from "../../lib/cognito/spec/document";
import { runCli } from "../main";

let repo: BareRepo;
beforeEach(() => {
  repo = createBareRepo();
});
afterEach(() => repo.remove());

const SEED = serialisePoolDocument(BLOG_POOL_DOCUMENT, "yaml");
const changedDocument = () => {
  const doc = structuredClone(BLOG_POOL_DOCUMENT);
  doc.spec.userPoolTags = { ...doc.spec.userPoolTags, environment: "staging" };
  return serialisePoolDocument(doc, "yaml");
};

describe("cognito-studio publish", () => {
  test("publishes the module call to a new branch, then a second time on top of it", async () => {
    const io = memoryIo({ files: { "pool.yaml": SEED } });
    expect(await runCli(["publish", "pool.yaml", "--repo", repo.url, "--branch", "infra/blog", "--message", "first design", "--format", "terraform-module"], io)).toBe(0);
    expect(io.out()).toMatch(/^committed [0-9a-f]{12} to new branch infra\/blog\n  cognito\/blog-pool\/main\.tf\n$/u);
    expect(repo.git("log", "-1", "--format=%s%n%b", "infra/blog")).toContain("Publish blog-pool (terraform-module)\nfirst design\n");

    const again = memoryIo({ files: { "pool.yaml": changedDocument() } });
    expect(await runCli(["publish", "pool.yaml", "--repo", repo.url, "--branch", "infra/blog", "--format", "terraform-module"], again)).toBe(0);
    expect(again.out()).toMatch(/^committed [0-9a-f]{12} to branch infra\/blog\n/u);
    expect(repo.git("rev-list", "--count", "infra/blog").trim()).toBe("2");
    expect(repo.git("show", "infra/blog:cognito/blog-pool/main.tf")).toMatch(/environment\s*=\s*"staging"/u);
  });

  test("--format and --folder choose the export and where it goes; the default branch is named after the pool", async () => {
    const io = memoryIo({ files: { "pool.yaml": SEED } });
    expect(await runCli(["publish", "pool.yaml", "--repo", repo.url, "--format", "openmcf", "--folder", "envs/prod"], io)).toBe(0);
    expect(repo.git("show", "cognito-studio/blog-pool:envs/prod/manifest.yaml")).toBe(renderOpenMcf(BLOG_POOL_DOCUMENT).files[0].content);
  });

  test("a refused push exits 3 with the reason in plain words", async () => {
    repo.setPreReceiveHook('echo "branch names must start with team/" >&2\nexit 1');
    const io = memoryIo({ files: { "pool.yaml": SEED } });
    expect(await runCli(["publish", "pool.yaml", "--repo", repo.url], io)).toBe(3);
    expect(io.err().split("\n").filter((line) => !line.includes(": warning ")).join("\n")).toBe(
      'cognito-studio publish: The repository refused the push to branch "cognito-studio/blog-pool": a check on the repository (its pre-receive hook) declined it. Nothing was published. Ask the repository\'s owners what the check requires, then publish again. The repository said: "branch names must start with team/".\n',
    );
    expect(repo.git("for-each-ref").trim()).toBe("");
  });

  test("usage errors: no --repo, a branch git would misread", async () => {
    const io = memoryIo({ files: { "pool.yaml": SEED } });
    expect(await runCli(["publish", "pool.yaml"], io)).toBe(2);
    expect(io.err()).toContain("--repo is required");
    const bad = memoryIo({ files: { "pool.yaml": SEED } });
    expect(await runCli(["publish", "pool.yaml", "--repo", repo.url, "--branch=-f"], bad)).toBe(2);
    expect(bad.err()).toContain("is not a branch name git accepts");
  });

  test("the default is the Terraform module folder: four files in cognito/POOL", async () => {
    const io = memoryIo({ files: { "pool.yaml": SEED } });
    expect(await runCli(["publish", "pool.yaml", "--repo", repo.url], io)).toBe(0);
    expect(repo.git("ls-tree", "-r", "--name-only", "cognito-studio/blog-pool").trim().split("\n").sort()).toEqual(["main.tf", "outputs.tf", "variables.tf", "versions.tf"].map((f) => `cognito/blog-pool/${f}`));
    expect(repo.git("log", "-1", "--format=%s", "cognito-studio/blog-pool").trim()).toBe("Publish blog-pool (terraform-module-folder)");
  });
});
