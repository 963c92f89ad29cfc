import { describe, expect, test } from "vitest";
import { renderCloudFormation } from "../../lib/cognito/formats/cloudformation/render-cloudformation";
import { BLOG_POOL_DOCUMENT } from "@/test/support/pool-documents";
import { renderTerraform } from "../../lib/cognito/formats/terraform/render-terraform";
import { parsePoolDocumentText, serialisePoolDocument } from "../../lib/cognito/spec/document";
import { runCli } from "../main";
import { memoryIo } from "@/test/support/cli-io";

const SEED = serialisePoolDocument(BLOG_POOL_DOCUMENT, "yaml");

describe("cognito-studio export", () => {
  test("--to terraform prints main.tf on standard output", async () => {
    const io = memoryIo({ files: { "pool.yaml": SEED } });
    expect(await runCli(["export", "pool.yaml", "--to", "terraform"], io)).toBe(0);
    expect(io.out()).toBe(renderTerraform(BLOG_POOL_DOCUMENT).files[0].content);
    expect(io.out()).toContain('resource "aws_cognito_user_pool" "this" {');
  });

  test("several files are separated by # ==> path <== headers; --out writes them into a directory", async () => {
    const io = memoryIo({ files: { "pool.yaml": SEED } });
    expect(await runCli(["export", "pool.yaml", "--to", "terraform", "--variables"], io)).toBe(0);
    expect(io.out()).toMatch(/^# ==> main\.tf <==\n/u);
    expect(io.out()).toContain("\n# ==> variables.tf <==\nvariable \"region\" {");

    const out = memoryIo({ files: { "pool.yaml": SEED } });
    expect(await runCli(["export", "pool.yaml", "--to", "terraform", "--variables", "--out", "infra/"], out)).toBe(0);
    expect([...out.files.keys()].sort()).toEqual(["infra/main.tf", "infra/variables.tf", "pool.yaml"]);
    expect(out.out()).toBe("");
  });

  test("--live-ids adds imports.tf", async () => {
    const io = memoryIo({ files: { "pool.yaml": SEED } });
    const ids = JSON.stringify({ userPoolId: "eu-central-1_Abc", clients: { "web-app": "7xyz" } });
    expect(await runCli(["export", "pool.yaml", "--to", "terraform", "--live-ids", ids, "--out", "tf"], io)).toBe(0);
    expect(io.files.get("tf/imports.tf")).toContain('id = "eu-central-1_Abc/7xyz"');
  });

  test("warnings go to standard error, the export to standard output", async () => {
    const doc = structuredClone(BLOG_POOL_DOCUMENT);
    doc.spec.deletionProtection = "ACTIVE";
    const io = memoryIo({ files: { "pool.yaml": serialisePoolDocument(doc, "yaml") } });
    expect(await runCli(["export", "pool.yaml", "--to", "terraform-module", "--out", "module.tf"], io)).toBe(0);
    expect(io.err()).toContain("terraform-module: warning spec.deletionProtection (not-expressible)");
    expect(io.files.get("module.tf")).toContain('module "cognito_user_pool" {');
  });

  test("an invalid document exits 1 with its diagnostics and writes nothing", async () => {
    const io = memoryIo({ files: { "bad.yaml": SEED.replace("region: eu-central-1", "region: moon-1") } });
    expect(await runCli(["export", "bad.yaml", "--to", "cloudformation"], io)).toBe(1);
    expect(io.err()).toContain("bad.yaml: error spec.region");
    expect(io.out()).toBe("");
  });

  test("usage errors exit 2", async () => {
    const io = memoryIo({ files: { "pool.yaml": SEED } });
    expect(await runCli(["export", "pool.yaml"], io)).toBe(2);
    expect(await runCli(["export", "pool.yaml", "--to", "pulumi"], io)).toBe(2);
    expect(await runCli(["export", "pool.yaml", "--to", "cloudformation", "--variables"], io)).toBe(2);
    expect(await runCli(["export", "missing.yaml", "--to", "spec"], io)).toBe(2);
  });
});

describe("cognito-studio import", () => {
  test("a .tf file is read as Terraform and printed as the native document", async () => {
    const io = memoryIo({ files: { "main.tf": renderTerraform(BLOG_POOL_DOCUMENT).files[0].content } });
    expect(await runCli(["import", "main.tf"], io)).toBe(0);
    expect(parsePoolDocumentText(io.out()).document).toEqual(BLOG_POOL_DOCUMENT);
  });

  test("a CloudFormation template is detected from its content", async () => {
    const io = memoryIo({ files: { "stack.yaml": renderCloudFormation(BLOG_POOL_DOCUMENT).files[0].content } });
    expect(await runCli(["import", "stack.yaml", "--format", "json"], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual(BLOG_POOL_DOCUMENT);
  });

  test("an OpenMCF manifest is read by apiVersion", async () => {
    const manifest = "apiVersion: aws.openmcf.org/v1\nkind: AwsCognitoUserPool\nmetadata:\n  name: my-auth\nspec:\n  region: us-east-1\n  clients:\n    - name: web-app\n";
    const io = memoryIo({ files: { "cognito.yaml": manifest } });
    expect(await runCli(["import", "cognito.yaml"], io)).toBe(0);
    expect(parsePoolDocumentText(io.out()).document).toMatchObject({ metadata: { name: "my-auth" }, spec: { region: "us-east-1", clients: [{ name: "web-app" }] } });
  });

  test("an unknown format is a usage error; a file that cannot be imported exits 1", async () => {
    const io = memoryIo({ files: { "notes.txt": "hello", "x.tf": 'variable "a" {}' } });
    expect(await runCli(["import", "notes.txt"], io)).toBe(2);
    expect(io.err()).toContain("pass --from");
    expect(await runCli(["import", "x.tf"], io)).toBe(1);
    expect(io.err()).toContain("no-user-pool");
  });
});

describe("cognito-studio import: Terraform as people write it", () => {
  const folder = {
    "infra/main.tf": 'resource "aws_cognito_user_pool" "this" {\n  name = "${var.app}-users-${var.env}"\n}\n',
    "infra/variables.tf": 'variable "app" {\n  type = string\n}\n\nvariable "env" {\n  type    = string\n  default = "dev"\n}\n',
    "infra/providers.tf": 'provider "aws" {\n  region = "eu-west-1"\n}\n',
    "infra/README.md": "# not Terraform",
  };

  test("a folder: its .tf and tfvars files are read together; the document is printed", async () => {
    const io = memoryIo({ files: { ...folder, "infra/terraform.tfvars": 'app = "shop"\n' } });
    expect(await runCli(["import", "infra"], io)).toBe(0);
    expect(parsePoolDocumentText(io.out()).document).toEqual({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "shop-users-dev" }, spec: { region: "eu-west-1" } });
    expect(io.err()).toBe("");
  });

  test("unresolved inputs are listed with file:line and the fields they feed; the draft is printed anyway, exit 1", async () => {
    const io = memoryIo({ files: folder });
    expect(await runCli(["import", "infra/"], io)).toBe(1);
    expect(io.err()).toContain('aws_cognito_user_pool.this: error metadata.name (unresolved-input): set from "${var.app}-users-${var.env}" in infra/main.tf line 2; supply var.app');
    expect(io.err()).toContain("  var.app  infra/variables.tf:1  feeds metadata.name  (-var app=VALUE; type string)");
    expect(io.out()).toBe("apiVersion: cognito-studio.dev/v1\nkind: UserPool\nmetadata: {}\nspec:\n  region: eu-west-1\n");
  });

  test("several files with -var, -var-file (Terraform's one-dash spelling) and --region", async () => {
    const io = memoryIo({
      files: {
        "a.tf": 'variable "app" {}\nvariable "env" {}\nresource "aws_cognito_user_pool" "p" {\n  name = "${var.app}-${var.env}"\n}\n',
        "b.tf": 'resource "aws_cognito_user_pool_client" "web" {\n  user_pool_id = aws_cognito_user_pool.p.id\n  name         = "web"\n}\n',
        "prod.tfvars": 'env = "prod"\napp = "from-file"\n',
      },
    });
    expect(await runCli(["import", "a.tf", "b.tf", "-var", "app=shop", "-var-file", "prod.tfvars", "--region", "us-east-2", "--format", "json"], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "shop-prod" }, spec: { region: "us-east-2", clients: [{ name: "web" }] } });
  });

  test("several pools and no --pool: the addresses and names are listed, exit 1; --pool picks one", async () => {
    const files = { "main.tf": 'provider "aws" {\n  region = "eu-west-1"\n}\nresource "aws_cognito_user_pool" "customers" {\n  name = "customers"\n}\nresource "aws_cognito_user_pool" "staff" {\n  name = "staff"\n}\n' };
    const io = memoryIo({ files });
    expect(await runCli(["import", "main.tf"], io)).toBe(1);
    expect(io.out()).toBe("");
    expect(io.err()).toBe('cognito-studio import: the files hold 2 pools; import one with --pool ADDRESS:\n  aws_cognito_user_pool.customers  "customers"\n  aws_cognito_user_pool.staff      "staff"\n');
    const picked = memoryIo({ files });
    expect(await runCli(["import", "main.tf", "--pool", "aws_cognito_user_pool.staff"], picked)).toBe(0);
    expect(parsePoolDocumentText(picked.out()).document?.metadata.name).toBe("staff");
  });

  test("usage errors: -var without =, a folder without Terraform files, -var on a template", async () => {
    const io = memoryIo({ files: { ...folder, "docs/notes.md": "x", "stack.yaml": renderCloudFormation(BLOG_POOL_DOCUMENT).files[0].content } });
    expect(await runCli(["import", "infra", "-var", "app"], io)).toBe(2);
    expect(io.err()).toContain('-var takes NAME=VALUE; got "app"');
    expect(await runCli(["import", "docs"], io)).toBe(2);
    expect(io.err()).toContain("docs is a folder with no Terraform files");
    expect(await runCli(["import", "stack.yaml", "--from", "cloudformation", "-var", "a=b"], io)).toBe(2);
    expect(io.err()).toContain("-var and -var-file apply to Terraform only");
  });
});
