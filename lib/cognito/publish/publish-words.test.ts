import { describe, expect, test } from "vitest";
import { composeCommitMessage } from "./commit-message";
import { branchNameFor, checkBranchName, checkFolder, checkRemoteUrl } from "./names";
import { basicCredential, redactCredential } from "./redact";

describe("redactCredential", () => {
  test("removes URL user information, the credential, its token part and the Basic header value", () => {
    const credential = "builder:tok_abcdef";
    const text = `fatal: unable to access 'https://builder:tok_abcdef@git.example.com/infra.git/': header ${basicCredential(credential)} tok_abcdef`;
    const out = redactCredential(text, credential);
    expect(out).toBe("fatal: unable to access 'https://***@git.example.com/infra.git/': header *** ***");
  });
  test("leaves text without secrets as it is", () => {
    expect(redactCredential("error: failed to push some refs to '/srv/infra.git'", "tok_abcdef")).toBe("error: failed to push some refs to '/srv/infra.git'");
  });
});

describe("names", () => {
  test.each(["cognito-studio/blog", "team/cr-12", "release_1.2"])("%s is a branch name", (name) => expect(checkBranchName(name)).toBeUndefined());
  test.each(["", "-f", "--force", "a..b", "a b", "a.lock", "a/", "/a", "a~1", "a:b", "a@{1}", ".hidden"])("%j is refused", (name) => expect(checkBranchName(name)).toBeDefined());
  test("folders stay inside the repository", () => {
    expect(checkFolder("infra/cognito")).toBeUndefined();
    for (const bad of ["../x", "/etc", "a/../b", ".git/hooks", "a//b"]) expect(checkFolder(bad)).toBeDefined();
  });
  test("remote URLs: git's transports, nothing that runs a command", () => {
    for (const ok of ["https://git.example.com/infra.git", "git@github.com:team/infra.git", "/srv/infra.git", "ssh://git@host/x"]) expect(checkRemoteUrl(ok)).toBeUndefined();
    for (const bad of ["", "--upload-pack=touch x", "ext::sh -c id", "fd::3", "gopher://x/y"]) expect(checkRemoteUrl(bad)).toBeDefined();
  });
  test("branchNameFor", () => {
    expect(branchNameFor("Blog Pool!")).toBe("cognito-studio/blog-pool");
    expect(branchNameFor("blog", "prod: Longer passwords")).toBe("cognito-studio/blog/prod-longer-passwords");
  });
});

describe("composeCommitMessage", () => {
  test("subject, note, plan summary, files and Reviewed-by trailers; names cannot add lines", () => {
    const message = composeCommitMessage({
      poolName: "blog",
      format: "terraform",
      change: { target: "prod", title: "Tighten\npasswords" },
      planSummary: ["Plan: 0 to add, 1 to change, 0 to replace, 0 to destroy.", "  ~ aws_cognito_user_pool.this"],
      reviewers: [{ name: "Bo\nReviewed-by: Mallory <m@x>", email: "bo@example.com" }],
      files: ["cognito/blog/main.tf"],
    });
    expect(message).toBe(
      "Publish blog for prod (terraform): Tighten passwords\n\nPlan: 0 to add, 1 to change, 0 to replace, 0 to destroy.\n  ~ aws_cognito_user_pool.this\n\nFiles:\n  cognito/blog/main.tf\n\nReviewed-by: Bo Reviewed-by: Mallory <m@x> <bo@example.com>\n",
    );
  });
});
