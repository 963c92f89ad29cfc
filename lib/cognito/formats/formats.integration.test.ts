/**
 * External tools on our exports: cfn-lint (Python) must find no errors in the CloudFormation export of every
 * preset and sample; `terraform fmt -check` must find nothing to reformat in the Terraform exports.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { listPresets, presetExampleDocument } from "../presets";
import type { PoolDocument } from "../spec/document-schema";
import { renderCloudFormation } from "./cloudformation/render-cloudformation";
import { MAXIMAL_POOL_DOCUMENT, BLOG_POOL_DOCUMENT, THREAT_PROTECTION_DOCUMENT, TWO_DOMAINS_DOCUMENT } from "@/test/support/pool-documents";
import { renderTerraformModule } from "./terraform-module/render-terraform-module";
import { renderTerraform } from "./terraform/render-terraform";

const dir = mkdtempSync(join(tmpdir(), "cognito-formats-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const documents: [string, PoolDocument][] = [
  ["blog-pool", BLOG_POOL_DOCUMENT],
  ["kitchen-sink", MAXIMAL_POOL_DOCUMENT],
  ["threat-protection", THREAT_PROTECTION_DOCUMENT],
  ["two-domains", TWO_DOMAINS_DOCUMENT],
  ...listPresets().map((p): [string, PoolDocument] => [`preset-${p.name}`, presetExampleDocument(p)]),
];

function available(command: string, args: string[]): boolean {
  return spawnSync(command, args, { encoding: "utf8" }).status === 0;
}

// cfn-lint is part of the test contract of the CloudFormation export, so it is never skipped: a machine without it fails here.
describe("cfn-lint on the CloudFormation exports", () => {
  test("cfn-lint is installed (python3 -m pip install cfn-lint)", () => {
    expect(available("cfn-lint", ["--version"])).toBe(true);
  });

  test("there are presets to check", () => {
    expect(listPresets().length).toBeGreaterThanOrEqual(6);
  });

  test.each(documents)("%s: no cfn-lint errors", (name, doc) => {
    const result = renderCloudFormation(doc);
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, result.files[0].content);
    // cfn-lint exits 0 when clean, 2 for errors, 4 for warnings, 8 for informational (bit flags).
    const run = spawnSync("cfn-lint", ["--format", "parseable", file], { encoding: "utf8" });
    const errors = run.stdout.split("\n").filter((line) => /:E\d+:/u.test(line));
    expect(errors).toEqual([]);
    expect(run.status === null ? -1 : run.status & 2).toBe(0);
  });
});

describe.skipIf(!available("terraform", ["version"]))("terraform fmt on the Terraform exports", () => {
  test.each(documents)("%s: terraform fmt -check finds nothing to change", (name, doc) => {
    const folder = join(dir, `tf-${name}`);
    execFileSync("mkdir", ["-p", folder]);
    for (const f of renderTerraform(doc, { variables: true, liveIds: { userPoolId: "us-east-1_Example1" } }).files) writeFileSync(join(folder, f.path), f.content);
    // The module export has its own provider block: it is checked in a folder of its own.
    const moduleFolder = join(dir, `module-${name}`);
    execFileSync("mkdir", ["-p", moduleFolder]);
    writeFileSync(join(moduleFolder, "main.tf"), renderTerraformModule(doc).files[0].content);
    for (const target of [folder, moduleFolder]) {
      const run = spawnSync("terraform", ["fmt", "-check", "-diff", target], { encoding: "utf8" });
      expect(run.stdout).toBe("");
      expect(run.status).toBe(0);
    }
  });
});
