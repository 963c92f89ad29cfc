import { zipSync, strToU8 } from "fflate";
import { expect, test } from "vitest";
import { filesToImport, PASTED_TEXT, sourceFilesFromUpload } from "./import-files";
import { sourceFilesFromZip } from "./zip-files";

test("a zip gives its Terraform and tfvars files by path, and names what it skipped", () => {
  const zip = zipSync({
    "infra/main.tf": strToU8('resource "aws_cognito_user_pool" "main" {}'),
    "infra/terraform.tfvars": strToU8('env = "prod"'),
    "infra/prod.tfvars.json": strToU8('{"env":"prod"}'),
    "infra/.terraform/providers/x.json": strToU8("{}"),
    "__MACOSX/infra/._main.tf": strToU8(""),
    "infra/README.md": strToU8("# infra"),
  });
  const { files, skipped } = sourceFilesFromZip(zip);
  expect(files.map((f) => f.path)).toEqual(["infra/main.tf", "infra/prod.tfvars.json", "infra/terraform.tfvars"]);
  expect(files[0]?.content).toBe('resource "aws_cognito_user_pool" "main" {}');
  expect(skipped.sort()).toEqual(["__MACOSX/infra/._main.tf", "infra/.terraform/providers/x.json", "infra/README.md"]);
});

test("uploads: zips are expanded under their own name, other files read as text", async () => {
  const zip = new File([zipSync({ "main.tf": strToU8("a") })], "module.zip");
  const tf = new File(["b"], "variables.tf");
  const { files } = await sourceFilesFromUpload([zip, tf]);
  expect(files).toEqual([
    { path: "module.zip/main.tf", content: "a" },
    { path: "variables.tf", content: "b" },
  ]);
});

test("pasted text is one file named as pasted text (never main.tf); chosen files win; blanks give nothing", () => {
  expect(filesToImport([], "Resources: {}")).toEqual([{ path: PASTED_TEXT, content: "Resources: {}" }]);
  expect(PASTED_TEXT).not.toMatch(/\.tf$/u);
  expect(filesToImport([{ path: "a.tf", content: "x" }], "ignored")).toEqual([{ path: "a.tf", content: "x" }]);
  expect(filesToImport([], "  \n")).toEqual([]);
});
